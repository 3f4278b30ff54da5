package dev.snapferry.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.model.RegionRef;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * Replies AWS never sent on purpose but a proxy, a half-deployed service or a broken network can: elements missing
 * or unknown, text where numbers, dates and booleans belong, unknown engines and states, truncated or empty bodies,
 * HTML error pages, odd status codes. A loopback server answers the real SDK's listing calls with mutations of a
 * well-formed reply; the app's listing must end for every one with rows or with a failure it can explain, never
 * with an exception or a hang.
 */
class MangledRepliesTest {

    private static final RegionRef EAST = new RegionRef("us-east-1");
    private static final String SNAPSHOT = """
            <DBClusterSnapshot>
              <DBClusterSnapshotIdentifier>orders-%1$d</DBClusterSnapshotIdentifier>
              <DBClusterIdentifier>orders</DBClusterIdentifier>
              <DBClusterSnapshotArn>arn:aws:rds:us-east-1:111122223333:cluster-snapshot:orders-%1$d</DBClusterSnapshotArn>
              <Engine>aurora-mysql</Engine>
              <EngineVersion>8.0.mysql_aurora.3.05.2</EngineVersion>
              <SnapshotType>manual</SnapshotType>
              <Status>available</Status>
              <PercentProgress>100</PercentProgress>
              <SnapshotCreateTime>2026-11-01T10:00:00.000Z</SnapshotCreateTime>
              <StorageEncrypted>true</StorageEncrypted>
              <KmsKeyId>arn:aws:kms:us-east-1:111122223333:key/0f1e2d3c-0000-4000-8000-000000000001</KmsKeyId>
              <AllocatedStorage>20</AllocatedStorage>
              <SourceDBClusterSnapshotArn>arn:aws:rds:us-west-2:111122223333:cluster-snapshot:x</SourceDBClusterSnapshotArn>
              <TagList><Tag><Key>Owner</Key><Value>dba</Value></Tag></TagList>
            </DBClusterSnapshot>
            """;
    private static final String LISTING = "<DescribeDBClusterSnapshotsResponse xmlns=\"http://rds.amazonaws.com/doc/"
            + "2014-10-31/\"><DescribeDBClusterSnapshotsResult><DBClusterSnapshots>" + SNAPSHOT.formatted(1)
            + SNAPSHOT.formatted(2) + "</DBClusterSnapshots></DescribeDBClusterSnapshotsResult><ResponseMetadata>"
            + "<RequestId>r</RequestId></ResponseMetadata></DescribeDBClusterSnapshotsResponse>";
    private static final String IDENTITY = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/"
            + "2011-06-15/\"><GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/dba</Arn><UserId>U</UserId>"
            + "<Account>111122223333</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId>"
            + "</ResponseMetadata></GetCallerIdentityResponse>";

    private static HttpServer server;
    private static SdkHttpClient http;
    private static AccountSession session;
    private static volatile UnaryOperator<String> mangle = UnaryOperator.identity();
    private static volatile int status = 200;

    @BeforeContainer
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", MangledRepliesTest::answer);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        http = ApacheHttpClient.builder().socketTimeout(java.time.Duration.ofSeconds(5)).build();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        session = AccountSession.open("mangled", false, EAST, new AwsClients(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAMANGLEDMANGLED00", "mangled-secret")), endpoint, http, 2));
    }

    @AfterContainer
    static void stop() {
        session.close();
        http.close();
        server.stop(0);
    }

    @net.jqwik.api.Example
    void theUnmangledReplyIsTwoRows() throws Exception {
        mangle = UnaryOperator.identity();
        status = 200;
        List<RegionResult> results = new SnapshotLister(new KmsDirectory(), 1).list(List.of(session), List.of(EAST),
                SnapshotLister.Options.DEFAULT, r -> { }).get(60, TimeUnit.SECONDS);
        assertThat(results).singleElement().isInstanceOfSatisfying(RegionResult.Loaded.class, loaded ->
                assertThat(loaded.snapshots()).extracting(s -> s.identifier()).contains("orders-1", "orders-2"));
    }

    @Property(tries = 300)
    void everyMangledReplyEndsInRowsOrAnExplainedFailure(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        mangle = mutation(random);
        status = List.of(200, 200, 200, 200, 400, 403, 500, 503, 302, 204).get(random.nextInt(10));
        List<RegionResult> results = new SnapshotLister(new KmsDirectory(), 1).list(List.of(session), List.of(EAST),
                SnapshotLister.Options.DEFAULT, r -> { }).get(60, TimeUnit.SECONDS);
        net.jqwik.api.statistics.Statistics.collect(results.getFirst().getClass().getSimpleName());
        assertThat(results).singleElement().satisfies(result -> {
            if (result instanceof RegionResult.Failed failed) {
                assertThat(failed.failure().messageKey()).isNotBlank();
                assertThat(failed.failure().toString()).doesNotContain("mangled-secret");
            } else {
                assertThat(((RegionResult.Loaded) result).snapshots()).allSatisfy(s -> {
                    assertThat(s.identifier()).isNotNull();
                    assertThat(s.status()).isNotNull();
                });
            }
        });
    }

    private static UnaryOperator<String> mutation(Random random) {
        String[] tags = {"DBClusterSnapshotIdentifier", "DBClusterIdentifier", "DBClusterSnapshotArn", "Engine",
                "EngineVersion", "SnapshotType", "Status", "PercentProgress", "SnapshotCreateTime", "StorageEncrypted",
                "KmsKeyId", "AllocatedStorage", "SourceDBClusterSnapshotArn", "TagList", "Key", "Value"};
        String tag = tags[random.nextInt(tags.length)];
        String garbage = List.of("", "abc", "-1", "99999999999999999999", "true", "not-a-date", "\u202e\u200b",
                "neo4j", "exploding", "<", "&amp;amp;", "arn:aws", " ").get(random.nextInt(13));
        return switch (random.nextInt(9)) {
            case 0 -> body -> body.replaceAll("<" + tag + ">[^<]*</" + tag + ">", "");
            case 1 -> body -> body.replaceAll("(<" + tag + ">)[^<]*(</" + tag + ">)", "$1" + garbage + "$2");
            case 2 -> body -> body.replace("<Engine>", "<Surprise>x</Surprise><Engine>");
            case 3 -> body -> body.substring(0, random.nextInt(body.length()));
            case 4 -> body -> "";
            case 5 -> body -> "<html><body><h1>502 Bad Gateway</h1></body></html>";
            case 6 -> body -> body.replace("</DBClusterSnapshots>", SNAPSHOT.formatted(1) + "</DBClusterSnapshots>");
            case 7 -> body -> "{\"message\": \"not xml at all\"}";
            default -> UnaryOperator.identity();
        };
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String body;
        int code;
        if (request.contains("Action=GetCallerIdentity")) {
            body = IDENTITY;
            code = 200;
        } else if (exchange.getRequestHeaders().containsKey("X-amz-target")) {
            // KMS (JSON 1.1): no aliases known; its failure is a warning, not the test's subject.
            body = "{\"Aliases\": [], \"Truncated\": false}";
            code = 200;
        } else if (exchange.getRequestURI().getPath().contains("cluster-snapshots")) {
            body = "{\"snapshots\": []}";
            code = 200;
        } else {
            body = mangle.apply(LISTING);
            code = status;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", body.startsWith("{") ? "application/x-amz-json-1.1"
                : "text/xml");
        exchange.sendResponseHeaders(code, code == 204 || bytes.length == 0 ? -1 : bytes.length);
        if (code != 204 && bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
