package dev.snapferry.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.StandaloneSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * {@code kill -9} of a real process running the app's copy jobs against the standalone simulator (another real
 * process), while a batch of twelve copies (more than AWS's five per region at once) is being submitted, or
 * polled; then the same process started again on the same history. Every job must be accounted for and done, AWS
 * must hold exactly one copy per job, none may have been refused as already existing, and the history must read
 * as whole JSON every time it is looked at.
 */
class CrashRecoveryTest {

    private static final int BATCH = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** When the first process is killed, read from its history file. */
    enum KillPoint {
        WHILE_SUBMITTING(states -> states.getOrDefault("SUBMITTING", 0) > 0),
        WHILE_POLLING(states -> states.getOrDefault("QUEUED_BY_AWS", 0) + states.getOrDefault("COPYING", 0) >= 3
                && states.getOrDefault("SUBMITTING", 0) == 0);

        final Predicate<Map<String, Integer>> reached;

        KillPoint(Predicate<Map<String, Integer>> reached) {
            this.reached = reached;
        }
    }

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(KillPoint.class)
    void afterAKillNineEveryJobIsAccountedForAndNoneWasSentTwice(KillPoint point) throws Exception {
        String prefix = "crash-" + point.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-";
        Path history = folder.resolve("jobs.json");
        try (StandaloneSimulator simulator = StandaloneSimulator.start("--port", "0", "--manual-clock")) {
            // Every call takes a while, so the kill lands in the middle of the batch.
            control(simulator.endpoint(), "PUT", "/_sim/faults", "{\"latencyMillis\": 150}");
            Process first = start(simulator.endpoint(), history, prefix);
            List<String> seen = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Map<String, Integer> states = Map.of();
            while (!point.reached.test(states)) {
                assertThat(System.nanoTime()).as("kill point %s reached; states seen %s", point, seen)
                        .isLessThan(deadline);
                assertThat(first.isAlive()).as("the first process is still running").isTrue();
                if (point == KillPoint.WHILE_POLLING) {
                    simulator.advanceClock(1);
                }
                states = states(history);
                seen.add(states.toString());
            }
            first.destroyForcibly();
            assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
            Map<String, Integer> atKill = states(history);
            List<String> idsAtKill = jobs(history).stream().map(j -> j.path("id").asText()).toList();
            assertThat(atKill.values().stream().mapToInt(Integer::intValue).sum()).as("jobs recorded at the kill: %s",
                    atKill).isEqualTo(BATCH);

            // Start again on the same history; AWS's copies move on while it runs.
            control(simulator.endpoint(), "PUT", "/_sim/faults", "{\"latencyMillis\": 0}");
            Process second = start(simulator.endpoint(), history, prefix);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (second.isAlive()) {
                assertThat(System.nanoTime()).as("the restarted process finishes; states %s", states(history))
                        .isLessThan(end);
                simulator.advanceClock(300);
                second.waitFor(300, TimeUnit.MILLISECONDS);
            }
            assertThat(second.exitValue()).isZero();

            List<JsonNode> jobs = jobs(history);
            assertThat(jobs).extracting(j -> j.path("id").asText()).as("the same jobs, none lost or made anew")
                    .containsExactlyInAnyOrderElementsOf(idsAtKill);
            assertThat(jobs).extracting(j -> j.path("state").asText()).as("every job done after the restart")
                    .containsOnly("AVAILABLE");
            assertThat(jobs).extracting(j -> j.path("failure").path("awsCode").asText(""))
                    .noneMatch(code -> code.contains("AlreadyExists"));
            List<String> targets = jobs.stream().map(j -> j.path("request").path("targetIdentifier").asText())
                    .sorted().toList();
            assertThat(targets).doesNotHaveDuplicates().hasSize(BATCH);
            Map<String, EngineFamily> inAws = copiesInAws(simulator.endpoint(), prefix);
            assertThat(inAws.keySet()).as("one copy in AWS per job").containsExactlyInAnyOrderElementsOf(targets);
            assertThat(inAws.values()).as("the batch copies every engine family, DocumentDB Elastic included")
                    .contains(EngineFamily.values());
        }
    }

    private Process start(URI endpoint, Path history, String prefix) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dsnapferry.log.dir=" + System.getProperty("snapferry.log.dir", "target/test-logs"),
                CopyBatchProcess.class.getName(), endpoint.toString(), history.toString(), String.valueOf(BATCH),
                prefix).redirectErrorStream(true);
        builder.environment().put("AWS_ACCESS_KEY_ID", DemoAccounts.PRODUCTION_ACCESS_KEY);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", DemoAccounts.PRODUCTION_SECRET_KEY);
        Process process = builder.start();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                while (out.readLine() != null) {
                    // drained, so the process never blocks on its own output
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        return process;
    }

    /** The history's jobs by state; the file must always be whole JSON (it is replaced atomically). */
    private static Map<String, Integer> states(Path history) throws IOException {
        return jobs(history).stream().collect(Collectors.groupingBy(j -> j.path("state").asText(),
                Collectors.summingInt(j -> 1)));
    }

    private static List<JsonNode> jobs(Path history) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(history);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        JsonNode root = JSON.readTree(bytes);
        List<JsonNode> jobs = new ArrayList<>();
        root.path("data").path("jobs").forEach(jobs::add);
        return Collections.unmodifiableList(jobs);
    }

    /** The copies AWS holds, by identifier, with their engine family. */
    private static Map<String, EngineFamily> copiesInAws(URI endpoint, String prefix) throws Exception {
        try (var http = ApacheHttpClient.create();
             AccountSession session = AccountSession.open("check", false, new RegionRef("us-east-1"),
                     new AwsClients(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                             DemoAccounts.PRODUCTION_ACCESS_KEY, DemoAccounts.PRODUCTION_SECRET_KEY)), endpoint,
                             http, 1))) {
            RegionResult result = new SnapshotLister(new KmsDirectory(), 1).list(List.of(session), List.of(
                    new RegionRef("us-east-1")), SnapshotLister.Options.DEFAULT, r -> { }).get(60, TimeUnit.SECONDS)
                    .getFirst();
            assertThat(result).as("the listing of what AWS holds").isInstanceOf(RegionResult.Loaded.class);
            // A part of the listing refused (Elastic's own API, say) would leave copies out unseen.
            assertThat(((RegionResult.Loaded) result).gaps()).as("parts of the listing that failed").isEmpty();
            return ((RegionResult.Loaded) result).snapshots().stream().filter(s -> s.identifier().startsWith(prefix))
                    .collect(Collectors.toMap(Snapshot::identifier, s -> s.engine().family()));
        }
    }

    private static void control(URI endpoint, String method, String path, String body) throws Exception {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve(path))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type",
                        "application/json").timeout(java.time.Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    }
}
