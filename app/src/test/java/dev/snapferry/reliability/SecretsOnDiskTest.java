package dev.snapferry.reliability;

import dev.snapferry.ui.browser.TestBrowsers;
import dev.snapferry.core.rules.CapabilityMatrix;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.snapferry.app.Preferences;
import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.AwsProfiles;
import dev.snapferry.core.aws.CredentialProviders;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.export.AuditExport;
import dev.snapferry.core.export.SnapshotExport;
import dev.snapferry.core.jobs.CopyJobService;
import dev.snapferry.core.jobs.JobHistory;
import dev.snapferry.core.jobs.LiveCopyBackend;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.storage.JsonStore;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.Identities;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import dev.snapferry.ui.audit.AuditViewModel;
import dev.snapferry.ui.catalog.AccountCatalog;
import dev.snapferry.ui.browser.BrowserViewModel;
import dev.snapferry.app.LiveSnapshotActions;
import dev.snapferry.app.LiveSnapshotSource;
import dev.snapferry.ui.catalog.RegionStatus;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.RecordingDialogService;
import dev.snapferry.ui.common.SameThreadTaskRunner;
import dev.snapferry.ui.testing.UiQueue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * A full working session on the simulator, with every kind of credential (access keys, a role assumed with MFA, IAM
 * Identity Center): list, audit, export every format, copy with the job history, save the settings, meet a
 * refusal. Then everything the app wrote (files and log lines) is scanned for every access key id, secret,
 * session token and SSO token: none may appear. Every file the app wrote is readable by the user only.
 */
class SecretsOnDiskTest {

    private static final RegionRef EAST = new RegionRef("us-east-1");

    @TempDir
    Path home;

    private final UiQueue uiQueue = new UiQueue();

    @Test
    void nothingTheAppWritesHoldsACredentialAndEveryFileIsTheUsersAlone() throws Exception {
        // The app's own log file: what this scenario adds to it is scanned, from here on.
        Path logFile = Path.of(System.getProperty("snapferry.log.dir", "target/test-logs"), "snapferry.log");
        LoggerFactory.getLogger(SecretsOnDiskTest.class).info("Secrets scan starts");
        long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        List<String> secrets = new ArrayList<>(List.of(DemoAccounts.PRODUCTION_ACCESS_KEY,
                DemoAccounts.PRODUCTION_SECRET_KEY, "sso-token-on-disk-scan", "AKIAREFUSEDREFUSED00",
                "refused-secret-on-disk"));
        Path written = Files.createDirectories(home.resolve("written"));
        Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rwx------"));
        List<String> messages = new ArrayList<>();
        try (Simulator simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.now()),
                FaultSettings.none(), new DemoDataset()));
             SdkHttpClient http = ApacheHttpClient.create();
             OpenSessions sessions = new OpenSessions()) {
            simulator.context().identities().addSsoToken("sso-token-on-disk-scan", Set.of(DemoAccounts.PRODUCTION),
                    Instant.now().plusSeconds(3_600));
            dev.snapferry.core.aws.ProfileFiles.writeEveryKind(home, "sso-token-on-disk-scan", "refused",
                    "AKIAREFUSEDREFUSED00", "refused-secret-on-disk");
            CredentialProviders providers = new CredentialProviders(AwsProfiles.load(Map.of(), home),
                    (p, s) -> Optional.of(Identities.MFA_CODE), http, Clock.systemUTC());
            List<AccountSession> open = new ArrayList<>();
            for (String profile : List.of("prod", "dr-admin", "sso")) {
                var provider = providers.forProfile(profile, simulator.endpoint());
                var credentials = provider.resolveCredentials();
                secrets.add(credentials.accessKeyId());
                secrets.add(credentials.secretAccessKey());
                if (credentials instanceof AwsSessionCredentials session) {
                    secrets.add(session.sessionToken());
                }
                AccountSession session = AccountSession.open(profile, false, EAST, new AwsClients(provider,
                        simulator.endpoint(), http, 2));
                open.add(session);
                if (!profile.equals("sso")) {
                    sessions.add(profile, List.of(session));
                }
            }
            // A profile whose keys AWS does not know: its refusal is a message the user reads.
            try {
                AccountSession.open("refused", false, EAST, new AwsClients(providers.forProfile("refused",
                        simulator.endpoint()), simulator.endpoint(), http, 1));
            } catch (RuntimeException e) {
                messages.add(String.valueOf(e.getMessage()));
            }

            // List, audit and export every format, as the user would.
            RecordingDialogService dialogs = new RecordingDialogService();
            var tagSpecs = (java.util.function.Function<dev.snapferry.core.model.Engine,
                    dev.snapferry.core.rules.TagSpec>) e -> dev.snapferry.core.rules.CapabilityMatrix.loadDefault()
                    .forEngine(e).tags();
            Messages text = Messages.load(Locale.ROOT);
            LiveSnapshotActions actions = new LiveSnapshotActions(open, new SnapshotWriter());
            BrowserViewModel browser = TestBrowsers.browser(new LiveSnapshotSource(open, new SnapshotLister(
                    new KmsDirectory(), 8)), actions, AccountCatalog.fixed(Set.of("prod", "dr-admin", "sso"),
                    simulator.endpoint().toString()), tagSpecs, uiQueue, new SameThreadTaskRunner(), dialogs,
                    text);
            browser.catalog().regions().setAll(List.of(EAST, new RegionRef("eu-west-1")));
            AuditViewModel audit = new AuditViewModel(browser.catalog().rows(), browser.filter().tagPolicyProperty(), actions,
                    tagSpecs, uiQueue, new SameThreadTaskRunner(), (millis, action) -> {
                        uiQueue.execute(action);
                        return () -> uiQueue.remove(action);
                    }, dialogs, text, Clock.systemUTC(), (label, ids) -> { }, s -> { });
            browser.catalog().refresh();
            uiQueue.until(() -> !browser.catalog().loadingProperty().get() && !browser.catalog().regionStatuses().isEmpty()
                    && browser.catalog().regionStatuses().stream().noneMatch(s -> s.state() == RegionStatus.State.LOADING)
                    && !audit.busyProperty().get() && audit.auditProperty().get().total() > 0);
            browser.catalog().regionStatuses().forEach(s -> messages.add(String.valueOf(s.problem())));
            for (SnapshotExport.Format format : SnapshotExport.Format.values()) {
                dialogs.answerSave(written.resolve("snapshots." + format.name().toLowerCase(Locale.ROOT)));
                browser.export(format);
            }
            for (AuditExport.Format format : AuditExport.Format.values()) {
                dialogs.answerSave(written.resolve("audit." + format.name().toLowerCase(Locale.ROOT)));
                audit.export(format);
            }
            uiQueue.until(() -> Stream.of("snapshots.csv", "snapshots.json", "audit.csv", "audit.json", "audit.html")
                    .allMatch(n -> Files.exists(written.resolve(n))));

            // Copy with the job history, and save the settings.
            CopyJobService jobs = new CopyJobService(new LiveCopyBackend(sessions, new SnapshotWriter()), CapabilityMatrix.loadDefault(),
                    new JobHistory(written.resolve("jobs.json"), Clock.systemUTC()), Runnable::run,
                    Clock.systemUTC());
            jobs.addListener(update -> messages.add(String.valueOf(update.problem())));
            var source = browser.catalog().rows().stream().map(r -> r.snapshot()).filter(s -> !s.isForeign()
                    && s.accountId().equals(DemoAccounts.PRODUCTION) && s.region().equals(EAST)
                    && s.status().state() == SnapshotState.AVAILABLE).findFirst().orElseThrow();
            jobs.submit(List.of(new CopyRequest(source, sessions.forAccount(DemoAccounts.PRODUCTION).orElseThrow()
                    .account(), EAST, "scan-copy", null, true, List.of())));
            jobs.pollOnce();
            jobs.jobs().forEach(j -> messages.add(j.toString()));
            new JsonStore<>(written.resolve("preferences.json"), Preferences.class, 1, Preferences::defaults,
                    Clock.systemUTC()).save(Preferences.defaults());
            open.forEach(AccountSession::close);
        } finally {
            root.detachAppender(captured);
        }

        List<String> logged = captured.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(written)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("snapshots.csv", "snapshots.json",
                "audit.csv", "audit.json", "audit.html", "jobs.json", "preferences.json");
        String log = new String(Files.readAllBytes(logFile), StandardCharsets.ISO_8859_1).substring((int) logStart);
        assertThat(secrets).hasSizeGreaterThan(8).doesNotContainNull();
        for (String secret : secrets) {
            for (Path file : files) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.getFileName().toString())
                        .doesNotContain(secret);
            }
            assertThat(log).as("the log file").doesNotContain(secret);
            assertThat(logged).as("log lines").noneMatch(line -> line.contains(secret));
            assertThat(messages).as("messages for the user").noneMatch(line -> line.contains(secret));
        }
        for (Path file : files) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .as(file.getFileName().toString()).isEqualTo("rw-------");
        }
    }
}
