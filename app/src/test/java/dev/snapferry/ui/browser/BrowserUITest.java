package dev.snapferry.ui.browser;

import dev.snapferry.app.LiveSnapshotActions;
import dev.snapferry.app.LiveSnapshotSource;
import dev.snapferry.ui.catalog.AccountCatalog;
import dev.snapferry.ui.catalog.RegionStatus;
import dev.snapferry.ui.catalog.SnapshotRow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import dev.snapferry.ui.common.ExecutorTaskRunner;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.RecordingDialogService;
import dev.snapferry.ui.common.WorkerExecutor;
import dev.snapferry.ui.testing.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/** The browser screen driven as a DBA would, on the demo simulator, headless. */
@ExtendWith(ApplicationExtension.class)
class BrowserUITest {

    private static Simulator simulator;
    private static SdkHttpClient http;
    private static List<AccountSession> sessions;
    private static ExecutorService workers;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private BrowserViewModel viewModel;
    private Scene scene;

    @TempDir
    Path folder;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.now()), FaultSettings.none(),
                new DemoDataset()));
        http = ApacheHttpClient.create();
        sessions = List.of(open(DemoAccounts.PRODUCTION_ACCESS_KEY, DemoAccounts.PRODUCTION_SECRET_KEY),
                open(DemoAccounts.DR_ACCESS_KEY, DemoAccounts.DR_SECRET_KEY));
        workers = WorkerExecutor.create("ui-test", 2);
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
                new LiveSnapshotActions(sessions, new dev.snapferry.core.aws.SnapshotWriter()),
                AccountCatalog.fixed(java.util.Set.of("demo-production", "demo-disaster-recovery"),
                        simulator.endpoint().toString()), BrowserViewModelTest.TAG_SPECS, Platform::runLater,
                new ExecutorTaskRunner(workers, Platform::runLater), dialogs, messages);
        viewModel.catalog().availableRegions().setAll(DemoDataset.REGIONS.stream().map(RegionRef::new).toList());
        viewModel.catalog().regions().setAll(DemoDataset.REGIONS.stream().map(RegionRef::new).toList());
        BrowserView view = new BrowserView(viewModel, messages, Clock.systemDefaultZone());
        scene = new Scene(view.root(), 1600, 900);
        scene.getStylesheets().setAll(
                BrowserUITest.class.getResource("/dev/snapferry/ui/common/base.css").toExternalForm(),
                BrowserUITest.class.getResource("/dev/snapferry/ui/common/light.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        viewModel.catalog().refresh();
    }

    @AfterEach
    void clearFaults() {
        simulator.faults().set(FaultSettings.none());
    }

    @Test
    void rowsOfEveryEngineRegionAndAccountAppear(FxRobot robot) throws Exception {
        awaitLoaded();
        TableView<SnapshotRow> table = robot.lookup("#table").queryTableView();
        List<Snapshot> rows = table.getItems().stream().map(SnapshotRow::snapshot).toList();
        assertThat(rows).extracting(s -> s.engine().family()).contains(EngineFamily.values());
        assertThat(rows).extracting(s -> s.region().code()).containsAll(DemoDataset.REGIONS);
        assertThat(rows).extracting(Snapshot::accountId).contains(DemoAccounts.PRODUCTION,
                DemoAccounts.DISASTER_RECOVERY);
        assertThat(robot.lookup("#counts").queryAs(Label.class).getText())
                .isEqualTo(rows.size() + " of " + rows.size() + " snapshots shown");
        Screenshots.save(scene, "browser-demo");
    }

    @Test
    void documentDbElasticStatusesReadLikeTheOtherEngines(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.interact(() -> {
            for (EngineFamily family : EngineFamily.values()) {
                viewModel.filter().engineProperty(family).set(family == EngineFamily.DOCUMENTDB_ELASTIC);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        TableView<SnapshotRow> table = robot.lookup("#table").queryTableView();
        assertThat(table.getItems()).isNotEmpty().allMatch(r -> r.snapshot().engine().family()
                == EngineFamily.DOCUMENTDB_ELASTIC);
        // AWS writes ACTIVE for an available Elastic snapshot; the table says "available" as for every engine.
        assertThat(table.getItems()).anyMatch(r -> r.snapshot().status().raw().equals("ACTIVE"));
        List<String> shown = robot.lookup(".table-cell").queryAllAs(javafx.scene.control.Labeled.class).stream()
                .filter(c -> "statusColumn".equals(((javafx.scene.control.TableCell<?, ?>) c).getTableColumn()
                        .getId())).map(javafx.scene.control.Labeled::getText)
                .filter(t -> t != null && !t.isBlank()).toList();
        assertThat(shown).isNotEmpty().contains("available").doesNotContain("ACTIVE");
    }

    @Test
    void typingInTheSearchFieldNarrowsTheTable(FxRobot robot) throws Exception {
        awaitLoaded();
        TableView<SnapshotRow> table = robot.lookup("#table").queryTableView();
        int all = table.getItems().size();
        robot.clickOn("#search").write("fraud-graph");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).isNotEmpty().hasSizeLessThan(all)
                .allMatch(r -> r.snapshot().clusterIdentifier().contains("fraud-graph"));
        robot.interact(() -> robot.lookup("#search").queryAs(TextField.class).clear());
        robot.clickOn("#engineNeptune");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).noneMatch(r -> r.snapshot().engine().family() == EngineFamily.NEPTUNE);
    }

    @Test
    void aRegionFailureShowsInTheStatusBarWhileTheOtherRowsStay(FxRobot robot) throws Exception {
        awaitLoaded();
        int before = robot.lookup("#table").queryTableView().getItems().size();
        simulator.faults().set(new FaultSettings(0, 0, 0, 0, List.of(),
                Map.of(DemoAccounts.PRODUCTION, List.of("us-west-2")), Map.of()));
        robot.clickOn("#refresh");
        awaitLoaded();
        assertThat(robot.lookup(".region-failed").queryAs(Label.class).getText())
                .isEqualTo("111122223333 us-west-2: failed");
        assertThat(robot.lookup(".region-failed").queryAs(Label.class).getTooltip().getText())
                .contains("InvalidClientTokenId");
        assertThat(robot.lookup("#table").queryTableView().getItems()).hasSize(before);
        Screenshots.save(scene, "browser-region-failed");

        simulator.faults().set(FaultSettings.none());
        robot.clickOn(robot.lookup(".region-retry").queryAs(Button.class));
        awaitLoaded();
        assertThat(robot.lookup(".region-failed").tryQuery()).isEmpty();
    }

    @Test
    void uncheckingARegionInTheMenuDropsItsRows(FxRobot robot) throws Exception {
        awaitLoaded();
        assertThat(robot.lookup("#regionsMenu").queryAs(javafx.scene.control.MenuButton.class).getText())
                .isEqualTo("6 regions");
        robot.clickOn("#regionsMenu");
        robot.clickOn(robot.lookup(".context-menu .label").match(
                org.testfx.matcher.control.LabeledMatchers.hasText("ap-northeast-1")).queryAs(javafx.scene.Node.class));
        if (robot.lookup(".context-menu").tryQuery().map(javafx.scene.Node::isVisible).orElse(false)) {
            robot.type(KeyCode.ESCAPE);
        }
        awaitLoaded();
        assertThat(robot.lookup("#table").queryTableView().getItems()).isNotEmpty()
                .noneMatch(r -> ((SnapshotRow) r).snapshot().region().code().equals("ap-northeast-1"));
        assertThat(robot.lookup("#regionsMenu").queryAs(javafx.scene.control.MenuButton.class).getText())
                .isEqualTo("5 regions");
    }

    @Test
    void theDetailsPaneShowsTheSelectedSnapshot(FxRobot robot) throws Exception {
        awaitLoaded();
        TableView<SnapshotRow> table = robot.lookup("#table").queryTableView();
        robot.clickOn("#search").write("orders-aurora-dr-copy-3");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".table-cell").match(
                org.testfx.matcher.control.LabeledMatchers.hasText("orders-aurora-dr-copy-3"))
                .queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        Snapshot selected = table.getSelectionModel().getSelectedItem().snapshot();
        assertThat(robot.lookup("#details-identifier").queryAs(TextField.class).getText())
                .isEqualTo(selected.identifier()).isEqualTo("orders-aurora-dr-copy-3");
        assertThat(robot.lookup("#details-arn").queryAs(TextField.class).getText()).isEqualTo(selected.arn());
        assertThat(robot.lookup("#detailsCli").queryAs(javafx.scene.control.TextArea.class).getText())
                .startsWith("aws rds describe-db-cluster-snapshots --db-cluster-snapshot-identifier "
                        + "orders-aurora-dr-copy-3");
        assertThat(robot.lookup("Queued by AWS").tryQuery()).isPresent();
        Screenshots.save(scene, "browser-details");

        // Enter takes the keyboard from the table into the details, to its first button.
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getFocusOwner()).isInstanceOf(javafx.scene.control.Button.class);
        assertThat(((javafx.scene.control.Button) scene.getFocusOwner()).getText()).isEqualTo("Copy ARN");
    }

    @Test
    void exportWritesTheFilteredRows(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.clickOn("#search").write("catalog");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        int shown = robot.lookup("#table").queryTableView().getItems().size();
        Path file = folder.resolve("catalog.json");
        dialogs.answerSave(file);
        robot.clickOn("#exportMenu").clickOn("Export shown rows as JSON\u2026");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file));
        assertThat(new ObjectMapper().readTree(Files.readString(file)).size()).isEqualTo(shown).isPositive();
    }

    @Test
    void rowsSelectedTogetherStaySelectedWhenTheirRegionIsListedAgain(FxRobot robot) throws Exception {
        awaitLoaded();
        TableView<SnapshotRow> table = robot.lookup("#table").queryTableView();
        robot.clickOn("#search").write("catalog-jp");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems().size()).isGreaterThanOrEqualTo(3);
        // Click the first, shift-click the third: three rows of ap-northeast-1.
        robot.clickOn(row(robot, table, 0));
        robot.press(KeyCode.SHIFT).clickOn(row(robot, table, 2)).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> chosen = table.getSelectionModel().getSelectedItems().stream()
                .map(r -> r.snapshot().arn()).sorted().toList();
        assertThat(chosen).hasSize(3);
        SnapshotRow first = table.getSelectionModel().getSelectedItems().getFirst();

        robot.interact(() -> viewModel.catalog().listAgain(first.snapshot().accountId(), first.snapshot().region()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> first.isRetired()
                && viewModel.catalog().regionStatuses().stream().noneMatch(s -> s.state() == RegionStatus.State.LOADING));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSelectionModel().getSelectedItems()).noneMatch(SnapshotRow::isRetired)
                .extracting(r -> r.snapshot().arn()).containsExactlyInAnyOrderElementsOf(chosen);

        // A row the user deselects is not brought back by the next listing.
        SnapshotRow dropped = table.getSelectionModel().getSelectedItems().getFirst();
        robot.press(KeyCode.CONTROL).clickOn(robot.from(table).lookup(".table-row-cell")
                .match((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableRow<?> r
                        && r.getItem() == dropped).queryAs(javafx.scene.Node.class)).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSelectionModel().getSelectedItems()).hasSize(2);
        SnapshotRow second = table.getSelectionModel().getSelectedItems().getFirst();
        robot.interact(() -> viewModel.catalog().listAgain(second.snapshot().accountId(), second.snapshot().region()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> second.isRetired()
                && viewModel.catalog().regionStatuses().stream().noneMatch(s -> s.state() == RegionStatus.State.LOADING));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSelectionModel().getSelectedItems()).hasSize(2).noneMatch(SnapshotRow::isRetired);
    }

    @Test
    void aCopysProgressFromItsJobShowsAsABarInItsRow(FxRobot robot) throws Exception {
        awaitLoaded();
        TableView<SnapshotRow> table = robot.lookup("#table").queryTableView();
        robot.clickOn("#search").write("orders-aurora-dr-copy-1");
        WaitForAsyncUtils.waitForFxEvents();
        Snapshot copy = table.getItems().getFirst().snapshot();
        // What the copy jobs' poll hands the browser: the copy at 73 %, without listing the region again.
        robot.interact(() -> viewModel.catalog().showProgress(java.util.Map.of(copy.arn(),
                dev.snapferry.core.model.SnapshotStatus.fromRds("copying", 73))));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ProgressBar bar = robot.from(row(robot, table, 0)).lookup(".progress-bar")
                .queryAs(javafx.scene.control.ProgressBar.class);
        assertThat(bar.getProgress()).isEqualTo(0.73);
        assertThat(robot.from(row(robot, table, 0)).lookup("copying 73%").tryQuery()).isPresent();
    }

    /** The table's row showing item {@code index}. */
    private static javafx.scene.Node row(FxRobot robot, TableView<SnapshotRow> table, int index) {
        return robot.from(table).lookup(".table-row-cell").match((javafx.scene.Node n) ->
                n instanceof javafx.scene.control.TableRow<?> r && r.getIndex() == index && !r.isEmpty())
                .queryAs(javafx.scene.Node.class);
    }

    private void awaitLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !viewModel.catalog().loadingProperty().get()
                && viewModel.catalog().regionStatuses().stream().noneMatch(s -> s.state() == RegionStatus.State.LOADING)
                && !viewModel.catalog().regionStatuses().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static AccountSession open(String key, String secret) {
        return AccountSession.open("demo", true, new RegionRef("us-east-1"), new AwsClients(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)), simulator.endpoint(),
                http, 3));
    }
}
