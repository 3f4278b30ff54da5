package dev.snapferry.fidelity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapferry.sim.DemoAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The life of a cluster snapshot, for each RDS-family engine through its own CLI service ({@code aws rds} for
 * Aurora MySQL and PostgreSQL, {@code aws docdb}, {@code aws neptune}) and in both demo accounts (DR runs the
 * create, list, cross-region copy and delete; production every step): the cluster, a
 * manual snapshot taken (and the same name refused), its tags added, listed and removed, its sharing attribute
 * read, a copy in its region with the tags, a copy into another region by ARN with {@code --source-region} (the
 * CLI builds the presigned URL, which DocumentDB requires) and a key of that region, the in-flight copy cancelled
 * by deleting it, and the snapshot deleted.
 *
 * <p>Expectations, from the rds, docdb and neptune API references (2014-10-31) unless said otherwise:
 * CreateDBClusterSnapshot answers the new snapshot {@code creating}, and the identifier "is stored as a lowercase
 * string" (CreateDBClusterSnapshotMessage); CopyDBClusterSnapshot answers the copy {@code copying}; CopyTags "copy
 * all tags from the source"; a copy to another region is called in the destination region with the source's ARN,
 * and an encrypted one needs a KmsKeyId of the destination region ("KMS keys are specific to the Amazon Web
 * Services Region that they are created in"); the copy's SourceDBClusterSnapshotArn is the source's ARN; deleting
 * a copy that is still {@code copying} cancels it (Amazon Aurora User Guide, "Copying a DB cluster snapshot":
 * "you can cancel a copy in progress by deleting the target DB cluster snapshot"); a deleted snapshot is no longer
 * found (DescribeDBClusterSnapshots: DBClusterSnapshotNotFoundFault, 404).
 */
class RdsFamilyCliScenarioTest {

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

    /** One engine in one account: the CLI service, the demo cluster, and the region a copy goes to with its key. */
    record Case(String account, String service, String engine, String region, String cluster, String targetRegion,
                @Nullable String targetKeyAlias) {
        /** Production runs every step; DR the create, list, cross-region copy and delete (CLI calls cost time). */
        boolean full() {
            return account.equals(DemoAccounts.PRODUCTION);
        }

        boolean encrypted() {
            return targetKeyAlias != null;
        }

        @Override
        public String toString() {
            return service + " " + engine + " " + (account.equals(DemoAccounts.PRODUCTION) ? "production" : "DR")
                    + " " + region + " -> " + targetRegion;
        }
    }

    static Stream<Arguments> cases() {
        String p = DemoAccounts.PRODUCTION;
        String d = DemoAccounts.DISASTER_RECOVERY;
        return Stream.of(
                new Case(p, "rds", "aurora-mysql", "us-east-1", "orders-aurora", "us-west-2",
                        "alias/snapferry-prod-data"),
                new Case(p, "rds", "aurora-postgresql", "eu-central-1", "analytics-pg", "eu-west-1",
                        "alias/snapferry-prod-data"),
                new Case(p, "docdb", "docdb", "us-east-1", "catalog-docdb", "us-west-2", "alias/snapferry-prod-data"),
                new Case(p, "neptune", "neptune", "us-east-1", "graph-neptune", "eu-central-1", null),
                new Case(d, "rds", "aurora-mysql", "us-east-1", "dr-orders-aurora", "us-west-2", "alias/dr-backup"),
                new Case(d, "rds", "aurora-postgresql", "us-west-2", "dr-billing-pg", "us-east-1", "alias/dr-backup"),
                new Case(d, "docdb", "docdb", "eu-west-1", "dr-catalog-docdb", "eu-central-1", null),
                new Case(d, "neptune", "neptune", "eu-central-1", "dr-fraud-graph", "us-east-1", "alias/dr-backup"))
                .map(Arguments::of);
    }

    private static AwsCli.Result as(Case c, String... args) {
        return c.account().equals(DemoAccounts.PRODUCTION) ? cli.prod(args) : cli.dr(args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void snapshotLifeThroughTheEnginesOwnCliService(Case c) {
        String s = c.service();
        String name = "cli-life-" + c.engine().replace("aurora-", "") + "-" + c.account().substring(0, 3);

        JsonNode cluster = as(c, s, "describe-db-clusters", "--region", c.region(), "--db-cluster-identifier",
                c.cluster()).json().get("DBClusters").get(0);
        assertThat(cluster.get("DBClusterIdentifier").asText()).isEqualTo(c.cluster());
        assertThat(cluster.get("Engine").asText()).isEqualTo(c.engine());
        assertThat(cluster.get("StorageEncrypted").asBoolean()).isEqualTo(c.encrypted());

        JsonNode created = as(c, s, "create-db-cluster-snapshot", "--region", c.region(), "--db-cluster-identifier",
                c.cluster(), "--db-cluster-snapshot-identifier", name.toUpperCase(java.util.Locale.ROOT), "--tags",
                "Key=Owner,Value=cli-suite", "Key=CostCenter,Value=cc-42").json().get("DBClusterSnapshot");
        assertThat(created.get("DBClusterSnapshotIdentifier").asText()).isEqualTo(name);
        assertThat(created.get("Status").asText()).isEqualTo("creating");
        assertThat(created.get("Engine").asText()).isEqualTo(c.engine());
        assertThat(created.get("SnapshotType").asText()).isEqualTo("manual");
        String arn = created.get("DBClusterSnapshotArn").asText();
        assertThat(arn).isEqualTo("arn:aws:rds:" + c.region() + ":" + c.account() + ":cluster-snapshot:" + name);

        if (c.full()) {
            Expect.refused(as(c, s, "create-db-cluster-snapshot", "--region", c.region(),
                            "--db-cluster-identifier", c.cluster(), "--db-cluster-snapshot-identifier", name), s,
                    "CreateDBClusterSnapshot", "DBClusterSnapshotAlreadyExistsFault", "CreateDBClusterSnapshot, "
                            + "Errors: DBClusterSnapshotAlreadyExistsFault, \"The user already has a DB cluster "
                            + "snapshot with the given identifier\" (400)");
        }

        cli.advance(4 * 3_600);
        JsonNode mine = null;
        for (JsonNode n : as(c, s, "describe-db-cluster-snapshots", "--region", c.region(), "--db-cluster-identifier",
                c.cluster(), "--snapshot-type", "manual").json().get("DBClusterSnapshots")) {
            assertThat(n.get("DBClusterIdentifier").asText()).isEqualTo(c.cluster());
            assertThat(n.get("SnapshotType").asText()).isEqualTo("manual");
            mine = n.get("DBClusterSnapshotIdentifier").asText().equals(name) ? n : mine;
        }
        assertThat(mine).as("%s among the cluster's manual snapshots", name).isNotNull();
        assertThat(mine.get("Status").asText()).isEqualTo("available");
        assertThat(mine.get("StorageEncrypted").asBoolean()).isEqualTo(c.encrypted());

        if (c.full()) {
            tagsAttributesAndACopyInTheRegion(c, name, arn);
        }

        List<String> copy = new ArrayList<>(List.of(s, "copy-db-cluster-snapshot", "--region", c.targetRegion(),
                "--source-region", c.region(), "--source-db-cluster-snapshot-identifier", arn,
                "--target-db-cluster-snapshot-identifier", name + "-far"));
        if (c.encrypted()) {
            copy.addAll(List.of("--kms-key-id", c.targetKeyAlias()));
        }
        JsonNode far = as(c, copy.toArray(String[]::new)).json().get("DBClusterSnapshot");
        assertThat(far.get("Status").asText()).isEqualTo("copying");
        assertThat(far.get("DBClusterSnapshotArn").asText()).startsWith("arn:aws:rds:" + c.targetRegion() + ":"
                + c.account() + ":cluster-snapshot:");
        assertThat(far.get("SourceDBClusterSnapshotArn").asText()).isEqualTo(arn);
        assertThat(far.get("StorageEncrypted").asBoolean()).isEqualTo(c.encrypted());
        if (c.encrypted()) {
            assertThat(far.get("KmsKeyId").asText()).startsWith("arn:aws:kms:" + c.targetRegion() + ":"
                    + c.account() + ":key/");
        }

        assertThat(as(c, s, "delete-db-cluster-snapshot", "--region", c.region(), "--db-cluster-snapshot-identifier",
                name).json().get("DBClusterSnapshot").get("DBClusterSnapshotArn").asText()).isEqualTo(arn);
    }

    /**
     * Tags added, removed and listed; the sharing attribute read; a copy in the region with the tags, cancelled by
     * deleting it while it is copying, and then not found.
     */
    private static void tagsAttributesAndACopyInTheRegion(Case c, String name, String arn) {
        String s = c.service();
        // Tags: AddTagsToResource and RemoveTagsFromResource answer nothing; ListTagsForResource shows the result.
        assertThat(as(c, s, "add-tags-to-resource", "--region", c.region(), "--resource-name", arn, "--tags",
                "Key=Environment,Value=test").exit()).isZero();
        assertThat(as(c, s, "remove-tags-from-resource", "--region", c.region(), "--resource-name", arn,
                "--tag-keys", "CostCenter").exit()).isZero();
        assertThat(tags(as(c, s, "list-tags-for-resource", "--region", c.region(), "--resource-name", arn).json()))
                .containsExactlyInAnyOrder("Owner=cli-suite", "Environment=test");

        // DescribeDBClusterSnapshotAttributes: the "restore" attribute lists who may restore; nobody yet.
        JsonNode attributes = as(c, s, "describe-db-cluster-snapshot-attributes", "--region", c.region(),
                "--db-cluster-snapshot-identifier", name).json().get("DBClusterSnapshotAttributesResult");
        assertThat(attributes.get("DBClusterSnapshotIdentifier").asText()).isEqualTo(name);
        JsonNode restore = attributes.get("DBClusterSnapshotAttributes").get(0);
        assertThat(restore.get("AttributeName").asText()).isEqualTo("restore");
        assertThat(restore.path("AttributeValues")).isEmpty();

        JsonNode local = as(c, s, "copy-db-cluster-snapshot", "--region", c.region(),
                "--source-db-cluster-snapshot-identifier", name, "--target-db-cluster-snapshot-identifier",
                name + "-copy", "--copy-tags").json().get("DBClusterSnapshot");
        assertThat(local.get("Status").asText()).isEqualTo("copying");
        assertThat(local.get("SourceDBClusterSnapshotArn").asText()).isEqualTo(arn);
        if (s.equals("rds")) {
            assertThat(tags(local)).containsExactlyInAnyOrder("Owner=cli-suite", "Environment=test");
        } else {
            // The docdb and neptune models have no TagList in DBClusterSnapshot: the CLI shows no tags in the reply.
            assertThat(tags(as(c, s, "list-tags-for-resource", "--region", c.region(), "--resource-name",
                    local.get("DBClusterSnapshotArn").asText()).json()))
                    .containsExactlyInAnyOrder("Owner=cli-suite", "Environment=test");
        }

        JsonNode cancelled = as(c, s, "delete-db-cluster-snapshot", "--region", c.region(),
                "--db-cluster-snapshot-identifier", name + "-copy").json().get("DBClusterSnapshot");
        assertThat(cancelled.get("DBClusterSnapshotIdentifier").asText()).isEqualTo(name + "-copy");
        Expect.refused(as(c, s, "describe-db-cluster-snapshots", "--region", c.region(),
                        "--db-cluster-snapshot-identifier", name + "-copy"), s, "DescribeDBClusterSnapshots",
                "DBClusterSnapshotNotFoundFault", "DescribeDBClusterSnapshots, Errors: DBClusterSnapshotNotFoundFault, "
                        + "\"DBClusterSnapshotIdentifier doesn't refer to an existing DB cluster snapshot\" (404)");

    }

    /** Key=Value of a reply's TagList (a snapshot, or ListTagsForResource's answer). */
    static List<String> tags(JsonNode withTagList) {
        List<String> tags = new ArrayList<>();
        withTagList.path("TagList").forEach(t -> tags.add(t.get("Key").asText() + "=" + t.get("Value").asText()));
        return tags;
    }
}
