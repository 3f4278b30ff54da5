package dev.snapferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import dev.snapferry.sim.faults.ServiceFault;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code snapferry --list} against the simulator through a real profile file, as a script would run it. */
class ListCommandTest {

    private static Simulator simulator;

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws IOException {
        simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.parse("2026-11-20T12:00:00Z")),
                FaultSettings.none(), new DemoDataset()));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    record Run(int exit, String out, String err) {
    }

    @Test
    void listsTheProfilesRegionsAsJsonWithEveryEngine() throws IOException {
        writeProfile();
        Run run = run("--profile", "sim", "--regions", "us-east-1,eu-west-1", "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(run.out());
        assertThat(rows.size()).isGreaterThan(50);
        assertThat(rows.findValuesAsText("engine")).contains("aurora-mysql", "aurora-postgresql", "docdb",
                "docdb-elastic", "neptune", "mysql");
        assertThat(rows.findValuesAsText("region")).containsOnly("us-east-1", "eu-west-1");
        assertThat(rows.get(0).get("tags").isObject()).isTrue();
    }

    @Test
    void aFailedRegionGoesToStandardErrorAndTheExitStatusSaysSo() throws IOException {
        writeProfile();
        simulator.faults().set(new FaultSettings(0, 0, 0, 0, List.of(),
                Map.of(DemoAccounts.PRODUCTION, List.of("ap-northeast-1")), Map.of()));
        try {
            Run run = run("--profile", "sim", "--regions", "us-east-1,ap-northeast-1");
            assertThat(run.exit()).isEqualTo(3);
            assertThat(run.err()).contains("ap-northeast-1", "RegionUnavailable", "InvalidClientTokenId");
            assertThat(run.out().lines().skip(1)).isNotEmpty().allMatch(l -> l.contains(",us-east-1,"));
        } finally {
            simulator.faults().set(FaultSettings.none());
        }
    }

    @Test
    void aRegionWhoseElasticListingFailsIsPartialAndExitsThree() throws IOException {
        writeProfile();
        simulator.faults().set(FaultSettings.none().withServiceFaults(List.of(new ServiceFault("docdb-elastic",
                "ListClusterSnapshots", ServiceFault.Kind.ERROR))));
        try {
            Run run = run("--profile", "sim", "--regions", "us-east-1");
            assertThat(run.exit()).as(run.err()).isEqualTo(3);
            assertThat(run.err()).contains("us-east-1 partial: DocumentDB Elastic not listed - HTTP 500 after",
                    "InternalServerException");
            assertThat(run.out().lines().skip(1)).as("the rows that came are listed").isNotEmpty()
                    .noneMatch(l -> l.contains("docdb-elastic"));
        } finally {
            simulator.faults().set(FaultSettings.none());
        }
    }

    @Test
    void mistakesAreExplained() throws IOException {
        writeProfile();
        assertThat(run("--format", "xml").err()).contains("--format is csv or json");
        assertThat(run("--profile", "sim", "--regions", "moon-1").err()).contains("not a region code: moon-1");
        assertThat(run("--profile", "nope").exit()).isEqualTo(1);
        Run insecure = run("--profile", "sim", "--regions", "us-east-1", "--endpoint-url", "http://10.0.0.1:4566");
        assertThat(insecure.exit()).isEqualTo(2);
        assertThat(insecure.err()).contains("plain HTTP");
        assertThat(run("--regions", "us-east-1").err()).contains("no AWS credentials are configured");
    }

    @Test
    void credentialsNeverReachTheOutput() throws IOException {
        writeProfile();
        Run run = run("--profile", "sim", "--regions", "us-east-1");
        assertThat(run.out() + run.err()).doesNotContain(DemoAccounts.PRODUCTION_SECRET_KEY)
                .doesNotContain(DemoAccounts.PRODUCTION_ACCESS_KEY);
    }

    private void writeProfile() throws IOException {
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
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ListCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), home);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
