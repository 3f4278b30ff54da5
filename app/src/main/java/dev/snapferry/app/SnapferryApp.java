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
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.rules.CapabilityMatrixException;
import dev.snapferry.core.storage.JsonStore;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.ui.browser.BrowserView;
import dev.snapferry.ui.browser.BrowserViewModel;
import dev.snapferry.ui.browser.LiveSnapshotActions;
import dev.snapferry.ui.browser.LiveSnapshotSource;
import dev.snapferry.ui.common.DialogService;
import dev.snapferry.ui.common.ExecutorTaskRunner;
import dev.snapferry.ui.common.FxDialogService;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.TaskRunner;
import dev.snapferry.ui.common.ThemeManager;
import dev.snapferry.ui.common.WorkerExecutor;
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
    private @Nullable String accountProblem;
    private @Nullable Simulator demoSimulator;
    private @Nullable SdkHttpClient http;
    private @Nullable ExecutorService workers;
    private final List<AccountSession> sessions = new ArrayList<>();
    private final List<RegionRef> regions = new ArrayList<>();
    private @Nullable JsonStore<Preferences> preferencesStore;
    private JsonStore.Loaded<Preferences> preferences = new JsonStore.Loaded.Missing<>(Preferences.defaults());
    private @Nullable Runnable savePreferences;
    private javafx.animation.@Nullable PauseTransition settle;

    @Override
    public void init() {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
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
        Path home = Path.of(System.getProperty("user.home"));
        boolean demo = options.demo() || options.profile() == null
                && !CredentialSources.anyConfigured(System.getenv(), home);
        if (!demo) {
            demo = !openProfile(options.profile(), home, text);
        }
        if (demo) {
            openDemo(text);
        }
    }

    /** Opens the chosen (or default) profile; false when there is none to open, so the demo opens instead. */
    private boolean openProfile(@Nullable String name, Path home, Messages text) {
        AwsProfiles profiles = AwsProfiles.load(System.getenv(), home);
        AwsProfile profile = (name == null ? profiles.defaultProfile() : profiles.find(name)).orElse(null);
        if (profile == null) {
            accountProblem = name == null ? text.get("startup.profile.noDefault")
                    : text.get("startup.profile.missing", name);
            return false;
        }
        URI endpoint = profile.endpointUrl();
        RegionRef homeRegion = new RegionRef(profile.region().filter(RegionRef::isValidCode).orElse("us-east-1"));
        try {
            var credentials = new CredentialProviders(profiles, new FxMfaPrompt(text), Objects.requireNonNull(http),
                    Clock.systemUTC()).forProfile(profile.name(), endpoint);
            sessions.add(AccountSession.open(profile.name(), false, homeRegion,
                    new AwsClients(credentials, endpoint, http, 5)));
            regions.add(homeRegion);
            return true;
        } catch (CredentialsUnavailableException | AwsCallException e) {
            LOG.warn("Profile {} could not be opened: {}", profile.name(), e.getMessage());
            accountProblem = text.get("startup.profile.failed", profile.name(), String.valueOf(e.getMessage()));
            return false;
        }
    }

    private void openDemo(Messages text) {
        try {
            demoSimulator = Simulator.start(Simulator.Options.demo());
            LOG.info("Demo account: embedded AWS simulator at {}", demoSimulator.endpoint());
            for (String[] keys : new String[][] {
                {DemoAccounts.PRODUCTION_ACCESS_KEY, DemoAccounts.PRODUCTION_SECRET_KEY, "demo-production"},
                {DemoAccounts.DR_ACCESS_KEY, DemoAccounts.DR_SECRET_KEY, "demo-disaster-recovery"}}) {
                sessions.add(AccountSession.open(keys[2], true, new RegionRef("us-east-1"), new AwsClients(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(keys[0], keys[1])),
                        demoSimulator.endpoint(), Objects.requireNonNull(http), 5)));
            }
            regions.clear();
            DemoDataset.REGIONS.forEach(r -> regions.add(new RegionRef(r)));
        } catch (IOException | AwsCallException e) {
            LOG.error("The embedded AWS simulator could not start", e);
            startupFailure = text.get("startup.failed.simulator", String.valueOf(e.getMessage()));
        }
    }

    @Override
    public void start(Stage stage) {
        Messages text = Objects.requireNonNull(messages, "init() did not run");
        DialogService dialogs = new FxDialogService(() -> stage.isShowing() ? stage : null, text);
        if (startupFailure != null || matrix == null || workers == null) {
            dialogs.showError(text.get("startup.failed.title"), String.valueOf(startupFailure));
            Platform.exit();
            return;
        }
        TaskRunner tasks = new ExecutorTaskRunner(workers, Platform::runLater);
        ThemeManager themes = new ThemeManager();
        MainViewModel mainViewModel = new MainViewModel(matrix, text, dialogs, Version.current());
        themes.choiceProperty().bind(mainViewModel.themeProperty());
        if (demoSimulator != null) {
            mainViewModel.showDemo(demoSimulator.endpoint().toString());
        }
        BrowserViewModel browser = new BrowserViewModel(new LiveSnapshotSource(sessions,
                new SnapshotLister(new KmsDirectory(), 16)), new LiveSnapshotActions(sessions, new SnapshotWriter()),
                Platform::runLater, tasks, dialogs, text,
                demoSimulator == null ? null : demoSimulator.endpoint().toString());
        browser.availableRegions().setAll(AwsRegions.ofPartition(regions.isEmpty() ? "aws"
                : regions.getFirst().partition()));
        browser.regions().setAll(regions);
        BrowserView browserView = new BrowserView(browser, text, Clock.systemDefaultZone());
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

        Scene scene = new Scene(mainView.root());
        themes.register(scene);
        stage.titleProperty().bind(mainViewModel.titleProperty());
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        // A stage that showed another scene before keeps its old size unless asked: size it to the window's own.
        stage.sizeToScene();
        stage.show();
        LOG.info("Main window shown");
        // Notices open once start-up is over, with the listing already running, never blocking it.
        if (accountProblem != null) {
            String problem = accountProblem;
            Platform.runLater(() -> dialogs.showInformation(text.get("startup.profile.title"), problem));
        }
        if (preferences instanceof JsonStore.Loaded.SetAside<Preferences> aside) {
            Platform.runLater(() -> dialogs.showInformation(text.get("preferences.setAside.title"),
                    text.get("preferences.setAside", aside.movedTo().toString(), aside.reason())));
        }
        browser.refresh();
    }

    /** Writes the preferences; a failure is logged and leaves the previous file as it was. */
    private void save(Preferences next) {
        if (preferencesStore == null) {
            return;
        }
        try {
            preferencesStore.save(next);
        } catch (IOException e) {
            LOG.warn("Preferences could not be saved to {}: {}", preferencesStore.file(), e.getMessage());
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
        sessions.forEach(AccountSession::close);
        if (workers != null) {
            WorkerExecutor.shutdown(workers, 2_000);
        }
        if (http != null) {
            http.close();
        }
        if (demoSimulator != null) {
            demoSimulator.close();
        }
        LOG.info("Snapferry stopped");
    }
}
