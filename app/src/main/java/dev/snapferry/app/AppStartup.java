package dev.snapferry.app;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.CredentialSources;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.jobs.CopyJobService;
import dev.snapferry.core.jobs.JobHistory;
import dev.snapferry.core.jobs.JobPolling;
import dev.snapferry.core.jobs.LiveCopyBackend;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.rules.CapabilityMatrixException;
import dev.snapferry.core.storage.JsonStore;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.ui.catalog.AccountCatalog;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.WorkerExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * Builds the {@link AppServices} off the FX thread, including opening the accounts (which asks AWS who the user
 * is): the matrix, the settings, the HTTP client and workers, the copy jobs and their polling, then the accounts
 * the user had open, the one named on the command line, or the demo.
 */
final class AppStartup {

    private static final Logger LOG = LoggerFactory.getLogger(AppStartup.class);
    private static final int WORKERS = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);

    /** How start-up ended: everything built, or the reason the window cannot open. */
    sealed interface Outcome {
        record Ready(AppServices services) implements Outcome {
        }

        record Failed(Messages messages, String reason) implements Outcome {
        }
    }

    private AppStartup() {
    }

    static Outcome run(LaunchOptions options) {
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
        JsonStore<Preferences> preferencesStore = new JsonStore<>(dirs.config().resolve("preferences.json"),
                Preferences.class, 1, Preferences::defaults, Clock.systemUTC());
        JsonStore.Loaded<Preferences> preferences = preferencesStore.load();
        if (preferences instanceof JsonStore.Loaded.SetAside<Preferences> aside) {
            LOG.warn("Preferences were unreadable ({}); moved to {}", aside.reason(), aside.movedTo());
        }
        CapabilityMatrix matrix;
        try {
            matrix = CapabilityMatrix.loadDefault();
        } catch (CapabilityMatrixException e) {
            LOG.error("Start-up stopped: {}", e.getMessage(), e);
            return new Outcome.Failed(text, text.get("startup.failed.matrix", String.valueOf(e.getMessage())));
        }
        OpenSessions sessions = new OpenSessions();
        SnapshotWriter writer = new SnapshotWriter();
        SdkHttpClient http = ApacheHttpClient.builder().maxConnections(AwsClients.MAX_CONNECTIONS).build();
        ExecutorService workers = WorkerExecutor.create("snapferry-worker", WORKERS);
        ExecutorService jobExecutor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("snapferry-job-", 0).factory());
        CopyJobService jobs = new CopyJobService(new LiveCopyBackend(sessions, writer), matrix,
                new JobHistory(dirs.data().resolve("jobs.json"), Clock.systemUTC()), jobExecutor, Clock.systemUTC());
        JobPolling polling = new JobPolling(jobs, Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("snapferry-job-polling").factory()));
        jobs.addListener(update -> polling.wake());
        Path home = AppDirectories.userHome();
        AccountOpener opener = new AccountOpener(sessions, http, new FxMfaPrompt(text), text, System::getenv, home,
                Simulator.Options::demo);
        KmsDirectory kms = new KmsDirectory();
        LiveSnapshotSource snapshots = new LiveSnapshotSource(sessions, new SnapshotLister(kms,
                SnapshotLister.CONCURRENT_REGIONS));
        AppServices services = new AppServices(text, matrix, preferencesStore, preferences, sessions, opener, http,
                workers, jobExecutor, jobs, polling, kms, writer, snapshots, List.of(), null, options.smoke());
        List<String> problems = new ArrayList<>();
        for (String choice : choices(options, preferences.value(), opener, home, text, problems)) {
            try {
                opener.open(choice);
            } catch (AccountCatalog.AccountOpenException e) {
                problems.add(e.getMessage());
            }
        }
        AppServices.Notice notice = null;
        if (sessions.choices().isEmpty()) {
            try {
                opener.open(AccountCatalog.DEMO);
            } catch (AccountCatalog.AccountOpenException e) {
                services.close();
                return new Outcome.Failed(text, String.valueOf(e.getMessage()));
            }
            if (!problems.isEmpty()) {
                notice = new AppServices.Notice(text.get("startup.profile.title"), String.join("\n\n", problems));
            }
        } else if (!problems.isEmpty()) {
            notice = new AppServices.Notice(text.get("startup.accounts.title"), String.join("\n\n", problems));
        }
        List<RegionRef> regions = startRegions(sessions);
        // The first listing starts now, while the toolkit and the window are still being built: its rows are
        // waiting when the table is.
        snapshots.startEarly(regions, preferences.value().includePublic());
        return new Outcome.Ready(new AppServices(text, matrix, preferencesStore, preferences, sessions, opener, http,
                workers, jobExecutor, jobs, polling, kms, writer, snapshots, regions, notice, options.smoke()));
    }

    /** The demo's regions when the demo is open, and each real account's home region. */
    private static List<RegionRef> startRegions(OpenSessions sessions) {
        List<RegionRef> regions = new ArrayList<>();
        for (AccountSession session : sessions.all()) {
            List<RegionRef> wanted = session.account().demo()
                    ? DemoDataset.REGIONS.stream().map(RegionRef::new).toList() : List.of(session.homeRegion());
            wanted.stream().filter(r -> !regions.contains(r)).forEach(regions::add);
        }
        return regions;
    }

    /**
     * What opens at start: the demo when asked for or when no credentials exist; the profile named on the command
     * line; else the accounts open at the last exit; else the default profile.
     */
    private static List<String> choices(LaunchOptions options, Preferences preferences, AccountOpener opener,
                                        Path home, Messages text, List<String> problems) {
        if (options.demo()) {
            return List.of(AccountCatalog.DEMO);
        }
        if (options.profile() != null) {
            return List.of(options.profile());
        }
        if (!preferences.accounts().isEmpty()) {
            return preferences.accounts();
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
}
