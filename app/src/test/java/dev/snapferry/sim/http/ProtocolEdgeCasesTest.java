package dev.snapferry.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests no SDK would send, over raw HTTP: the simulator answers each with a 4xx in the service's format. */
class ProtocolEdgeCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static Simulator simulator;

    @BeforeAll
    static void start() throws Exception {
        simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.parse("2026-11-20T12:00:00Z")),
                FaultSettings.none(), new DemoDataset()));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    /** A SigV4 Authorization header for {@code service} (the simulator reads the scope, not the signature). */
    private static String auth(String service) {
        return "AWS4-HMAC-SHA256 Credential=" + DemoAccounts.PRODUCTION_ACCESS_KEY + "/20261120/us-east-1/" + service
                + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64);
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(simulator.endpoint() + path)).timeout(Duration.ofSeconds(10))
                .header("X-Amz-Date", "20261120T120000Z");
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("never a 5xx: %s %s -> %s", request.method(), request.uri(),
                response.body()).isLessThan(500);
        return response;
    }

    private static HttpResponse<String> kms(String target, String body, boolean signed) throws Exception {
        HttpRequest.Builder b = request("/").header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            b.header("X-Amz-Target", target);
        }
        if (signed) {
            b.header("Authorization", auth("kms"));
        }
        return send(b.build());
    }

    private static HttpResponse<String> query(String service, String form) throws Exception {
        return send(request("/").header("Authorization", auth(service))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static HttpResponse<String> elastic(String method, String path, String body) throws Exception {
        return send(request(path).header("Authorization", auth("docdb-elastic"))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void kmsUnknownTargetIsAnUnknownOperation() throws Exception {
        for (String target : List.of("TrentService.FlyToTheMoon", "TrentService", "")) {
            HttpResponse<String> response = kms(target, "{}", true);
            assertThat(response.statusCode()).as(target).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/x-amz-json-1.1"));
            assertThat(json(response).path("__type").asText()).isEqualTo("UnknownOperationException");
        }
    }

    @Test
    void kmsWithoutAuthorizationIsMissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = kms("TrentService.ListKeys", "{}", false);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("__type").asText()).isEqualTo("MissingAuthenticationTokenException");
    }

    @Test
    void kmsMalformedJsonIsASerializationException() throws Exception {
        for (String body : List.of("{\"KeyId\":", "not json at all", "{\"Limit\": 5,}")) {
            HttpResponse<String> response = kms("TrentService.ListKeys", body, true);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(json(response).path("__type").asText()).isEqualTo("SerializationException");
        }
    }

    @Test
    void kmsOddButWellFormedBodiesAreClientErrors() throws Exception {
        for (String body : List.of("[]", "null", "\"text\"", "{\"KeyId\":{}}", "{\"KeyId\":null}", "{\"KeyId\":42}")) {
            HttpResponse<String> response = kms("TrentService.DescribeKey", body, true);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(json(response).path("__type").asText()).as(body).isNotBlank();
        }
        assertThat(kms("TrentService.ListKeys", "{\"Limit\":\"many\"}", true).statusCode()).isEqualTo(400);
        assertThat(kms("TrentService.ScheduleKeyDeletion", "{\"KeyId\":\"alias/snapferry-prod-data\","
                + "\"PendingWindowInDays\":\"soon\"}", true).statusCode()).isEqualTo(400);
        HttpResponse<String> ok = kms("TrentService.ListKeys", "", true);
        assertThat(ok.statusCode()).as("an empty body is an empty request").isEqualTo(200);
    }

    @Test
    void elasticUnknownPathIsAnUnknownOperation() throws Exception {
        for (String[] call : List.of(new String[] {"GET", "/no-such-resource"}, new String[] {"GET", "/"},
                new String[] {"PUT", "/cluster-snapshots"}, new String[] {"PATCH", "/clusters"})) {
            HttpResponse<String> response = elastic(call[0], call[1], null);
            assertThat(response.statusCode()).as("%s %s", call[0], call[1]).isEqualTo(404);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
        }
    }

    @Test
    void elasticBadRequestsAreClientErrors() throws Exception {
        String arn = URLEncoder.encode("arn:aws:docdb-elastic:us-east-1:111122223333:cluster-snapshot/x",
                StandardCharsets.UTF_8);
        assertThat(elastic("POST", "/cluster-snapshot/" + arn + "/copy", "{broken").statusCode()).isEqualTo(400);
        assertThat(elastic("POST", "/cluster-snapshot/" + arn + "/copy", "[]").statusCode()).isEqualTo(400);
        assertThat(elastic("POST", "/cluster-snapshot/" + arn + "/copy", "{\"targetSnapshotName\":\"ok-name\"}")
                .statusCode()).isEqualTo(404);
        assertThat(elastic("POST", "/cluster-snapshot/not-an-arn/copy", "{\"targetSnapshotName\":\"ok-name\"}")
                .statusCode()).isEqualTo(404);
        assertThat(elastic("POST", "/cluster-snapshot", "{\"snapshotName\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(elastic("GET", "/cluster-snapshots?maxResults=", null).statusCode()).isEqualTo(400);
        assertThat(elastic("GET", "/cluster-snapshots?nextToken=%25%25%25", null).statusCode()).isEqualTo(400);
        assertThat(elastic("DELETE", "/tags/" + arn, null).statusCode()).isEqualTo(400);
        HttpResponse<String> notFound = elastic("GET", "/cluster-snapshot/" + arn, null);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().firstValue("x-amzn-ErrorType")).hasValue("ResourceNotFoundException");
    }

    @Test
    void requestSignedForAnUnknownServiceIsABadRequest() throws Exception {
        HttpResponse<String> response = query("s3", "Action=ListBuckets");
        assertThat(response.statusCode()).isEqualTo(400);
        HttpResponse<String> json = send(request("/").header("Authorization", auth("dynamodb"))
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(json.statusCode()).isEqualTo(400);
    }

    @Test
    void queryProtocolOddRequestsAreClientErrors() throws Exception {
        HttpResponse<String> noAction = query("sts", "Version=2011-06-15");
        assertThat(noAction.statusCode()).isEqualTo(400);
        assertThat(noAction.body()).contains("<Code>MissingParameter</Code>");
        assertThat(query("sts", "Action=NoSuchThing&Version=2011-06-15").statusCode()).isEqualTo(400);
        assertThat(query("sts", "Action=GetCallerIdentity&x=%ZZ").statusCode()).isEqualTo(400);
        assertThat(query("sts", "Action=AssumeRole&RoleArn=" + DemoAccounts.DR_ROLE_ARN
                + "&RoleSessionName=s1&DurationSeconds=soon").statusCode()).isEqualTo(400);
        assertThat(query("sts", "Action=AssumeRole&RoleSessionName=s1").statusCode()).isEqualTo(400);
        assertThat(query("rds", "Action=NoSuchThing&Version=2014-10-31").statusCode()).isEqualTo(400);
        assertThat(query("rds", "Action=DescribeDBClusterSnapshots&Version=2014-10-31&MaxRecords=lots")
                .statusCode()).isEqualTo(400);

        HttpResponse<String> unsigned = send(request("/")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity")).build());
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body()).contains("<Code>MissingAuthenticationToken</Code>");

        HttpResponse<String> malformedAuth = send(request("/").header("Authorization", "Bearer something")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity")).build());
        assertThat(malformedAuth.statusCode()).isEqualTo(403);
    }
}
