package dev.snapferry.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.app.LiveSnapshotActions;
import dev.snapferry.app.LiveSnapshotSource;
import dev.snapferry.core.audit.TagPolicy;
import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.faults.FaultSettings;
import dev.snapferry.sim.faults.ServiceFault;
import dev.snapferry.ui.audit.AuditView;
import dev.snapferry.ui.audit.AuditViewModel;
import dev.snapferry.ui.audit.TestAudits;
import dev.snapferry.ui.catalog.AccountCatalog;
import dev.snapferry.ui.catalog.RegionStatus;
import dev.snapferry.ui.catalog.SnapshotRow;
import dev.snapferry.ui.common.ExecutorTaskRunner;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.RecordingDialogService;
import dev.snapferry.ui.common.Scheduler;
import dev.snapferry.ui.common.WorkerExecutor;
import dev.snapferry.ui.testing.DemoSessions;
import dev.snapferry.ui.testing.Screenshots;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Snapshots and Audit screens over a region whose DocumentDB Elastic listing fails with HTTP 500 while the
 * RDS family answers, driven as a DBA would: the status bar names the part that failed and retries it alone, the
 * rows without their details say "unknown", and the audit says how many it could not check.
 */
@ExtendWith(ApplicationExtension.class)
class PartialRegionUITest {

    private static final RegionRef US_EAST_1 = new RegionRef("us-east-1");

    private static DemoSessions demo;
    private static Simulator simulator;
    private static ExecutorService workers;

    private BrowserViewModel viewModel;
    private Scene scene;

    @BeforeAll
    static void startSimulator() throws Exception {
        demo = new DemoSessions();
        simulator = demo.simulator;
        workers = WorkerExecutor.create("ui-test", 2);
    }

    @AfterAll
    static void stopSimulator() {
        WorkerExecutor.shutdown(workers, 1_000);
        demo.close();
    }

    @Start
    void start(Stage stage) {
        fault("ListClusterSnapshots");
        Messages messages = Messages.load(Locale.ROOT);
        List<AccountSession> production = List.of(demo.production);
        LiveSnapshotActions actions = new LiveSnapshotActions(production, new SnapshotWriter());
        ExecutorTaskRunner tasks = new ExecutorTaskRunner(workers, Platform::runLater);
        RecordingDialogService dialogs = new RecordingDialogService();
        viewModel = TestBrowsers.browser(new LiveSnapshotSource(production, new SnapshotLister(new KmsDirectory(), 4)),
                actions, AccountCatalog.fixed(Set.of("demo"), simulator.endpoint().toString()),
                BrowserViewModelTest.TAG_SPECS, Platform::runLater, tasks, dialogs, messages);
        viewModel.catalog().availableRegions().setAll(List.of(US_EAST_1));
        viewModel.catalog().regions().setAll(List.of(US_EAST_1));
        viewModel.filter().tagPolicyProperty().set(TagPolicy.requiring(List.of("owner")));
        AuditViewModel audit = TestAudits.audit(viewModel, actions, Platform::runLater, tasks, Scheduler.fx(), dialogs,
                messages, (label, ids) -> { });
        SplitPane both = new SplitPane(new BrowserView(viewModel, messages, Clock.systemDefaultZone()).root(),
                new AuditView(audit, messages).root());
        both.setOrientation(Orientation.VERTICAL);
        scene = new Scene(both, 1600, 1100);
        theme("light");
        stage.setScene(scene);
        stage.show();
        viewModel.catalog().refresh();
    }

    @AfterEach
    void clearFaults() {
        simulator.faults().set(FaultSettings.none());
    }

    private static void fault(String operation) {
        simulator.faults().set(FaultSettings.none().withServiceFaults(List.of(
                new ServiceFault("docdb-elastic", operation, ServiceFault.Kind.ERROR))));
    }

    private void theme(String name) {
        scene.getStylesheets().setAll(
                PartialRegionUITest.class.getResource("/dev/snapferry/ui/common/base.css").toExternalForm(),
                PartialRegionUITest.class.getResource("/dev/snapferry/ui/common/" + name + ".css").toExternalForm());
    }

    @Test
    void theStatusBarNamesTheFailedPartRetriesItAloneAndTheAuditSaysWhatItCouldNotCheck(FxRobot robot)
            throws Exception {
        awaitListed();
        TableView<SnapshotRow> table = robot.lookup("#table").queryTableView();
        Label gap = robot.lookup(".region-gap").queryAs(Label.class);
        assertThat(gap.getText()).isEqualTo(DemoAccounts.PRODUCTION
                + " us-east-1: DocumentDB Elastic not listed \u2014 HTTP 500 after 3 attempts");
        assertThat(gap.getTooltip().getText()).contains("InternalServerException", "An internal error occurred.");
        assertThat(robot.lookup(".region-loaded").queryAs(Label.class).getText()).isEqualTo("0 of 1 region loaded");
        assertThat(table.getItems()).isNotEmpty()
                .noneMatch(r -> r.snapshot().engine() == Engine.DOCUMENTDB_ELASTIC);
        Screenshots.save(scene, "browser-region-partial");
        WaitForAsyncUtils.asyncFx(() -> theme("dark")).get();
        Screenshots.save(scene, "browser-region-partial-dark");
        WaitForAsyncUtils.asyncFx(() -> theme("light")).get();

        // Elastic lists now, but each snapshot's key cannot be read: the retry of that part brings its rows.
        fault("GetClusterSnapshot");
        robot.clickOn(robot.lookup(".region-gap-retry").queryAs(Button.class));
        awaitListed();
        List<Snapshot> elastic = table.getItems().stream().map(SnapshotRow::snapshot)
                .filter(s -> s.engine() == Engine.DOCUMENTDB_ELASTIC).toList();
        assertThat(elastic).isNotEmpty();
        assertThat(robot.lookup(".region-gap").queryAs(Label.class).getText())
                .contains("key and tags of " + elastic.size() + " DocumentDB Elastic snapshots not read");
        robot.clickOn("#search").write(elastic.getFirst().identifier());
        // Only the columns this test reads, so that the key and tags columns are on screen.
        WaitForAsyncUtils.asyncFx(() -> table.getColumns().forEach(c -> c.setVisible(Set.of("identifierColumn",
                "encryptionColumn", "tagsColumn").contains(c.getId())))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(table).lookup(".unknown-value").queryAs(Label.class).getText()).isEqualTo("unknown");
        assertThat(robot.from(table).lookup(LabeledMatchers.hasText("Encrypted (key unknown)")).tryQuery())
                .isPresent();
        robot.clickOn(robot.from(table).lookup(".unknown-value").queryAs(Label.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#details-kmsKey").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo("unknown");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#auditSummary").queryAs(Label.class)
                .getText().contains("not checked"));
        assertThat(robot.lookup("#auditSummary").queryAs(Label.class).getText())
                .endsWith(elastic.size() + " snapshots not checked: key or tags could not be read");
        Screenshots.save(scene, "browser-elastic-details-unknown");

        // The fault clears: the details retry completes the region, and nothing is left unchecked.
        simulator.faults().set(FaultSettings.none());
        robot.clickOn(robot.lookup(".region-gap-retry").queryAs(Button.class));
        awaitListed();
        assertThat(robot.lookup(".region-gap").tryQuery()).isEmpty();
        assertThat(robot.lookup(".region-loaded").queryAs(Label.class).getText()).isEqualTo("1 of 1 region loaded");
        assertThat(robot.from(table).lookup(".unknown-value").tryQuery()).isEmpty();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#auditSummary").queryAs(Label.class)
                .getText().contains("not checked"));
    }

    private void awaitListed() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !viewModel.catalog().loadingProperty().get()
                && !viewModel.catalog().regionStatuses().isEmpty() && viewModel.catalog().regionStatuses().stream()
                .noneMatch(s -> s.state() == RegionStatus.State.LOADING));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
