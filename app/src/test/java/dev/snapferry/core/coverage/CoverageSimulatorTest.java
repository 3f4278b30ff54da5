package dev.snapferry.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.ClusterSurvey;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.ui.testing.DemoSessions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Coverage of the demo through the real SDK: the simulator's clusters, quotas and engine versions, read as AWS's. */
@Timeout(60)
class CoverageSimulatorTest {

    private static DemoSessions demo;
    private static List<ClusterSurvey.Result> surveys;
    private static CoverageReport report;
    private static List<Snapshot> snapshots;

    @BeforeAll
    static void survey() throws Exception {
        demo = new DemoSessions();
        List<RegionRef> regions = DemoDataset.REGIONS.stream().map(RegionRef::new).toList();
        List<AccountSession> accounts = List.of(demo.production, demo.disasterRecovery);
        snapshots = new ArrayList<>();
        for (RegionResult r : new SnapshotLister(new KmsDirectory(), 4).list(accounts, regions,
                SnapshotLister.Options.DEFAULT, x -> { }).get()) {
            if (r instanceof RegionResult.Loaded loaded) {
                snapshots.addAll(loaded.snapshots());
            }
        }
        surveys = new ArrayList<>();
        for (AccountSession account : accounts) {
            for (RegionRef region : regions) {
                surveys.add(new ClusterSurvey().survey(account, region));
            }
        }
        report = CoverageReport.of(ClusterSurvey.fleet(snapshots, surveys), DrPolicy.defaults(),
                demo.clock.now());
    }

    @AfterAll
    static void close() {
        demo.close();
    }

    @Test
    void everyRegionAnswersWithItsClustersAndItsManualSnapshotQuota() {
        assertThat(surveys).allSatisfy(r -> {
            assertThat(r.problems()).isEmpty();
            assertThat(r.clusters()).isNotNull();
            assertThat(r.quota().max()).isEqualTo(100L);
        });
        assertThat(surveys).filteredOn(r -> r.quota().near()).singleElement().satisfies(r -> {
            assertThat(r.location()).isEqualTo(new ClusterKey.Location(DemoAccounts.DISASTER_RECOVERY,
                    new RegionRef("eu-west-1")));
            assertThat(r.quota().used()).isEqualTo(91L);
        });
    }

    @Test
    void theDemoHasCoveredAtRiskUncoveredAndOrphanedClusters() {
        assertThat(coverage("orders-aurora").status()).isEqualTo(ClusterCoverage.Status.COVERED);
        assertThat(coverage("orders-aurora").newestAccountCopy()).isNotNull();
        assertThat(coverage("billing-pg").status()).isEqualTo(ClusterCoverage.Status.AT_RISK);
        assertThat(coverage("catalog-jp").status()).isEqualTo(ClusterCoverage.Status.UNCOVERED);
        ClusterCoverage legacy = coverage("legacy-crm-mysql");
        assertThat(legacy.existence()).isEqualTo(ClusterCoverage.Existence.ORPHANED);
        assertThat(legacy.snapshotCount()).isEqualTo(89);
        assertThat(report.clusters()).extracting(ClusterCoverage::key).doesNotHaveDuplicates();
    }

    @Test
    void clusterSettingsComeFromDescribeDBClustersAndDescribeDBEngineVersions() {
        assertThat(coverage("reporting-pg").findings()).contains(new ClusterCoverage.Finding.ShortRetention(1))
                .anyMatch(f -> f instanceof ClusterCoverage.Finding.CopyTagsOff off
                        && off.command().contains("--db-cluster-identifier reporting-pg"));
        assertThat(coverage("orders-aurora").findings()).isEmpty();
        assertThat(coverage("recsys-graph").findings()).contains(
                new ClusterCoverage.Finding.DeprecatedVersion("1.2.1.0"));
        assertThat(coverage("events-elastic").key().engine()).isEqualTo(Engine.DOCUMENTDB_ELASTIC);
        assertThat(coverage("events-elastic").existence()).isEqualTo(ClusterCoverage.Existence.EXISTS);
    }

    @Test
    void aRetentionDryRunOnTheDemoCleansUpTheOrphanAndLosesNoCoverage() {
        RetentionPlan plan = RetentionPlanner.plan(ClusterSurvey.fleet(snapshots, surveys),
                DrPolicy.defaults(), RetentionPolicy.defaults(), demo.clock.now());

        assertThat(plan.coverageLost()).isEmpty();
        assertThat(plan.deletionsByCluster()).containsKey(coverage("legacy-crm-mysql").key());
        // 89 monthly snapshots, the newest 40 days old: the 3 newest kept, and the 7 tagged keep (every twelfth).
        assertThat(plan.deletionsByCluster().get(coverage("legacy-crm-mysql").key())).hasSize(79);
        assertThat(plan.deletions()).allMatch(s -> s.clusterIdentifier() != null);
    }

    private static ClusterCoverage coverage(String identifier) {
        return report.clusters().stream().filter(c -> c.key().identifier().equals(identifier)).findFirst()
                .orElseThrow(() -> new AssertionError("no cluster " + identifier + " in " + report.clusters()));
    }
}
