package dev.snapferry.ui.share;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.app.LiveSnapshotActions;
import dev.snapferry.app.LiveSnapshotSource;
import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import dev.snapferry.ui.browser.BrowserView;
import dev.snapferry.ui.browser.BrowserViewModel;
import dev.snapferry.ui.browser.TestBrowsers;
import dev.snapferry.ui.catalog.AccountCatalog;
import dev.snapferry.ui.catalog.RegionStatus;
import dev.snapferry.ui.catalog.SnapshotRow;
import dev.snapferry.ui.common.ExecutorTaskRunner;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.RecordingDialogService;
import dev.snapferry.ui.common.WorkerExecutor;
import dev.snapferry.ui.testing.Screenshots;
import dev.snapferry.ui.testing.Shown;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/** The Share action driven as a DBA would: from the table's context menu, on the demo simulator, headless. */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class ShareUITest {

    private static final String DR = DemoAccounts.DISASTER_RECOVERY;
    /** Aurora proper: the Aurora family in the browser also holds RDS Multi-AZ DB clusters. */
    private static final Set<Engine> AURORA = Set.of(Engine.AURORA_MYSQL, Engine.AURORA_POSTGRESQL);

    private static Simulator simulator;
    private static SdkHttpClient http;
    private static List<AccountSession> sessions;
    private static ExecutorService workers;

    private BrowserViewModel viewModel;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.now()), FaultSettings.none(),
                new DemoDataset()));
        http = ApacheHttpClient.create();
        sessions = List.of(open(DemoAccounts.PRODUCTION_ACCESS_KEY, DemoAccounts.PRODUCTION_SECRET_KEY,
                        "demo-production"),
                open(DemoAccounts.DR_ACCESS_KEY, DemoAccounts.DR_SECRET_KEY, "demo-disaster-recovery"));
        workers = WorkerExecutor.create("share-ui-test", 2);
    }

    @AfterAll
    static void stopSimulator() {
        WorkerExecutor.shutdown(workers, 1_000);
        sessions.forEach(AccountSession::close);
        http.close();
        simulator.close();
    }

    @Start
    void start(Stage stage) {
        Messages messages = Messages.load(Locale.ROOT);
        viewModel = TestBrowsers.browser(new LiveSnapshotSource(sessions, new SnapshotLister(new KmsDirectory(), 8)),
                new LiveSnapshotActions(sessions, new SnapshotWriter()),
                AccountCatalog.fixed(Set.of("demo-production", "demo-disaster-recovery"),
                        simulator.endpoint().toString()),
                engine -> CapabilityMatrix.loadDefault().forEngine(engine).tags(), Platform::runLater,
                new ExecutorTaskRunner(workers, Platform::runLater), new RecordingDialogService(),
                new FxShareDialogs(() -> stage, messages), messages);
        viewModel.catalog().availableRegions().setAll(DemoDataset.REGIONS.stream().map(RegionRef::new).toList());
        viewModel.catalog().regions().setAll(DemoDataset.REGIONS.stream().map(RegionRef::new).toList());
        Scene scene = new Scene(new BrowserView(viewModel, messages, Clock.systemDefaultZone()).root(), 1600, 900);
        scene.getStylesheets().setAll(
                ShareUITest.class.getResource("/dev/snapferry/ui/common/base.css").toExternalForm(),
                ShareUITest.class.getResource("/dev/snapferry/ui/common/light.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        viewModel.catalog().refresh();
    }

    @Test
    void sharingFromTheContextMenuWithTheDrAccountReachesAws(FxRobot robot) throws Exception {
        awaitLoaded();
        Snapshot aurora = showFirst(robot, s -> s.accountId().equals(DemoAccounts.PRODUCTION)
                && s.type() == SnapshotType.MANUAL && AURORA.contains(s.engine())
                && s.storageEncrypted() && !s.awsManagedKey() && s.status().state() == SnapshotState.AVAILABLE);
        assertThat(restore(aurora)).doesNotContain(DR);

        openContextMenu(robot, rowOf(robot, aurora));
        robot.clickOn(Shown.node(robot, "#shareSnapshot", 5));
        Node input = Shown.enabled(robot, "#shareAccountInput", 10);
        Stage dialog = (Stage) input.getScene().getWindow();
        assertThat(dialog.getTitle()).isEqualTo("Share " + aurora.identifier());
        assertThat(dialog.getOwner()).isSameAs(robot.lookup("#table").query().getScene().getWindow());

        robot.clickOn("#shareSuggestions");
        robot.clickOn(Shown.node(robot, "demo-disaster-recovery (" + DR + ")", 5));
        robot.clickOn(Shown.enabled(robot, "#shareAdd", 5));
        ListView<String> accounts = robot.lookup("#shareAccounts").queryListView();
        assertThat(accounts.getItems()).containsExactly(DR);
        assertThat(robot.from(accounts).lookup("demo-disaster-recovery (" + DR + ")").tryQuery()).isPresent();
        assertThat(robot.lookup("#sharePublic").queryAs(javafx.scene.control.CheckBox.class).isDisabled())
                .as("encrypted: never public").isTrue();
        assertThat(robot.lookup("#sharePublicRefusal").queryAs(Label.class).getText())
                .startsWith("Encrypted snapshots can\u2019t be public");

        robot.clickOn("#shareAccountInput").write("12345");
        assertThat(robot.lookup("#shareAccountProblem").queryAs(Label.class).getText())
                .isEqualTo("\u201C12345\u201D is not an AWS account id: an account id is 12 digits.");
        Screenshots.save(input.getScene(), "share-dialog");
        robot.eraseText(5);
        Button save = (Button) Shown.enabled(robot, "#shareSave", 5);
        robot.clickOn(save);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> restore(aurora).contains(DR)
                && ("Sharing of " + aurora.identifier() + " saved: shared with 1 account.")
                .equals(viewModel.catalog().messageProperty().get()));
        assertThat(restore(aurora)).containsExactly(DR);
        assertThat(dialog.isShowing()).isFalse();
    }

    @Test
    void anElasticSnapshotsShareItemIsDisabledAndItsTooltipSaysWhy(FxRobot robot) throws Exception {
        awaitLoaded();
        Snapshot elastic = showFirst(robot, s -> s.engine() == Engine.DOCUMENTDB_ELASTIC
                && s.type() == SnapshotType.MANUAL && !s.isForeign());
        assertThat(robot.lookup("#shareButton").queryButton().isDisabled()).isTrue();

        openContextMenu(robot, rowOf(robot, elastic));
        Node row = Shown.node(robot, "#shareSnapshot", 5);
        MenuItem item = ((ContextMenu) row.getScene().getWindow()).getItems().stream()
                .filter(i -> "shareSnapshot".equals(i.getId())).findFirst().orElseThrow();
        assertThat(item.isDisable()).isTrue();
        String reason = "DocumentDB Elastic snapshots cannot be shared with other accounts: they have no sharing"
                + " attribute, and AWS offers no call that shares them.";
        assertThat(((Tooltip) row.getProperties().get(Tooltip.class)).getText()).isEqualTo(reason);
        robot.moveTo(row);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.listTargetWindows().stream()
                .anyMatch(w -> w instanceof Tooltip tip && tip.isShowing() && reason.equals(tip.getText())));
        Screenshots.save(row.getScene(), "share-disabled-elastic");
        robot.clickOn(row);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#shareAccountInput").tryQuery()).as("a disabled item opens nothing").isEmpty();
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }

    /** Narrows the table to the first snapshot {@code which} accepts, by searching its name, and selects it. */
    private Snapshot showFirst(FxRobot robot, Predicate<Snapshot> which) throws Exception {
        Snapshot chosen = viewModel.catalog().rows().stream().map(SnapshotRow::snapshot).filter(which).findFirst()
                .orElseThrow(() -> new AssertionError("the demo has no such snapshot"));
        robot.clickOn("#search").write(chosen.identifier());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(rowOf(robot, chosen));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.selectedProperty().get()).extracting(r -> r.snapshot().arn()).isEqualTo(chosen.arn());
        return chosen;
    }

    /**
     * Right-clicks {@code node}. A desktop turns a secondary click into a context-menu request; Monocle's headless
     * platform does not, so after the click the test sends the request the desktop would, at the same point.
     */
    private static void openContextMenu(FxRobot robot, Node node) {
        robot.rightClickOn(node);
        robot.interact(() -> {
            Bounds bounds = node.localToScreen(node.getBoundsInLocal());
            Point2D local = node.screenToLocal(bounds.getCenterX(), bounds.getCenterY());
            node.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getX(), local.getY(),
                    bounds.getCenterX(), bounds.getCenterY(), false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The table row that shows {@code snapshot}. */
    private static Node rowOf(FxRobot robot, Snapshot snapshot) {
        return robot.lookup(".table-row-cell").match((Node n) -> n instanceof TableRow<?> r && !r.isEmpty()
                && r.getItem() instanceof SnapshotRow row && row.snapshot().arn().equals(snapshot.arn())).query();
    }

    /** The snapshot's {@code restore} attribute, asked of AWS directly. */
    private static List<String> restore(Snapshot s) {
        return sessions.getFirst().clients().rds(s.region()).describeDBClusterSnapshotAttributes(b -> b
                        .dbClusterSnapshotIdentifier(s.identifier())).dbClusterSnapshotAttributesResult()
                .dbClusterSnapshotAttributes().stream().filter(a -> a.attributeName().equals("restore"))
                .flatMap(a -> a.attributeValues().stream()).toList();
    }

    private void awaitLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !viewModel.catalog().loadingProperty().get()
                && viewModel.catalog().regionStatuses().stream().noneMatch(s -> s.state() == RegionStatus.State.LOADING)
                && !viewModel.catalog().regionStatuses().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static AccountSession open(String key, String secret, String profile) {
        return AccountSession.open(profile, true, new RegionRef("us-east-1"), new AwsClients(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)), simulator.endpoint(),
                http, 3));
    }
}
