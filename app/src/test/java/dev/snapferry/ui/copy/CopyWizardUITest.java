package dev.snapferry.ui.copy;

import dev.snapferry.ui.testing.HeldTasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.model.Tag;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import dev.snapferry.ui.common.ExecutorTaskRunner;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.Scheduler;
import dev.snapferry.ui.common.TaskRunner;
import dev.snapferry.ui.common.ThemeManager;
import dev.snapferry.ui.testing.Screenshots;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/** The copy wizard driven with the keyboard and mouse, headless, against the demo simulator. */
@ExtendWith(ApplicationExtension.class)
class CopyWizardUITest {

    private static Simulator simulator;
    private static SdkHttpClient http;
    private static OpenSessions sessions;
    private static ExecutorService workers;
    private static List<Snapshot> all;

    private final Messages messages = Messages.load(Locale.ROOT);
    private Stage owner;
    private Stage wizardStage;
    private CopyWizardViewModel wizard;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.now()), FaultSettings.none(),
                new DemoDataset()));
        http = ApacheHttpClient.create();
        sessions = new OpenSessions();
        sessions.add("prod", List.of(AccountSession.open("prod", true, new RegionRef("us-east-1"), new AwsClients(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(DemoAccounts.PRODUCTION_ACCESS_KEY,
                        DemoAccounts.PRODUCTION_SECRET_KEY)), simulator.endpoint(), http, 3))));
        workers = Executors.newFixedThreadPool(4);
        all = new SnapshotLister(new KmsDirectory(), 8).list(sessions.all(), regions(),
                SnapshotLister.Options.COMPLETE, r -> { }).join().stream()
                .flatMap(r -> ((RegionResult.Loaded) r).snapshots().stream()).toList();
    }

    @AfterAll
    static void stopSimulator() {
        workers.shutdownNow();
        sessions.close();
        http.close();
        simulator.close();
    }

    @Start
    void start(Stage stage) {
        owner = stage;
        Scene scene = new Scene(new javafx.scene.layout.StackPane(), 300, 200);
        new ThemeManager().register(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (wizardStage != null) {
                wizardStage.close();
            }
        }).get();
    }

    @Test
    void aSameRegionCopyWithANewTag(FxRobot robot) throws Exception {
        Snapshot source = source(s -> s.engine().family() == EngineFamily.DOCUMENTDB && !s.isForeign()
                && s.status().state() == SnapshotState.AVAILABLE && s.type() == dev.snapferry.core.model
                .SnapshotType.MANUAL);
        open(source);
        awaitEnabled(robot, "#wizardNext");
        robot.doubleClickOn(dev.snapferry.ui.testing.Shown.node(robot, "#copyIdentifier", 10)).type(KeyCode.END);
        robot.push(KeyCode.SHORTCUT, KeyCode.A).write("2-catalog");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label(robot, "#identifierProblem")).isEqualTo("Start the identifier with a letter (a\u2013z).");
        assertThat(robot.lookup("#wizardNext").queryButton().isDisabled()).isTrue();
        Screenshots.save(wizardStage.getScene(), "copy-wizard-name-problem");
        robot.push(KeyCode.SHORTCUT, KeyCode.A).write("catalog-before-upgrade");
        awaitEnabled(robot, "#wizardNext");
        click(robot, "#wizardNext");
        assertThat(label(robot, "#copyKmsNeed")).isEqualTo("A key is optional");
        click(robot, "#wizardNext");
        click(robot, "#addTag");
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("Ticket").type(KeyCode.TAB).write("DBA-77");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label(robot, "#copyTagPreview")).startsWith("Ticket=DBA-77");
        Screenshots.save(wizardStage.getScene(), "copy-wizard-tags");
        click(robot, "#wizardNext");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(wizardStage.getScene(), "copy-wizard-review");
        click(robot, "#wizardFinish");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> wizard.doneProperty().get());
        Snapshot copy = inAws(source.region(), "catalog-before-upgrade");
        assertThat(copy.tags()).containsExactly(new Tag("Ticket", "DBA-77"));
        assertThat(copy.sourceSnapshotArn()).isEqualTo(source.arn());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !wizardStage.isShowing());
    }

    @Test
    void aCrossRegionEncryptedCopyNeedsADestinationKey(FxRobot robot) throws Exception {
        Snapshot source = source(s -> s.engine().family() == EngineFamily.AURORA && s.storageEncrypted()
                && !s.isForeign() && s.status().state() == SnapshotState.AVAILABLE
                && s.region().code().equals("us-east-1"));
        open(source);
        awaitEnabled(robot, "#wizardNext");
        ComboBox<?> region = robot.lookup("#copyRegion").queryComboBox();
        robot.clickOn(region);
        robot.clickOn(robot.lookup(".list-cell").match(NodeQueryUtils.hasText("us-west-2"))
                .queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !wizard.destinationStep().checkingNamesProperty().get()
                && !wizard.keyStep().loadingKeysProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        click(robot, "#wizardNext");
        assertThat(label(robot, "#copyKmsNeed")).isEqualTo("A key is required");
        assertThat(label(robot, "#kmsProblem")).startsWith("Choose a KMS key of us-west-2");
        assertThat(robot.lookup("#wizardNext").queryButton().isDisabled()).isTrue();
        Screenshots.save(wizardStage.getScene(), "copy-wizard-key-required");
        click(robot, "#copyKmsKey");
        KmsKey usable = wizard.keyStep().keys().stream().filter(k -> k.state().isUsable() && !k.awsManaged())
                .findFirst().orElseThrow();
        robot.clickOn(robot.lookup(".list-cell").match(NodeQueryUtils.hasText(usable.displayName()))
                .queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#kmsProblem").match(NodeQueryUtils.isVisible()).tryQuery()).isEmpty();
        click(robot, "#wizardNext");
        click(robot, "#wizardNext");
        click(robot, "#wizardFinish");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> wizard.doneProperty().get());
        String name = wizard.targets().getFirst().nameProperty().get();
        assertThat(inAws(new RegionRef("us-west-2"), name).kmsKeyId()).isIn(usable.arn(), usable.keyId());
    }

    @Test
    void aBatchOfFiveNamedByATemplate(FxRobot robot) throws Exception {
        List<Snapshot> five = all.stream().filter(s -> !s.isForeign() && s.status().state() == SnapshotState.AVAILABLE
                && s.region().code().equals("eu-central-1") && s.engine().family() != EngineFamily.DOCUMENTDB_ELASTIC)
                .limit(5).toList();
        assertThat(five).hasSize(5);
        open(five.toArray(Snapshot[]::new));
        awaitEnabled(robot, "#wizardNext");
        robot.doubleClickOn(dev.snapferry.ui.testing.Shown.node(robot, "#copyTemplate", 10));
        robot.push(KeyCode.SHORTCUT, KeyCode.A).write("nightly");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label(robot, "#templateProblem")).startsWith("Put {source} in the template");
        assertThat(robot.lookup("#wizardNext").queryButton().isDisabled()).isTrue();
        Screenshots.save(wizardStage.getScene(), "copy-wizard-batch-collision");
        robot.push(KeyCode.SHORTCUT, KeyCode.A).write("{source}-weekly-{date}");
        awaitEnabled(robot, "#wizardNext");
        Screenshots.save(wizardStage.getScene(), "copy-wizard-batch");
        click(robot, "#wizardNext");
        click(robot, "#wizardNext");
        click(robot, "#wizardNext");
        assertThat(robot.lookup("#wizardFinish").queryButton().getText()).isEqualTo("Copy 5 snapshots");
        click(robot, "#wizardFinish");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> wizard.doneProperty().get());
        for (CopyTarget target : wizard.targets()) {
            assertThat(target.nameProperty().get()).contains("-weekly-");
            assertThat(inAws(new RegionRef("eu-central-1"), target.nameProperty().get()).sourceSnapshotArn())
                    .isEqualTo(target.source().arn());
        }
    }

    @Test
    void cancellingTheWizardCancelsTheLookupsStillRunning(FxRobot robot) throws Exception {
        HeldTasks tasks = new HeldTasks();
        open(tasks, source(s -> s.engine().family() == EngineFamily.AURORA && !s.isForeign()
                && s.status().state() == SnapshotState.AVAILABLE));
        assertThat(WaitForAsyncUtils.asyncFx(tasks::waiting).get()).as("names and keys being looked up").hasSize(2);
        click(robot, "#wizardCancel");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !wizardStage.isShowing());
        assertThat(WaitForAsyncUtils.asyncFx(tasks::all).get()).allMatch(HeldTasks.Held::isCancelled);
    }

    private void open(Snapshot... sources) throws Exception {
        open(new ExecutorTaskRunner(workers, Platform::runLater), sources);
    }

    private void open(TaskRunner tasks, Snapshot... sources) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            wizard = new CopyWizardViewModel(List.of(sources), CapabilityMatrix.loadDefault(),
                    new LiveCopyGateway(sessions, CopyWizardUITest::regions, new SnapshotWriter(), new KmsDirectory()),
                    tasks, Scheduler.fx(), messages, Clock.systemUTC(), simulator.endpoint().toString());
            wizardStage = CopyWizardWindow.show(owner, wizard, messages, () -> { });
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void click(FxRobot robot, String query) throws Exception {
        robot.clickOn(dev.snapferry.ui.testing.Shown.node(robot, query, 10));
    }

    private static void awaitEnabled(FxRobot robot, String query) throws Exception {
        dev.snapferry.ui.testing.Shown.enabled(robot, query, 10);
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static List<RegionRef> regions() {
        return DemoDataset.REGIONS.stream().map(RegionRef::new).toList();
    }

    private static Snapshot source(Predicate<Snapshot> which) {
        return all.stream().filter(which).findFirst().orElseThrow();
    }

    private static Snapshot inAws(RegionRef region, String identifier) {
        return new SnapshotLister(new KmsDirectory(), 1).list(sessions.all(), List.of(region),
                        SnapshotLister.Options.COMPLETE, r -> { }).join().stream()
                .flatMap(r -> ((RegionResult.Loaded) r).snapshots().stream())
                .filter(s -> s.identifier().equals(identifier)).reduce((a, b) -> b).orElseThrow();
    }
}
