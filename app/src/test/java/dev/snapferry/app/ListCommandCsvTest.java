package dev.snapferry.app;

import dev.snapferry.ui.testing.DemoSessions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.export.HostileTags;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.Simulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code snapferry --list --format csv} of real snapshots with hostile tags, read back by a reader written from
 * RFC 4180 alone: every cell, tags included, is what the region holds.
 */
class ListCommandCsvTest {

    private static final RegionRef EAST = new RegionRef("us-east-1");

    @TempDir
    Path home;

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
    void theCsvListingReadsBackCellByCellWithHostileTags() throws Exception {
        HostileTags.tag(prod, EAST);
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), """
                [profile sim]
                region = us-east-1
                endpoint_url = %s
                """.formatted(simulator.endpoint()));
        Files.writeString(home.resolve(".aws/credentials"), """
                [sim]
                aws_access_key_id = %s
                aws_secret_access_key = %s
                """.formatted(DemoAccounts.PRODUCTION_ACCESS_KEY, DemoAccounts.PRODUCTION_SECRET_KEY));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ListCommand.run(List.of("--profile", "sim", "--regions", "us-east-1", "--format", "csv"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), home);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();

        // What the region holds, in the listing's order (account, region, engine, identifier).
        List<Snapshot> expected = HostileTags.list(prod, EAST).stream()
                .sorted(Comparator.comparing(Snapshot::ownerAccountId).thenComparing(s -> s.region().code())
                        .thenComparing(s -> s.engine().name()).thenComparing(Snapshot::identifier)).toList();
        assertThat(expected).anyMatch(s -> s.tags().equals(HostileTags.RDS))
                .anyMatch(s -> s.tags().containsAll(HostileTags.ELASTIC));
        HostileTags.assertReadsBackAs(out.toString(StandardCharsets.UTF_8), expected);
    }
}
