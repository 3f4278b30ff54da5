package dev.snapferry.sim.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snapferry.sim.SimClients;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.docdbelastic.DocDbElasticClient;
import software.amazon.awssdk.services.docdbelastic.model.ClusterSnapshot;
import software.amazon.awssdk.services.docdbelastic.model.ClusterSnapshotInList;
import software.amazon.awssdk.services.docdbelastic.model.ConflictException;
import software.amazon.awssdk.services.docdbelastic.model.ResourceNotFoundException;
import software.amazon.awssdk.services.docdbelastic.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.docdbelastic.model.SnapshotType;
import software.amazon.awssdk.services.docdbelastic.model.Status;
import software.amazon.awssdk.services.docdbelastic.model.ValidationException;
import software.amazon.awssdk.services.kms.KmsClient;

/** CopyClusterSnapshot, CreateClusterSnapshot and DeleteClusterSnapshot of DocumentDB Elastic. */
class ElasticCopyTest {

    private static final Instant START = Instant.parse("2026-11-20T12:00:00Z");

    private SimClock.Manual clock;
    private Simulator simulator;
    private DocDbElasticClient east;

    @BeforeEach
    void start() throws Exception {
        clock = SimClock.manual(START);
        simulator = Simulator.start(new Simulator.Options(0, clock, FaultSettings.none(), new DemoDataset()));
        east = SimClients.production(simulator, "us-east-1").elastic();
    }

    @AfterEach
    void stop() {
        east.close();
        simulator.close();
    }

    private ClusterSnapshot manualSource() {
        ClusterSnapshotInList listed = east.listClusterSnapshots(b -> b.snapshotType("manual")).snapshots()
                .getFirst();
        return east.getClusterSnapshot(b -> b.snapshotArn(listed.snapshotArn())).snapshot();
    }

    private ClusterSnapshot copy(String sourceArn, String name) {
        return east.copyClusterSnapshot(b -> b.snapshotArn(sourceArn).targetSnapshotName(name)).snapshot();
    }

    private Status statusOf(String arn) {
        return east.getClusterSnapshot(b -> b.snapshotArn(arn)).snapshot().status();
    }

    @Test
    void sameRegionCopyIsCopyingThenActiveAfterTheClockAdvances() {
        ClusterSnapshot source = manualSource();
        ClusterSnapshot copy = copy(source.snapshotArn(), "Events-Copy-1");

        assertThat(copy.status()).isEqualTo(Status.COPYING);
        assertThat(copy.snapshotName()).isEqualTo("events-copy-1");
        assertThat(copy.snapshotType()).isEqualTo(SnapshotType.MANUAL);
        assertThat(copy.snapshotArn()).startsWith("arn:aws:docdb-elastic:us-east-1:111122223333:cluster-snapshot/")
                .isNotEqualTo(source.snapshotArn());
        assertThat(copy.clusterArn()).isEqualTo(source.clusterArn());
        assertThat(copy.kmsKeyId()).as("no kmsKeyId keeps the source's key").isEqualTo(source.kmsKeyId());
        assertThat(east.listClusterSnapshots(b -> b.maxResults(100)).snapshots())
                .filteredOn(s -> s.snapshotArn().equals(copy.snapshotArn()))
                .singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(Status.COPYING));

        clock.advance(Duration.ofSeconds(10));
        assertThat(statusOf(copy.snapshotArn())).isEqualTo(Status.COPYING);
        clock.advance(Duration.ofHours(1));
        ClusterSnapshot done = east.getClusterSnapshot(b -> b.snapshotArn(copy.snapshotArn())).snapshot();
        assertThat(done.status()).isEqualTo(Status.ACTIVE);
        assertThat(done.snapshotName()).isEqualTo("events-copy-1");
        assertThat(statusOf(source.snapshotArn())).isEqualTo(Status.ACTIVE);
    }

    @Test
    void copyTagsCopiesTheSourceTags() {
        ClusterSnapshot source = manualSource();
        Map<String, String> sourceTags = east.listTagsForResource(b -> b.resourceArn(source.snapshotArn())).tags();
        assertThat(sourceTags).isNotEmpty();

        ClusterSnapshot copy = east.copyClusterSnapshot(b -> b.snapshotArn(source.snapshotArn())
                .targetSnapshotName("with-tags").copyTags(true)).snapshot();
        assertThat(east.listTagsForResource(b -> b.resourceArn(copy.snapshotArn())).tags()).isEqualTo(sourceTags);

        ClusterSnapshot plain = copy(source.snapshotArn(), "without-tags");
        assertThat(east.listTagsForResource(b -> b.resourceArn(plain.snapshotArn())).tags())
                .as("copyTags defaults to false").isEmpty();
    }

    @Test
    void explicitTagsReplaceTheCopiedOnes() {
        ClusterSnapshot source = manualSource();
        ClusterSnapshot copy = east.copyClusterSnapshot(b -> b.snapshotArn(source.snapshotArn())
                .targetSnapshotName("explicit-tags").copyTags(true).tags(Map.of("Purpose", "dr-drill"))).snapshot();
        assertThat(east.listTagsForResource(b -> b.resourceArn(copy.snapshotArn())).tags())
                .containsExactlyEntriesOf(Map.of("Purpose", "dr-drill"));
    }

    @Test
    void reservedTagKeyInACopyIsAValidationError() {
        ClusterSnapshot source = manualSource();
        assertThatThrownBy(() -> east.copyClusterSnapshot(b -> b.snapshotArn(source.snapshotArn())
                .targetSnapshotName("reserved-tags").tags(Map.of("aws:owner", "x"))))
                .isInstanceOf(ValidationException.class);
        assertThat(east.listClusterSnapshots(b -> b.maxResults(100)).snapshots())
                .noneMatch(s -> s.snapshotName().equals("reserved-tags"));
    }

    @Test
    void duplicateTargetNameIsAConflictIgnoringCase() {
        ClusterSnapshot source = manualSource();
        copy(source.snapshotArn(), "dup-copy");
        assertThatThrownBy(() -> copy(source.snapshotArn(), "DUP-Copy"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
        assertThatThrownBy(() -> copy(source.snapshotArn(), source.snapshotName().toUpperCase()))
                .as("the name of an existing snapshot").isInstanceOf(ConflictException.class);
    }

    @Test
    void invalidTargetNameIsAValidationError() {
        ClusterSnapshot source = manualSource();
        for (String bad : List.of("1copy", "bad--name", "trailing-", "under_score", "a".repeat(64), "")) {
            assertThatThrownBy(() -> copy(source.snapshotArn(), bad)).as("name '%s'", bad)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        }
        assertThat(copy(source.snapshotArn(), "a" + "b".repeat(62)).status()).isEqualTo(Status.COPYING);
    }

    @Test
    void sourceArnOfAnotherRegionIsNotFoundBecauseCopiesStayInTheirRegion() {
        ClusterSnapshotInList euSource;
        try (DocDbElasticClient eu = SimClients.production(simulator, "eu-west-1").elastic()) {
            euSource = eu.listClusterSnapshots(b -> b.snapshotType("manual")).snapshots().getFirst();
        }
        assertThatThrownBy(() -> copy(euSource.snapshotArn(), "from-eu"))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(404));
        try (DocDbElasticClient eu = SimClients.production(simulator, "eu-west-1").elastic()) {
            assertThat(eu.listClusterSnapshots(b -> b.maxResults(100)).snapshots())
                    .noneMatch(s -> s.snapshotName().equals("from-eu"));
        }
        assertThat(east.listClusterSnapshots(b -> b.maxResults(100)).snapshots())
                .noneMatch(s -> s.snapshotName().equals("from-eu"));
    }

    @Test
    void unknownSourceArnIsNotFound() {
        String unknown = "arn:aws:docdb-elastic:us-east-1:111122223333:cluster-snapshot/"
                + "00000000-0000-0000-0000-000000000000";
        assertThatThrownBy(() -> copy(unknown, "from-nowhere")).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void unknownOrUnusableKmsKeyIsAValidationError() {
        ClusterSnapshot source = manualSource();
        String otherRegionKey;
        try (KmsClient euKms = SimClients.production(simulator, "eu-west-1").kms()) {
            otherRegionKey = euKms.describeKey(b -> b.keyId("alias/snapferry-prod-data")).keyMetadata().arn();
        }
        for (String bad : List.of("alias/does-not-exist", "00000000-1111-2222-3333-444444444444",
                otherRegionKey, "alias/snapferry-prod-data-2023")) {
            assertThatThrownBy(() -> east.copyClusterSnapshot(b -> b.snapshotArn(source.snapshotArn())
                    .targetSnapshotName("keyed-copy").kmsKeyId(bad))).as("kmsKeyId %s", bad)
                    .isInstanceOf(ValidationException.class);
        }
        assertThat(east.listClusterSnapshots(b -> b.maxResults(100)).snapshots())
                .noneMatch(s -> s.snapshotName().equals("keyed-copy"));
    }

    @Test
    void kmsKeyGivenByAliasIsRecordedAsTheKeyArn() {
        ClusterSnapshot source = manualSource();
        String rdsKey;
        try (KmsClient kms = SimClients.production(simulator, "us-east-1").kms()) {
            rdsKey = kms.describeKey(b -> b.keyId("alias/aws/rds")).keyMetadata().arn();
        }
        ClusterSnapshot copy = east.copyClusterSnapshot(b -> b.snapshotArn(source.snapshotArn())
                .targetSnapshotName("rekeyed").kmsKeyId("alias/aws/rds")).snapshot();
        assertThat(copy.kmsKeyId()).isEqualTo(rdsKey).isNotEqualTo(source.kmsKeyId());
    }

    @Test
    void sourceThatIsNotActiveIsAConflict() {
        ClusterSnapshot source = manualSource();
        ClusterSnapshot copying = copy(source.snapshotArn(), "first-hop");
        assertThatThrownBy(() -> copy(copying.snapshotArn(), "second-hop")).isInstanceOf(ConflictException.class);

        ClusterSnapshot creating = east.createClusterSnapshot(b -> b.clusterArn(source.clusterArn())
                .snapshotName("fresh")).snapshot();
        assertThat(creating.status()).isEqualTo(Status.CREATING);
        assertThatThrownBy(() -> copy(creating.snapshotArn(), "copy-of-fresh")).isInstanceOf(ConflictException.class);

        clock.advance(Duration.ofHours(1));
        assertThat(copy(copying.snapshotArn(), "second-hop").status()).isEqualTo(Status.COPYING);
        assertThat(copy(creating.snapshotArn(), "copy-of-fresh").status()).isEqualTo(Status.COPYING);
    }

    @Test
    void sixthCopyInFlightExceedsTheQuota() {
        ClusterSnapshot source = manualSource();
        for (int i = 1; i <= 5; i++) {
            assertThat(copy(source.snapshotArn(), "burst-" + i).status()).isEqualTo(Status.COPYING);
        }
        assertThatThrownBy(() -> copy(source.snapshotArn(), "burst-6"))
                .isInstanceOf(ServiceQuotaExceededException.class);
        try (DocDbElasticClient eu = SimClients.production(simulator, "eu-west-1").elastic()) {
            String euSource = eu.listClusterSnapshots(b -> b.snapshotType("manual")).snapshots().getFirst()
                    .snapshotArn();
            assertThat(eu.copyClusterSnapshot(b -> b.snapshotArn(euSource).targetSnapshotName("eu-copy"))
                    .snapshot().status()).as("the quota is per region").isEqualTo(Status.COPYING);
        }
        clock.advance(Duration.ofHours(1));
        assertThat(copy(source.snapshotArn(), "burst-6").status()).isEqualTo(Status.COPYING);
    }

    @Test
    void deletingACopyInFlightCancelsIt() {
        ClusterSnapshot source = manualSource();
        for (int i = 1; i <= 5; i++) {
            copy(source.snapshotArn(), "cancel-" + i);
        }
        String victim = east.listClusterSnapshots(b -> b.maxResults(100)).snapshots().stream()
                .filter(s -> s.snapshotName().equals("cancel-3")).findFirst().orElseThrow().snapshotArn();

        ClusterSnapshot deleted = east.deleteClusterSnapshot(b -> b.snapshotArn(victim)).snapshot();
        assertThat(deleted.status()).isEqualTo(Status.DELETING);
        assertThat(deleted.snapshotArn()).isEqualTo(victim);
        assertThatThrownBy(() -> statusOf(victim)).isInstanceOf(ResourceNotFoundException.class);
        assertThat(east.listClusterSnapshots(b -> b.maxResults(100)).snapshots())
                .noneMatch(s -> s.snapshotArn().equals(victim));
        assertThat(copy(source.snapshotArn(), "cancel-6").status()).as("the cancelled copy frees its slot")
                .isEqualTo(Status.COPYING);

        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> statusOf(victim)).as("a cancelled copy never completes")
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> east.deleteClusterSnapshot(b -> b.snapshotArn(victim)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void deletingAnActiveSnapshotRemovesIt() {
        ClusterSnapshot source = manualSource();
        assertThat(east.deleteClusterSnapshot(b -> b.snapshotArn(source.snapshotArn())).snapshot().status())
                .isEqualTo(Status.DELETING);
        assertThatThrownBy(() -> statusOf(source.snapshotArn())).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void createClusterSnapshotIsCreatingThenActive() {
        String clusterArn = manualSource().clusterArn();
        ClusterSnapshot created = east.createClusterSnapshot(b -> b.clusterArn(clusterArn)
                .snapshotName("Before-Release").tags(Map.of("Owner", "search"))).snapshot();
        assertThat(created.status()).isEqualTo(Status.CREATING);
        assertThat(created.snapshotName()).isEqualTo("before-release");
        assertThat(created.snapshotType()).isEqualTo(SnapshotType.MANUAL);
        assertThat(created.clusterArn()).isEqualTo(clusterArn);
        assertThat(Instant.parse(created.snapshotCreationTime())).isEqualTo(START);
        assertThat(east.listTagsForResource(b -> b.resourceArn(created.snapshotArn())).tags())
                .containsExactlyEntriesOf(Map.of("Owner", "search"));
        assertThatThrownBy(() -> east.createClusterSnapshot(b -> b.clusterArn(clusterArn)
                .snapshotName("before-release"))).isInstanceOf(ConflictException.class);
        clock.advance(Duration.ofHours(1));
        assertThat(statusOf(created.snapshotArn())).isEqualTo(Status.ACTIVE);
    }

    @Test
    void createClusterSnapshotOfAnUnknownClusterIsNotFound() {
        String clusterArn = manualSource().clusterArn();
        assertThatThrownBy(() -> east.createClusterSnapshot(b -> b.clusterArn(clusterArn + "0")
                .snapshotName("orphan"))).isInstanceOf(ResourceNotFoundException.class);
        try (DocDbElasticClient eu = SimClients.production(simulator, "eu-west-1").elastic()) {
            assertThatThrownBy(() -> eu.createClusterSnapshot(b -> b.clusterArn(clusterArn).snapshotName("orphan")))
                    .as("a cluster of another region").isInstanceOf(ResourceNotFoundException.class);
        }
        try (DocDbElasticClient dr = SimClients.disasterRecovery(simulator, "us-east-1").elastic()) {
            assertThatThrownBy(() -> dr.createClusterSnapshot(b -> b.clusterArn(clusterArn).snapshotName("orphan")))
                    .as("a cluster of another account").isInstanceOf(ResourceNotFoundException.class);
        }
        assertThatThrownBy(() -> east.createClusterSnapshot(b -> b.clusterArn(clusterArn).snapshotName("9lives")))
                .isInstanceOf(ValidationException.class);
    }
}
