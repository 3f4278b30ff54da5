package dev.snapferry.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator against hand-written replies, so the conformance test is known to be able to fail: a good reply
 * passes, and each kind of departure (unknown element, wrong list member name, wrong scalar type, bad enum, missing
 * required member, undeclared error, wrong status) is reported where it is.
 */
class ReplyValidatorTest {

    private static final String RDS_NS = "http://rds.amazonaws.com/doc/2014-10-31/";
    private static Map<String, ServiceModel> models;

    @TempDir
    static Path empty;

    @BeforeAll
    static void load() {
        models = ServiceModel.loadAll(ServiceModel.DEBIAN_AWSCLI_DATA);
    }

    @Test
    void aMissingModelFailsWithWhatToInstall() {
        assertThatThrownBy(() -> ServiceModel.loadAll(empty)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rds").hasMessageContaining("awscli").hasMessageContaining("apt-get install");
    }

    @Test
    void aConformingQueryReplyPasses() {
        assertThat(rds("CopyDBClusterSnapshot", 200, copyReply(snapshot("<Status>copying</Status>")))).isEmpty();
    }

    @Test
    void anUnknownElementFails() {
        List<Violation> v = rds("CopyDBClusterSnapshot", 200, copyReply(snapshot("<Colour>blue</Colour>")));
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.problem()).isEqualTo("unknown member");
            assertThat(x.path()).isEqualTo("CopyDBClusterSnapshotResponse/CopyDBClusterSnapshotResult/"
                    + "DBClusterSnapshot/Colour");
        });
    }

    @Test
    void wrongScalarTypesFail() {
        List<Violation> v = rds("CopyDBClusterSnapshot", 200, copyReply(snapshot(
                "<PercentProgress>half</PercentProgress><StorageEncrypted>yes</StorageEncrypted>"
                        + "<SnapshotCreateTime>2024-05-01 10:00</SnapshotCreateTime>")));
        assertThat(v).extracting(Violation::problem).containsExactly("type", "type", "type");
        assertThat(v).extracting(Violation::path).allMatch(p -> p.startsWith("CopyDBClusterSnapshotResponse/"));
    }

    @Test
    void aListWithTheWrongMemberNameFails() {
        List<Violation> v = rds("CopyDBClusterSnapshot", 200, copyReply(snapshot(
                "<TagList><member><Key>a</Key><Value>b</Value></member></TagList>")));
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.problem()).isEqualTo("list member name");
            assertThat(x.expected()).contains("<Tag>");
        });
    }

    @Test
    void aReplyWithoutItsResultWrapperFails() {
        String body = "<CopyDBClusterSnapshotResponse xmlns=\"" + RDS_NS + "\">" + snapshot("")
                + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></CopyDBClusterSnapshotResponse>";
        assertThat(rds("CopyDBClusterSnapshot", 200, body)).extracting(Violation::problem)
                .contains("unknown member", "envelope");
    }

    @Test
    void queryErrorsMustBeDeclaredOrCommon() {
        assertThat(rds("DeleteDBClusterSnapshot", 404, error("Sender", "DBClusterSnapshotNotFoundFault"))).isEmpty();
        assertThat(rds("DeleteDBClusterSnapshot", 400, error("Sender", "Throttling"))).isEmpty();
        assertThat(rds("DeleteDBClusterSnapshot", 400, error("Sender", "DBClusterNotFoundFault")))
                .singleElement().extracting(Violation::problem).isEqualTo("undeclared error");
        assertThat(rds("DeleteDBClusterSnapshot", 400, error("Sender", "DBClusterSnapshotNotFoundFault")))
                .singleElement().extracting(Violation::problem).isEqualTo("error status");
        assertThat(rds("DeleteDBClusterSnapshot", 404, error("Receiver", "DBClusterSnapshotNotFoundFault")))
                .singleElement().extracting(Violation::problem).isEqualTo("error type");
    }

    @Test
    void jsonRepliesAreCheckedByMemberNameTypeAndEnum() {
        ReplyValidator kms = new ReplyValidator(models.get("kms"));
        String good = "{\"KeyMetadata\":{\"KeyId\":\"k\",\"Arn\":\"arn\",\"CreationDate\":1.7E9,"
                + "\"Enabled\":true,\"KeyState\":\"Enabled\",\"KeyManager\":\"CUSTOMER\"}}";
        assertThat(kms.validate("DescribeKey", 200, Map.of(), bytes(good))).isEmpty();
        String bad = "{\"KeyMetadata\":{\"KeyId\":\"k\",\"CreationDate\":\"2024-01-01T00:00:00Z\","
                + "\"Enabled\":\"true\",\"KeyState\":\"On\",\"keyManager\":\"CUSTOMER\"}}";
        assertThat(kms.validate("DescribeKey", 200, Map.of(), bytes(bad))).extracting(Violation::path,
                Violation::problem).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("KeyMetadata.CreationDate", "type"),
                org.assertj.core.groups.Tuple.tuple("KeyMetadata.Enabled", "type"),
                org.assertj.core.groups.Tuple.tuple("KeyMetadata.KeyState", "enum"),
                org.assertj.core.groups.Tuple.tuple("KeyMetadata.keyManager", "unknown member"));
    }

    @Test
    void jsonErrorsAreCheckedAgainstTheirShapes() {
        ReplyValidator kms = new ReplyValidator(models.get("kms"));
        assertThat(kms.validate("DescribeKey", 400, Map.of(),
                bytes("{\"__type\":\"NotFoundException\",\"message\":\"no\"}"))).isEmpty();
        assertThat(kms.validate("DescribeKey", 400, Map.of(),
                bytes("{\"__type\":\"MalformedPolicyDocumentException\",\"message\":\"no\"}")))
                .singleElement().extracting(Violation::problem).isEqualTo("undeclared error");
        ReplyValidator elastic = new ReplyValidator(models.get("docdb-elastic"));
        Map<String, List<String>> notFound = Map.of("x-amzn-ErrorType", List.of("ResourceNotFoundException"));
        assertThat(elastic.validate("GetClusterSnapshot", 404, notFound, bytes(
                "{\"message\":\"m\",\"resourceId\":\"r\",\"resourceType\":\"cluster-snapshot\"}"))).isEmpty();
        assertThat(elastic.validate("GetClusterSnapshot", 400, notFound, bytes("{\"message\":\"m\"}")))
                .extracting(Violation::problem)
                .containsExactlyInAnyOrder("error status", "missing required member", "missing required member");
    }

    @Test
    void restJsonOutputNeedsItsRequiredMembers() {
        ReplyValidator elastic = new ReplyValidator(models.get("docdb-elastic"));
        assertThat(elastic.validate("GetClusterSnapshot", 200, Map.of(), bytes("{\"snapshot\":{\"snapshotName\":"
                + "\"s\"}}"))).extracting(Violation::problem).containsOnly("missing required member");
        assertThat(elastic.validate("CopyClusterSnapshot", 200, Map.of(), bytes("{}")))
                .singleElement().extracting(Violation::problem).isEqualTo("unmodelled operation");
    }

    @Test
    void theOperationOfARestCallIsFoundFromItsPath() {
        ServiceModel elastic = models.get("docdb-elastic");
        assertThat(OperationResolver.restOperation(elastic, "GET", "/cluster-snapshot/arn%3Aaws%3Ax%2Fy"))
                .isEqualTo("GetClusterSnapshot");
        assertThat(OperationResolver.restOperation(elastic, "DELETE", "/tags/arn%3Ax")).isEqualTo("UntagResource");
        assertThat(OperationResolver.restOperation(elastic, "GET", "/cluster-snapshots")).isEqualTo(
                "ListClusterSnapshots");
    }

    private static List<Violation> rds(String operation, int status, String body) {
        return new ReplyValidator(models.get("rds")).validate(operation, status, Map.of(), bytes(body));
    }

    private static String copyReply(String snapshot) {
        return "<CopyDBClusterSnapshotResponse xmlns=\"" + RDS_NS + "\"><CopyDBClusterSnapshotResult>" + snapshot
                + "</CopyDBClusterSnapshotResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
                + "</CopyDBClusterSnapshotResponse>";
    }

    private static String snapshot(String extra) {
        return "<DBClusterSnapshot><AvailabilityZones><AvailabilityZone>us-east-1a</AvailabilityZone>"
                + "</AvailabilityZones><DBClusterSnapshotIdentifier>s</DBClusterSnapshotIdentifier>"
                + "<SnapshotType>manual</SnapshotType>" + extra + "</DBClusterSnapshot>";
    }

    private static String error(String type, String code) {
        return "<ErrorResponse xmlns=\"" + RDS_NS + "\"><Error><Type>" + type + "</Type><Code>" + code
                + "</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
