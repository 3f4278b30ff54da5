package dev.snapferry.bench;

import dev.snapferry.core.coverage.CoverageFleets;
import dev.snapferry.core.coverage.CoverageReport;
import dev.snapferry.core.coverage.DrPolicy;
import dev.snapferry.core.coverage.Fleet;
import dev.snapferry.core.coverage.RetentionPlan;
import dev.snapferry.core.coverage.RetentionPlanner;
import dev.snapferry.core.coverage.RetentionPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Coverage and a retention plan over 100,000 snapshots of 10,000 clusters (own snapshots, copies in other regions
 * and accounts, copies of copies, sources gone, shared snapshots): the Coverage tab computes both off the UI
 * thread after every listing, and the issue asks for both under 300 ms together.
 */
class CoverageBenchmark {

    private static final int CLUSTERS = 10_000;

    @Test
    void coverageAndRetentionPlanOfTenThousandClusters() {
        // 14 own snapshots at most per cluster (7 on average) and their copies: about 100,000 in all.
        Fleet fleet = CoverageFleets.fleet(20, CLUSTERS, 14);
        DrPolicy dr = new DrPolicy(List.of(new DrPolicy.Rule(null, 24, 24 * 7)));
        RetentionPolicy keep = RetentionPolicy.defaults();
        for (int i = 0; i < 5; i++) {
            RetentionPlanner.plan(fleet, dr, keep, CoverageFleets.NOW);
        }
        List<Double> coverage = new ArrayList<>();
        List<Double> both = new ArrayList<>();
        RetentionPlan plan = null;
        for (int i = 0; i < 9; i++) {
            long start = System.nanoTime();
            CoverageReport report = CoverageReport.of(fleet, dr, CoverageFleets.NOW);
            coverage.add((System.nanoTime() - start) / 1e6);
            start = System.nanoTime();
            plan = RetentionPlanner.plan(fleet, dr, keep, CoverageFleets.NOW);
            // The plan computes coverage itself (and again without its deletions, for the proof).
            both.add((System.nanoTime() - start) / 1e6);
            if (report.clusters().isEmpty()) {
                throw new IllegalStateException("no clusters");
            }
        }
        coverage.sort(null);
        both.sort(null);
        System.out.printf("BENCH coverage fleet: %d snapshots, %d described clusters, %d deletions planned%n",
                fleet.snapshots().size(), fleet.clusters().size(), plan.deletions().size());
        BenchResults.below("coverage.100k.report", coverage.get(coverage.size() / 2), "ms", 300);
        BenchResults.below("coverage.100k.retentionPlan", both.get(both.size() / 2), "ms", 300);
    }
}
