package dev.snapferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --coverage} and {@code --retention-dry-run} on the demo account: the tab's reports, for scripts. */
@Timeout(120)
class CoverageCommandTest {

    @TempDir
    Path home;

    @Test
    void coveragePrintsOneCsvLinePerClusterWithItsVerdict() {
        Run run = run(false, "--demo", "--regions", "us-east-1,us-west-2");

        assertThat(run.exit()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.getFirst()).startsWith("account,region,engine,cluster,existence,status,reasons");
        assertThat(lines).anyMatch(l -> l.startsWith("111122223333,us-east-1,aurora-mysql,orders-aurora,exists,"
                + "covered,"));
        assertThat(lines).anyMatch(l -> l.contains(",billing-pg,exists,at-risk,"));
        assertThat(lines).anyMatch(l -> l.contains(",graph-neptune,exists,uncovered,no copy in another region"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aRetentionDryRunPrintsEverySnapshotsFateAsJson() {
        Run dryRun = run(true, "--demo", "--regions", "us-east-1", "--format", "json", "--keep-newest", "1",
                "--keep-days", "7");

        assertThat(dryRun.exit()).isZero();
        assertThat(dryRun.out()).contains("\"action\" : \"delete\"").contains("\"keptBecause\" : \"automated");
        assertThat(dryRun.err()).isEmpty();
    }

    @Test
    void aWrongPolicyValueIsRefusedWithTheUsage() {
        Run run = run(true, "--demo", "--keep-days", "a week");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("snapferry --retention-dry-run: --keep-days takes 0 to 10000, not a week")
                .contains("Usage: snapferry --coverage");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aPriceTableOfTheUsersOwnReplacesTheBundledOneOrIsRefusedWithItsReason() throws Exception {
        Path own = home.resolve("prices.json");
        java.nio.file.Files.writeString(own, "{\"asOf\":\"2026-12-01\",\"source\":\"mine\",\"storagePerGbMonth\":"
                + "{\"RDS_MULTI_AZ_CLUSTER\":{\"us-east-1\":1.0}}}");
        Run priced = run(true, "--demo", "--regions", "us-east-1", "--keep-newest", "0", "--keep-days", "0",
                "--prices", own.toString());
        assertThat(priced.exit()).isZero();
        // ledger-mysql's snapshots are 200 GiB: a dollar a GiB-month makes each $200.
        assertThat(priced.out()).contains(",ledger-mysql,").contains(",200,200.0,");

        java.nio.file.Files.writeString(own, "{\"source\":\"mine\"}");
        Run refused = run(true, "--demo", "--prices", own.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("the price table " + own + " cannot be used: a price table needs");
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(boolean retention, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CoverageCommand.run(retention, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), home);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
