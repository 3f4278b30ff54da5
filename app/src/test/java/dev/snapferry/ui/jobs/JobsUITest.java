package dev.snapferry.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.jobs.CopyJobService;
import dev.snapferry.core.jobs.JobHistory;
import dev.snapferry.core.jobs.LiveCopyBackend;
import dev.snapferry.core.model.CopyJob;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.JobState;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import dev.snapferry.ui.common.ExecutorTaskRunner;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.RecordingDialogService;
import dev.snapferry.ui.common.Scheduler;
import dev.snapferry.ui.common.ThemeManager;
import dev.snapferry.ui.copy.CopyWizardViewModel;
import dev.snapferry.ui.copy.CopyWizardWindow;
import dev.snapferry.ui.copy.JobsCopyGateway;
import dev.snapferry.ui.copy.LiveCopyGateway;
import dev.snapferry.ui.testing.Screenshots;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * A copy started from the wizard becomes a job: its progress bar in the jobs panel moves as the (hand-driven)
 * polls see it advance, until it is done; another job is cancelled from its row after a confirmation.
 */
@ExtendWith(ApplicationExtension.class)
class JobsUITest {

    private static final RegionRef EAST = new RegionRef("us-east-1");

    @TempDir
    Path folder;

    private final Messages messages = Messages.load(Locale.ROOT);
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<CopyJob> ended = new CopyOnWriteArrayList<>();
    private SimClock.Manual simClock;
    private Simulator simulator;
    private SdkHttpClient http;
    private OpenSessions sessions;
    private ExecutorService workers;
    private CopyJobService service;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        simClock = SimClock.manual(Instant.now());
        simulator = Simulator.start(new Simulator.Options(0, simClock, FaultSettings.none(), new DemoDataset()));
        http = ApacheHttpClient.create();
        sessions = new OpenSessions();
        sessions.add("prod", List.of(AccountSession.open("prod", true, EAST, new AwsClients(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(DemoAccounts.PRODUCTION_ACCESS_KEY,
                        DemoAccounts.PRODUCTION_SECRET_KEY)), simulator.endpoint(), http, 3))));
        workers = Executors.newFixedThreadPool(4);
        service = new CopyJobService(new LiveCopyBackend(sessions, new SnapshotWriter()), CapabilityMatrix.loadDefault(),
                new JobHistory(folder.resolve("jobs.json"), Clock.systemUTC()), workers, Clock.systemUTC());
        JobsViewModel viewModel = new JobsViewModel(service, Platform::runLater,
                new ExecutorTaskRunner(workers, Platform::runLater), dialogs, messages, Clock.systemUTC(),
                job -> {
                    // As the app does: a desktop notice for every copy that ends.
                    ended.add(job);
                    JobNotices.show(stage, messages.get("jobs.notify.title"), JobsViewModel.describeEnd(messages,
                            job));
                });
        Scene scene = new Scene(new JobsView(viewModel, messages).root(), 1300, 400);
        new ThemeManager().register(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        workers.shutdownNow();
        sessions.close();
        http.close();
        simulator.close();
    }

    @Test
    void aCopyFromTheWizardMovesToDoneAndAnotherIsCancelled(FxRobot robot) throws Exception {
        List<Snapshot> sources = new SnapshotLister(new KmsDirectory(), 2).list(sessions.all(), List.of(EAST),
                SnapshotLister.Options.DEFAULT, r -> { }).join().stream()
                .flatMap(r -> ((RegionResult.Loaded) r).snapshots().stream())
                .filter(s -> !s.isForeign() && s.status().state() == SnapshotState.AVAILABLE
                        && s.engine().family() == EngineFamily.AURORA).toList();
        Snapshot source = sources.getFirst();
        CopyWizardViewModel[] wizard = new CopyWizardViewModel[1];
        Stage[] window = new Stage[1];
        WaitForAsyncUtils.asyncFx(() -> {
            wizard[0] = new CopyWizardViewModel(List.of(source), CapabilityMatrix.loadDefault(),
                    new JobsCopyGateway(new LiveCopyGateway(sessions, () -> List.of(EAST), new SnapshotWriter(),
                            new KmsDirectory()), service), new ExecutorTaskRunner(workers, Platform::runLater),
                    Scheduler.fx(), messages, Clock.systemUTC(), simulator.endpoint().toString());
            window[0] = CopyWizardWindow.show(stage, wizard[0], messages, () -> { });
        }).get();
        dev.snapferry.ui.testing.Shown.enabled(robot, "#wizardNext", 10);
        for (String button : List.of("#wizardNext", "#wizardNext", "#wizardNext", "#wizardFinish")) {
            robot.clickOn(dev.snapferry.ui.testing.Shown.node(robot, button, 10));
        }
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> wizard[0].doneProperty().get());

        TableView<?> table = robot.lookup("#jobsTable").queryTableView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        simClock.advance(Duration.ofSeconds(40));
        service.pollOnce();
        WaitForAsyncUtils.waitForFxEvents();
        ProgressBar bar = robot.lookup(".progress-bar").match(NodeQueryUtils.isVisible()).queryAs(ProgressBar.class);
        assertThat(bar.getProgress()).isBetween(0.01, 0.99);
        Screenshots.save(stage.getScene(), "jobs-panel-copying");

        // A second, long copy is cancelled from its row.
        Snapshot plain = sources.stream().filter(s -> !s.storageEncrypted()).findFirst().orElse(sources.get(1));
        CopyJob other = service.job(service.submit(List.of(new CopyRequest(plain, sessions.all().getFirst()
                .account(), EAST, "to-be-cancelled", null, false, List.of()))).getFirst()).orElseThrow();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        dialogs.answerConfirm(true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> service.job(other.id()).orElseThrow().state()
                != JobState.SUBMITTING);
        WaitForAsyncUtils.waitForFxEvents();
        // The row's Cancel button, found by the name screen readers hear.
        robot.clickOn(robot.lookup(".job-cancel").match(NodeQueryUtils.isVisible())
                .match((javafx.scene.Node n) -> "Cancel to-be-cancelled".equals(n.getAccessibleText())).queryButton());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> service.job(other.id()).orElseThrow().state()
                == JobState.CANCELLING);
        assertThat(dialogs.shown()).filteredOn(d -> d.kind().equals("confirm")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("to-be-cancelled"));

        simClock.advance(Duration.ofHours(3));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            service.pollOnce();
            return service.jobs().stream().allMatch(j -> j.state().isFinal());
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> ended.size() == 2);
        assertThat(service.job(other.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThat(service.jobs()).filteredOn(j -> j.state() == JobState.AVAILABLE).singleElement()
                .satisfies(j -> assertThat(j.request().source()).isEqualTo(source));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "jobs-panel-done");
        assertThat(robot.lookup("Done").tryQuery()).isPresent();
        assertThat(robot.lookup("Cancelled").tryQuery()).isPresent();

        // Each end was announced in a notification popup at the window's corner, in the jobs panel's words.
        for (CopyJob job : ended) {
            String notice = JobsViewModel.describeEnd(messages, job);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> noticeShown(notice));
        }
    }

    /** True when a popup window of the app shows {@code text}. */
    private static boolean noticeShown(String text) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.PopupWindow && w.isShowing() && w.getScene() != null)
                .flatMap(w -> w.getScene().getRoot().lookupAll(".label").stream())
                .anyMatch(n -> n instanceof javafx.scene.control.Labeled l && text.equals(l.getText()))).get();
    }
}
