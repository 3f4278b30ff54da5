package dev.snapferry.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Snapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The proof that a clean-up loses no coverage is computed the fast way: {@link CoverageReport#without} computes
 * again only the clusters that lose a snapshot. Here it is checked against the naive way, coverage of the fleet
 * listed again without the deleted snapshots ({@link CoverageReport#of}, sharing nothing with the report before).
 *
 * <p>The two agree by design only when no remaining snapshot was copied from a deleted one: {@code without} keeps
 * each copy with the cluster it was found to belong to, where a listing without its source would have to guess
 * again from the copy's name and source ARN. So the deletions drawn here are of snapshots that are no remaining
 * snapshot's source.
 */
public class RetentionProofTest {

    private static final DrPolicy DR = new DrPolicy(List.of(new DrPolicy.Rule(null, 24 * 30, 24 * 60)));

    @Property(tries = 150)
    void coverageWithoutDeletionsIsCoverageOfTheFleetListedWithoutThem(@ForAll long seed,
                                                                       @ForAll @IntRange(min = 1, max = 60) int pct) {
        Fleet fleet = CoverageFleets.fleet(seed, 40, 8);
        Random random = new Random(seed);
        Set<String> sources = sources(fleet.snapshots());
        Set<String> deleted = fleet.snapshots().stream().map(Snapshot::arn)
                .filter(arn -> !sources.contains(arn) && random.nextInt(100) < pct).collect(Collectors.toSet());
        CoverageReport before = CoverageReport.of(fleet, DR, CoverageFleets.NOW);

        CoverageReport fast = before.without(deleted);
        CoverageReport naive = CoverageReport.of(listedWithout(fleet, deleted), DR, CoverageFleets.NOW);

        assertThat(fast.clusters()).as("every cluster's coverage, computed both ways").isEqualTo(naive.clusters());
        List<ClusterKey> lost = RetentionPlanner.lost(before, fast);
        assertThat(lost).isEqualTo(RetentionPlanner.lost(before, naive));
        // Random deletions take DR copies too: the comparison must see clusters lose coverage, not only none.
        Statistics.label("coverage lost").collect(!lost.isEmpty())
                .coverage(c -> c.check(true).percentage(p -> p > 30));
    }

    /** Small fleets: in large ones nearly every plan deletes a copy that a kept copy was made from. */
    @Property(tries = 300, maxDiscardRatio = 10)
    void thePlansProofIsTheNaiveOne(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int newest,
                                    @ForAll @IntRange(min = 0, max = 200) int days) {
        Fleet fleet = CoverageFleets.fleet(seed, 6, 8);
        RetentionPlan plan = RetentionPlanner.plan(fleet, DR, new RetentionPolicy(newest, days, List.of("keep")),
                CoverageFleets.NOW);
        Set<String> deleted = plan.deletions().stream().map(Snapshot::arn).collect(Collectors.toSet());
        List<Snapshot> left = fleet.snapshots().stream().filter(s -> !deleted.contains(s.arn())).toList();
        Assume.that(sources(left).stream().noneMatch(deleted::contains));
        CoverageReport before = CoverageReport.of(fleet, DR, CoverageFleets.NOW);

        CoverageReport naive = CoverageReport.of(listedWithout(fleet, deleted), DR, CoverageFleets.NOW);

        assertThat(plan.coverageLost()).isEqualTo(RetentionPlanner.lost(before, naive)).isEmpty();
        assertThat(before.without(deleted).clusters()).isEqualTo(naive.clusters());
        Statistics.label("deletions").collect(deleted.isEmpty() ? "none" : "some")
                .coverage(c -> c.check("some").percentage(p -> p > 30));
    }

    private static Set<String> sources(List<Snapshot> snapshots) {
        Set<String> sources = new HashSet<>();
        snapshots.stream().map(Snapshot::sourceSnapshotArn).filter(Objects::nonNull).forEach(sources::add);
        return sources;
    }

    private static Fleet listedWithout(Fleet fleet, Set<String> deleted) {
        return new Fleet(fleet.snapshots().stream().filter(s -> !deleted.contains(s.arn())).toList(),
                fleet.clusters(), fleet.listedLocations(), fleet.deprecated());
    }
}
