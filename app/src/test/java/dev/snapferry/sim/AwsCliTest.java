package dev.snapferry.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI v2 (Debian's {@code awscli}, a client nobody here wrote) against the standalone simulator: list,
 * create, copy (same- and cross-region, with the CLI's own presigned URL), wait, delete, and AWS's error codes.
 * {@code .ci/run} installs the CLI; without it these tests are skipped locally and fail under CI.
 */
class AwsCliTest {

    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static StandaloneSimulator simulator;

    @TempDir
    static Path home;

    record Result(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        boolean installed = Files.isExecutable(AWS);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install the AWS CLI (apt package awscli): .ci/run does it");
        }
        assumeTrue(installed, "AWS CLI v2 not installed at /usr/bin/aws (apt-get install awscli)");
        simulator = StandaloneSimulator.start("--port", "0", "--manual-clock");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (simulator != null) {
            simulator.close();
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

        simulator.advanceClock(3_600);
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

    private static Result aws(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(AWS.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", simulator.endpoint().toString(), "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", DemoAccounts.PRODUCTION_ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", DemoAccounts.PRODUCTION_SECRET_KEY);
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_PAGER", "");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("HOME", home.toString());
        Path err = Files.createTempFile(home, "aws", ".err");
        Process process = builder.redirectError(err.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("aws " + String.join(" ", args) + " did not finish");
        }
        return new Result(process.exitValue(), out, Files.readString(err));
    }
}
