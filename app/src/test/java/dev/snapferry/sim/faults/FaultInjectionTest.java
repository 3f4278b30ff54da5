package dev.snapferry.sim.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snapferry.sim.SimClients;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.docdbelastic.DocDbElasticClient;
import software.amazon.awssdk.services.docdbelastic.model.AccessDeniedException;
import software.amazon.awssdk.services.docdbelastic.model.DocDbElasticException;
import software.amazon.awssdk.services.docdbelastic.model.InternalServerException;
import software.amazon.awssdk.services.docdbelastic.model.ThrottlingException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInternalException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Faults set in a running simulator, both through {@link Simulator#faults()} and through {@code PUT /_sim/faults},
 * as the real SDK clients see them.
 */
class FaultInjectionTest {

    private static final String PROD = "111122223333";

    private Simulator simulator;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.parse("2026-11-20T12:00:00Z")),
                FaultSettings.none(), new DemoDataset()));
    }

    @AfterEach
    void stop() {
        simulator.close();
        http.close();
    }

    private SimClients prod(String region) {
        return SimClients.production(simulator, region);
    }

    private SimClients dr(String region) {
        return SimClients.disasterRecovery(simulator, region);
    }

    private void putFaults(String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(simulator.endpoint().resolve("/_sim/faults"))
                .PUT(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static FaultSettings throttle(double rate, int burst) {
        return new FaultSettings(0, rate, burst, 0, List.of(), Map.of(), Map.of());
    }

    private static void listRds(RdsClient rds) {
        rds.describeDBClusterSnapshots(b -> b.maxRecords(20));
    }

    @Test
    void latencyDelaysEveryCall() throws Exception {
        try (RdsClient rds = prod("us-east-1").rds(); KmsClient kms = prod("us-east-1").kms()) {
            listRds(rds);
            kms.listAliases();
            simulator.faults().set(new FaultSettings(150, 0, 0, 0, List.of(), Map.of(), Map.of()));
            long began = System.nanoTime();
            listRds(rds);
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(150))
                    .isLessThan(Duration.ofSeconds(10));

            putFaults("{\"latencyMillis\":150}");
            began = System.nanoTime();
            kms.listAliases();
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(150))
                    .isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void rdsThrottlingIsPerAccountAndRegion() {
        try (RdsClient east = prod("us-east-1").rds(); RdsClient eu = prod("eu-west-1").rds();
             RdsClient drEast = dr("us-east-1").rds()) {
            listRds(east);
            listRds(eu);
            listRds(drEast);
            simulator.faults().set(throttle(2, 2));
            listRds(east);
            listRds(east);
            assertThatThrownBy(() -> listRds(east)).isInstanceOfSatisfying(RdsException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
                assertThat(e.isThrottlingException()).isTrue();
            });
            listRds(eu);
            listRds(drEast);
        }
    }

    @Test
    void kmsThrottlingIsAThrottlingException() throws Exception {
        try (KmsClient east = prod("us-east-1").kms(); KmsClient eu = prod("eu-west-1").kms()) {
            east.listKeys();
            eu.listKeys();
            putFaults("{\"throttleRatePerSecond\":2,\"throttleBurst\":2}");
            east.listKeys();
            east.listKeys();
            assertThatThrownBy(east::listKeys).isInstanceOfSatisfying(KmsException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                assertThat(e.isThrottlingException()).isTrue();
            });
            eu.listKeys();
        }
    }

    @Test
    void elasticThrottlingIsA429ThrottlingException() {
        try (DocDbElasticClient east = prod("us-east-1").elastic(); DocDbElasticClient drEast = dr("us-east-1").elastic()) {
            east.listClusters(b -> b.maxResults(20));
            drEast.listClusters(b -> b.maxResults(20));
            simulator.faults().set(throttle(2, 2));
            east.listClusters(b -> b.maxResults(20));
            east.listClusters(b -> b.maxResults(20));
            assertThatThrownBy(() -> east.listClusters(b -> b.maxResults(20)))
                    .isInstanceOfSatisfying(ThrottlingException.class, e -> assertThat(e.statusCode()).isEqualTo(429));
            drEast.listClusters(b -> b.maxResults(20));
        }
    }

    @Test
    void throttledBurstSucceedsWithTheSdksStandardRetries() {
        // The SDK's own record of each call: its attempts, and why each one that failed did.
        List<MetricCollection> calls = new CopyOnWriteArrayList<>();
        MetricPublisher recorder = new MetricPublisher() {
            @Override
            public void publish(MetricCollection metrics) {
                calls.add(metrics);
            }

            @Override
            public void close() {
            }
        };
        try (RdsClient rds = prod("us-east-1").withRetries(5).rds()) {
            listRds(rds);
            simulator.faults().set(throttle(2, 2));
            for (int i = 0; i < 6; i++) {
                rds.describeDBClusterSnapshots(b -> b.maxRecords(20)
                        .overrideConfiguration(o -> o.addMetricPublisher(recorder)));
            }
        }
        assertThat(calls).hasSize(6);
        // Six calls at once against a bucket of two refilled at two a second: some attempts must be refused.
        List<String> failedAttempts = calls.stream().flatMap(call -> call.children().stream())
                .flatMap(attempt -> attempt.metricValues(CoreMetric.ERROR_TYPE).stream()).toList();
        assertThat(failedAttempts).as("attempts refused, then retried by the SDK").isNotEmpty()
                .containsOnly("Throttling");
        assertThat(calls.stream().mapToInt(call -> call.metricValues(CoreMetric.RETRY_COUNT).getFirst()).sum())
                .isEqualTo(failedAttempts.size());
    }

    @Test
    void serverErrorsAreEachProtocolsInternalError() throws Exception {
        putFaults("{\"serverErrorRate\":1.0}");
        try (RdsClient rds = prod("us-east-1").rds(); KmsClient kms = prod("us-east-1").kms();
             DocDbElasticClient elastic = prod("us-east-1").elastic(); StsClient sts = prod("us-east-1").sts()) {
            assertThatThrownBy(() -> listRds(rds)).isInstanceOfSatisfying(RdsException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
                assertThat(e.statusCode()).isEqualTo(500);
            });
            assertThatThrownBy(kms::listKeys).isInstanceOfSatisfying(KmsInternalException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(500));
            assertThatThrownBy(() -> elastic.listClusterSnapshots(b -> b.maxResults(20)))
                    .isInstanceOfSatisfying(InternalServerException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(500));
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(500));

            putFaults("{}");
            listRds(rds);
            kms.listKeys();
            elastic.listClusterSnapshots(b -> b.maxResults(20));
            assertThat(sts.getCallerIdentity().account()).isEqualTo(PROD);
        }
    }

    @Test
    void downRegionDropsTheConnectionWhileOtherRegionsAnswer() {
        simulator.faults().set(new FaultSettings(0, 0, 0, 0, List.of("eu-west-1"), Map.of(), Map.of()));
        try (RdsClient eu = prod("eu-west-1").rds(); KmsClient euKms = dr("eu-west-1").kms();
             RdsClient east = prod("us-east-1").rds()) {
            assertThatThrownBy(() -> listRds(eu)).isInstanceOf(SdkClientException.class);
            assertThatThrownBy(euKms::listKeys).isInstanceOf(SdkClientException.class);
            listRds(east);

            simulator.faults().set(FaultSettings.none());
            listRds(eu);
            euKms.listKeys();
        }
    }

    @Test
    void disabledRegionRefusesTheAccountsKeyThereOnly() throws Exception {
        putFaults("{\"disabledRegions\":{\"111122223333\":[\"ap-northeast-1\"]}}");
        try (RdsClient rds = prod("ap-northeast-1").rds(); KmsClient kms = prod("ap-northeast-1").kms();
             DocDbElasticClient elastic = prod("ap-northeast-1").elastic();
             RdsClient east = prod("us-east-1").rds(); RdsClient drThere = dr("ap-northeast-1").rds()) {
            assertThatThrownBy(() -> listRds(rds)).isInstanceOfSatisfying(RdsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
            assertThatThrownBy(kms::listKeys).isInstanceOfSatisfying(KmsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
            assertThatThrownBy(() -> elastic.listClusters(b -> b.maxResults(20)))
                    .isInstanceOf(DocDbElasticException.class);
            listRds(east);
            listRds(drThere);

            putFaults("{\"disabledRegions\":{\"*\":[\"ap-northeast-1\"]}}");
            assertThatThrownBy(() -> listRds(drThere)).isInstanceOfSatisfying(RdsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));

            simulator.faults().set(FaultSettings.none());
            listRds(rds);
            kms.listKeys();
        }
    }

    @Test
    void deniedServiceIsAccessDeniedForThatAccountOnly() {
        simulator.faults().set(new FaultSettings(0, 0, 0, 0, List.of(),
                Map.of(), Map.of(PROD, List.of("kms", "docdb-elastic"))));
        try (KmsClient kms = prod("us-east-1").kms(); RdsClient rds = prod("us-east-1").rds();
             DocDbElasticClient elastic = prod("us-east-1").elastic(); KmsClient drKms = dr("us-east-1").kms()) {
            assertThatThrownBy(kms::listAliases).isInstanceOfSatisfying(KmsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
            assertThatThrownBy(() -> elastic.listClusterSnapshots(b -> b.maxResults(20)))
                    .isInstanceOfSatisfying(AccessDeniedException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(403));
            assertThat(rds.describeDBClusterSnapshots(b -> b.maxRecords(20)).dbClusterSnapshots()).isNotEmpty();
            assertThat(drKms.listAliases().aliases()).isNotEmpty();

            simulator.faults().set(FaultSettings.none());
            assertThat(kms.listAliases().aliases()).isNotEmpty();
        }
    }

    @Test
    void serverErrorAimedAtOneElasticOperationFailsThatOperationAlone() throws Exception {
        putFaults("{\"serviceFaults\":[{\"service\":\"docdb-elastic\",\"operation\":\"ListClusterSnapshots\","
                + "\"kind\":\"ERROR\"}]}");
        try (DocDbElasticClient elastic = prod("us-east-1").elastic(); RdsClient rds = prod("us-east-1").rds();
             KmsClient kms = prod("us-east-1").kms()) {
            assertThatThrownBy(() -> elastic.listClusterSnapshots(b -> b.maxResults(20)))
                    .isInstanceOfSatisfying(InternalServerException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(500);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerException");
                    });
            assertThat(elastic.listClusters(b -> b.maxResults(20)).clusters()).isNotEmpty();
            assertThat(rds.describeDBClusterSnapshots(b -> b.maxRecords(20)).dbClusterSnapshots()).isNotEmpty();
            assertThat(kms.listAliases().aliases()).isNotEmpty();
        }
    }

    @Test
    void throttlingAimedAtKmsThrottlesEveryKmsCallAndNothingElse() {
        simulator.faults().set(FaultSettings.none().withServiceFaults(List.of(
                new ServiceFault("kms", null, ServiceFault.Kind.THROTTLE))));
        try (KmsClient kms = prod("us-east-1").kms(); RdsClient rds = prod("us-east-1").rds();
             DocDbElasticClient elastic = prod("us-east-1").elastic()) {
            assertThatThrownBy(kms::listAliases).isInstanceOfSatisfying(KmsException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                assertThat(e.isThrottlingException()).isTrue();
            });
            assertThatThrownBy(kms::listKeys).isInstanceOf(KmsException.class);
            assertThat(rds.describeDBClusterSnapshots(b -> b.maxRecords(20)).dbClusterSnapshots()).isNotEmpty();
            assertThat(elastic.listClusterSnapshots(b -> b.maxResults(20)).snapshots()).isNotEmpty();
        }
    }

    @Test
    void faultAimedAtOneRdsOperationLeavesTheOthers() {
        simulator.faults().set(FaultSettings.none().withServiceFaults(List.of(
                new ServiceFault("rds", "DescribeDBClusters", ServiceFault.Kind.ERROR))));
        try (RdsClient rds = prod("us-east-1").rds()) {
            assertThatThrownBy(() -> rds.describeDBClusters(b -> b.maxRecords(20)))
                    .isInstanceOfSatisfying(RdsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(500);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
                    });
            assertThat(rds.describeDBClusterSnapshots(b -> b.maxRecords(20)).dbClusterSnapshots()).isNotEmpty();
        }
    }

    @Test
    void faultsSetInCodeShowThroughTheControlEndpoint() throws Exception {
        FaultSettings settings = new FaultSettings(5, 3, 4, 0.25, List.of("eu-west-1"),
                Map.of(PROD, List.of("ap-east-1")), Map.of("*", List.of("sts")));
        simulator.faults().set(settings);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(simulator.endpoint()
                + "/_sim/faults")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        putFaults(response.body());
        assertThat(simulator.faults().settings()).isEqualTo(settings);
    }
}
