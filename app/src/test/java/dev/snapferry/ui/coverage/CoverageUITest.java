package dev.snapferry.ui.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.coverage.ClusterCoverage;
import dev.snapferry.core.coverage.Deletion;
import dev.snapferry.core.coverage.RetentionPlan;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.ui.catalog.SnapshotRow;
import dev.snapferry.ui.testing.DemoApp;
import dev.snapferry.ui.testing.Screenshots;
import dev.snapferry.ui.testing.Shown;
import dev.snapferry.ui.testing.Themes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Coverage tab of the whole application on the demo accounts, as a person uses it: from an uncovered cluster
 * to a copy started in the region the DR policy names, and from a dry run to the deletions it listed.
 */
@Timeout(300)
class CoverageUITest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private DemoApp running;
    private Stage stage;

    @BeforeEach
    void startApplication() throws TimeoutException {
        running = DemoApp.start(home);
        stage = running.stage();
    }

    @AfterEach
    void stopApplication() throws TimeoutException {
        running.close();
    }

    @Test
    void anUncoveredClusterIsCopiedToThePolicysRegion() throws Exception {
        TableView<ClusterCoverage> clusters = openCoverage();
        Screenshots.save(stage.getScene(), "coverage-clusters");
        Themes.dark(stage.getScene(), () -> Screenshots.save(stage.getScene(), "coverage-clusters-dark"));

        select("#coveragePolicyTab");
        robot.clickOn("#drPolicyDestinationRegion").write("us-west-2");
        robot.clickOn("#drPolicySaveDestination");
        select("#coverageClustersTab");
        int row = WaitForAsyncUtils.asyncFx(() -> {
            for (int i = 0; i < clusters.getItems().size(); i++) {
                if (clusters.getItems().get(i).key().identifier().equals("catalog-jp")) {
                    clusters.getSelectionModel().clearAndSelect(i);
                    clusters.scrollTo(i);
                    return i;
                }
            }
            return -1;
        }).get();
        assertThat(row).isNotNegative();
        assertThat(clusters.getItems().get(row).status()).isEqualTo(ClusterCoverage.Status.UNCOVERED);
        robot.clickOn(Shown.enabled(robot, "#coverageCopy", 5));

        Node accountBox = Shown.node(robot, "#copyAccount", 10);
        Stage wizard = (Stage) accountBox.getScene().getWindow();
        Screenshots.save(wizard.getScene(), "coverage-copy-wizard");
        for (int step = 0; step < 6 && robot.lookup("#wizardFinish").tryQuery().map(n -> n.isDisabled()
                || !n.isVisible()).orElse(true); step++) {
            robot.clickOn(Shown.enabled(robot, "#wizardNext", 20));
        }
        robot.clickOn(Shown.enabled(robot, "#wizardFinish", 20));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !wizard.isShowing());

        TableView<SnapshotRow> snapshots = robot.lookup("#table").queryTableView();
        // The copy's row comes once AWS accepted it: the demo's own copies into us-west-2 may hold the region's
        // slots (AWS allows five copies in flight), and the job waits for one at the demo's pace.
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> snapshots.getItems()
                .stream().map(SnapshotRow::snapshot).anyMatch(s -> "catalog-jp".equals(s.clusterIdentifier())
                        && s.region().code().equals("us-west-2") && (s.status().state().isInProgress()
                        || s.status().state() == SnapshotState.AVAILABLE))).get());
    }

    @Test
    void aDryRunIsConfirmedByItsCountAndDeletesExactlyItsSnapshots() throws Exception {
        openCoverage();
        select("#coverageCostTab");
        Screenshots.save(stage.getScene(), "coverage-cost");
        select("#coverageRetentionTab");
        robot.clickOn(Shown.enabled(robot, "#retentionDryRun", 10));
        TableView<RetentionPlan.Decision> plan = robot.lookup("#retentionPlanTable").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !plan.getItems()
                .isEmpty()).get());
        List<String> planned = plan.getItems().stream().map(d -> d.snapshot().arn()).toList();
        assertThat(robot.lookup("#retentionProof").queryAs(Label.class).getText())
                .startsWith("DR coverage lost: none.");
        Screenshots.save(stage.getScene(), "coverage-dry-run");

        robot.clickOn(Shown.enabled(robot, "#retentionDelete", 5));
        Node input = Shown.node(robot, "#dialogInput", 10);
        robot.clickOn(input).write(String.valueOf(planned.size()));
        Screenshots.save(input.getScene(), "coverage-confirm");
        Button confirm = robot.lookup(".button").match((Node n) -> n instanceof Button b
                && b.getText().equals("Delete " + planned.size() + " snapshots")).queryButton();
        robot.clickOn(confirm);

        ListView<Deletion> results = robot.lookup("#retentionResults").queryListView();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> results.getItems()
                .size() == planned.size()).get());
        assertThat(results.getItems()).allMatch(Deletion::deleted);
        assertThat(results.getItems().stream().map(d -> d.snapshot().arn()).toList())
                .containsExactlyInAnyOrderElementsOf(planned);
        assertThat(Files.readAllLines(home.resolve("data").resolve("deletions.jsonl"))).hasSize(planned.size());
        Screenshots.save(stage.getScene(), "coverage-deleted");
    }

    private TableView<ClusterCoverage> openCoverage() throws Exception {
        TableView<SnapshotRow> snapshots = robot.lookup("#table").queryTableView();
        // Read on the FX thread: the listing changes the rows while the test waits.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> snapshots.getItems()
                .size() > 100 && !robot.lookup("#busy").query().isVisible()).get());
        robot.clickOn(robot.lookup(".tab").match((Node n) -> n.lookup(".tab-label") instanceof Label l
                && l.getText().startsWith("Coverage")).queryAs(Node.class));
        TableView<ClusterCoverage> clusters = robot.lookup("#coverageTable").queryTableView();
        Label summary = robot.lookup("#coverageSummary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !clusters.getItems()
                .isEmpty() && summary.getText().contains("orphaned")).get());
        WaitForAsyncUtils.waitForFxEvents();
        return clusters;
    }

    private void select(String tab) throws Exception {
        TabPane parts = robot.lookup("#coverageParts").queryAs(TabPane.class);
        WaitForAsyncUtils.asyncFx(() -> {
            for (Tab t : parts.getTabs()) {
                if (("#" + t.getId()).equals(tab)) {
                    parts.getSelectionModel().select(t);
                }
            }
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
