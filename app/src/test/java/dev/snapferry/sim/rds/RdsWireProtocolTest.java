package dev.snapferry.sim.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.snapferry.sim.SimClients;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.RdsException;

/** The RDS Query endpoint below the SDK: unknown actions, missing authentication, unknown access keys. */
class RdsWireProtocolTest {

    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIASNAPFERRYPROD001/20261122/us-east-1/"
            + "rds/aws4_request, SignedHeaders=host, Signature=0";

    private static RdsSim sim;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        sim = RdsSim.demo();
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        http.close();
        sim.close();
    }

    private static HttpResponse<String> post(String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(sim.simulator().endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Document xml(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document doc, String element) {
        var nodes = doc.getElementsByTagNameNS("*", element);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    @Test
    void unknownActionIsInvalidActionWithHttp400() throws Exception {
        HttpResponse<String> response = post("Action=Frobnicate&Version=2014-10-31", AUTHORIZATION);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .contains("xml"));
        Document doc = xml(response.body());
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("ErrorResponse");
        assertThat(text(doc, "Code")).isEqualTo("InvalidAction");
        assertThat(text(doc, "Type")).isEqualTo("Sender");
        assertThat(text(doc, "Message")).contains("Frobnicate");
        assertThat(text(doc, "RequestId")).isNotBlank();
    }

    @Test
    void requestWithoutAuthorizationIsMissingAuthenticationTokenWithHttp403() throws Exception {
        HttpResponse<String> response = post("Action=DescribeDBClusterSnapshots&Version=2014-10-31", null);
        assertThat(response.statusCode()).isEqualTo(403);
        Document doc = xml(response.body());
        assertThat(text(doc, "Code")).isEqualTo("MissingAuthenticationToken");
    }

    @Test
    void knownActionThroughRawHttpAnswersInTheQueryXmlShape() throws Exception {
        HttpResponse<String> response = post("Action=DescribeDBClusters&Version=2014-10-31&DBClusterIdentifier="
                + "orders-aurora", AUTHORIZATION);
        assertThat(response.statusCode()).isEqualTo(200);
        Document doc = xml(response.body());
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("DescribeDBClustersResponse");
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://rds.amazonaws.com/doc/2014-10-31/");
        assertThat(doc.getElementsByTagNameNS("*", "DescribeDBClustersResult").getLength()).isEqualTo(1);
        assertThat(text(doc, "DBClusterIdentifier")).isEqualTo("orders-aurora");
        assertThat(text(doc, "RequestId")).isNotBlank();
    }

    @Test
    void missingActionIsMissingParameter() throws Exception {
        HttpResponse<String> response = post("Version=2014-10-31", AUTHORIZATION);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(text(xml(response.body()), "Code")).isEqualTo("MissingParameter");
    }

    @Test
    void unknownAccessKeyIsInvalidClientTokenIdWithHttp403() {
        SimClients stranger = new SimClients(sim.simulator().endpoint(),
                SimClients.keys("AKIAUNKNOWNKEY000000", "whatever"), Region.US_EAST_1, 0);
        try (RdsClient rds = stranger.rds()) {
            RdsException e = catchThrowableOfType(RdsException.class, rds::describeDBClusterSnapshots);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            assertThat(e.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void sdkErrorsCarryTheRequestId() {
        RdsException e = catchThrowableOfType(RdsException.class, () -> sim.rds("us-east-1")
                .describeDBClusterSnapshots(b -> b.dbClusterSnapshotIdentifier("no-such-snapshot")));
        assertThat(e.requestId()).isNotBlank();
        assertThat(e.statusCode()).isEqualTo(404);
    }
}
