package dev.snapferry.app;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsCallException;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.AwsProfile;
import dev.snapferry.core.aws.AwsProfiles;
import dev.snapferry.core.aws.AwsRegions;
import dev.snapferry.core.aws.CredentialProviders;
import dev.snapferry.core.aws.CredentialSources;
import dev.snapferry.core.aws.CredentialsUnavailableException;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.jobs.CopyJobService;
import dev.snapferry.core.jobs.JobHistory;
import dev.snapferry.core.jobs.JobPolling;
import dev.snapferry.core.jobs.LiveCopyBackend;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.rules.CapabilityMatrixException;
import dev.snapferry.core.storage.JsonStore;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.ui.catalog.AccountCatalog;
import dev.snapferry.ui.browser.BrowserView;
import dev.snapferry.ui.browser.BrowserViewModel;
import dev.snapferry.ui.catalog.SnapshotCatalog;
import dev.snapferry.ui.catalog.SnapshotCommands;
import dev.snapferry.ui.common.DialogService;
import dev.snapferry.ui.common.ExecutorTaskRunner;
import dev.snapferry.ui.common.FxDialogService;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.TaskRunner;
import dev.snapferry.ui.common.ThemeManager;
import dev.snapferry.ui.common.WorkerExecutor;
import dev.snapferry.ui.jobs.JobsView;
import dev.snapferry.ui.jobs.JobsViewModel;
import dev.snapferry.ui.main.MainView;
import dev.snapferry.ui.main.MainViewModel;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The JavaFX application and the composition root: {@link #init()} builds every service once, off the FX thread
 * (including opening the accounts, which asks AWS who the user is), and {@link #start(Stage)} hands them to the
 * screens by constructor. Nothing is looked up statically.
 */
public final class SnapferryApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(SnapferryApp.class);
    private static final int WORKERS = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);

    private @Nullable Messages messages;
    private @Nullable CapabilityMatrix matrix;
    private @Nullable String startupFailure;
    /** The title of the notice about accounts that could not be opened at start, when there is one. */
    private @Nullable String accountProblem;
    private String accountProblems = "";
    private @Nullable AccountOpener accounts;
    private @Nullable ExecutorService jobExecutor;
    private @Nullable CopyJobService jobs;
    private @Nullable JobPolling polling;
    private @Nullable SdkHttpClient http;
    private @Nullable ExecutorService workers;
    private final OpenSessions sessions = new OpenSessions();
    private final List<RegionRef> regions = new ArrayList<>();
    private @Nullable JsonStore<Preferences> preferencesStore;
    /** Told when the settings cannot be saved, and when they can again. */
    private @Nullable MainViewModel mainViewModel;
    private JsonStore.Loaded<Preferences> preferences = new JsonStore.Loaded.Missing<>(Preferences.defaults());
    private @Nullable Runnable savePreferences;
    private javafx.animation.@Nullable PauseTransition settle;
    private boolean smoke;

    @Override
    public void init() {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        smoke = options.smoke();
        AppDirectories dirs = AppDirectories.forCurrentUser();
        try {
            dirs.create();
        } catch (IOException e) {
            LOG.warn("Could not create the Snapferry folders under {}", dirs.config(), e);
        }
        LOG.info("Snapferry {} starting (demo={}, profile={}), Java {}, JavaFX {}", Version.current(),
                options.demo(), options.profile(), System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version"));
        Messages text = Messages.load(Locale.getDefault());
        messages = text;
        preferencesStore = new JsonStore<>(dirs.config().resolve("preferences.json"), Preferences.class, 1,
                Preferences::defaults, Clock.systemUTC());
        preferences = preferencesStore.load();
        if (preferences instanceof JsonStore.Loaded.SetAside<Preferences> aside) {
            LOG.warn("Preferences were unreadable ({}); moved to {}", aside.reason(), aside.movedTo());
        }
        try {
            matrix = CapabilityMatrix.loadDefault();
        } catch (CapabilityMatrixException e) {
            LOG.error("Start-up stopped: {}", e.getMessage(), e);
            startupFailure = text.get("startup.failed.matrix", e.getMessage());
            return;
        }
        http = ApacheHttpClient.builder().maxConnections(128).build();
        workers = WorkerExecutor.create("snapferry-worker", WORKERS);
        jobExecutor = java.util.concurrent.Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("snapferry-job-", 0).factory());
        jobs = new CopyJobService(new LiveCopyBackend(sessions, new SnapshotWriter()), matrix,
                new JobHistory(dirs.data().resolve("jobs.json"), Clock.systemUTC()), jobExecutor, Clock.systemUTC());
        polling = new JobPolling(jobs, java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("snapferry-job-polling").factory()));
        jobs.addListener(update -> polling.wake());
        Path home = AppDirectories.userHome();
        AccountOpener opener = new AccountOpener(sessions, http, new FxMfaPrompt(text), text, System::getenv, home,
                Simulator.Options::demo);
        accounts = opener;
        List<String> problems = new ArrayList<>();
        for (String choice : startupChoices(options, opener, home, text, problems)) {
            try {
                opener.open(choice);
            } catch (AccountCatalog.AccountOpenException e) {
                problems.add(e.getMessage());
            }
        }
        if (sessions.choices().isEmpty()) {
            try {
                opener.open(AccountCatalog.DEMO);
            } catch (AccountCatalog.AccountOpenException e) {
                startupFailure = e.getMessage();
                return;
            }
            if (!problems.isEmpty()) {
                accountProblem = text.get("startup.profile.title");
            }
        } else if (!problems.isEmpty()) {
            accountProblem = text.get("startup.accounts.title");
        }
        accountProblems = String.join("\n\n", problems);
        for (AccountSession session : sessions.all()) {
            RegionRef region = session.homeRegion();
            if (session.account().demo()) {
                DemoDataset.REGIONS.forEach(r -> addRegion(new RegionRef(r)));
            } else {
                addRegion(region);
            }
        }
    }

    private void addRegion(RegionRef region) {
        if (!regions.contains(region)) {
            regions.add(region);
        }
    }

    /**
     * What opens at start: the demo when asked for or when no credentials exist; the profile named on the command
     * line; else the accounts open at the last exit; else the default profile.
     */
    private List<String> startupChoices(LaunchOptions options, AccountOpener opener, Path home, Messages text,
                                        List<String> problems) {
        if (options.demo()) {
            return List.of(AccountCatalog.DEMO);
        }
        if (options.profile() != null) {
            return List.of(options.profile());
        }
        if (!preferences.value().accounts().isEmpty()) {
            return preferences.value().accounts();
        }
        if (!CredentialSources.anyConfigured(System.getenv(), home)) {
            return List.of(AccountCatalog.DEMO);
        }
        Optional<String> profile = opener.defaultProfile();
        if (profile.isEmpty()) {
            problems.add(text.get("startup.profile.noDefault"));
            return List.of();
        }
        return List.of(profile.get());
    }

    @Override
    public void start(Stage stage) {
        Messages text = Objects.requireNonNull(messages, "init() did not run");
        DialogService dialogs = new FxDialogService(() -> stage.isShowing() ? stage : null, text);
        if (startupFailure != null || matrix == null || workers == null || accounts == null || jobs == null) {
            dialogs.showError(text.get("startup.failed.title"), String.valueOf(startupFailure));
            Platform.exit();
            return;
        }
        TaskRunner tasks = new ExecutorTaskRunner(workers, Platform::runLater);
        ThemeManager themes = new ThemeManager();
        MainViewModel mainViewModel = new MainViewModel(matrix, text, dialogs, Version.current());
        this.mainViewModel = mainViewModel;
        themes.choiceProperty().bind(mainViewModel.themeProperty());
        AccountCatalog catalog = Objects.requireNonNull(accounts);
        CopyJobService copyJobs = jobs;
        CapabilityMatrix rules = matrix;
        KmsDirectory kms = new KmsDirectory();
        LiveSnapshotActions actions = new LiveSnapshotActions(sessions, new SnapshotWriter());
        SnapshotCatalog snapshots = new SnapshotCatalog(new LiveSnapshotSource(sessions, new SnapshotLister(kms, 16)),
                catalog, Platform::runLater, tasks, dialogs, text);
        BrowserViewModel browser = new BrowserViewModel(snapshots, new SnapshotCommands(actions, snapshots, tasks,
                text), engine -> rules.forEngine(engine).tags(), dialogs, text);
        Runnable banner = () -> catalog.demoEndpoint().ifPresentOrElse(mainViewModel::showDemo,
                mainViewModel::hideDemo);
        browser.catalog().accounts().open().addListener((javafx.collections.ListChangeListener<String>) c -> banner.run());
        // An account opened now may hold copies a crash left unresolved: poll at once rather than at the next tick.
        JobPolling jobPolling = polling;
        browser.catalog().accounts().open().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (jobPolling != null) {
                jobPolling.wake();
            }
        });
        banner.run();
        browser.catalog().availableRegions().setAll(AwsRegions.ofPartition(regions.isEmpty() ? "aws"
                : regions.getFirst().partition()));
        browser.catalog().regions().setAll(regions);
        BrowserView browserView = new BrowserView(browser, text, Clock.systemDefaultZone());
        browserView.onCopy(sources -> {
            var wizard = new dev.snapferry.ui.copy.CopyWizardViewModel(sources, rules,
                    new dev.snapferry.ui.copy.JobsCopyGateway(new dev.snapferry.ui.copy.LiveCopyGateway(sessions,
                            () -> List.copyOf(browser.catalog().availableRegions()), new SnapshotWriter(), new KmsDirectory()),
                            copyJobs), tasks,
                    dev.snapferry.ui.common.Scheduler.fx(), text, Clock.systemUTC(),
                    catalog.demoEndpoint().orElse(null));
            dev.snapferry.ui.copy.CopyWizardWindow.show(stage, wizard, text, () -> {
                var started = wizard.submitted();
                if (!started.isEmpty()) {
                    browser.catalog().tell(text.get("copy.done", started.size()));
                    started.stream().map(r -> java.util.Map.entry(r.destinationAccount().accountId(),
                            r.destinationRegion())).distinct().forEach(e -> browser.catalog().listAgain(e.getKey(),
                            e.getValue()));
                }
            });
        });
        PreferencesBinding.apply(preferences.value(), mainViewModel, browser, browserView);
        savePreferences = () -> save(PreferencesBinding.capture(mainViewModel, browser, browserView));
        // Saved a second after the last change too, not only at exit: a crash loses no setting.
        javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
        this.settle = settle;
        settle.setOnFinished(e -> {
            Preferences snapshot = PreferencesBinding.capture(mainViewModel, browser, browserView);
            tasks.run("save preferences", () -> {
                save(snapshot);
                return null;
            }, done -> { }, error -> LOG.warn("Preferences not saved", error));
        });
        Runnable changed = settle::playFromStart;
        PreferencesBinding.observe(mainViewModel, browser, changed);
        browserView.onColumnLayoutChange(changed);
        // Quitting closes the window like its close button does; the last window closing ends the app.
        MainView mainView = new MainView(mainViewModel, text, browserView.root(), stage::close);
        JobsViewModel jobsViewModel = new JobsViewModel(copyJobs, Platform::runLater, tasks, dialogs, text,
                Clock.systemUTC(), job -> {
                    dev.snapferry.ui.jobs.JobNotices.show(stage, text.get("jobs.notify.title"),
                            JobsViewModel.describeEnd(text, job));
                    browser.catalog().listAgain(job.request().destinationAccount().accountId(),
                            job.request().destinationRegion());
                });
        // The table's inline progress bars follow the jobs' polls, as the jobs panel merges them.
        jobsViewModel.onJobsApplied(snapshots::showJobs);
        mainView.addTab("jobsTab", javafx.beans.binding.Bindings.createStringBinding(() ->
                jobsViewModel.inFlightProperty().get() == 0 ? text.get("jobs.tab")
                        : text.get("jobs.tab.count", jobsViewModel.inFlightProperty().get()),
                jobsViewModel.inFlightProperty()), new JobsView(jobsViewModel, text).root());
        dev.snapferry.ui.audit.AuditViewModel audit = new dev.snapferry.ui.audit.AuditViewModel(browser.catalog().rows(),
                browser.filter().tagPolicyProperty(), new LiveSnapshotActions(sessions, new SnapshotWriter()),
                engine -> rules.forEngine(engine).tags(), Platform::runLater, tasks,
                dev.snapferry.ui.common.Scheduler.fx(), dialogs, text, Clock.systemUTC(), (label, ids) -> {
                    browser.filter().showOnly(label, ids);
                    mainView.showSnapshots();
                }, s -> browser.catalog().listAgain(s.accountId(), s.region()));
        mainView.addTab("auditTab", javafx.beans.binding.Bindings.createStringBinding(() ->
                audit.findings().isEmpty() ? text.get("audit.tab")
                        : text.get("audit.tab.count", audit.findings().size()), audit.findings()),
                new dev.snapferry.ui.audit.AuditView(audit, text).root());
        tasks.run("read the copy job history", copyJobs::recover, loaded -> {
            if (loaded instanceof JsonStore.Loaded.SetAside<JobHistory.Content> aside) {
                dialogs.showInformation(text.get("jobs.historySetAside.title"), text.get("jobs.historySetAside",
                        aside.movedTo().toString(), aside.reason()));
            }
        }, error -> LOG.warn("The copy job history could not be read", error));

        Scene scene = new Scene(mainView.root());
        themes.register(scene);
        stage.titleProperty().bind(mainViewModel.titleProperty());
        stage.setScene(scene);
        dev.snapferry.ui.common.AppIcons.apply(stage);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        // A stage that showed another scene before keeps its old size unless asked: size it to the window's own.
        stage.sizeToScene();
        stage.show();
        LOG.info("Main window shown");
        if (smoke) {
            SmokeCheck.exitOnceRowsAreDrawn(browser, stage);
        }
        // Notices open once start-up is over, with the listing already running, never blocking it.
        if (accountProblem != null) {
            String title = accountProblem;
            String problem = accountProblems;
            Platform.runLater(() -> dialogs.showInformation(title, problem));
        }
        if (preferences instanceof JsonStore.Loaded.SetAside<Preferences> aside) {
            Platform.runLater(() -> dialogs.showInformation(text.get("preferences.setAside.title"),
                    text.get("preferences.setAside", aside.movedTo().toString(), aside.reason())));
        }
        browser.catalog().refresh();
    }

    /** Writes the preferences; a failure is logged and leaves the previous file as it was. */
    private void save(Preferences next) {
        if (preferencesStore == null) {
            return;
        }
        MainViewModel main = mainViewModel;
        try {
            preferencesStore.save(next);
            if (main != null) {
                Platform.runLater(main::settingsSaved);
            }
        } catch (IOException e) {
            LOG.warn("Preferences could not be saved to {}: {}", preferencesStore.file(), e.toString());
            if (main != null) {
                String file = preferencesStore.file().toString();
                String reason = dev.snapferry.core.storage.AtomicFiles.describe(e);
                Platform.runLater(() -> main.settingsNotSaved(file, reason));
            }
        }
    }

    @Override
    public void stop() {
        if (settle != null) {
            settle.stop();
        }
        if (savePreferences != null) {
            savePreferences.run();
        }
        if (polling != null) {
            polling.close();
        }
        if (jobExecutor != null) {
            jobExecutor.shutdownNow();
        }
        if (accounts != null) {
            accounts.close();
        }
        if (workers != null) {
            WorkerExecutor.shutdown(workers, 2_000);
        }
        if (http != null) {
            http.close();
        }
        LOG.info("Snapferry stopped");
    }
}
