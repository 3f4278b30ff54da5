package dev.snapferry.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoverageReportTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String PROD = "111122223333";
    private static final String DR = "444455556666";
    private static final RegionRef EAST = new RegionRef("us-east-1");
    private static final RegionRef WEST = new RegionRef("us-west-2");
    private static final ClusterKey ORDERS = new ClusterKey(PROD, EAST, Engine.AURORA_MYSQL, "orders");
    private static final DrPolicy POLICY = new DrPolicy(List.of(new DrPolicy.Rule(null, 24, 48)));

    @Test
    void aClusterWithRecentCopiesInAnotherRegionAndAccountIsCovered() {
        Snapshot own = snapshot(PROD, EAST, "orders-1", null, Duration.ofHours(2), SnapshotType.AUTOMATED);
        Snapshot west = snapshot(PROD, WEST, "orders-west", own.arn(), Duration.ofHours(3), SnapshotType.MANUAL);
        Snapshot dr = snapshot(DR, WEST, "orders-dr", west.arn(), Duration.ofHours(20), SnapshotType.MANUAL);

        ClusterCoverage c = only(fleet(List.of(own, west, dr)));

        assertThat(c.key()).isEqualTo(ORDERS);
        assertThat(c.status()).isEqualTo(ClusterCoverage.Status.COVERED);
        assertThat(c.newestOwn()).isEqualTo(own);
        assertThat(c.newestRegionCopy()).as("the DR copy is in another region too, but younger is west")
                .isEqualTo(west);
        assertThat(c.newestAccountCopy()).as("followed through the copy of a copy").isEqualTo(dr);
    }

    @Test
    void aCopyOlderThanThePolicyAllowsLeavesTheClusterAtRiskWithItsAge() {
        Snapshot own = snapshot(PROD, EAST, "orders-1", null, Duration.ofHours(2), SnapshotType.AUTOMATED);
        Snapshot west = snapshot(PROD, WEST, "orders-west", own.arn(), Duration.ofHours(30), SnapshotType.MANUAL);
        Snapshot dr = snapshot(DR, EAST, "orders-dr", own.arn(), Duration.ofHours(10), SnapshotType.MANUAL);

        ClusterCoverage c = only(fleet(List.of(own, west, dr)));

        assertThat(c.status()).isEqualTo(ClusterCoverage.Status.AT_RISK);
        assertThat(c.reasons()).containsExactly(new ClusterCoverage.Reason.TooOld(false, Duration.ofHours(30), 24));
    }

    @Test
    void aCopyInProgressDoesNotCover() {
        Snapshot own = snapshot(PROD, EAST, "orders-1", null, Duration.ofHours(2), SnapshotType.AUTOMATED);
        Snapshot copying = snapshot(PROD, WEST, "orders-west", own.arn(), Duration.ofHours(1), SnapshotType.MANUAL)
                .withStatus(SnapshotStatus.fromRds("copying", 50));

        ClusterCoverage c = only(fleet(List.of(own, copying)));

        assertThat(c.status()).isEqualTo(ClusterCoverage.Status.UNCOVERED);
        assertThat(c.reasons()).containsExactly(new ClusterCoverage.Reason.Missing(false, 24),
                new ClusterCoverage.Reason.Missing(true, 48));
    }

    @Test
    void aCopyWhoseSourceIsGoneIsMatchedByItsClusterNameAndEngine() {
        Snapshot orphanCopy = snapshot(DR, WEST, "orders-dr", "arn:aws:rds:us-east-1:" + PROD
                + ":cluster-snapshot:deleted-long-ago", Duration.ofHours(5), SnapshotType.MANUAL);
        Fleet fleet = new Fleet(List.of(orphanCopy), List.of(settings(ORDERS, true, 7, "3.05.2")),
                Set.of(ORDERS.location()), Set.of());

        ClusterCoverage c = only(fleet);

        assertThat(c.key()).isEqualTo(ORDERS);
        assertThat(c.existence()).isEqualTo(ClusterCoverage.Existence.EXISTS);
        assertThat(c.newestAccountCopy()).isEqualTo(orphanCopy);
    }

    @Test
    void aClusterMissingFromItsListedRegionIsOrphanedAndFromAnUnlistedOneUnknown() {
        Snapshot gone = snapshot(PROD, EAST, "legacy-1", null, Duration.ofDays(400), SnapshotType.MANUAL);
        Snapshot unlisted = snapshot(DR, WEST, "other-1", null, Duration.ofDays(1), SnapshotType.MANUAL);
        Fleet fleet = new Fleet(List.of(gone, unlisted), List.of(), Set.of(ORDERS.location()), Set.of());

        List<ClusterCoverage> clusters = CoverageReport.of(fleet, POLICY, NOW).clusters();

        assertThat(clusters).extracting(ClusterCoverage::existence).containsExactly(
                ClusterCoverage.Existence.ORPHANED, ClusterCoverage.Existence.UNKNOWN);
    }

    @Test
    void clusterSettingsThatMakeSnapshotsWorseAreFound() {
        Fleet fleet = new Fleet(List.of(), List.of(settings(ORDERS, false, 1, "old")), Set.of(ORDERS.location()),
                Set.of(new Fleet.EngineVersion(Engine.AURORA_MYSQL, "old")));

        ClusterCoverage c = only(fleet);

        assertThat(c.findings()).containsExactly(new ClusterCoverage.Finding.CopyTagsOff(
                "aws rds modify-db-cluster --db-cluster-identifier orders --copy-tags-to-snapshot --apply-immediately"
                        + " --region us-east-1"), new ClusterCoverage.Finding.ShortRetention(1),
                new ClusterCoverage.Finding.DeprecatedVersion("old"));
        assertThat(c.status()).isEqualTo(ClusterCoverage.Status.UNCOVERED);
    }

    @Test
    void anEngineWithoutARuleNeedsNoCopy() {
        DrPolicy neptuneOnly = new DrPolicy(List.of(new DrPolicy.Rule(dev.snapferry.core.model.EngineFamily.NEPTUNE,
                24, null)));
        Snapshot own = snapshot(PROD, EAST, "orders-1", null, Duration.ofHours(2), SnapshotType.MANUAL);

        assertThat(CoverageReport.of(Fleet.of(List.of(own)), neptuneOnly, NOW).clusters())
                .singleElement().extracting(ClusterCoverage::status).isEqualTo(ClusterCoverage.Status.NO_POLICY);
    }

    private static ClusterCoverage only(Fleet fleet) {
        List<ClusterCoverage> clusters = CoverageReport.of(fleet, POLICY, NOW).clusters();
        assertThat(clusters).hasSize(1);
        return clusters.getFirst();
    }

    private static Fleet fleet(List<Snapshot> snapshots) {
        return new Fleet(snapshots, List.of(settings(ORDERS, true, 7, "3.05.2")), Set.of(ORDERS.location()),
                Set.of());
    }

    static ClusterSettings settings(ClusterKey key, boolean copyTags, int days, String version) {
        return new ClusterSettings(key, "arn:aws:rds:" + key.region() + ":" + key.accountId() + ":cluster:"
                + key.identifier(), version, copyTags, days);
    }

    static Snapshot snapshot(String account, RegionRef region, String id, String source, Duration age,
                             SnapshotType type) {
        return new Snapshot(id, "arn:aws:rds:" + region + ":" + account + ":cluster-snapshot:" + id, account, region,
                Engine.AURORA_MYSQL, "3.05.2", "orders", type, SnapshotStatus.available(), NOW.minus(age), true,
                null, List.of(), source, 1, null, null, false);
    }
}
