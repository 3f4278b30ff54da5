package dev.snapferry.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapferry.sim.Dataset;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClients;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.docdbelastic.DocDbElasticClient;
import software.amazon.awssdk.services.docdbelastic.model.ClusterSnapshot;
import software.amazon.awssdk.services.docdbelastic.model.Status;

/** The simulator's own controls under {@code /_sim/}, over plain HTTP. */
class ControlEndpointTest {

    private static final Instant START = Instant.parse("2026-11-20T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SimClock.Manual clock;
    private Simulator simulator;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        clock = SimClock.manual(START);
        simulator = Simulator.start(new Simulator.Options(0, clock, FaultSettings.none(), new DemoDataset()));
    }

    @AfterEach
    void stop() {
        simulator.close();
        http.close();
    }

    private HttpResponse<String> send(Simulator sim, String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return http.send(HttpRequest.newBuilder(sim.endpoint().resolve(path)).method(method, publisher)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(simulator, method, path, body);
    }

    @Test
    void healthIsOk() throws Exception {
        HttpResponse<String> response = send("GET", "/_sim/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("ok");
    }

    @Test
    void faultsRoundTripThroughPutAndGet() throws Exception {
        HttpResponse<String> initial = send("GET", "/_sim/faults", null);
        assertThat(initial.statusCode()).isEqualTo(200);
        assertThat(JSON.readValue(initial.body(), FaultSettings.class)).isEqualTo(FaultSettings.none());

        String body = """
                {"latencyMillis":25,"throttleRatePerSecond":10.5,"throttleBurst":20,"serverErrorRate":0.1,
                 "downRegions":["eu-west-1"],"disabledRegions":{"111122223333":["ap-east-1"]},
                 "deniedServices":{"*":["kms"]},
                 "serviceFaults":[{"service":"docdb-elastic","operation":"ListClusterSnapshots","kind":"ERROR"}]}""";
        HttpResponse<String> put = send("PUT", "/_sim/faults", body);
        assertThat(put.statusCode()).isEqualTo(200);
        FaultSettings expected = new FaultSettings(25, 10.5, 20, 0.1, List.of("eu-west-1"),
                Map.of("111122223333", List.of("ap-east-1")), Map.of("*", List.of("kms")),
                List.of(new dev.snapferry.sim.faults.ServiceFault("docdb-elastic", "ListClusterSnapshots",
                        dev.snapferry.sim.faults.ServiceFault.Kind.ERROR)));
        assertThat(JSON.readValue(put.body(), FaultSettings.class)).isEqualTo(expected);
        assertThat(simulator.faults().settings()).isEqualTo(expected);

        HttpResponse<String> get = send("GET", "/_sim/faults", null);
        assertThat(JSON.readTree(get.body())).isEqualTo(JSON.readTree(body));

        assertThat(send("PUT", "/_sim/faults", "{}").statusCode()).isEqualTo(200);
        assertThat(simulator.faults().settings()).isEqualTo(FaultSettings.none());
    }

    @Test
    void badFaultsBodyIsABadRequestAndChangesNothing() throws Exception {
        FaultSettings before = new FaultSettings(5, 0, 0, 0, List.of(), Map.of(), Map.of());
        simulator.faults().set(before);
        for (String bad : List.of("{not json", "{\"serverErrorRate\":2}", "{\"latencyMillis\":-1}",
                "{\"throttleRatePerSecond\":\"NaN\"}", "{\"downRegions\":\"eu-west-1\"}", "{\"bogus\":1}",
                "{\"throttleRatePerSecond\":1e400}", "{\"downRegions\":[null]}",
                "{\"disabledRegions\":{\"111122223333\":null}}", "[]", "",
                "{\"serviceFaults\":[{\"service\":\"kms\",\"kind\":\"SLOW\"}]}",
                "{\"serviceFaults\":[{\"kind\":\"ERROR\"}]}")) {
            HttpResponse<String> response = send("PUT", "/_sim/faults", bad);
            assertThat(response.statusCode()).as("body %s", bad).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("message").asText()).isNotBlank();
        }
        assertThat(simulator.faults().settings()).isEqualTo(before);
    }

    @Test
    void clockAdvanceMovesTheManualClock() throws Exception {
        HttpResponse<String> response = send("POST", "/_sim/clock/advance?seconds=3600", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Instant.parse(JSON.readTree(response.body()).path("now").asText()))
                .isEqualTo(START.plusSeconds(3600));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(3600));
        assertThat(send("POST", "/_sim/clock/advance?seconds=0", null).statusCode()).isEqualTo(200);
        assertThat(clock.now()).isEqualTo(START.plusSeconds(3600));
    }

    @Test
    void clockAdvanceCompletesACopyInFlight() throws Exception {
        try (DocDbElasticClient elastic = SimClients.production(simulator, "us-east-1").elastic()) {
            String source = elastic.listClusterSnapshots(b -> b.snapshotType("manual")).snapshots().getFirst()
                    .snapshotArn();
            ClusterSnapshot copy = elastic.copyClusterSnapshot(b -> b.snapshotArn(source)
                    .targetSnapshotName("advanced")).snapshot();
            assertThat(copy.status()).isEqualTo(Status.COPYING);
            assertThat(send("POST", "/_sim/clock/advance?seconds=7200", null).statusCode()).isEqualTo(200);
            assertThat(elastic.getClusterSnapshot(b -> b.snapshotArn(copy.snapshotArn())).snapshot().status())
                    .isEqualTo(Status.ACTIVE);
        }
    }

    @Test
    void badClockAdvanceIsABadRequestAndLeavesTheClock() throws Exception {
        for (String query : List.of("seconds=abc", "seconds=-5", "seconds=", "seconds=9223372036854775807",
                "seconds=9223372036854775808")) {
            HttpResponse<String> response = send("POST", "/_sim/clock/advance?" + query, null);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
        }
        assertThat(clock.now()).isEqualTo(START);
        assertThat(send("GET", "/_sim/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void clockAdvanceIsAConflictOnAScaledClock() throws Exception {
        try (Simulator scaled = Simulator.start(new Simulator.Options(0, SimClock.scaled(1), FaultSettings.none(),
                Dataset.EMPTY))) {
            HttpResponse<String> response = send(scaled, "POST", "/_sim/clock/advance?seconds=60", null);
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(response.body()).path("message").asText()).isNotBlank();
        }
    }

    @Test
    void accountsListsBothDemoAccountsWithTheirKeys() throws Exception {
        HttpResponse<String> response = send("GET", "/_sim/accounts", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode accounts = JSON.readTree(response.body());
        assertThat(accounts.isArray()).isTrue();
        assertThat(accounts).extracting(a -> a.path("accountId").asText())
                .containsExactlyInAnyOrder(DemoAccounts.PRODUCTION, DemoAccounts.DISASTER_RECOVERY);
        assertThat(accounts).anySatisfy(a -> {
            assertThat(a.path("accountId").asText()).isEqualTo(DemoAccounts.PRODUCTION);
            assertThat(a.path("accessKeyId").asText()).isEqualTo(DemoAccounts.PRODUCTION_ACCESS_KEY);
            assertThat(a.path("secretAccessKey").asText()).isEqualTo(DemoAccounts.PRODUCTION_SECRET_KEY);
        });
        assertThat(accounts).anySatisfy(a -> {
            assertThat(a.path("accountId").asText()).isEqualTo(DemoAccounts.DISASTER_RECOVERY);
            assertThat(a.path("accessKeyId").asText()).isEqualTo(DemoAccounts.DR_ACCESS_KEY);
        });
    }

    @Test
    void unknownControlPathOrMethodIsNotFound() throws Exception {
        assertThat(send("GET", "/_sim/nothing-here", null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/_sim/faults", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/_sim/clock/advance?seconds=1", null).statusCode()).isEqualTo(404);
        assertThat(clock.now()).isEqualTo(START);
    }
}
