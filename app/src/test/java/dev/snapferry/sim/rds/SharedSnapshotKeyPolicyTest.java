package dev.snapferry.sim.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snapferry.sim.kms.KmsKeys;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.neptune.model.NeptuneException;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.RdsException;

/**
 * A snapshot production shares with DR, encrypted with a production key: DR's copy is accepted exactly when the
 * key's policy lets DR's account use the key for RDS (kms:CreateGrant and kms:DescribeKey; Aurora User Guide,
 * "Copying a DB cluster snapshot across accounts", and "AWS KMS key management"), and is otherwise refused with
 * KMSKeyNotAccessibleFault. The policies are the ones DBAs write, as tables.
 */
@Timeout(60)
class SharedSnapshotKeyPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SNAPSHOT_ARN = "arn:aws:rds:us-east-1:" + RdsSim.PROD + ":cluster-snapshot:prod-share";
    private static final String DR_ROOT = "arn:aws:iam::" + RdsSim.DR + ":root";

    private static RdsSim sharedByProduction() {
        return RdsSim.with(Fixture.create()
                .in(RdsSim.PROD, "us-east-1", r -> {
                    var key = r.key("alias/prod-share");
                    var cluster = r.cluster("orders", "aurora-mysql", 20, key);
                    r.snapshot(cluster, "prod-share", "manual", Map.of()).restoreAccounts().add(RdsSim.DR);
                })
                .in(RdsSim.DR, "us-east-1", r -> r.key("alias/dr-copies")));
    }

    private static String statement(String effect, Object principal, Object actions, String condition) {
        ObjectNode s = JSON.createObjectNode().put("Effect", effect);
        if (principal.equals("*")) {
            s.put("Principal", "*");
        } else {
            s.putObject("Principal").set("AWS", JSON.valueToTree(principal));
        }
        s.set("Action", JSON.valueToTree(actions));
        s.put("Resource", "*");
        if (condition != null) {
            try {
                s.set("Condition", JSON.readTree(condition));
            } catch (Exception e) {
                throw new IllegalArgumentException(condition, e);
            }
        }
        return s.toString();
    }

    private static String allow(Object principal, Object actions) {
        return statement("Allow", principal, actions, null);
    }

    /** The key's current policy with {@code statements} added, as a DBA edits it. */
    private static void addToKeyPolicy(RdsSim sim, String region, String alias, String... statements) {
        try {
            ObjectNode policy = (ObjectNode) JSON.readTree(sim.kms(region).getKeyPolicy(b -> b.keyId(alias)
                    .policyName("default")).policy());
            ArrayNode list = (ArrayNode) policy.get("Statement");
            for (String s : statements) {
                list.add(JSON.readTree(s));
            }
            sim.kms(region).putKeyPolicy(b -> b.keyId(alias).policyName("default").policy(policy.toString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static DBClusterSnapshot drCopies(RdsSim sim, String target) {
        return sim.drRds("us-east-1").copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(SNAPSHOT_ARN)
                .targetDBClusterSnapshotIdentifier(target).kmsKeyId("alias/dr-copies")).dbClusterSnapshot();
    }

    static Stream<Arguments> keyPolicies() throws Exception {
        String createGrantAndDescribe = "[\"kms:CreateGrant\",\"kms:DescribeKey\"]";
        return Stream.of(
                Arguments.of("the default key policy (the owner's account only)", new String[0], false),
                Arguments.of("DR's root: CreateGrant and DescribeKey",
                        new String[] {allow(DR_ROOT, JSON.readTree(createGrantAndDescribe))}, true),
                Arguments.of("DR's account id instead of its root ARN",
                        new String[] {allow(RdsSim.DR, JSON.readTree(createGrantAndDescribe))}, true),
                Arguments.of("DR's root: kms:*", new String[] {allow(DR_ROOT, "kms:*")}, true),
                Arguments.of("DR's root: wildcards kms:Create* and kms:Describe*",
                        new String[] {allow(DR_ROOT, JSON.readTree("[\"kms:Create*\",\"kms:Describe*\"]"))}, true),
                Arguments.of("the KMS console's two statements (use; grants for AWS resources)", new String[] {
                        allow(DR_ROOT, JSON.readTree("[\"kms:Encrypt\",\"kms:Decrypt\",\"kms:ReEncrypt*\","
                                + "\"kms:GenerateDataKey*\",\"kms:DescribeKey\"]")),
                        statement("Allow", DR_ROOT, JSON.readTree("[\"kms:CreateGrant\",\"kms:ListGrants\","
                                + "\"kms:RevokeGrant\"]"), "{\"Bool\":{\"kms:GrantIsForAWSResource\":\"true\"}}")},
                        true),
                Arguments.of("DR's root: Encrypt, Decrypt, ReEncrypt*, GenerateDataKey*, DescribeKey but no "
                        + "CreateGrant (aurora-snapshot-tool#29)", new String[] {
                        allow(DR_ROOT, JSON.readTree("[\"kms:Encrypt\",\"kms:Decrypt\",\"kms:ReEncrypt*\","
                                + "\"kms:GenerateDataKey*\",\"kms:DescribeKey\"]"))}, false),
                Arguments.of("DR's root: CreateGrant only", new String[] {allow(DR_ROOT, "kms:CreateGrant")}, false),
                Arguments.of("everyone, on condition of DR's kms:CallerAccount", new String[] {
                        statement("Allow", "*", "kms:*", "{\"StringEquals\":{\"kms:CallerAccount\":\""
                                + RdsSim.DR + "\"}}")}, true),
                Arguments.of("everyone, on condition of another kms:CallerAccount", new String[] {
                        statement("Allow", "*", "kms:*",
                                "{\"StringEquals\":{\"kms:CallerAccount\":\"999988887777\"}}")},
                        false),
                Arguments.of("DR's root, only via RDS in the key's region", new String[] {
                        statement("Allow", DR_ROOT, "kms:*", "{\"StringEquals\":{\"kms:ViaService\":"
                                + "\"rds.us-east-1.amazonaws.com\"}}")}, true),
                Arguments.of("DR's root, only via RDS in another region", new String[] {
                        statement("Allow", DR_ROOT, "kms:*", "{\"StringEquals\":{\"kms:ViaService\":"
                                + "\"rds.eu-west-1.amazonaws.com\"}}")}, false),
                Arguments.of("DR's IAM user that copies (dr-dba)", new String[] {
                        allow("arn:aws:iam::" + RdsSim.DR + ":user/dr-dba", "kms:*")}, true),
                Arguments.of("another IAM user of DR", new String[] {
                        allow("arn:aws:iam::" + RdsSim.DR + ":user/someone-else", "kms:*")}, false),
                Arguments.of("a DR role the copying user is not in", new String[] {
                        allow("arn:aws:iam::" + RdsSim.DR + ":role/SnapferryDrOperator", "kms:*")}, false),
                Arguments.of("DR's root: kms:*, but CreateGrant denied to DR", new String[] {
                        allow(DR_ROOT, "kms:*"), statement("Deny", DR_ROOT, "kms:CreateGrant", null)}, false),
                Arguments.of("DR's root: kms:*, on an unmodelled condition operator", new String[] {
                        statement("Allow", DR_ROOT, "kms:*", "{\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":"
                                + "\"3600\"}}")}, false));
    }

    @ParameterizedTest(name = "{0}: admitted {2}")
    @MethodSource("keyPolicies")
    void drsCopyIsAcceptedExactlyWhenTheSourceKeysPolicyAdmitsDr(String policy, String[] statements,
                                                                  boolean admitted) {
        try (RdsSim sim = sharedByProduction()) {
            if (statements.length > 0) {
                addToKeyPolicy(sim, "us-east-1", "alias/prod-share", statements);
            }
            if (admitted) {
                DBClusterSnapshot copy = drCopies(sim, "from-prod");
                assertThat(copy.status()).isEqualTo("copying");
                assertThat(copy.dbClusterSnapshotArn()).contains(":" + RdsSim.DR + ":");
                assertThat(copy.kmsKeyId()).startsWith("arn:aws:kms:us-east-1:" + RdsSim.DR + ":key/");
            } else {
                RdsException e = catchThrowableOfType(RdsException.class, () -> drCopies(sim, "from-prod"));
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KMSKeyNotAccessibleFault");
                assertThat(e.awsErrorDetails().errorMessage()).startsWith("The source snapshot KMS key [")
                        .contains(":" + RdsSim.PROD + ":key/");
                assertThat(sim.drRds("us-east-1").describeDBClusterSnapshots(b -> b.snapshotType("manual"))
                        .dbClusterSnapshots()).as("no copy is made").isEmpty();
            }
        }
    }

    @Test
    void drsCopyIsRefusedUntilProductionAddsDrToTheKeyPolicy() {
        try (RdsSim sim = RdsSim.demo()) {
            // fraud-graph: Neptune in eu-central-1, encrypted with production's key there, whose policy is the default.
            var graph = sim.neptune("eu-central-1").describeDBClusterSnapshots(b -> b
                    .dbClusterIdentifier("fraud-graph").snapshotType("manual")).dbClusterSnapshots().getFirst();
            assertThat(graph.storageEncrypted()).isTrue();
            sim.neptune("eu-central-1").modifyDBClusterSnapshotAttribute(b -> b
                    .dbClusterSnapshotIdentifier(graph.dbClusterSnapshotIdentifier()).attributeName("restore")
                    .valuesToAdd(RdsSim.DR));
            Runnable copy = () -> sim.drNeptune("eu-central-1").copyDBClusterSnapshot(b -> b
                    .sourceDBClusterSnapshotIdentifier(graph.dbClusterSnapshotArn())
                    .targetDBClusterSnapshotIdentifier("fraud-graph-dr").kmsKeyId("alias/dr-backup"));

            NeptuneException refused = catchThrowableOfType(NeptuneException.class, copy::run);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("KMSKeyNotAccessibleFault");

            addToKeyPolicy(sim, "eu-central-1", "alias/snapferry-prod-data",
                    allow(DR_ROOT, JSON.valueToTree(new String[] {"kms:Decrypt", "kms:DescribeKey",
                            "kms:CreateGrant", "kms:ReEncrypt*", "kms:GenerateDataKey*"})));
            copy.run();
            assertThat(sim.drNeptune("eu-central-1").describeDBClusterSnapshots(b -> b
                    .dbClusterSnapshotIdentifier("fraud-graph-dr")).dbClusterSnapshots()).singleElement()
                    .satisfies(s -> assertThat(s.status()).isEqualTo("copying"));
        }
    }

    @Test
    void aSharedSnapshotWhoseKeyIsDisabledIsRefused() {
        try (RdsSim sim = sharedByProduction()) {
            addToKeyPolicy(sim, "us-east-1", "alias/prod-share", allow(DR_ROOT, "kms:*"));
            sim.kms("us-east-1").disableKey(b -> b.keyId("alias/prod-share"));
            RdsException e = catchThrowableOfType(RdsException.class, () -> drCopies(sim, "from-prod"));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KMSKeyNotAccessibleFault");
        }
    }

    @Test
    void aSnapshotEncryptedWithTheAwsManagedKeyCannotBeCopiedByAnotherAccount() {
        // Sharing it is refused (RdsSharing); even shared, its key's policy admits the owner's account only.
        try (RdsSim sim = RdsSim.with(Fixture.create()
                .in(RdsSim.PROD, "us-east-1", r -> {
                    var managed = KmsKeys.rdsManagedKey(r.state(), Instant.EPOCH);
                    var cluster = r.cluster("managed", "aurora-postgresql", 20, managed);
                    r.snapshot(cluster, "prod-share", "manual", Map.of()).restoreAccounts().add(RdsSim.DR);
                })
                .in(RdsSim.DR, "us-east-1", r -> r.key("alias/dr-copies")))) {
            RdsException e = catchThrowableOfType(RdsException.class, () -> drCopies(sim, "from-prod"));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KMSKeyNotAccessibleFault");
            assertThat(sim.rds("us-east-1").copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(
                    "prod-share").targetDBClusterSnapshotIdentifier("own-copy")).dbClusterSnapshot().status())
                    .as("its own account copies it through RDS").isEqualTo("copying");
        }
    }

    @Test
    void aKeyWhosePolicyShutsOutItsOwnAccountCannotEncryptItsCopies() {
        try (RdsSim sim = sharedByProduction()) {
            String drOnly = "{\"Version\":\"2012-10-17\",\"Statement\":[" + allow(DR_ROOT, "kms:*") + "]}";
            String shutOut = sim.kms("us-east-1").createKey(b -> b.description("shut out").policy(drOnly)
                    .bypassPolicyLockoutSafetyCheck(true)).keyMetadata().arn();
            RdsException e = catchThrowableOfType(RdsException.class, () -> sim.rds("us-east-1")
                    .copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier("prod-share")
                            .targetDBClusterSnapshotIdentifier("own-copy").kmsKeyId(shutOut)));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KMSKeyNotAccessibleFault");
        }
    }
}
