package dev.snapferry.ui.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.coverage.ClusterCoverage;
import dev.snapferry.core.coverage.DrPolicy;
import dev.snapferry.core.coverage.Quota;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.ui.testing.UiQueue;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Coverage tab's ViewModel on the demo, through the real SDK: coverage, quotas, ages, policy, copy. */
@Timeout(120)
class CoverageViewModelTest {

    @TempDir
    Path folder;
    private final UiQueue ui = new UiQueue();
    private CoverageFixture fixture;

    @BeforeEach
    void listTheDemo() throws Exception {
        fixture = CoverageFixture.listed(folder, ui);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void everyClusterOfTheListedAccountsIsShownOnceWithItsCoverage() {
        List<ClusterCoverage> clusters = fixture.coverage.clusters();

        assertThat(clusters).extracting(ClusterCoverage::key).doesNotHaveDuplicates();
        assertThat(status("orders-aurora")).isEqualTo(ClusterCoverage.Status.COVERED);
        assertThat(status("billing-pg")).isEqualTo(ClusterCoverage.Status.AT_RISK);
        assertThat(status("catalog-jp")).isEqualTo(ClusterCoverage.Status.UNCOVERED);
        assertThat(cluster("legacy-crm-mysql").existence()).isEqualTo(ClusterCoverage.Existence.ORPHANED);
        assertThat(fixture.coverage.summaryProperty().get()).contains("1 covered").contains("1 orphaned");
        assertThat(fixture.coverage.texts().reasons(cluster("billing-pg")))
                .isEqualTo("copy in another region 5 days old (policy: 24 h)");
        assertThat(fixture.coverage.problems()).isEmpty();
    }

    @Test
    void quotasShowUsedAgainstAllowedAndFlagTheRegionNearIt() {
        assertThat(fixture.coverage.quotas()).hasSize(12);
        assertThat(fixture.coverage.quotas()).filteredOn(Quota::near).singleElement().satisfies(q -> {
            assertThat(q.location().accountId()).isEqualTo(DemoAccounts.DISASTER_RECOVERY);
            assertThat(fixture.coverage.texts().quota(q)).isEqualTo("91 / 100: within 10 of the quota");
        });
    }

    @Test
    void theAgeReportPricesWhatItCanAndOpensItsSnapshotsInTheSnapshotsTab() {
        var legacy = fixture.coverage.ages().stream().filter(r -> r.engine().canonicalRawName().equals("mysql")
                && r.accountId().equals(DemoAccounts.DISASTER_RECOVERY) && r.band().name().equals("OVER_1_YEAR"))
                .findFirst().orElseThrow();
        assertThat(legacy.cost().priced()).isEqualTo(legacy.arns().size());
        assertThat(fixture.coverage.texts().cost(legacy.cost())).startsWith("at most $");
        assertThat(fixture.coverage.ages()).filteredOn(r -> r.engine().family() == EngineFamily.NEPTUNE)
                .allSatisfy(r -> assertThat(fixture.coverage.texts().cost(r.cost())).startsWith("unknown"));

        assertThat(fixture.coverage.texts().cost(fixture.coverage.cost(cluster("legacy-crm-mysql"))))
                .as("89 snapshots of 150 GiB at the bundled eu-west-1 price").isEqualTo(
                        "at most $1,268.25 a month (13,350 GiB)");
        assertThat(fixture.coverage.texts().cost(fixture.coverage.cost(cluster("orders-aurora"))))
                .startsWith("unknown");

        fixture.coverage.showAgeRow(legacy);

        assertThat(fixture.shown).singleElement().satisfies(ids -> assertThat(ids).hasSize(legacy.arns().size()));
    }

    @Test
    void aStricterPolicyComputesCoverageAgain() {
        fixture.policy.familyProperty().set(null);
        fixture.policy.regionHoursProperty().set("2");
        fixture.policy.accountHoursProperty().set("");
        assertThat(fixture.policy.saveRule()).isTrue();

        assertThat(status("orders-aurora")).as("its region copy is 6 h old").isEqualTo(
                ClusterCoverage.Status.AT_RISK);
    }

    @Test
    void hoursTypedWrongAreRefusedAtTheirField() {
        fixture.policy.regionHoursProperty().set("soon");
        assertThat(fixture.policy.regionHoursProblemProperty().get()).isEqualTo(
                "Type a whole number of hours, or leave it blank.");
        fixture.policy.regionHoursProperty().set("0");
        assertThat(fixture.policy.saveRule()).isFalse();
        assertThat(fixture.policy.regionHoursProblemProperty().get()).startsWith("Type between 1 and 8784 hours");
        fixture.policy.regionHoursProperty().set("");
        fixture.policy.accountHoursProperty().set("");
        assertThat(fixture.policy.saveRule()).isFalse();
        assertThat(fixture.policy.regionHoursProblemProperty().get()).contains("at least one");
        assertThat(fixture.coverage.policyProperty().get()).isEqualTo(DrPolicy.defaults());
    }

    @Test
    void uncoveredClustersOpenTheCopyWizardOnTheirNewestSnapshotsWithThePolicysDestination() {
        fixture.policy.destinationRegionProperty().set("us-west-2");
        fixture.policy.destinationAccountProperty().set(DemoAccounts.DISASTER_RECOVERY);
        assertThat(fixture.policy.saveDestination()).isTrue();

        fixture.coverage.copyNewest(List.of(cluster("catalog-jp"), cluster("graph-neptune"),
                cluster("legacy-crm-mysql")));

        assertThat(fixture.opened).singleElement().satisfies(o -> {
            assertThat(o.sources()).extracting(s -> s.clusterIdentifier()).containsExactly("catalog-jp",
                    "graph-neptune", "legacy-crm-mysql");
            assertThat(o.sources()).containsExactly(cluster("catalog-jp").newestOwn(),
                    cluster("graph-neptune").newestOwn(), cluster("legacy-crm-mysql").newestOwn());
            assertThat(o.region()).isEqualTo(new RegionRef("us-west-2"));
            assertThat(o.account()).isEqualTo(DemoAccounts.DISASTER_RECOVERY);
        });
    }

    @Test
    void aDestinationThatIsNotARegionIsRefused() {
        fixture.policy.destinationRegionProperty().set("west");
        assertThat(fixture.policy.saveDestination()).isFalse();
        assertThat(fixture.policy.destinationProblemProperty().get()).contains("not an AWS region code");
    }

    private ClusterCoverage.Status status(String id) {
        return cluster(id).status();
    }

    private ClusterCoverage cluster(String id) {
        return fixture.coverage.clusters().stream().filter(c -> c.key().identifier().equals(id)).findFirst()
                .orElseThrow();
    }
}
