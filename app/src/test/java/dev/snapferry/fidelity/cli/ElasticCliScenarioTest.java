package dev.snapferry.fidelity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapferry.sim.DemoAccounts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DocumentDB Elastic through {@code aws docdb-elastic} (REST-JSON). Expectations from the DocumentDB Developer
 * Guide's Elastic Clusters API reference (API_elastic_*.html) and the docdb-elastic 2022-11-28 model: snapshots
 * and clusters are named by ARN; ListClusterSnapshots filters by {@code clusterArn}; CreateClusterSnapshot answers
 * the snapshot (Status {@code CREATING}) and refuses a taken name with ConflictException (409); names are 1..63
 * letters, digits and hyphens starting with a letter (ValidationException, 400); an unknown ARN is
 * ResourceNotFoundException (404); tag keys follow {@code ^(?!aws:)[a-zA-Z+-=._:/]+$} (ValidationException);
 * DeleteClusterSnapshot answers the deleted snapshot.
 */
class ElasticCliScenarioTest {

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

    private static String clusterArn() {
        JsonNode clusters = cli.prod("docdb-elastic", "list-clusters", "--region", "us-east-1").json().get("clusters");
        assertThat(clusters).hasSize(1);
        assertThat(clusters.get(0).get("clusterName").asText()).isEqualTo("events-elastic");
        return clusters.get(0).get("clusterArn").asText();
    }

    @Test
    void listsClustersAndSnapshotsInBothAccounts() {
        String cluster = clusterArn();
        JsonNode snapshots = cli.prod("docdb-elastic", "list-cluster-snapshots", "--region", "us-east-1",
                "--cluster-arn", cluster).json().get("snapshots");
        assertThat(snapshots).isNotEmpty();
        snapshots.forEach(s -> assertThat(s.get("clusterArn").asText()).isEqualTo(cluster));
        JsonNode one = cli.prod("docdb-elastic", "get-cluster-snapshot", "--region", "us-east-1", "--snapshot-arn",
                snapshots.get(0).get("snapshotArn").asText()).json().get("snapshot");
        assertThat(one.get("snapshotName").asText()).isEqualTo(snapshots.get(0).get("snapshotName").asText());
        assertThat(one.get("kmsKeyId").asText()).startsWith("arn:aws:kms:us-east-1:" + DemoAccounts.PRODUCTION);
        assertThat(one.get("status").asText()).isEqualTo("ACTIVE");
        if (Documented.model("docdb-elastic").path("shapes").path("ClusterSnapshot").path("members")
                .has("snapshotType")) {
            // Newer models only: the CLI drops members its model does not have (2.9.19 has no snapshotType).
            assertThat(one.get("snapshotType").asText()).isIn("MANUAL", "AUTOMATED");
        }

        // The DR account has no Elastic cluster: empty lists, not errors.
        assertThat(cli.dr("docdb-elastic", "list-clusters", "--region", "us-east-1").json().get("clusters"))
                .isEmpty();
        assertThat(cli.dr("docdb-elastic", "list-cluster-snapshots", "--region", "us-east-1").json()
                .get("snapshots")).isEmpty();
        Expect.refused(cli.dr("docdb-elastic", "get-cluster-snapshot", "--region", "us-east-1", "--snapshot-arn",
                        snapshots.get(0).get("snapshotArn").asText()), "docdb-elastic", "GetClusterSnapshot",
                "ResourceNotFoundException", "another account's snapshot is not the caller's resource (404)");
    }

    @Test
    void createTagAndDeleteASnapshot() {
        String cluster = clusterArn();
        JsonNode created = cli.prod("docdb-elastic", "create-cluster-snapshot", "--region", "us-east-1",
                "--cluster-arn", cluster, "--snapshot-name", "cli-elastic", "--tags", "Owner=cli-suite").json()
                .get("snapshot");
        assertThat(created.get("status").asText()).isEqualTo("CREATING");
        assertThat(created.get("snapshotName").asText()).isEqualTo("cli-elastic");
        assertThat(created.get("clusterArn").asText()).isEqualTo(cluster);
        String arn = created.get("snapshotArn").asText();
        assertThat(arn).startsWith("arn:aws:docdb-elastic:us-east-1:" + DemoAccounts.PRODUCTION
                + ":cluster-snapshot/");

        Expect.refused(cli.prod("docdb-elastic", "delete-cluster-snapshot", "--region", "us-east-1",
                        "--snapshot-arn", arn), "docdb-elastic", "DeleteClusterSnapshot", "ConflictException",
                "DeleteClusterSnapshot declares ConflictException (409) for a snapshot not in a deletable state");
        Expect.refused(cli.prod("docdb-elastic", "create-cluster-snapshot", "--region", "us-east-1", "--cluster-arn",
                        cluster, "--snapshot-name", "cli-elastic"), "docdb-elastic", "CreateClusterSnapshot",
                "ConflictException", "CreateClusterSnapshot: a taken name is ConflictException (409)");
        Expect.refused(cli.prod("docdb-elastic", "create-cluster-snapshot", "--region", "us-east-1", "--cluster-arn",
                        cluster, "--snapshot-name", "bad--name"), "docdb-elastic", "CreateClusterSnapshot",
                "ValidationException", "snapshotName: letters, digits, hyphens; no two consecutive hyphens (400)");
        Expect.refused(cli.prod("docdb-elastic", "create-cluster-snapshot", "--region", "us-east-1", "--cluster-arn",
                        cluster.replaceAll("/[^/]+$", "/no-such-cluster"), "--snapshot-name", "cli-nowhere"),
                "docdb-elastic", "CreateClusterSnapshot", "ResourceNotFoundException",
                "CreateClusterSnapshot of an unknown cluster ARN (404)");

        cli.advance(4 * 3_600);
        assertThat(cli.prod("docdb-elastic", "get-cluster-snapshot", "--region", "us-east-1", "--snapshot-arn", arn)
                .json().get("snapshot").get("status").asText()).isEqualTo("ACTIVE");

        assertThat(cli.prod("docdb-elastic", "tag-resource", "--region", "us-east-1", "--resource-arn", arn,
                "--tags", "Environment=test").exit()).isZero();
        assertThat(cli.prod("docdb-elastic", "untag-resource", "--region", "us-east-1", "--resource-arn", arn,
                "--tag-keys", "Owner").exit()).isZero();
        assertThat(tags(arn)).containsExactly(Map.entry("Environment", "test"));
        Expect.refused(cli.prod("docdb-elastic", "tag-resource", "--region", "us-east-1", "--resource-arn", arn,
                        "--tags", "aws:owner=x"), "docdb-elastic", "TagResource", "ValidationException",
                "TagKey pattern ^(?!aws:)...: the aws: prefix is reserved (400)");
        Map<String, String> fifty = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            fifty.put("Key" + (char) ('a' + i % 26) + (char) ('a' + i / 26), "v");
        }
        Expect.refused(cli.prod("docdb-elastic", "tag-resource", "--region", "us-east-1", "--resource-arn", arn,
                        "--tags", AwsCli.JSON.valueToTree(fifty).toString()), "docdb-elastic", "TagResource",
                "ServiceQuotaExceededException", "at most 50 tags per resource (AWS tagging guides); TagResource "
                        + "declares no quota error: a known difference");

        JsonNode deleted = cli.prod("docdb-elastic", "delete-cluster-snapshot", "--region", "us-east-1",
                "--snapshot-arn", arn).json().get("snapshot");
        assertThat(deleted.get("snapshotArn").asText()).isEqualTo(arn);
        Expect.refused(cli.prod("docdb-elastic", "get-cluster-snapshot", "--region", "us-east-1", "--snapshot-arn",
                arn), "docdb-elastic", "GetClusterSnapshot", "ResourceNotFoundException", "deleted: not found (404)");
        Expect.refused(cli.prod("docdb-elastic", "list-tags-for-resource", "--region", "us-east-1",
                        "--resource-arn", arn), "docdb-elastic", "ListTagsForResource", "ResourceNotFoundException",
                "tags of a deleted snapshot: not found (404)");
    }

    /**
     * CopyClusterSnapshot (DocumentDB Developer Guide, API_elastic_CopyClusterSnapshot): same region, the source by
     * ARN in the path, {@code targetSnapshotName}, {@code copyTags}. Added to the service after the Debian CLI's
     * model (2.9.19 has no {@code copy-cluster-snapshot}): run only where the CLI knows the command.
     */
    @Test
    void copiesASnapshotWhereTheCliKnowsTheCommand() {
        assumeTrue(Documented.hasOperation("docdb-elastic", "CopyClusterSnapshot"),
                "this AWS CLI's docdb-elastic model has no CopyClusterSnapshot (Debian awscli 2.9.19)");
        String cluster = clusterArn();
        String source = cli.prod("docdb-elastic", "list-cluster-snapshots", "--region", "us-east-1",
                "--cluster-arn", cluster).json().get("snapshots").get(0).get("snapshotArn").asText();
        JsonNode copy = cli.prod("docdb-elastic", "copy-cluster-snapshot", "--region", "us-east-1",
                "--snapshot-arn", source, "--target-snapshot-name", "cli-elastic-copy", "--copy-tags").json()
                .get("snapshot");
        assertThat(copy.get("snapshotName").asText()).isEqualTo("cli-elastic-copy");
        Expect.refused(cli.prod("docdb-elastic", "copy-cluster-snapshot", "--region", "us-east-1", "--snapshot-arn",
                        source, "--target-snapshot-name", "cli-elastic-copy"), "docdb-elastic", "CopyClusterSnapshot",
                "ConflictException", "CopyClusterSnapshot: a taken name is ConflictException (409)");
    }

    private static Map<String, String> tags(String arn) {
        Map<String, String> tags = new LinkedHashMap<>();
        cli.prod("docdb-elastic", "list-tags-for-resource", "--region", "us-east-1", "--resource-arn", arn).json()
                .get("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
        return tags;
    }
}
