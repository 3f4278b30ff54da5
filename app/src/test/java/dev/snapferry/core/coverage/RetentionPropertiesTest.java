package dev.snapferry.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.model.SnapshotType;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The retention planner on generated fleets: no snapshot a rule protects is ever deleted (each rule checked here
 * the plain way), every unprotected one is, and the deletions never change any cluster's coverage.
 */
public class RetentionPropertiesTest {

    private static final DrPolicy DR = new DrPolicy(List.of(new DrPolicy.Rule(null, 24 * 30, 24 * 60)));

    @Property(tries = 150)
    void thePlannerNeverSelectsAProtectedSnapshot(@ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int newest,
                                                  @ForAll @IntRange(min = 0, max = 400) int days) {
        Fleet fleet = CoverageFleets.fleet(seed, 40, 8);
        RetentionPolicy policy = new RetentionPolicy(newest, days, List.of("keep"));
        RetentionPlan plan = RetentionPlanner.plan(fleet, DR, policy, CoverageFleets.NOW);
        CoverageReport report = CoverageReport.of(fleet, DR, CoverageFleets.NOW);

        assertThat(plan.decisions()).hasSize(fleet.snapshots().size());
        for (Snapshot s : plan.deletions()) {
            assertThat(s.type()).as("only manual snapshots").isEqualTo(SnapshotType.MANUAL);
            assertThat(s.isForeign()).as("never one shared with this account").isFalse();
            assertThat(s.status().state()).isEqualTo(SnapshotState.AVAILABLE);
            assertThat(s.createTime()).isNotNull();
            assertThat(Duration.between(s.createTime(), CoverageFleets.NOW)).as("older than the days kept")
                    .isGreaterThanOrEqualTo(Duration.ofDays(days));
            assertThat(s.tags()).noneMatch(t -> t.key().equals("keep"));
            ClusterKey cluster = report.clusterOf(s).orElseThrow();
            List<Snapshot> place = fleet.snapshots().stream().filter(o -> o.type() == SnapshotType.MANUAL
                    && !o.isForeign() && o.region().equals(s.region()) && o.accountId().equals(s.accountId())
                    && report.clusterOf(o).orElseThrow().equals(cluster))
                    .sorted(Comparator.comparing(Snapshot::createTime,
                            Comparator.nullsFirst(Comparator.reverseOrder())).thenComparing(Snapshot::arn))
                    .toList();
            assertThat(place.indexOf(s)).as("not among the newest %d of its cluster there", newest)
                    .isGreaterThanOrEqualTo(newest);
            ClusterCoverage coverage = report.clusters().stream().filter(c -> c.key().equals(cluster)).findFirst()
                    .orElseThrow();
            assertThat(s).as("never the newest copy elsewhere").isNotEqualTo(coverage.newestRegionCopy())
                    .isNotEqualTo(coverage.newestAccountCopy());
        }
        assertThat(plan.decisions()).filteredOn(d -> !d.deletes()).allSatisfy(d -> assertThat(d.protections())
                .isNotEmpty());
        assertThat(plan.coverageLost()).as("no cluster loses coverage").isEmpty();
    }

    @Property(tries = 60)
    void everyCopyThatCoversAClusterIsLeft(@ForAll long seed) {
        Fleet fleet = CoverageFleets.fleet(seed, 30, 8);
        RetentionPlan plan = RetentionPlanner.plan(fleet, DR, new RetentionPolicy(0, 0, List.of()),
                CoverageFleets.NOW);
        java.util.Set<Snapshot> deleted = new java.util.HashSet<>(plan.deletions());

        CoverageReport before = CoverageReport.of(fleet, DR, CoverageFleets.NOW);
        for (ClusterCoverage c : before.clusters()) {
            java.util.stream.Stream.of(c.newestRegionCopy(), c.newestAccountCopy()).filter(java.util.Objects::nonNull)
                    .forEach(copy -> assertThat(deleted).as(c.key().toString()).doesNotContain(copy));
        }
        java.util.Map<ClusterKey, ClusterCoverage> after = new java.util.HashMap<>();
        before.without(deleted.stream().map(Snapshot::arn).collect(java.util.stream.Collectors.toSet())).clusters()
                .forEach(c -> after.put(c.key(), c));
        for (ClusterCoverage was : before.clusters()) {
            ClusterCoverage is = after.get(was.key());
            if (is == null) {
                assertThat(was.newestRegionCopy()).as("a cluster whose snapshots all go had no copy").isNull();
                assertThat(was.newestAccountCopy()).isNull();
            } else {
                assertThat(is.status()).as(was.key().toString()).isEqualTo(was.status());
            }
        }
    }
}
