package dev.snapferry.sim.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snapferry.sim.SimClients;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.docdbelastic.DocDbElasticClient;
import software.amazon.awssdk.services.docdbelastic.model.ValidationException;
import software.amazon.awssdk.services.docdbelastic.model.ValidationExceptionField;

/**
 * The simulator answers Elastic tag requests as DocumentDB Elastic's service model says AWS does (botocore
 * docdb-elastic 2022-11-28 service-2.json: TagKey {@code ^(?!aws:)[a-zA-Z+-=._:/]+$}, 1..128; TagValue 0..256,
 * no pattern), through the real SDK, on TagResource, CreateClusterSnapshot and CopyClusterSnapshot.
 */
class ElasticTagModelTest {

    private static SimClock.Manual clock;
    private static Simulator simulator;
    private static DocDbElasticClient east;
    private static String snapshotArn;
    private static String clusterArn;
    private static int created;

    @BeforeAll
    static void start() throws Exception {
        clock = SimClock.manual(Instant.parse("2026-11-20T12:00:00Z"));
        simulator = Simulator.start(new Simulator.Options(0, clock, FaultSettings.none(), new DemoDataset()));
        east = SimClients.production(simulator, "us-east-1").elastic();
        var first = east.listClusterSnapshots(b -> b.snapshotType("manual")).snapshots().getFirst();
        snapshotArn = first.snapshotArn();
        clusterArn = first.clusterArn();
    }

    @AfterAll
    static void stop() {
        east.close();
        simulator.close();
    }

    /** Keys and AWS's answer per the model; "AWS:x" is refused in any case as the AWS tagging guides say. */
    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("Cost Center", false),
                Arguments.of("\u00C9quipe", false),
                Arguments.of("rds:owner", true),
                Arguments.of("a1,b;c<", true),
                Arguments.of("team-1/env.x_y:z=+", true),
                Arguments.of("a@b", false),
                Arguments.of("#1", false),
                Arguments.of("aws:x", false),
                Arguments.of("AWS:x", false),
                Arguments.of("k".repeat(128), true),
                Arguments.of("k".repeat(129), false));
    }

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("a@b.com", true),
                Arguments.of("x,y", true),
                Arguments.of("#1", true),
                Arguments.of("\u00C9quipe \u00FCn\u00EFcode", true),
                Arguments.of("aws:x", true),
                Arguments.of("", true),
                Arguments.of("v".repeat(256), true),
                Arguments.of("v".repeat(257), false));
    }

    private static void assertAnswer(Runnable call, boolean accepted) {
        if (accepted) {
            call.run();
        } else {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.fieldList()).extracting(ValidationExceptionField::name).containsExactly("tags");
            });
        }
    }

    @ParameterizedTest(name = "[{index}] {0} accepted: {1}")
    @MethodSource("keys")
    void tagResourceAnswersKeysAsTheModelSays(String key, boolean accepted) {
        assertAnswer(() -> east.tagResource(b -> b.resourceArn(snapshotArn).tags(Map.of(key, "v"))), accepted);
        assertThat(east.listTagsForResource(b -> b.resourceArn(snapshotArn)).tags().containsKey(key))
                .isEqualTo(accepted);
    }

    @ParameterizedTest(name = "[{index}] {0} accepted: {1}")
    @MethodSource("values")
    void tagResourceAnswersValuesAsTheModelSays(String value, boolean accepted) {
        assertAnswer(() -> east.tagResource(b -> b.resourceArn(clusterArn).tags(Map.of("Probe", value))), accepted);
        if (accepted) {
            assertThat(east.listTagsForResource(b -> b.resourceArn(clusterArn)).tags()).containsEntry("Probe", value);
        }
    }

    @ParameterizedTest(name = "[{index}] {0} accepted: {1}")
    @MethodSource("keys")
    void copyClusterSnapshotAnswersKeysAsTheModelSays(String key, boolean accepted) {
        String target = "model-copy-" + ++created;
        assertAnswer(() -> east.copyClusterSnapshot(b -> b.snapshotArn(snapshotArn).targetSnapshotName(target)
                .tags(Map.of(key, "v"))), accepted);
        // Let the copy finish, so that the five-copies-in-flight quota never answers instead of the tag rules.
        clock.advance(java.time.Duration.ofHours(2));
    }

    @ParameterizedTest(name = "[{index}] {0} accepted: {1}")
    @MethodSource("keys")
    void createClusterSnapshotAnswersKeysAsTheModelSays(String key, boolean accepted) {
        String name = "model-create-" + ++created;
        assertAnswer(() -> east.createClusterSnapshot(b -> b.clusterArn(clusterArn).snapshotName(name)
                .tags(Map.of(key, "v"))), accepted);
    }

    @Test
    void theRefusalNamesTheFieldAndTheModelsPattern() {
        assertThatThrownBy(() -> east.tagResource(b -> b.resourceArn(snapshotArn).tags(Map.of("Cost Center", "x"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("1 validation error detected: Value '{Cost Center=x}' at 'tags' failed to "
                                + "satisfy constraint: Map keys must satisfy constraint: ")
                        .contains("Member must satisfy regular expression pattern: ^(?!aws:)[a-zA-Z+-=._:/]+$"));
    }

    @Test
    void untagResourceRefusesAKeyTheModelCannotHold() {
        assertThatThrownBy(() -> east.untagResource(b -> b.resourceArn(snapshotArn).tagKeys("Cost Center")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldList())
                        .extracting(ValidationExceptionField::name).containsExactly("tagKeys"));
    }
}
