package dev.snapferry.fidelity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each refusal of the RDS-family API the app maps (core.aws.AwsErrors), provoked for real through the CLI, with
 * the documented code, exit code 254 and the CLI's error line. The clock stands still in this class, so the demo's
 * copies in flight stay in flight.
 */
class RdsRefusalsCliScenarioTest {

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
     * CreateDBClusterSnapshotMessage$DBClusterSnapshotIdentifier: "Must contain from 1 to 63 letters, numbers, or
     * hyphens. First character must be a letter. Can't end with a hyphen or contain two consecutive hyphens";
     * DBClusterIdentifier must name an existing cluster (DBClusterNotFoundFault, 404); tag keys "can't be prefixed
     * with aws: or rds:" (Amazon RDS User Guide, "Tagging Amazon RDS resources"). Out-of-range values are
     * InvalidParameterValue (RDS API Reference, Common Errors).
     */
    @Test
    void invalidValuesAndMissingClusters() {
        Expect.refused(cli.prod("rds", "create-db-cluster-snapshot", "--region", "us-east-1", "--db-cluster-identifier",
                        "orders-aurora", "--db-cluster-snapshot-identifier", "bad--name"), "rds",
                "CreateDBClusterSnapshot", "InvalidParameterValue", "two consecutive hyphens");
        Expect.refused(cli.prod("docdb", "create-db-cluster-snapshot", "--region", "us-east-1",
                        "--db-cluster-identifier", "catalog-docdb", "--db-cluster-snapshot-identifier", "9-lives"),
                "docdb", "CreateDBClusterSnapshot", "InvalidParameterValue", "first character must be a letter");
        Expect.refused(cli.prod("neptune", "create-db-cluster-snapshot", "--region", "us-east-1",
                        "--db-cluster-identifier", "graph-neptune", "--db-cluster-snapshot-identifier", "cli-tagged",
                        "--tags", "Key=aws:owner,Value=x"), "neptune", "CreateDBClusterSnapshot",
                "InvalidParameterValue", "reserved tag key prefix aws:");
        JsonNode snapshot = Demo.snapshot(cli::prod, "rds", "us-east-1", "orders-aurora", "manual");
        Expect.refused(cli.prod("rds", "add-tags-to-resource", "--region", "us-east-1", "--resource-name",
                        Demo.arn(snapshot), "--tags", "Key=aws:cost,Value=1"), "rds", "AddTagsToResource",
                "InvalidParameterValue", "reserved tag key prefix aws:");
        Expect.refused(cli.prod("rds", "create-db-cluster-snapshot", "--region", "us-east-1", "--db-cluster-identifier",
                        "no-such-cluster", "--db-cluster-snapshot-identifier", "cli-orphan"), "rds",
                "CreateDBClusterSnapshot", "DBClusterNotFoundFault", "CreateDBClusterSnapshot, Errors: "
                        + "DBClusterNotFoundFault (404)");
        Expect.refused(cli.dr("rds", "describe-db-clusters", "--region", "us-east-1", "--db-cluster-identifier",
                        "orders-aurora"), "rds", "DescribeDBClusters", "DBClusterNotFoundFault",
                "DescribeDBClusters, Errors: DBClusterNotFoundFault (404): production's cluster is not DR's");
        // DescribeDBClusterSnapshotsMessage$MaxRecords: "Minimum 20, maximum 100".
        Expect.refused(cli.prod("rds", "describe-db-cluster-snapshots", "--region", "us-east-1", "--max-records",
                "10"), "rds", "DescribeDBClusterSnapshots", "InvalidParameterValue", "MaxRecords 20..100");
        // No resource of that ARN: a difference (KnownDifferences) in the code, not in the refusal.
        String missing = "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:no-such-snapshot";
        Expect.refused(cli.prod("rds", "add-tags-to-resource", "--region", "us-east-1", "--resource-name", missing,
                        "--tags", "Key=Owner,Value=x"), "rds", "AddTagsToResource", "DBClusterSnapshotNotFoundFault",
                "AddTagsToResource of an ARN naming nothing");
        Expect.refused(cli.prod("rds", "list-tags-for-resource", "--region", "us-east-1", "--resource-name", missing),
                "rds", "ListTagsForResource", "DBClusterSnapshotNotFoundFault",
                "ListTagsForResource of an ARN naming nothing");
    }

    /**
     * DeleteDBClusterSnapshot: "The DB cluster snapshot must be in the available state to be deleted", and only
     * manual snapshots can be deleted (automated ones go with their retention): InvalidDBClusterSnapshotStateFault
     * (declared, 400). CopyDBClusterSnapshot of a source that is not available yet: the same fault.
     */
    @Test
    void snapshotsInTheWrongState() {
        JsonNode automated = Demo.snapshot(cli::prod, "rds", "us-east-1", "billing-pg", "automated");
        Expect.refused(cli.prod("rds", "delete-db-cluster-snapshot", "--region", "us-east-1",
                        "--db-cluster-snapshot-identifier", Demo.id(automated)), "rds", "DeleteDBClusterSnapshot",
                "InvalidDBClusterSnapshotStateFault", "automated snapshots are not deleted by the user");
        assertThat(cli.prod("rds", "create-db-cluster-snapshot", "--region", "us-east-1", "--db-cluster-identifier",
                "billing-pg", "--db-cluster-snapshot-identifier", "cli-young").json().get("DBClusterSnapshot")
                .get("Status").asText()).isEqualTo("creating");
        Expect.refused(cli.prod("rds", "copy-db-cluster-snapshot", "--region", "us-east-1",
                        "--source-db-cluster-snapshot-identifier", "cli-young",
                        "--target-db-cluster-snapshot-identifier", "cli-young-copy"), "rds", "CopyDBClusterSnapshot",
                "InvalidDBClusterSnapshotStateFault", "the source must be available");
        Expect.refused(cli.prod("rds", "delete-db-cluster-snapshot", "--region", "us-east-1",
                        "--db-cluster-snapshot-identifier", "cli-young"), "rds", "DeleteDBClusterSnapshot",
                "InvalidDBClusterSnapshotStateFault", "must be in the available state to be deleted");
    }

    /**
     * CopyDBClusterSnapshotMessage$KmsKeyId: "If you copy an unencrypted DB cluster snapshot and specify a value for
     * the KmsKeyId parameter, an error is returned" (InvalidParameterCombination, RDS Common Errors); a key that is
     * disabled, of another region or unknown is KMSKeyNotAccessibleFault (declared: "An error occurred accessing an
     * Amazon Web Services KMS key"); "KMS keys are specific to the Amazon Web Services Region that they are created
     * in".
     */
    @Test
    void keysACopyCannotUse() {
        JsonNode plain = Demo.snapshot(cli::prod, "neptune", "us-east-1", "graph-neptune", "manual");
        Expect.refused(cli.prod("neptune", "copy-db-cluster-snapshot", "--region", "us-east-1",
                        "--source-db-cluster-snapshot-identifier", Demo.id(plain),
                        "--target-db-cluster-snapshot-identifier", "cli-plain-keyed", "--kms-key-id",
                        "alias/snapferry-prod-data"), "neptune", "CopyDBClusterSnapshot", "InvalidParameterCombination",
                "KmsKeyId with an unencrypted source");
        JsonNode encrypted = Demo.snapshot(cli::prod, "rds", "us-east-1", "orders-aurora", "manual");
        Expect.refused(cli.prod("rds", "copy-db-cluster-snapshot", "--region", "us-east-1",
                        "--source-db-cluster-snapshot-identifier", Demo.id(encrypted),
                        "--target-db-cluster-snapshot-identifier", "cli-disabled-key", "--kms-key-id",
                        "alias/snapferry-prod-data-2023"), "rds", "CopyDBClusterSnapshot", "KMSKeyNotAccessibleFault",
                "a disabled key");
        String westKey = cli.prod("kms", "describe-key", "--region", "us-west-2", "--key-id",
                "alias/snapferry-prod-data").json().get("KeyMetadata").get("Arn").asText();
        Expect.refused(cli.prod("rds", "copy-db-cluster-snapshot", "--region", "us-east-1",
                        "--source-db-cluster-snapshot-identifier", Demo.id(encrypted),
                        "--target-db-cluster-snapshot-identifier", "cli-west-key", "--kms-key-id", westKey), "rds",
                "CopyDBClusterSnapshot", "KMSKeyNotAccessibleFault", "a key of another region");
        JsonNode docdb = Demo.snapshot(cli::prod, "docdb", "us-east-1", "catalog-docdb", "manual");
        Expect.refused(cli.prod("docdb", "copy-db-cluster-snapshot", "--region", "us-west-2", "--source-region",
                        "us-east-1", "--source-db-cluster-snapshot-identifier", Demo.arn(docdb),
                        "--target-db-cluster-snapshot-identifier", "cli-docdb-nokey"), "docdb",
                "CopyDBClusterSnapshot", "InvalidParameterValue", "an encrypted copy to another region needs a "
                        + "KmsKeyId of the destination region");
    }

    /**
     * Aurora User Guide, "Copying a DB cluster snapshot", Limitations: "You can have up to five snapshot copy
     * requests in progress to a single destination Region per account"; CopyDBClusterSnapshot declares
     * SnapshotQuotaExceeded (400). The demo has three copies into production's us-west-2 in flight; the clock of
     * this class never moves, so two more fill the five and the next is refused.
     */
    @Test
    void theSixthCopyInFlightIsRefused() {
        JsonNode source = Demo.snapshot(cli::prod, "rds", "us-east-1", "orders-aurora", "manual");
        long inFlight = 0;
        for (JsonNode s : cli.prod("rds", "describe-db-cluster-snapshots", "--region", "us-west-2",
                "--snapshot-type", "manual").json().get("DBClusterSnapshots")) {
            inFlight += s.get("Status").asText().equals("copying") ? 1 : 0;
        }
        assertThat(inFlight).isEqualTo(3);
        for (int i = 1; i <= 3; i++) {
            AwsCli.Result copy = cli.prod("rds", "copy-db-cluster-snapshot", "--region", "us-west-2",
                    "--source-region", "us-east-1", "--source-db-cluster-snapshot-identifier", Demo.arn(source),
                    "--target-db-cluster-snapshot-identifier", "cli-quota-" + i, "--kms-key-id",
                    "alias/snapferry-prod-data");
            if (i < 3) {
                assertThat(copy.json().get("DBClusterSnapshot").get("Status").asText()).isEqualTo("copying");
            } else {
                Expect.refused(copy, "rds", "CopyDBClusterSnapshot", "SnapshotQuotaExceeded",
                        "five copies in progress to one destination region per account");
            }
        }
    }
}
