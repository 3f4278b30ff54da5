package dev.snapferry.sim.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.docdb.DocDbClient;
import software.amazon.awssdk.services.docdb.model.DocDbException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DbClusterNotFoundException;
import software.amazon.awssdk.services.rds.model.DbClusterSnapshotNotFoundException;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.rds.model.Tag;

/** ListTagsForResource, AddTagsToResource and RemoveTagsFromResource on cluster snapshots and clusters. */
class ResourceTagsTest {

    private static final String CLUSTER_ARN = "arn:aws:rds:us-east-1:" + RdsSim.PROD + ":cluster:orders-aurora";

    private RdsSim sim;
    private RdsClient rds;
    private DocDbClient docdb;

    @BeforeEach
    void start() {
        sim = RdsSim.demo();
        rds = sim.rds("us-east-1");
        docdb = sim.docdb("us-east-1");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Map<String, String> rdsTags(String arn) {
        return rds.listTagsForResource(b -> b.resourceName(arn)).tagList().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b, LinkedHashMap::new));
    }

    private Map<String, String> docdbTags(String arn) {
        return docdb.listTagsForResource(b -> b.resourceName(arn)).tagList().stream()
                .collect(Collectors.toMap(t -> t.key(), t -> t.value(), (a, b) -> b, LinkedHashMap::new));
    }

    private static List<Tag> tags(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> Tag.builder().key(prefix + i).value("v" + i).build())
                .toList();
    }

    @Test
    void listTagsOfASnapshotMatchesItsTagList() {
        DBClusterSnapshot orders = sim.newestManual("us-east-1", "orders-aurora");
        Map<String, String> described = orders.tagList().stream().collect(Collectors.toMap(Tag::key, Tag::value));
        assertThat(rdsTags(orders.dbClusterSnapshotArn())).isEqualTo(described).containsKeys("Environment", "Owner");
        assertThat(docdbTags(orders.dbClusterSnapshotArn())).isEqualTo(described);
    }

    @Test
    void addAndRemoveTagsOnASnapshot() {
        DBClusterSnapshot orders = sim.newestManual("us-east-1", "orders-aurora");
        String arn = orders.dbClusterSnapshotArn();
        rds.addTagsToResource(b -> b.resourceName(arn).tags(Tag.builder().key("Purpose").value("audit").build(),
                Tag.builder().key("Environment").value("staging").build()));
        Map<String, String> after = rdsTags(arn);
        assertThat(after).containsEntry("Purpose", "audit").containsEntry("Environment", "staging")
                .containsKey("Owner");
        assertThat(sim.snapshot("us-east-1", arn).tagList()).extracting(Tag::key).contains("Purpose");

        rds.removeTagsFromResource(b -> b.resourceName(arn).tagKeys("Purpose", "Owner", "NotThere"));
        assertThat(rdsTags(arn)).doesNotContainKeys("Purpose", "Owner").containsEntry("Environment", "staging");
    }

    @Test
    void docDbClientTagsSnapshotsToo() {
        DBClusterSnapshot catalog = sim.newestManual("us-east-1", "catalog-docdb");
        String arn = catalog.dbClusterSnapshotArn();
        docdb.addTagsToResource(b -> b.resourceName(arn).tags(software.amazon.awssdk.services.docdb.model.Tag
                .builder().key("Team").value("search").build()));
        assertThat(docdbTags(arn)).containsEntry("Team", "search");
        assertThat(rdsTags(arn)).containsEntry("Team", "search");
        docdb.removeTagsFromResource(b -> b.resourceName(arn).tagKeys("Team"));
        assertThat(docdbTags(arn)).doesNotContainKey("Team");
    }

    @Test
    void automatedSnapshotsCanBeTaggedByArn() {
        String arn = "arn:aws:rds:us-east-1:" + RdsSim.PROD + ":cluster-snapshot:rds:graph-neptune-2026-11-20-05-10";
        assertThat(rdsTags(arn)).isEmpty();
        rds.addTagsToResource(b -> b.resourceName(arn).tags(Tag.builder().key("Keep").value("yes").build()));
        assertThat(rdsTags(arn)).containsExactly(Map.entry("Keep", "yes"));
    }

    @Test
    void addListAndRemoveTagsOnACluster() {
        assertThat(rdsTags(CLUSTER_ARN)).containsKeys("Environment", "Owner", "CostCenter");
        rds.addTagsToResource(b -> b.resourceName(CLUSTER_ARN).tags(Tag.builder().key("Tier").value("gold").build()));
        assertThat(rdsTags(CLUSTER_ARN)).containsEntry("Tier", "gold");
        assertThat(rds.describeDBClusters(b -> b.dbClusterIdentifier("orders-aurora")).dbClusters().getFirst()
                .tagList()).extracting(Tag::key).contains("Tier");

        rds.removeTagsFromResource(b -> b.resourceName(CLUSTER_ARN).tagKeys("Tier"));
        assertThat(rdsTags(CLUSTER_ARN)).doesNotContainKey("Tier");
    }

    @Test
    void docDbClientTagsClusters() {
        String arn = "arn:aws:rds:us-east-1:" + RdsSim.PROD + ":cluster:catalog-docdb";
        docdb.addTagsToResource(b -> b.resourceName(arn).tags(software.amazon.awssdk.services.docdb.model.Tag
                .builder().key("Tier").value("silver").build()));
        assertThat(docdbTags(arn)).containsEntry("Tier", "silver");
        assertThat(sim.docdb("us-east-1").describeDBClusters(b -> b.dbClusterIdentifier("catalog-docdb"))
                .dbClusters()).singleElement().satisfies(c -> assertThat(c.dbClusterArn()).isEqualTo(arn));
    }

    @Test
    void tagsOfACopyAreItsOwn() {
        DBClusterSnapshot orders = sim.newestManual("us-east-1", "orders-aurora");
        DBClusterSnapshot copy = rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(
                orders.dbClusterSnapshotIdentifier()).targetDBClusterSnapshotIdentifier("tag-copy").copyTags(true))
                .dbClusterSnapshot();
        rds.addTagsToResource(b -> b.resourceName(copy.dbClusterSnapshotArn())
                .tags(Tag.builder().key("OnlyOnCopy").value("1").build()));
        assertThat(rdsTags(copy.dbClusterSnapshotArn())).containsKey("OnlyOnCopy");
        assertThat(rdsTags(orders.dbClusterSnapshotArn())).doesNotContainKey("OnlyOnCopy");
    }

    /**
     * No RDS-family model declares a tag-quota fault (rds, docdb, neptune 2014-10-31: AddTagsToResource,
     * CopyDBClusterSnapshot, CreateDBClusterSnapshot); the RDS user guide gives the limit ("A tag set can contain as
     * many as 50 tags") and RDS answers other tag refusals with InvalidParameterValue, so 51 tags expect that.
     */
    @Test
    void fiftyTagsAreAllowedAndTheFiftyFirstIsInvalidParameterValue() {
        DBClusterSnapshot graph = sim.snapshot("us-east-1", "rds:graph-neptune-2026-11-20-05-10");
        String arn = graph.dbClusterSnapshotArn();
        rds.addTagsToResource(b -> b.resourceName(arn).tags(tags("K", 50)));
        assertThat(rdsTags(arn)).hasSize(50);

        RdsException e = catchThrowableOfType(RdsException.class, () -> rds.addTagsToResource(b -> b
                .resourceName(arn).tags(Tag.builder().key("OneTooMany").value("x").build())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(rdsTags(arn)).hasSize(50).doesNotContainKey("OneTooMany");

        // Overwriting an existing key does not add a tag.
        rds.addTagsToResource(b -> b.resourceName(arn).tags(Tag.builder().key("K7").value("new").build()));
        assertThat(rdsTags(arn)).hasSize(50).containsEntry("K7", "new");
    }

    /**
     * No RDS-family model declares a tag-quota fault (rds, docdb, neptune 2014-10-31: AddTagsToResource,
     * CopyDBClusterSnapshot, CreateDBClusterSnapshot); the RDS user guide gives the limit ("A tag set can contain as
     * many as 50 tags") and RDS answers other tag refusals with InvalidParameterValue, so 51 tags expect that.
     */
    @Test
    void fiftyOneTagsAtOnceIsInvalidParameterValue() {
        DBClusterSnapshot graph = sim.snapshot("us-east-1", "rds:graph-neptune-2026-11-20-05-10");
        RdsException e = catchThrowableOfType(RdsException.class, () -> rds.addTagsToResource(b -> b
                .resourceName(graph.dbClusterSnapshotArn()).tags(tags("K", 51))));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(rdsTags(graph.dbClusterSnapshotArn())).isEmpty();
    }

    /**
     * No RDS-family model declares a tag-quota fault (rds, docdb, neptune 2014-10-31: AddTagsToResource,
     * CopyDBClusterSnapshot, CreateDBClusterSnapshot); the RDS user guide gives the limit ("A tag set can contain as
     * many as 50 tags") and RDS answers other tag refusals with InvalidParameterValue, so 51 tags expect that.
     */
    @Test
    void tagsAddedToATaggedResourceBeyondFiftyAreInvalidParameterValue() {
        Map<String, String> existing = rdsTags(CLUSTER_ARN);
        RdsException e = catchThrowableOfType(RdsException.class, () -> rds.addTagsToResource(b -> b
                .resourceName(CLUSTER_ARN).tags(tags("Extra", 51 - existing.size()))));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(rdsTags(CLUSTER_ARN)).isEqualTo(existing);

        DocDbException viaDocDb = catchThrowableOfType(DocDbException.class, () -> docdb.addTagsToResource(b -> b
                .resourceName(CLUSTER_ARN).tags(IntStream.range(0, 51 - existing.size())
                        .mapToObj(i -> software.amazon.awssdk.services.docdb.model.Tag.builder().key("Extra" + i)
                                .value("v").build()).toList())));
        assertThat(viaDocDb.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }

    @Test
    void reservedTagKeyIsInvalidParameterValue() {
        for (String key : new String[] {"aws:owner", "AWS:owner", "rds:owner"}) {
            RdsException e = catchThrowableOfType(RdsException.class, () -> rds.addTagsToResource(b -> b
                    .resourceName(CLUSTER_ARN).tags(Tag.builder().key(key).value("x").build())));
            assertThat(e.awsErrorDetails().errorCode()).as(key).isEqualTo("InvalidParameterValue");
        }
        assertThat(rdsTags(CLUSTER_ARN)).doesNotContainKeys("aws:owner", "AWS:owner", "rds:owner");
    }

    @Test
    void arnOfAnotherRegionIsInvalidParameterValue() {
        DBClusterSnapshot west = sim.newestManual("us-west-2", "orders-aurora-west");
        for (String arn : List.of(west.dbClusterSnapshotArn(),
                "arn:aws:rds:us-west-2:" + RdsSim.PROD + ":cluster:orders-aurora-west")) {
            RdsException list = catchThrowableOfType(RdsException.class,
                    () -> rds.listTagsForResource(b -> b.resourceName(arn)));
            assertThat(list.awsErrorDetails().errorCode()).as(arn).isEqualTo("InvalidParameterValue");
            RdsException add = catchThrowableOfType(RdsException.class, () -> rds.addTagsToResource(b -> b
                    .resourceName(arn).tags(Tag.builder().key("K").value("v").build())));
            assertThat(add.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
            RdsException remove = catchThrowableOfType(RdsException.class, () -> rds.removeTagsFromResource(b -> b
                    .resourceName(arn).tagKeys("Owner")));
            assertThat(remove.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        }
        DocDbException viaDocDb = catchThrowableOfType(DocDbException.class, () -> docdb.listTagsForResource(b -> b
                .resourceName(west.dbClusterSnapshotArn())));
        assertThat(viaDocDb.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }

    @Test
    void notAnArnIsInvalidParameterValue() {
        RdsException e = catchThrowableOfType(RdsException.class,
                () -> rds.listTagsForResource(b -> b.resourceName("orders-aurora")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }

    @Test
    void unknownSnapshotOrClusterArnIsNotFound() {
        assertThatThrownBy(() -> rds.listTagsForResource(b -> b.resourceName("arn:aws:rds:us-east-1:" + RdsSim.PROD
                + ":cluster-snapshot:no-such-snapshot"))).isInstanceOf(DbClusterSnapshotNotFoundException.class);
        assertThatThrownBy(() -> rds.addTagsToResource(b -> b.resourceName("arn:aws:rds:us-east-1:" + RdsSim.PROD
                + ":cluster:no-such-cluster").tags(Tag.builder().key("K").value("v").build())))
                .isInstanceOf(DbClusterNotFoundException.class);
    }
}
