package dev.snapferry.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ArnTest {

    private static final String SNAPSHOT_ARN =
            "arn:aws:rds:us-west-2:123456789012:cluster-snapshot:aurora-cluster1-snapshot-20161115";

    @Test
    void clusterSnapshotArnIsSplitIntoItsParts() {
        assertEquals(Optional.of(new Arn("aws", "rds", "us-west-2", "123456789012",
                "cluster-snapshot:aurora-cluster1-snapshot-20161115")), Arn.parse(SNAPSHOT_ARN));
    }

    @Test
    void resourceKeepsItsOwnColonsAndSlashes() {
        Arn arn = Arn.parse("arn:aws:rds:us-east-1:123456789012:cluster-snapshot:rds:prod-2026-11-01-05-10")
                .orElseThrow();
        assertEquals("cluster-snapshot:rds:prod-2026-11-01-05-10", arn.resource());
        Arn alias = Arn.parse("arn:aws:kms:us-east-2:111122223333:alias/team/db").orElseThrow();
        assertEquals("alias/team/db", alias.resource());
    }

    @Test
    void arnPrintsAsItWasParsed() {
        assertEquals(SNAPSHOT_ARN, Arn.parse(SNAPSHOT_ARN).orElseThrow().toString());
    }

    @Test
    void arnWithoutRegionOrAccountParses() {
        Arn arn = Arn.parse("arn:aws:s3:::my-bucket").orElseThrow();
        assertEquals("", arn.region());
        assertEquals("", arn.accountId());
        assertEquals("my-bucket", arn.resource());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "arn:aws:rds:us-west-2:123456789012",
        "arn:aws:rds:us-west-2",
        "arn:aws:rds:us-west-2:123456789012:",
        "arn::rds:us-west-2:123456789012:cluster-snapshot:x",
        "arn:aws::us-west-2:123456789012:cluster-snapshot:x",
        "aurora-cluster1-snapshot-20161115",
        "alias/aws/rds",
        "ARN:aws:rds:us-west-2:123456789012:cluster-snapshot:x",
        " arn:aws:rds:us-west-2:123456789012:cluster-snapshot:x"
    })
    void textThatIsNotAnArnGivesEmpty(String text) {
        assertEquals(Optional.empty(), Arn.parse(text));
    }

    @Test
    void clusterSnapshotArnIsBuiltInTheRegionsPartition() {
        assertEquals(SNAPSHOT_ARN, Arn.clusterSnapshot(new RegionRef("us-west-2"), "123456789012",
                "aurora-cluster1-snapshot-20161115").toString());
        assertEquals("arn:aws-cn:rds:cn-north-1:123456789012:cluster-snapshot:x",
                Arn.clusterSnapshot(new RegionRef("cn-north-1"), "123456789012", "x").toString());
    }

    @Test
    void resourceNameIsTheTextAfterTheResourceType() {
        assertEquals("aurora-cluster1-snapshot-20161115", Arn.parse(SNAPSHOT_ARN).orElseThrow().resourceName());
        assertEquals("1234abcd-12ab-34cd-56ef-1234567890ab", Arn.parse(
                "arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
                .orElseThrow().resourceName());
        assertEquals("f5e7c1a2", Arn.parse("arn:aws:docdb-elastic:us-east-1:123456789012:cluster-snapshot/f5e7c1a2")
                .orElseThrow().resourceName());
    }

    @Test
    void resourceNameOfAnAutomatedSnapshotKeepsItsRdsPrefix() {
        // The snapshot is called "rds:prod-2026-11-01-05-10"; "cluster-snapshot" is the resource type.
        Arn arn = Arn.parse("arn:aws:rds:us-east-1:123456789012:cluster-snapshot:rds:prod-2026-11-01-05-10")
                .orElseThrow();
        assertEquals("rds:prod-2026-11-01-05-10", arn.resourceName());
    }

    @Test
    void resourceNameOfANestedAliasKeepsItsPath() {
        assertEquals("team/db", Arn.parse("arn:aws:kms:us-east-2:111122223333:alias/team/db").orElseThrow()
                .resourceName());
    }

    @Test
    void resourceWithoutTypeIsItsOwnName() {
        assertEquals("my-bucket", Arn.parse("arn:aws:s3:::my-bucket").orElseThrow().resourceName());
    }

    @Test
    void partsAreRequired() {
        assertThrows(NullPointerException.class, () -> new Arn("aws", "rds", null, "1", "x"));
    }
}
