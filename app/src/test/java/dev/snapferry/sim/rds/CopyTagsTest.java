package dev.snapferry.sim.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * Tags on CopyDBClusterSnapshot: CopyTags, explicit tags replacing copied ones, reserved prefixes, the 50-tag limit.
 */
class CopyTagsTest {

    private static final Map<String, String> SOURCE_TAGS = new LinkedHashMap<>();

    static {
        SOURCE_TAGS.put("Environment", "production");
        SOURCE_TAGS.put("Owner", "payments");
        SOURCE_TAGS.put("CostCenter", "cc-1042");
    }

    private RdsSim sim;
    private RdsClient rds;

    @BeforeEach
    void start() {
        sim = RdsSim.with(Fixture.create().in(RdsSim.PROD, "us-east-1", r -> {
            var key = r.key("alias/tags-test");
            var cluster = r.cluster("tagged-aurora", "aurora-mysql", 10, key);
            r.snapshot(cluster, "tagged-source", "manual", SOURCE_TAGS);
            r.snapshot(cluster, "untagged-source", "manual", Map.of());
            // AWS Backup leaves aws: tags on what it creates; they cannot be copied with CopyTags.
            r.snapshot(cluster, "backup-source", "manual", Map.of("aws:backup:source-resource", "tagged-aurora",
                    "Owner", "payments"));
            Map<String, String> fifty = new LinkedHashMap<>();
            IntStream.range(0, 50).forEach(i -> fifty.put("Key" + i, "v" + i));
            r.snapshot(cluster, "fifty-tags-source", "manual", fifty);
        }));
        rds = sim.rds("us-east-1");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static Map<String, String> asMap(List<Tag> tags) {
        return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b, LinkedHashMap::new));
    }

    private Map<String, String> tagsOf(String id) {
        DBClusterSnapshot s = sim.snapshot("us-east-1", id);
        Map<String, String> described = asMap(s.tagList());
        Map<String, String> listed = asMap(rds.listTagsForResource(b -> b.resourceName(s.dbClusterSnapshotArn()))
                .tagList());
        assertThat(listed).as("ListTagsForResource agrees with the TagList").isEqualTo(described);
        return described;
    }

    private static List<Tag> tags(int count) {
        return IntStream.range(0, count).mapToObj(i -> Tag.builder().key("Team" + i).value("t" + i).build())
                .toList();
    }

    @Test
    void copyTagsCopiesTheSourceTags() {
        DBClusterSnapshot copy = rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier("tagged-source")
                .targetDBClusterSnapshotIdentifier("copy-with-tags").copyTags(true)).dbClusterSnapshot();
        assertThat(asMap(copy.tagList())).isEqualTo(SOURCE_TAGS);
        assertThat(tagsOf("copy-with-tags")).isEqualTo(SOURCE_TAGS);
    }

    @Test
    void withoutCopyTagsTheCopyHasNoTags() {
        rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier("tagged-source")
                .targetDBClusterSnapshotIdentifier("copy-without-tags"));
        assertThat(tagsOf("copy-without-tags")).isEmpty();
    }

    @Test
    void explicitTagsAloneAreTheCopysTags() {
        rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier("tagged-source")
                .targetDBClusterSnapshotIdentifier("copy-explicit").tags(Tag.builder().key("Purpose").value("dr")
                        .build()));
        assertThat(tagsOf("copy-explicit")).containsExactly(Map.entry("Purpose", "dr"));
    }

    @Test
    void explicitTagsReplaceTheCopiedSourceTags() {
        rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier("tagged-source")
                .targetDBClusterSnapshotIdentifier("copy-replaced").copyTags(true)
                .tags(Tag.builder().key("Purpose").value("dr").build(),
                        Tag.builder().key("Owner").value("dr-team").build()));
        assertThat(tagsOf("copy-replaced")).containsOnly(Map.entry("Purpose", "dr"), Map.entry("Owner", "dr-team"));
    }

    @Test
    void copyTagsOfASourceWithAnAwsPrefixedTagIsRefused() {
        RdsException e = catchThrowableOfType(RdsException.class, () -> rds.copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier("backup-source").targetDBClusterSnapshotIdentifier("copy-backup")
                .copyTags(true)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(e.awsErrorDetails().errorMessage()).contains("aws:");
        assertThat(rds.describeDBClusterSnapshots(b -> b.snapshotType("manual")).dbClusterSnapshots())
                .extracting(DBClusterSnapshot::dbClusterSnapshotIdentifier).doesNotContain("copy-backup");
    }

    @Test
    void awsPrefixedSourceTagDoesNotMatterWithoutCopyTagsOrWithExplicitTags() {
        rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier("backup-source")
                .targetDBClusterSnapshotIdentifier("copy-backup-plain"));
        rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier("backup-source")
                .targetDBClusterSnapshotIdentifier("copy-backup-explicit").copyTags(true)
                .tags(Tag.builder().key("Owner").value("payments").build()));
        assertThat(tagsOf("copy-backup-plain")).isEmpty();
        assertThat(tagsOf("copy-backup-explicit")).containsExactly(Map.entry("Owner", "payments"));
    }

    @Test
    void fiftyExplicitTagsAreAccepted() {
        rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier("untagged-source")
                .targetDBClusterSnapshotIdentifier("copy-fifty").tags(tags(50)));
        assertThat(tagsOf("copy-fifty")).hasSize(50);
    }

    @Test
    void copyTagsOfASourceWithFiftyTagsIsAccepted() {
        rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier("fifty-tags-source")
                .targetDBClusterSnapshotIdentifier("copy-of-fifty").copyTags(true));
        assertThat(tagsOf("copy-of-fifty")).hasSize(50);
    }

    /**
     * No RDS-family model declares a tag-quota fault (rds, docdb, neptune 2014-10-31: AddTagsToResource,
     * CopyDBClusterSnapshot, CreateDBClusterSnapshot); the RDS user guide gives the limit ("A tag set can contain as
     * many as 50 tags") and RDS answers other tag refusals with InvalidParameterValue, so 51 tags expect that.
     */
    @Test
    void fiftyOneResultingTagsIsInvalidParameterValue() {
        RdsException e = catchThrowableOfType(RdsException.class, () -> rds.copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier("untagged-source").targetDBClusterSnapshotIdentifier("copy-51")
                .tags(tags(51))));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(e.statusCode()).isEqualTo(400);
    }

    /**
     * No RDS-family model declares a tag-quota fault (rds, docdb, neptune 2014-10-31: AddTagsToResource,
     * CopyDBClusterSnapshot, CreateDBClusterSnapshot); the RDS user guide gives the limit ("A tag set can contain as
     * many as 50 tags") and RDS answers other tag refusals with InvalidParameterValue, so 51 tags expect that.
     */
    @Test
    void fiftyOneExplicitTagsWithCopyTagsIsInvalidParameterValue() {
        RdsException e = catchThrowableOfType(RdsException.class, () -> rds.copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier("tagged-source").targetDBClusterSnapshotIdentifier("copy-51")
                .copyTags(true).tags(tags(51))));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws:purpose", "AWS:purpose", "Aws:Purpose", "rds:purpose", "RDS:purpose"})
    void explicitTagKeyWithAReservedPrefixIsInvalidParameterValue(String key) {
        RdsException e = catchThrowableOfType(RdsException.class, () -> rds.copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier("tagged-source").targetDBClusterSnapshotIdentifier("copy-reserved")
                .tags(Tag.builder().key(key).value("x").build())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws:generated", "AWS:generated", "rds:generated"})
    void explicitTagValueWithAReservedPrefixIsInvalidParameterValue(String value) {
        RdsException e = catchThrowableOfType(RdsException.class, () -> rds.copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier("tagged-source").targetDBClusterSnapshotIdentifier("copy-reserved")
                .tags(Tag.builder().key("Origin").value(value).build())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad#key", "bad*key", "bad<key"})
    void explicitTagKeyWithAForbiddenCharacterIsInvalidParameterValue(String key) {
        RdsException e = catchThrowableOfType(RdsException.class, () -> rds.copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier("tagged-source").targetDBClusterSnapshotIdentifier("copy-bad-char")
                .tags(Tag.builder().key(key).value("x").build())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }

    @Test
    void rdsAllowsAnAtSignInTags() {
        rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier("tagged-source")
                .targetDBClusterSnapshotIdentifier("copy-at-sign")
                .tags(Tag.builder().key("Contact").value("dba@example.com").build()));
        assertThat(tagsOf("copy-at-sign")).containsEntry("Contact", "dba@example.com");
    }

    @Test
    void tooLongTagKeyOrValueIsInvalidParameterValue() {
        RdsException keyError = catchThrowableOfType(RdsException.class, () -> rds.copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier("tagged-source").targetDBClusterSnapshotIdentifier("copy-long")
                .tags(Tag.builder().key("k".repeat(129)).value("x").build())));
        assertThat(keyError.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        RdsException valueError = catchThrowableOfType(RdsException.class, () -> rds.copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier("tagged-source").targetDBClusterSnapshotIdentifier("copy-long")
                .tags(Tag.builder().key("k").value("v".repeat(257)).build())));
        assertThat(valueError.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }
}
