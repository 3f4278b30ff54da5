package dev.snapferry.core.export;

import dev.snapferry.ui.testing.DemoSessions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.model.ApiFamily;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.sim.Simulator;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The browser's CSV export of real snapshots listed from the simulator, hostile tags included, read back by a
 * reader written from RFC 4180 alone: every cell, tags included, is what was listed.
 */
class SnapshotExportRoundTripTest {

    private static final RegionRef EAST = new RegionRef("us-east-1");

    private DemoSessions demo;
    private Simulator simulator;
    private AccountSession prod;

    @BeforeEach
    void start() throws Exception {
        demo = new DemoSessions(Instant.parse("2026-11-20T12:00:00Z"));
        simulator = demo.simulator;
        prod = demo.production;
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    void everyCellOfRealSnapshotsWithHostileTagsReadsBackAsListed() throws Exception {
        List<Snapshot> tagged = HostileTags.tag(prod, EAST);
        List<Snapshot> listed = HostileTags.list(prod, EAST);
        assertThat(listed).filteredOn(s -> s.arn().equals(tagged.get(0).arn())).singleElement()
                .satisfies(s -> assertThat(s.tags()).containsExactlyElementsOf(HostileTags.RDS));
        assertThat(listed).filteredOn(s -> s.arn().equals(tagged.get(1).arn())).singleElement()
                .satisfies(s -> assertThat(s.tags()).containsAll(HostileTags.ELASTIC));
        assertThat(listed).anyMatch(s -> s.engine().api() == ApiFamily.DOCDB_ELASTIC).hasSizeGreaterThan(10);

        StringWriter out = new StringWriter();
        SnapshotExport.write(SnapshotExport.Format.CSV, listed, out);

        HostileTags.assertReadsBackAs(out.toString(), listed);
        // The RDS snapshot's tags cell starts with "+": quoted, with the neutralising quote inside.
        assertThat(out.toString()).contains(",\"'+plus=-minus;a\\=b=\\=1+2;\\=lead=c\\=d\\=e;path:/x=\",");
    }
}
