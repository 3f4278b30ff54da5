package dev.snapferry.app;

import dev.snapferry.core.aws.AwsRegions;
import dev.snapferry.core.jobs.JobHistory;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.storage.AtomicFiles;
import dev.snapferry.core.storage.JsonStore;
import dev.snapferry.ui.audit.AuditView;
import dev.snapferry.ui.audit.AuditViewModel;
import dev.snapferry.ui.browser.BrowserView;
import dev.snapferry.ui.browser.BrowserViewModel;
import dev.snapferry.ui.catalog.SnapshotCatalog;
import dev.snapferry.ui.catalog.SnapshotCommands;
import dev.snapferry.ui.common.AppIcons;
import dev.snapferry.ui.common.DialogService;
import dev.snapferry.ui.common.ExecutorTaskRunner;
import dev.snapferry.ui.common.FxDialogService;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.OncePerPulse;
import dev.snapferry.ui.common.Scheduler;
import dev.snapferry.ui.common.TaskRunner;
import dev.snapferry.ui.common.ThemeManager;
import dev.snapferry.ui.copy.CopyWizardViewModel;
import dev.snapferry.ui.copy.CopyWizardWindow;
import dev.snapferry.ui.copy.JobsCopyGateway;
import dev.snapferry.ui.copy.LiveCopyGateway;
import dev.snapferry.ui.jobs.JobNotices;
import dev.snapferry.ui.jobs.JobsView;
import dev.snapferry.ui.jobs.JobsViewModel;
import dev.snapferry.ui.main.MainView;
import dev.snapferry.ui.main.MainViewModel;
import dev.snapferry.ui.share.FxShareDialogs;
import dev.snapferry.ui.tags.FxTagDialogService;
import dev.snapferry.ui.tags.TagDialogService;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application and the composition root: {@link #init()} builds every service once, off the FX thread
 * ({@link AppStartup}, which also opens the accounts), and {@link #start(Stage)} builds the screens from those
 * {@link AppServices} by constructor. Nothing is looked up statically.
 */
public final class SnapferryApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(SnapferryApp.class);

    /** What {@link #init()} built; read by {@link #start} and {@link #stop}. */
    private volatile AppStartup.@Nullable Outcome startup;
    /** The open window's settings, saved once more at exit; null until the window is built. */
    private volatile @Nullable WindowSettings window;

    /** The window's settings: how to save them now, and the pause after the last change that saves them too. */
    private record WindowSettings(Runnable saveNow, PauseTransition settle) {
    }

    /**
     * Start-up begun by {@link #startEarly} before the toolkit: the services, the accounts and the demo's simulator
     * are prepared while the toolkit starts, instead of after it.
     */
    private static volatile java.util.concurrent.@Nullable CompletableFuture<AppStartup.Outcome> early;

    /** Begins start-up on a thread of its own; {@link #init()} then waits for it instead of running it. */
    static void startEarly(LaunchOptions options) {
        java.util.concurrent.CompletableFuture<AppStartup.Outcome> outcome =
                new java.util.concurrent.CompletableFuture<>();
        Thread.ofPlatform().name("snapferry-startup").daemon().start(() -> {
            try {
                outcome.complete(AppStartup.run(options));
            } catch (RuntimeException | Error e) {
                outcome.completeExceptionally(e);
            }
        });
        early = outcome;
    }

    @Override
    public void init() {
        FxMfaPrompt.toolkitStarted();
        java.util.concurrent.CompletableFuture<AppStartup.Outcome> begun = early;
        startup = begun != null ? begun.join() : AppStartup.run(LaunchOptions.parse(getParameters().getRaw()));
    }

    @Override
    public void start(Stage stage) {
        switch (startup) {
            case AppStartup.Outcome.Ready ready -> show(stage, ready.services());
            case AppStartup.Outcome.Failed failed -> {
                new FxDialogService(() -> null, failed.messages()).showError(
                        failed.messages().get("startup.failed.title"), failed.reason());
                Platform.exit();
            }
            case null -> throw new IllegalStateException("init() did not run");
        }
    }

    private void show(Stage stage, AppServices services) {
        Messages text = services.messages();
        CapabilityMatrix rules = services.matrix();
        TagDialogService dialogs = new FxTagDialogService(() -> stage.isShowing() ? stage : null, text);
        TaskRunner tasks = new ExecutorTaskRunner(services.workers(), Platform::runLater);
        ThemeManager themes = new ThemeManager();
        MainViewModel mainViewModel = new MainViewModel(rules, text, dialogs, Version.current());
        themes.choiceProperty().bind(mainViewModel.themeProperty());
        LiveSnapshotActions actions = new LiveSnapshotActions(services.sessions(), services.writer());
        SnapshotCatalog snapshots = new SnapshotCatalog(services.snapshots(), services.accounts(),
                Platform::runLater, tasks, dialogs, text);
        BrowserViewModel browser = new BrowserViewModel(snapshots, new SnapshotCommands(actions, snapshots, tasks,
                text), engine -> rules.forEngine(engine).tags(), dialogs,
                new FxShareDialogs(() -> stage.isShowing() ? stage : null, text), tasks, text);
        Runnable banner = () -> services.accounts().demoEndpoint().ifPresentOrElse(mainViewModel::showDemo,
                mainViewModel::hideDemo);
        snapshots.accounts().open().addListener((ListChangeListener<String>) c -> {
            banner.run();
            // An account opened now may hold copies a crash left unresolved: poll at once, not at the next tick.
            services.polling().wake();
        });
        banner.run();
        snapshots.availableRegions().setAll(AwsRegions.ofPartition(services.regions().isEmpty() ? "aws"
                : services.regions().getFirst().partition()));
        snapshots.regions().setAll(services.regions());
        BrowserView browserView = new BrowserView(browser, text, Clock.systemDefaultZone());
        browserView.onCopy(sources -> openWizard(stage, services, snapshots, sources, tasks, null, null));
        PreferencesBinding.apply(services.preferences().value(), mainViewModel, browser, browserView);
        WindowPlacement placement = WindowPlacement.apply(stage, services.preferences().value().window());
        // Saved a second after the last change too, not only at exit: a crash loses no setting.
        PauseTransition settle = new PauseTransition(Duration.seconds(1));
        settle.setOnFinished(e -> {
            Preferences now = PreferencesBinding.capture(mainViewModel, browser, browserView)
                    .withWindow(placement.current());
            tasks.run("save preferences", () -> {
                save(services, mainViewModel, now);
                return null;
            }, done -> { }, error -> LOG.warn("Preferences not saved", error));
        });
        window = new WindowSettings(() -> save(services, mainViewModel,
                PreferencesBinding.capture(mainViewModel, browser, browserView).withWindow(placement.current())),
                settle);
        placement.onChange(settle::playFromStart);
        PreferencesBinding.observe(mainViewModel, browser, settle::playFromStart);
        browserView.onColumnLayoutChange(settle::playFromStart);
        // Quitting closes the window like its close button does; the last window closing ends the app.
        MainView mainView = new MainView(mainViewModel, text, browserView.root(), stage::close);
        addJobsTab(stage, services, snapshots, mainView, tasks, dialogs);
        AuditViewModel audit = new AuditViewModel(snapshots.rows(), browser.filter().tagPolicyProperty(), actions,
                engine -> rules.forEngine(engine).tags(), Platform::runLater, tasks, Scheduler.fx(), dialogs, text,
                Clock.systemUTC(), (label, ids) -> {
                    browser.filter().showOnly(label, ids);
                    mainView.showSnapshots();
                }, s -> snapshots.listAgain(s.accountId(), s.region()));
        snapshots.onSharingChanged(audit::sharingChanged);
        CoverageTab.add(services, snapshots, browser, mainView, tasks, dialogs,
                (sources, region, account) -> openWizard(stage, services, snapshots, sources, tasks, region, account));
        mainView.addTab("auditTab", Bindings.createStringBinding(() -> audit.findings().isEmpty()
                        ? text.get("audit.tab") : text.get("audit.tab.count", audit.findings().size()),
                audit.findings()), new AuditView(audit, text).root());

        Scene scene = new Scene(mainView.root());
        themes.register(scene);
        stage.titleProperty().bind(mainViewModel.titleProperty());
        stage.setScene(scene);
        AppIcons.apply(stage);
        stage.show();
        LOG.info("Main window shown");
        if (services.smoke()) {
            SmokeCheck.exitOnceRowsAreDrawn(browser, stage);
        }
        // Notices open once start-up is over, with the listing already running, never blocking it.
        AppServices.Notice notice = services.accountNotice();
        if (notice != null) {
            Platform.runLater(() -> dialogs.showInformation(notice.title(), notice.text()));
        }
        if (services.preferences() instanceof JsonStore.Loaded.SetAside<Preferences> aside) {
            Platform.runLater(() -> dialogs.showInformation(text.get("preferences.setAside.title"),
                    text.get("preferences.setAside", aside.movedTo().toString(), aside.reason())));
        }
        snapshots.refresh();
    }

    /** The copy wizard on {@code sources}; the copies it starts are told in the status bar and listed again. */
    private static void openWizard(Stage stage, AppServices services, SnapshotCatalog snapshots,
                                   List<Snapshot> sources, TaskRunner tasks,
                                   dev.snapferry.core.model.@Nullable RegionRef region, @Nullable String account) {
        Messages text = services.messages();
        CopyWizardViewModel wizard = new CopyWizardViewModel(sources, services.matrix(), new JobsCopyGateway(
                new LiveCopyGateway(services.sessions(), () -> List.copyOf(snapshots.availableRegions()),
                        services.writer(), services.kms()), services.jobs()), tasks, Scheduler.fx(), text,
                Clock.systemUTC(), services.accounts().demoEndpoint().orElse(null));
        wizard.useQuotas((destination, where) -> dev.snapferry.core.aws.ClusterSurvey.quota(services.sessions()
                .forAccount(destination.accountId()).orElseThrow(), where));
        // From the Coverage tab: the DR policy's destination, when it names one the wizard can offer.
        services.sessions().all().stream().filter(s -> s.accountId().equals(account)).findFirst()
                .ifPresent(s -> wizard.destinationStep().accountProperty().set(s.account()));
        if (region != null) {
            wizard.destinationStep().regionProperty().set(region);
        }
        CopyWizardWindow.show(stage, wizard, text, () -> {
            List<CopyRequest> started = wizard.submitted();
            if (!started.isEmpty()) {
                snapshots.tell(text.get("copy.done", started.size()));
                started.stream().map(r -> Map.entry(r.destinationAccount().accountId(), r.destinationRegion()))
                        .distinct().forEach(e -> snapshots.listAgain(e.getKey(), e.getValue()));
            }
        });
    }

    /** The Copy jobs tab: notifications as copies end, the table's progress bars, the history read back. */
    private static void addJobsTab(Stage stage, AppServices services, SnapshotCatalog snapshots, MainView mainView,
                                   TaskRunner tasks, DialogService dialogs) {
        Messages text = services.messages();
        // The jobs' updates reach the panel (and the table's progress bars) at most once a frame.
        JobsViewModel jobs = new JobsViewModel(services.jobs(), new OncePerPulse(), tasks, dialogs, text,
                Clock.systemUTC(), job -> {
                    JobNotices.show(stage, text.get("jobs.notify.title"), JobsViewModel.describeEnd(text, job));
                    snapshots.listAgain(job.request().destinationAccount().accountId(),
                            job.request().destinationRegion());
                    if (job.plan() != null) {
                        // A plan also changed the owner's side: its share, its intermediate copy.
                        job.plan().stages().stream().map(st -> Map.entry(st.account().accountId(), st.region()))
                                .distinct().forEach(e -> snapshots.listAgain(e.getKey(), e.getValue()));
                    }
                });
        // The table's inline progress bars follow the jobs' polls, as the jobs panel merges them.
        jobs.onJobsApplied(snapshots::showJobs);
        mainView.addTab("jobsTab", Bindings.createStringBinding(() -> jobs.inFlightProperty().get() == 0
                ? text.get("jobs.tab") : text.get("jobs.tab.count", jobs.inFlightProperty().get()),
                jobs.inFlightProperty()), new JobsView(jobs, text).root());
        tasks.run("read the copy job history", services.jobs()::recover, loaded -> {
            if (loaded instanceof JsonStore.Loaded.SetAside<JobHistory.Content> aside) {
                dialogs.showInformation(text.get("jobs.historySetAside.title"), text.get("jobs.historySetAside",
                        aside.movedTo().toString(), aside.reason()));
            }
        }, error -> LOG.warn("The copy job history could not be read", error));
    }

    /** Writes the preferences; a failure is logged, told in the window, and leaves the previous file as it was. */
    private static void save(AppServices services, MainViewModel main, Preferences next) {
        JsonStore<Preferences> store = services.preferencesStore();
        try {
            store.save(next);
            Platform.runLater(main::settingsSaved);
        } catch (IOException e) {
            LOG.warn("Preferences could not be saved to {}: {}", store.file(), e.toString());
            String file = store.file().toString();
            String reason = AtomicFiles.describe(e);
            Platform.runLater(() -> main.settingsNotSaved(file, reason));
        }
    }

    @Override
    public void stop() {
        WindowSettings settings = window;
        if (settings != null) {
            settings.settle().stop();
            settings.saveNow().run();
        }
        if (startup instanceof AppStartup.Outcome.Ready ready) {
            ready.services().close();
        }
        LOG.info("Snapferry stopped");
    }
}
