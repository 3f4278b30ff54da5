package dev.snapferry.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.model.ApiFamily;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The browser's CSV export of real snapshots listed from the simulator, hostile tags included, read back by a
 * reader written from RFC 4180 alone: every cell, tags included, is what was listed.
 */
class SnapshotExportRoundTripTest {

    private static final RegionRef EAST = new RegionRef("us-east-1");

    private Simulator simulator;
    private SdkHttpClient http;
    private AccountSession prod;

    @BeforeEach
    void start() throws Exception {
        simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.parse("2026-11-20T12:00:00Z")),
                FaultSettings.none(), new DemoDataset()));
        http = ApacheHttpClient.builder().build();
        prod = AccountSession.open("prod", true, EAST, new AwsClients(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(DemoAccounts.PRODUCTION_ACCESS_KEY, DemoAccounts.PRODUCTION_SECRET_KEY)),
                simulator.endpoint(), http, 2));
    }

    @AfterEach
    void stop() {
        prod.close();
        http.close();
        simulator.close();
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
