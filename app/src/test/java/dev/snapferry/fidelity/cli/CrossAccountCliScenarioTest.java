package dev.snapferry.fidelity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snapferry.sim.DemoAccounts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two demo accounts through the CLI: who each one is, the role production assumes into DR, sharing a snapshot
 * and the other account's copy of it for every RDS-family engine, the key policy that decides whether that copy
 * may read the source, and the sharing refusals.
 */
class CrossAccountCliScenarioTest {

    private static final String PROD = DemoAccounts.PRODUCTION;
    private static final String DR = DemoAccounts.DISASTER_RECOVERY;
    private static AwsCli cli;

    @BeforeAll
    static void start() throws Exception {
        cli = AwsCli.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (cli != null) {
            cli.close();
        }
    }

    /**
     * STS API Reference: GetCallerIdentity returns the caller's Account, Arn and UserId; AssumeRole returns
     * temporary Credentials and the AssumedRoleUser whose Arn is {@code arn:aws:sts::<account>:assumed-role/<role
     * name>/<session name>}; a role whose trust policy demands MFA is refused without SerialNumber and TokenCode
     * (IAM User Guide, "Configuring MFA-protected API access"), and a role the caller may not assume is AccessDenied
     * (IAM User Guide, "Troubleshooting IAM roles").
     */
    @Test
    void identitiesAndTheRoleIntoDr() {
        JsonNode prod = cli.prod("sts", "get-caller-identity", "--region", "us-east-1").json();
        assertThat(prod.get("Account").asText()).isEqualTo(PROD);
        assertThat(prod.get("Arn").asText()).isEqualTo("arn:aws:iam::" + PROD + ":user/demo-dba");
        assertThat(cli.dr("sts", "get-caller-identity", "--region", "eu-west-1").json().get("Account").asText())
                .isEqualTo(DR);

        JsonNode assumed = cli.prod("sts", "assume-role", "--region", "us-east-1", "--role-arn",
                DemoAccounts.DR_ROLE_ARN, "--role-session-name", "cli-suite").json();
        assertThat(assumed.get("AssumedRoleUser").get("Arn").asText())
                .isEqualTo("arn:aws:sts::" + DR + ":assumed-role/SnapferryDrOperator/cli-suite");
        JsonNode credentials = assumed.get("Credentials");
        assertThat(credentials.get("Expiration").asText()).isNotBlank();
        AwsCli.Credentials session = new AwsCli.Credentials(credentials.get("AccessKeyId").asText(),
                credentials.get("SecretAccessKey").asText(), credentials.get("SessionToken").asText());
        JsonNode asRole = cli.run(session, "sts", "get-caller-identity", "--region", "us-east-1").json();
        assertThat(asRole.get("Account").asText()).isEqualTo(DR);
        assertThat(asRole.get("Arn").asText()).isEqualTo(assumed.get("AssumedRoleUser").get("Arn").asText());
        List<String> seen = new ArrayList<>();
        cli.run(session, "rds", "describe-db-cluster-snapshots", "--region", "us-east-1", "--snapshot-type", "manual")
                .json().get("DBClusterSnapshots").forEach(s -> seen.add(s.get("DBClusterSnapshotArn").asText()));
        assertThat(seen).allMatch(a -> a.startsWith("arn:aws:rds:us-east-1:" + DR + ":cluster-snapshot:"))
                .anyMatch(a -> a.contains(":cluster-snapshot:dr-orders-aurora"));

        Expect.refused(cli.prod("sts", "assume-role", "--region", "us-east-1", "--role-arn",
                        DemoAccounts.DR_MFA_ROLE_ARN, "--role-session-name", "cli-suite"), "sts", "AssumeRole",
                "AccessDenied", "IAM User Guide, Configuring MFA-protected API access: no MFA, no session");
        assertThat(cli.prod("sts", "assume-role", "--region", "us-east-1", "--role-arn", DemoAccounts.DR_MFA_ROLE_ARN,
                "--role-session-name", "cli-suite", "--serial-number", DemoAccounts.MFA_SERIAL, "--token-code",
                "123456").json().get("AssumedRoleUser").get("Arn").asText()).endsWith(":assumed-role/SnapferryDrAdmin/"
                + "cli-suite");
        Expect.refused(cli.prod("sts", "assume-role", "--region", "us-east-1", "--role-arn",
                        "arn:aws:iam::" + DR + ":role/NoSuchRole", "--role-session-name", "cli-suite"), "sts",
                "AssumeRole", "AccessDenied", "IAM User Guide, Troubleshooting IAM roles: not authorized to perform "
                        + "sts:AssumeRole");
    }

    /**
     * Aurora User Guide, "Sharing a DB cluster snapshot" and "Copying a DB cluster snapshot across accounts"; rds
     * API reference: ModifyDBClusterSnapshotAttribute with AttributeName {@code restore} and ValuesToAdd the
     * account IDs, answered with the snapshot's attributes; DescribeDBClusterSnapshots SnapshotType {@code shared}
     * lists what others share with the caller; CopyDBClusterSnapshot names a shared source by ARN, and "If you copy
     * an encrypted DB cluster snapshot that is shared from another Amazon Web Services account, then you must
     * specify a value for KmsKeyId" (CopyDBClusterSnapshotMessage$KmsKeyId); an unshared snapshot of another account
     * is not found (DBClusterSnapshotNotFoundFault, 404).
     */
    @Test
    void auroraShareThenTheOtherAccountCopies() {
        JsonNode source = Demo.snapshot(cli::prod, "rds", "us-east-1", "orders-aurora", "manual");
        String arn = Demo.arn(source);
        Expect.refused(cli.dr("rds", "copy-db-cluster-snapshot", "--region", "us-east-1",
                        "--source-db-cluster-snapshot-identifier", arn, "--target-db-cluster-snapshot-identifier",
                        "cli-unshared", "--kms-key-id", "alias/dr-backup"), "rds", "CopyDBClusterSnapshot",
                "DBClusterSnapshotNotFoundFault", "CopyDBClusterSnapshot of another account's snapshot not shared with "
                        + "the caller: DBClusterSnapshotNotFoundFault (404)");

        assertThat(Demo.restore(cli.prod("rds", "modify-db-cluster-snapshot-attribute", "--region", "us-east-1",
                "--db-cluster-snapshot-identifier", Demo.id(source), "--attribute-name", "restore",
                "--values-to-add", DR))).containsExactly(DR);
        assertThat(Demo.restore(cli.prod("rds", "describe-db-cluster-snapshot-attributes", "--region", "us-east-1",
                "--db-cluster-snapshot-identifier", Demo.id(source)))).containsExactly(DR);
        JsonNode shared = null;
        for (JsonNode s : cli.dr("rds", "describe-db-cluster-snapshots", "--region", "us-east-1", "--snapshot-type",
                "shared").json().get("DBClusterSnapshots")) {
            shared = Demo.arn(s).equals(arn) ? s : shared;
        }
        assertThat(shared).as("DR lists the snapshot production shares").isNotNull();
        assertThat(shared.get("SnapshotType").asText()).isEqualTo("shared");

        Expect.refused(cli.dr("rds", "copy-db-cluster-snapshot", "--region", "us-east-1",
                        "--source-db-cluster-snapshot-identifier", arn, "--target-db-cluster-snapshot-identifier",
                        "cli-shared-nokey"), "rds", "CopyDBClusterSnapshot", "InvalidParameterValue",
                "CopyDBClusterSnapshotMessage$KmsKeyId: a shared encrypted source needs KmsKeyId");
        JsonNode copy = cli.dr("rds", "copy-db-cluster-snapshot", "--region", "us-east-1",
                "--source-db-cluster-snapshot-identifier", arn, "--target-db-cluster-snapshot-identifier",
                "cli-shared-copy", "--kms-key-id", "alias/dr-backup").json().get("DBClusterSnapshot");
        assertThat(copy.get("Status").asText()).isEqualTo("copying");
        assertThat(copy.get("SourceDBClusterSnapshotArn").asText()).isEqualTo(arn);
        assertThat(copy.get("DBClusterSnapshotArn").asText()).contains(":" + DR + ":cluster-snapshot:cli-shared-copy");
        assertThat(copy.get("KmsKeyId").asText()).startsWith("arn:aws:kms:us-east-1:" + DR + ":key/");

        assertThat(Demo.restore(cli.prod("rds", "modify-db-cluster-snapshot-attribute", "--region", "us-east-1",
                "--db-cluster-snapshot-identifier", Demo.id(source), "--attribute-name", "restore",
                "--values-to-remove", DR))).isEmpty();
    }

    /**
     * Aurora User Guide, "Copying a DB cluster snapshot across accounts", step 2: the owner's key policy must let
     * the other account use the key (kms:CreateGrant, kms:DescribeKey); otherwise CopyDBClusterSnapshot answers
     * KMSKeyNotAccessibleFault (declared, 400). KMS API reference: GetKeyPolicy returns the policy document as a
     * string; PutKeyPolicy replaces it (PolicyName {@code default}).
     */
    @Test
    void theOwnersKeyPolicyDecidesTheOtherAccountsCopy() throws Exception {
        JsonNode source = Demo.snapshot(cli::prod, "rds", "us-west-2", "orders-aurora-west", "manual");
        String arn = Demo.arn(source);
        cli.prod("rds", "modify-db-cluster-snapshot-attribute", "--region", "us-west-2",
                "--db-cluster-snapshot-identifier", Demo.id(source), "--attribute-name", "restore", "--values-to-add",
                DR).json();
        String[] copy = {"rds", "copy-db-cluster-snapshot", "--region", "us-west-2",
                "--source-db-cluster-snapshot-identifier", arn, "--target-db-cluster-snapshot-identifier",
                "cli-keyed-copy", "--kms-key-id", "alias/dr-backup"};
        AwsCli.Refusal refusal = Expect.refused(cli.dr(copy), "rds", "CopyDBClusterSnapshot",
                "KMSKeyNotAccessibleFault", "Aurora User Guide, Copying a DB cluster snapshot across accounts: the "
                        + "source key's policy must admit the other account");
        assertThat(refusal.message()).contains("source snapshot KMS key");

        String keyArn = source.get("KmsKeyId").asText();
        ObjectNode policy = (ObjectNode) AwsCli.JSON.readTree(cli.prod("kms", "get-key-policy", "--region",
                "us-west-2", "--key-id", keyArn, "--policy-name", "default").json().get("Policy").asText());
        ObjectNode statement = ((ArrayNode) policy.get("Statement")).addObject();
        statement.put("Sid", "AllowDrToCopy").put("Effect", "Allow");
        statement.putObject("Principal").put("AWS", "arn:aws:iam::" + DR + ":root");
        statement.putArray("Action").add("kms:CreateGrant").add("kms:DescribeKey").add("kms:Decrypt");
        statement.put("Resource", "*");
        assertThat(cli.prod("kms", "put-key-policy", "--region", "us-west-2", "--key-id", keyArn, "--policy-name",
                "default", "--policy", policy.toString()).exit()).isZero();

        JsonNode copied = cli.dr(copy).json().get("DBClusterSnapshot");
        assertThat(copied.get("Status").asText()).isEqualTo("copying");
        assertThat(copied.get("SourceDBClusterSnapshotArn").asText()).isEqualTo(arn);
    }

    /**
     * The same share and copy for DocumentDB (encrypted, the owner's key admitting DR) through {@code aws docdb},
     * Neptune (unencrypted: no key) through {@code aws neptune}, and Aurora PostgreSQL shared by DR and copied by
     * production into another region in one step (rds model since 2025-09-30: "You can also specify an ARN of a
     * snapshot that is in a different account and a different Amazon Web Services Region"; DocumentDB Developer
     * Guide and Neptune User Guide for theirs; contested by older editions, see app/docs/aws-rules.md).
     */
    @Test
    void everyEngineCrossesAccounts() {
        JsonNode docdb = Demo.snapshot(cli::prod, "docdb", "us-east-1", "catalog-docdb", "manual");
        assertThat(Demo.restore(cli.prod("docdb", "modify-db-cluster-snapshot-attribute", "--region", "us-east-1",
                "--db-cluster-snapshot-identifier", Demo.id(docdb), "--attribute-name", "restore", "--values-to-add",
                DR))).contains(DR);
        JsonNode docdbCopy = cli.dr("docdb", "copy-db-cluster-snapshot", "--region", "us-east-1",
                "--source-db-cluster-snapshot-identifier", Demo.arn(docdb), "--target-db-cluster-snapshot-identifier",
                "cli-docdb-from-prod", "--kms-key-id", "alias/dr-backup").json().get("DBClusterSnapshot");
        assertThat(docdbCopy.get("Engine").asText()).isEqualTo("docdb");
        assertThat(docdbCopy.get("Status").asText()).isEqualTo("copying");

        JsonNode neptune = Demo.snapshot(cli::prod, "neptune", "us-east-1", "graph-neptune", "manual");
        assertThat(Demo.restore(cli.prod("neptune", "modify-db-cluster-snapshot-attribute", "--region", "us-east-1",
                "--db-cluster-snapshot-identifier", Demo.id(neptune), "--attribute-name", "restore",
                "--values-to-add", DR))).contains(DR);
        JsonNode neptuneCopy = cli.dr("neptune", "copy-db-cluster-snapshot", "--region", "us-east-1",
                "--source-db-cluster-snapshot-identifier", Demo.arn(neptune),
                "--target-db-cluster-snapshot-identifier", "cli-neptune-from-prod").json().get("DBClusterSnapshot");
        assertThat(neptuneCopy.get("Engine").asText()).isEqualTo("neptune");
        assertThat(neptuneCopy.get("StorageEncrypted").asBoolean()).isFalse();

        // DR shares the first manual snapshot of each of its clusters with production (the demo's data set).
        JsonNode pg = null;
        for (JsonNode shared : cli.prod("rds", "describe-db-cluster-snapshots", "--region", "us-west-2",
                "--snapshot-type", "shared").json().get("DBClusterSnapshots")) {
            assertThat(Demo.arn(shared)).startsWith("arn:aws:rds:us-west-2:" + DR + ":cluster-snapshot:");
            pg = shared.get("Engine").asText().equals("aurora-postgresql") ? shared : pg;
        }
        assertThat(pg).as("DR's Aurora PostgreSQL snapshot shared with production").isNotNull();
        assertThat(Demo.restore(cli.dr("rds", "describe-db-cluster-snapshot-attributes", "--region", "us-west-2",
                "--db-cluster-snapshot-identifier", Demo.arn(pg).substring(Demo.arn(pg).lastIndexOf(':') + 1))))
                .contains(PROD);
        JsonNode pgCopy = cli.prod("rds", "copy-db-cluster-snapshot", "--region", "us-east-1", "--source-region",
                "us-west-2", "--source-db-cluster-snapshot-identifier", Demo.arn(pg),
                "--target-db-cluster-snapshot-identifier", "cli-pg-from-dr", "--kms-key-id",
                "alias/snapferry-prod-data").json().get("DBClusterSnapshot");
        assertThat(pgCopy.get("Engine").asText()).isEqualTo("aurora-postgresql");
        assertThat(pgCopy.get("SourceDBClusterSnapshotArn").asText()).isEqualTo(Demo.arn(pg));
        assertThat(pgCopy.get("DBClusterSnapshotArn").asText()).startsWith("arn:aws:rds:us-east-1:" + PROD + ":");
    }

    /**
     * Aurora User Guide, "Sharing a DB cluster snapshot": only manual snapshots can be shared
     * (ModifyDBClusterSnapshotAttribute declares InvalidDBClusterSnapshotStateFault); "You can't share encrypted
     * snapshots as public" and "You can't share a snapshot that has been encrypted using the default KMS key"
     * ("Sharing encrypted snapshots"; contested, see app/docs/aws-rules.md); up to 20 accounts
     * (SharedSnapshotQuotaExceeded, declared, 400).
     */
    @Test
    void sharingRefusals() {
        JsonNode managedKey = Demo.snapshot(cli::prod, "rds", "us-east-1", "billing-pg", "manual");
        Expect.refused(cli.prod("rds", "modify-db-cluster-snapshot-attribute", "--region", "us-east-1",
                        "--db-cluster-snapshot-identifier", Demo.id(managedKey), "--attribute-name", "restore",
                        "--values-to-add", DR), "rds", "ModifyDBClusterSnapshotAttribute", "InvalidParameterValue",
                "Sharing encrypted snapshots: not under the default (AWS managed) key");

        JsonNode encrypted = Demo.snapshot(cli::prod, "rds", "eu-west-1", "shop-eu-aurora", "manual");
        Expect.refused(cli.prod("rds", "modify-db-cluster-snapshot-attribute", "--region", "eu-west-1",
                        "--db-cluster-snapshot-identifier", Demo.id(encrypted), "--attribute-name", "restore",
                        "--values-to-add", "all"), "rds", "ModifyDBClusterSnapshotAttribute", "InvalidParameterValue",
                "Sharing encrypted snapshots: never public");

        List<String> many = new ArrayList<>(List.of("rds", "modify-db-cluster-snapshot-attribute", "--region",
                "eu-west-1", "--db-cluster-snapshot-identifier", Demo.id(encrypted), "--attribute-name", "restore",
                "--values-to-add"));
        for (int i = 0; i < 21; i++) {
            many.add(String.format("%012d", 100_000_000_000L + i));
        }
        Expect.refused(cli.prod(many.toArray(String[]::new)), "rds", "ModifyDBClusterSnapshotAttribute",
                "SharedSnapshotQuotaExceeded", "ModifyDBClusterSnapshotAttribute: up to 20 accounts");

        JsonNode automated = Demo.snapshot(cli::prod, "rds", "eu-west-1", "shop-eu-aurora", "automated");
        Expect.refused(cli.prod("rds", "modify-db-cluster-snapshot-attribute", "--region", "eu-west-1",
                        "--db-cluster-snapshot-identifier", Demo.id(automated), "--attribute-name", "restore",
                        "--values-to-add", DR), "rds", "ModifyDBClusterSnapshotAttribute",
                "InvalidDBClusterSnapshotStateFault", "only manual snapshots can be shared");
    }
}
