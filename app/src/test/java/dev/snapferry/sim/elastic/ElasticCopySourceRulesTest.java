package dev.snapferry.sim.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snapferry.sim.Dataset;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClients;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.faults.FaultSettings;
import dev.snapferry.sim.kms.KmsKeys;
import dev.snapferry.sim.state.RegionState;
import dev.snapferry.sim.state.SimCluster;
import dev.snapferry.sim.state.SimKey;
import dev.snapferry.sim.state.SimSnapshot;
import dev.snapferry.sim.state.SnapshotSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.docdbelastic.DocDbElasticClient;
import software.amazon.awssdk.services.docdbelastic.model.ClusterSnapshot;
import software.amazon.awssdk.services.docdbelastic.model.ResourceNotFoundException;
import software.amazon.awssdk.services.docdbelastic.model.SnapshotType;
import software.amazon.awssdk.services.docdbelastic.model.Status;
import software.amazon.awssdk.services.docdbelastic.model.ValidationException;

/**
 * Copy rules that need sources the demo does not have: an unencrypted Elastic snapshot, a source carrying an
 * {@code aws:} tag, and an automated source. Built with a {@link Dataset} over the public state API.
 */
class ElasticCopySourceRulesTest {

    private static final Instant START = Instant.parse("2026-11-20T12:00:00Z");
    private static final String REGION = "us-east-1";
    private static final String PREFIX = "arn:aws:docdb-elastic:" + REGION + ":" + DemoAccounts.PRODUCTION + ":";
    private static final String PLAIN = PREFIX + "cluster-snapshot/plain-manual";
    private static final String SYSTEM_TAGGED = PREFIX + "cluster-snapshot/system-tagged";
    private static final String AUTOMATED = PREFIX + "cluster-snapshot/nightly";

    private Simulator simulator;
    private DocDbElasticClient elastic;

    private static SimSnapshot snapshot(RegionState r, SimCluster cluster, String name, String arn, String type,
                                        boolean encrypted, String kmsKeyId) {
        SnapshotSpec spec = new SnapshotSpec(name, arn, true, "docdb-elastic", "5.0.0", cluster.arn(), type,
                START.minus(Duration.ofDays(2)), 40, "standard", encrypted, kmsKeyId, null,
                cluster.createTime(), "docdbadmin", 27017, "vpc-0abc123", List.of());
        SimSnapshot s = new SimSnapshot(spec, SimSnapshot.Phase.AVAILABLE, null);
        r.elasticSnapshots().put(arn, s);
        return s;
    }

    private static final Dataset SOURCES = ctx -> ctx.world().region(DemoAccounts.PRODUCTION, REGION).update(START,
            r -> {
                SimKey key = KmsKeys.create(r, "elastic-test", "Elastic test key", false, START);
                r.aliases().put("alias/elastic-test", key.keyId());
                SimCluster plain = new SimCluster("plain-elastic", PREFIX + "cluster/plain-elastic", true,
                        "docdb-elastic", "5.0.0", START.minus(Duration.ofDays(30)), 40, false, null, "ACTIVE");
                SimCluster keyed = new SimCluster("keyed-elastic", PREFIX + "cluster/keyed-elastic", true,
                        "docdb-elastic", "5.0.0", START.minus(Duration.ofDays(30)), 40, true, key.arn(), "ACTIVE");
                r.elasticClusters().put(plain.arn(), plain);
                r.elasticClusters().put(keyed.arn(), keyed);
                snapshot(r, plain, "plain-manual", PLAIN, "manual", false, null);
                snapshot(r, keyed, "system-tagged", SYSTEM_TAGGED, "manual", true, key.arn()).tags()
                        .putAll(Map.of("aws:backup:source-resource", "keyed-elastic", "Owner", "ops"));
                snapshot(r, keyed, "keyed-elastic-2026-11-19-05-10", AUTOMATED, "automated", true, key.arn()).tags()
                        .put("Owner", "ops");
                return null;
            });

    @BeforeEach
    void start() throws Exception {
        simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(START), FaultSettings.none(), SOURCES));
        elastic = SimClients.production(simulator, REGION).elastic();
    }

    @AfterEach
    void stop() {
        elastic.close();
        simulator.close();
    }

    @Test
    void kmsKeyForAnUnencryptedSourceIsAValidationError() {
        assertThatThrownBy(() -> elastic.copyClusterSnapshot(b -> b.snapshotArn(PLAIN).targetSnapshotName("plain-copy")
                .kmsKeyId("alias/elastic-test"))).isInstanceOf(ValidationException.class);
        ClusterSnapshot copy = elastic.copyClusterSnapshot(b -> b.snapshotArn(PLAIN).targetSnapshotName("plain-copy"))
                .snapshot();
        assertThat(copy.status()).isEqualTo(Status.COPYING);
        assertThat(copy.kmsKeyId()).as("an unencrypted source gives an unencrypted copy").isNull();
    }

    @Test
    void copyingSourceTagsWithTheReservedAwsPrefixIsRefused() {
        assertThatThrownBy(() -> elastic.copyClusterSnapshot(b -> b.snapshotArn(SYSTEM_TAGGED)
                .targetSnapshotName("tagged-copy").copyTags(true))).isInstanceOf(ValidationException.class);
        assertThat(elastic.listClusterSnapshots(b -> b.maxResults(20)).snapshots())
                .noneMatch(s -> s.snapshotName().equals("tagged-copy"));
    }

    @Test
    void explicitTagsOrNoCopyTagsAvoidTheReservedSourceTags() {
        ClusterSnapshot explicit = elastic.copyClusterSnapshot(b -> b.snapshotArn(SYSTEM_TAGGED)
                .targetSnapshotName("explicit-copy").copyTags(true).tags(Map.of("Owner", "dr"))).snapshot();
        assertThat(elastic.listTagsForResource(b -> b.resourceArn(explicit.snapshotArn())).tags())
                .containsExactlyEntriesOf(Map.of("Owner", "dr"));
        ClusterSnapshot untagged = elastic.copyClusterSnapshot(b -> b.snapshotArn(SYSTEM_TAGGED)
                .targetSnapshotName("untagged-copy")).snapshot();
        assertThat(elastic.listTagsForResource(b -> b.resourceArn(untagged.snapshotArn())).tags()).isEmpty();
    }

    @Test
    void copyOfAnAutomatedSnapshotIsManual() {
        assertThat(elastic.getClusterSnapshot(b -> b.snapshotArn(AUTOMATED)).snapshot().snapshotType())
                .isEqualTo(SnapshotType.AUTOMATED);
        ClusterSnapshot copy = elastic.copyClusterSnapshot(b -> b.snapshotArn(AUTOMATED)
                .targetSnapshotName("kept-nightly").copyTags(true)).snapshot();
        assertThat(copy.snapshotType()).isEqualTo(SnapshotType.MANUAL);
        assertThat(elastic.listClusterSnapshots(b -> b.snapshotType("manual")).snapshots())
                .anyMatch(s -> s.snapshotArn().equals(copy.snapshotArn()));
        assertThat(elastic.listTagsForResource(b -> b.resourceArn(copy.snapshotArn())).tags())
                .containsExactlyEntriesOf(Map.of("Owner", "ops"));
    }

    @Test
    void snapshotOfAnotherAccountIsNotFoundEvenInTheSameRegion() {
        try (DocDbElasticClient dr = SimClients.disasterRecovery(simulator, REGION).elastic()) {
            assertThatThrownBy(() -> dr.copyClusterSnapshot(b -> b.snapshotArn(PLAIN).targetSnapshotName("stolen")))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> dr.getClusterSnapshot(b -> b.snapshotArn(PLAIN)))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }
}
