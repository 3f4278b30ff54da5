package dev.snapferry.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Coverage on generated fleets: every cluster once, every own snapshot attributed, statuses that follow the rule. */
public class CoveragePropertiesTest {

    private static final DrPolicy POLICY = new DrPolicy(List.of(new DrPolicy.Rule(null, 24, null),
            new DrPolicy.Rule(dev.snapferry.core.model.EngineFamily.NEPTUNE, 48, 72)));

    @Property(tries = 150)
    void everyClusterAppearsExactlyOnce(@ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int clusters) {
        Fleet fleet = CoverageFleets.fleet(seed, clusters, 6);
        CoverageReport report = CoverageReport.of(fleet, POLICY, CoverageFleets.NOW);

        List<ClusterKey> keys = report.clusters().stream().map(ClusterCoverage::key).toList();
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(keys).as("every described cluster").containsAll(fleet.clusters().stream()
                .map(ClusterSettings::key).toList());
        Set<ClusterKey> attributed = new HashSet<>();
        for (Snapshot s : fleet.snapshots()) {
            if (s.isForeign()) {
                assertThat(report.clusterOf(s)).as("shared snapshots belong to no cluster here").isEmpty();
            } else {
                assertThat(report.clusterOf(s)).as(s.arn()).isPresent();
                attributed.add(report.clusterOf(s).orElseThrow());
            }
        }
        assertThat(new HashSet<>(keys)).as("no cluster without a snapshot or a description").isEqualTo(
                union(attributed, fleet.clusters().stream().map(ClusterSettings::key).toList()));
        assertThat(report.clusters().stream().mapToInt(ClusterCoverage::snapshotCount).sum())
                .isEqualTo(fleet.snapshots().stream().filter(s -> !s.isForeign()).count());
    }

    @Property(tries = 150)
    void statusFollowsTheNewestAvailableCopy(@ForAll long seed) {
        Fleet fleet = CoverageFleets.fleet(seed, 40, 6);
        CoverageReport report = CoverageReport.of(fleet, POLICY, CoverageFleets.NOW);

        for (ClusterCoverage c : report.clusters()) {
            DrPolicy.Rule rule = POLICY.ruleFor(c.key().engine().family()).orElseThrow();
            Duration region = newestElsewhere(fleet, report, c.key(), false);
            Duration account = newestElsewhere(fleet, report, c.key(), true);
            boolean missing = rule.regionHours() != null && region == null
                    || rule.accountHours() != null && account == null;
            boolean old = rule.regionHours() != null && region != null && region.toHours() >= rule.regionHours()
                    && region.compareTo(Duration.ofHours(rule.regionHours())) > 0
                    || rule.accountHours() != null && account != null
                    && account.compareTo(Duration.ofHours(rule.accountHours())) > 0;
            ClusterCoverage.Status expected = missing ? ClusterCoverage.Status.UNCOVERED
                    : old ? ClusterCoverage.Status.AT_RISK : ClusterCoverage.Status.COVERED;
            assertThat(c.status()).as(c.key().toString()).isEqualTo(expected);
        }
    }

    /** The age of the youngest available copy of the cluster in another region (or account), found the plain way. */
    private static Duration newestElsewhere(Fleet fleet, CoverageReport report, ClusterKey key, boolean account) {
        Duration best = null;
        for (Snapshot s : fleet.snapshots()) {
            if (s.isForeign() || s.createTime() == null || s.status().state() != SnapshotState.AVAILABLE
                    || !report.clusterOf(s).orElseThrow().equals(key)) {
                continue;
            }
            boolean elsewhere = account ? !s.accountId().equals(key.accountId()) : !s.region().equals(key.region());
            if (elsewhere) {
                Duration age = Duration.between(s.createTime(), CoverageFleets.NOW);
                best = best == null || age.compareTo(best) < 0 ? age : best;
            }
        }
        return best;
    }

    private static Set<ClusterKey> union(Set<ClusterKey> a, List<ClusterKey> b) {
        Set<ClusterKey> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
