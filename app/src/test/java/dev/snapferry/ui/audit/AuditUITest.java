package dev.snapferry.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.audit.Audit;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.ui.catalog.SnapshotRow;
import dev.snapferry.ui.testing.DemoApp;
import dev.snapferry.ui.testing.Screenshots;
import dev.snapferry.ui.testing.Shown;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Audit tab of the whole application on the demo accounts, used as a person would: its charts say what the
 * tables hold, a bar opens the Snapshots tab on exactly its snapshots, and a tag fix goes to the simulator and
 * comes back in the next listing and audit.
 */
class AuditUITest {

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
    void theChartsAgreeWithTheTablesAndABarOpensExactlyItsSnapshots() throws Exception {
        TableView<SnapshotRow> snapshots = robot.lookup("#table").queryTableView();
        TableView<Audit.Finding> findings = openAudit(snapshots);
        List<Snapshot> listed = snapshots.getItems().stream().map(SnapshotRow::snapshot).toList();
        StackedBarChart<String, Number> byEngine = robot.lookup("#auditEncryptionByEngine").query();
        XYChart.Series<String, Number> unencrypted = byEngine.getData().get(1);
        assertThat(unencrypted.getName()).isEqualTo("Not encrypted");
        int charted = unencrypted.getData().stream().mapToInt(d -> d.getYValue().intValue()).sum();
        assertThat(charted).isEqualTo((int) listed.stream().filter(s -> !s.storageEncrypted()).count())
                .isEqualTo((int) findings.getItems().stream().filter(Audit.Finding::unencrypted).count());
        StackedBarChart<String, Number> compliance = robot.lookup("#auditCompliance").query();
        int notCompliant = compliance.getData().get(1).getData().stream().mapToInt(d -> d.getYValue().intValue())
                .sum();
        assertThat(notCompliant).isEqualTo((int) findings.getItems().stream().filter(f -> !f.tags().isEmpty())
                .count());
        assertThat(robot.lookup("#auditSummary").queryAs(Label.class).getText())
                .startsWith(listed.size() + " snapshots \u00b7 " + charted + " not encrypted");
        Screenshots.save(stage.getScene(), "audit-tab");

        // Rows picked together stay picked when the audit is computed again (here: sharing read again).
        WaitForAsyncUtils.asyncFx(() -> findings.getSelectionModel().selectIndices(0, 2)).get();
        List<String> picked = findings.getSelectionModel().getSelectedItems().stream()
                .map(f -> Audit.id(f.snapshot())).toList();
        assertThat(picked).hasSize(2);
        Label message = robot.lookup("#auditMessage").queryAs(Label.class);
        java.util.concurrent.atomic.AtomicBoolean readAgain = new java.util.concurrent.atomic.AtomicBoolean();
        message.textProperty().addListener((o, old, now) -> readAgain.compareAndSet(false,
                now.startsWith("Reading")));
        robot.clickOn("#auditRecheck");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> readAgain.get()
                && message.getText().startsWith("Sharing read"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(findings.getSelectionModel().getSelectedItems()).extracting(f -> Audit.id(f.snapshot()))
                .containsExactlyInAnyOrderElementsOf(picked);
        WaitForAsyncUtils.asyncFx(() -> findings.getSelectionModel().clearSelection()).get();

        // The chart was drawn again by the new audit.
        XYChart.Data<String, Number> documentDb = byEngine.getData().get(1).getData().stream()
                .filter(d -> d.getXValue().equals("DocumentDB")).findFirst().orElseThrow();
        robot.clickOn(documentDb.getNode());
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isZero();
        assertThat(snapshots.getItems()).hasSize(documentDb.getYValue().intValue())
                .allSatisfy(r -> {
                    assertThat(r.snapshot().engine().family()).isEqualTo(EngineFamily.DOCUMENTDB);
                    assertThat(r.snapshot().storageEncrypted()).isFalse();
                });
        assertThat(robot.lookup("#restrictionLabel").queryAs(Label.class).getText())
                .contains("Not encrypted \u2014 DocumentDB");
        Screenshots.save(stage.getScene(), "audit-drill-down");
        robot.clickOn(Shown.node(robot, "#clearRestriction", 5));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(snapshots.getItems()).hasSize(listed.size());
    }

    @Test
    void aTagFixReachesTheSimulatorAndTheAuditFollows() throws Exception {
        TableView<SnapshotRow> snapshots = robot.lookup("#table").queryTableView();
        TableView<Audit.Finding> findings = openAudit(snapshots);
        Audit.Finding target = findings.getItems().stream().filter(f -> !f.tags().isEmpty()
                && !f.snapshot().isForeign() && f.snapshot().type() == SnapshotType.MANUAL).findFirst()
                .orElseThrow();
        String id = Audit.id(target.snapshot());
        WaitForAsyncUtils.asyncFx(() -> findings.scrollTo(target)).get();
        WaitForAsyncUtils.waitForFxEvents();
        Node row = robot.lookup(".table-row-cell").match((Node n) -> n instanceof TableRow<?> r
                && r.getItem() == target).query();
        robot.clickOn(row);
        robot.clickOn(Shown.enabled(robot, "#auditFixTags", 5));
        Node firstValue = Shown.node(robot, ".tag-value", 5);
        List<TextField> values = robot.lookup(".tag-value").queryAllAs(TextField.class).stream().toList();
        assertThat(values).hasSize(target.tags().size());
        for (TextField value : values) {
            robot.clickOn(value).write("set-by-audit");
        }
        Screenshots.save(firstValue.getScene(), "audit-fix-tags");
        Button apply = robot.lookup(".button").match(LabeledMatchers.hasText("Set tags on 1 snapshot"))
                .queryButton();
        robot.clickOn(apply);
        ListView<?> results = robot.lookup("#auditResults").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> results.getItems().size() == 1);
        assertThat(((AuditViewModel.FixResult) results.getItems().getFirst()).done()).isTrue();
        // The region is listed again from the simulator: the row carries the tags, the audit no longer lists it
        // for its tags.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> snapshots.getItems().stream()
                .anyMatch(r -> Audit.id(r.snapshot()).equals(id) && r.snapshot().tags().stream()
                        .anyMatch(t -> t.value().equals("set-by-audit")))
                && findings.getItems().stream().noneMatch(f -> Audit.id(f.snapshot()).equals(id)
                        && !f.tags().isEmpty()));
        Screenshots.save(stage.getScene(), "audit-after-fix");
    }

    /** Waits for the listing and the sharing read, then shows the Audit tab; returns its findings table. */
    private TableView<Audit.Finding> openAudit(TableView<SnapshotRow> snapshots) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> snapshots.getItems().size() > 100
                && !robot.lookup("#busy").query().isVisible());
        Node auditTab = robot.lookup(".tab").match((Node n) -> n.lookup(".tab-label") instanceof Label l
                && l.getText().startsWith("Audit")).query();
        robot.clickOn(auditTab);
        TableView<Audit.Finding> findings = robot.lookup("#auditFindings").queryTableView();
        Label summary = robot.lookup("#auditSummary").queryAs(Label.class);
        Label message = robot.lookup("#auditMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> summary.getText()
                .startsWith(snapshots.getItems().size() + " snapshots")
                && message.getText().startsWith("Sharing read"));
        WaitForAsyncUtils.waitForFxEvents();
        return findings;
    }
}
