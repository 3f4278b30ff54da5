package dev.snapferry.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapferry.fidelity.cli.AwsCli;
import dev.snapferry.fidelity.cli.AwsCli.Result;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AWS CLI v2 (Debian's {@code awscli}, a client nobody here wrote) against the standalone simulator: list,
 * create, copy (same- and cross-region, with the CLI's own presigned URL), wait, delete, and AWS's error codes.
 * Runs through {@link AwsCli}, shared with the scenario suite in {@code dev.snapferry.fidelity.cli}: without the
 * CLI these tests fail with the package to install ({@code .ci/run} installs it), they are not skipped.
 */
class AwsCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static AwsCli cli;

    @BeforeAll
    static void start() throws IOException {
        cli = AwsCli.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (cli != null) {
            cli.close();
        }
    }

    @Test
    void listsEveryEngineThroughEveryServiceCommand() throws Exception {
        JsonNode rds = aws("rds", "describe-db-cluster-snapshots", "--region", "us-east-1").json();
        List<String> engines = new ArrayList<>();
        rds.get("DBClusterSnapshots").forEach(s -> engines.add(s.get("Engine").asText()));
        assertThat(engines).contains("aurora-mysql", "aurora-postgresql", "docdb", "neptune", "mysql");

        assertThat(aws("docdb", "describe-db-cluster-snapshots", "--region", "us-east-1").json()
                .get("DBClusterSnapshots").size()).isEqualTo(rds.get("DBClusterSnapshots").size());
        assertThat(aws("neptune", "describe-db-cluster-snapshots", "--region", "us-east-1").json()
                .get("DBClusterSnapshots").size()).isEqualTo(rds.get("DBClusterSnapshots").size());
        assertThat(aws("docdb-elastic", "list-cluster-snapshots", "--region", "us-east-1").json()
                .get("snapshots").size()).isPositive();
        assertThat(aws("kms", "list-aliases", "--region", "us-east-1").out()).contains("alias/aws/rds");
        assertThat(aws("sts", "get-caller-identity", "--region", "us-east-1").json().get("Account").asText())
                .isEqualTo(DemoAccounts.PRODUCTION);
    }

    @Test
    void createCopyWaitAndDeleteWithTheCli() throws Exception {
        JsonNode created = aws("rds", "create-db-cluster-snapshot", "--region", "us-east-1",
                "--db-cluster-identifier", "orders-aurora", "--db-cluster-snapshot-identifier", "CLI-Made",
                "--tags", "Key=Owner,Value=cli").json().get("DBClusterSnapshot");
        assertThat(created.get("Status").asText()).isEqualTo("creating");
        assertThat(created.get("DBClusterSnapshotIdentifier").asText()).isEqualTo("cli-made");

        cli.advance(3_600);
        assertThat(aws("rds", "wait", "db-cluster-snapshot-available", "--region", "us-east-1",
                "--db-cluster-snapshot-identifier", "cli-made").exit()).isZero();

        JsonNode copy = aws("rds", "copy-db-cluster-snapshot", "--region", "us-east-1",
                "--source-db-cluster-snapshot-identifier", "cli-made",
                "--target-db-cluster-snapshot-identifier", "cli-made-copy", "--copy-tags").json()
                .get("DBClusterSnapshot");
        assertThat(copy.get("Status").asText()).isEqualTo("copying");
        assertThat(copy.get("TagList").toString()).contains("Owner", "cli");

        String keyArn = aws("kms", "describe-key", "--region", "us-west-2", "--key-id",
                "alias/snapferry-prod-data").json().get("KeyMetadata").get("Arn").asText();
        JsonNode cross = aws("rds", "copy-db-cluster-snapshot", "--region", "us-west-2", "--source-region",
                "us-east-1", "--source-db-cluster-snapshot-identifier", created.get("DBClusterSnapshotArn").asText(),
                "--target-db-cluster-snapshot-identifier", "cli-made-west", "--kms-key-id", keyArn).json()
                .get("DBClusterSnapshot");
        assertThat(cross.get("KmsKeyId").asText()).isEqualTo(keyArn);
        assertThat(cross.get("SourceDBClusterSnapshotArn").asText())
                .isEqualTo(created.get("DBClusterSnapshotArn").asText());

        assertThat(aws("rds", "delete-db-cluster-snapshot", "--region", "us-east-1",
                "--db-cluster-snapshot-identifier", "cli-made-copy").json().get("DBClusterSnapshot")
                .get("DBClusterSnapshotIdentifier").asText()).isEqualTo("cli-made-copy");
        Result gone = aws("rds", "describe-db-cluster-snapshots", "--region", "us-east-1",
                "--db-cluster-snapshot-identifier", "cli-made-copy");
        assertThat(gone.exit()).isNotZero();
        assertThat(gone.err()).contains("DBClusterSnapshotNotFoundFault");
    }

    @Test
    void keyPoliciesThroughTheCli() throws Exception {
        String keyId = aws("kms", "create-key", "--region", "eu-west-1", "--description", "cli policy").json()
                .get("KeyMetadata").get("KeyId").asText();
        JsonNode initial = JSON.readTree(aws("kms", "get-key-policy", "--region", "eu-west-1", "--key-id", keyId,
                "--policy-name", "default").json().get("Policy").asText());
        assertThat(initial.get("Statement").get(0).get("Sid").asText()).isEqualTo("Enable IAM User Permissions");
        assertThat(initial.get("Statement").get(0).get("Principal").get("AWS").asText())
                .isEqualTo("arn:aws:iam::" + DemoAccounts.PRODUCTION + ":root");

        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":[\"" + DemoAccounts.PRODUCTION + "\",\"arn:aws:iam::" + DemoAccounts.DISASTER_RECOVERY
                + ":root\"]},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        assertThat(aws("kms", "put-key-policy", "--region", "eu-west-1", "--key-id", keyId, "--policy-name",
                "default", "--policy", policy).exit()).isZero();
        assertThat(aws("kms", "get-key-policy", "--region", "eu-west-1", "--key-id", keyId, "--policy-name",
                "default").json().get("Policy").asText()).isEqualTo(policy);
        assertThat(aws("kms", "put-key-policy", "--region", "eu-west-1", "--key-id", keyId, "--policy-name",
                "default", "--policy", "{\"Version\":\"2012-10-17\"}").err())
                .contains("MalformedPolicyDocumentException");
    }

    @Test
    void refusalsCarryAwsErrorCodes() throws Exception {
        Result duplicate = aws("rds", "create-db-cluster-snapshot", "--region", "us-east-1",
                "--db-cluster-identifier", "billing-pg", "--db-cluster-snapshot-identifier", "dup-check");
        assertThat(duplicate.exit()).isZero();
        Result again = aws("rds", "create-db-cluster-snapshot", "--region", "us-east-1",
                "--db-cluster-identifier", "billing-pg", "--db-cluster-snapshot-identifier", "DUP-check");
        assertThat(again.err()).contains("DBClusterSnapshotAlreadyExistsFault");

        assertThat(aws("rds", "create-db-cluster-snapshot", "--region", "us-east-1", "--db-cluster-identifier",
                "no-such-cluster", "--db-cluster-snapshot-identifier", "x1").err()).contains("DBClusterNotFoundFault");
        assertThat(aws("rds", "create-db-cluster-snapshot", "--region", "us-east-1", "--db-cluster-identifier",
                "billing-pg", "--db-cluster-snapshot-identifier", "bad--name").err())
                .contains("InvalidParameterValue");
        assertThat(aws("kms", "describe-key", "--region", "us-east-1", "--key-id", "alias/nope").err())
                .contains("NotFoundException");
        assertThat(aws("rds", "describe-db-cluster-snapshots", "--region", "us-east-1", "--max-records", "10")
                .err()).contains("InvalidParameterValue");
    }

    private static Result aws(String... args) {
        return cli.prod(args);
    }
}
