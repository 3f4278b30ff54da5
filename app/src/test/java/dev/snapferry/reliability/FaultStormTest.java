package dev.snapferry.reliability;

import dev.snapferry.ui.browser.TestBrowsers;
import dev.snapferry.core.rules.CapabilityMatrix;
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
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import dev.snapferry.ui.catalog.AccountCatalog;
import dev.snapferry.ui.browser.BrowserViewModel;
import dev.snapferry.app.LiveSnapshotActions;
import dev.snapferry.app.LiveSnapshotSource;
import dev.snapferry.ui.catalog.RegionStatus;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.RecordingDialogService;
import dev.snapferry.ui.common.SameThreadTaskRunner;
import dev.snapferry.ui.testing.UiQueue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * Each fault AWS can throw at a DBA's session, on the simulator, through the app's own services (the browser's
 * ViewModel and the copy jobs, with the real SDK): while the fault lasts the app keeps every row it had and says
 * where it failed and why; a batch of copies submitted in the middle of it is neither lost nor sent twice; when
 * the fault clears the app recovers by itself (the jobs on their next polls, the listing on the next refresh).
 */
class FaultStormTest {

    private static final RegionRef EAST = new RegionRef("us-east-1");
    private static final String PROD = DemoAccounts.PRODUCTION;
    private static final String DR = DemoAccounts.DISASTER_RECOVERY;
    private static final int COPIES = 8;

    /**
     * A fault, which regions it breaks (account/region keys; none: every region loads), and what the user reads
     * there (a part of Snapferry's own explanation of that failure, messages.properties).
     */
    enum Storm {
        THROTTLING_EVERYWHERE(new FaultSettings(0, 0.3, 1, 0, List.of(), Map.of(), Map.of()),
                key -> true, "AWS is throttling requests"),
        SERVER_ERRORS(new FaultSettings(0, 0, 0, 1.0, List.of(), Map.of(), Map.of()), key -> true,
                "AWS had an internal error"),
        TIMEOUTS(new FaultSettings(900, 0, 0, 0, List.of(), Map.of(), Map.of()), key -> true,
                "AWS could not be reached"),
        CONNECTION_RESETS(new FaultSettings(0, 0, 0, 0, List.of("us-east-1"), Map.of(), Map.of()),
                key -> key.endsWith("/us-east-1"), "AWS could not be reached"),
        REGION_NOT_ENABLED(new FaultSettings(0, 0, 0, 0, List.of(), Map.of(FaultSettings.ALL_ACCOUNTS,
                List.of("eu-west-1")), Map.of()), key -> key.endsWith("/eu-west-1"), "region is not enabled"),
        // The aliases were read before the denial and are kept: no region fails, nothing to explain.
        KMS_DENIED(new FaultSettings(0, 0, 0, 0, List.of(), Map.of(), Map.of(PROD, List.of("kms"))),
                key -> false, "");

        final FaultSettings faults;
        final Predicate<String> failing;
        final String explanation;

        Storm(FaultSettings faults, Predicate<String> failing, String explanation) {
            this.faults = faults;
            this.failing = failing;
            this.explanation = explanation;
        }
    }

    @TempDir
    Path folder;

    private final UiQueue uiQueue = new UiQueue();
    private SimClock.Manual simClock;
    private Simulator simulator;
    private SdkHttpClient http;
    private OpenSessions sessions;
    private BrowserViewModel browser;

    @BeforeEach
    void start() throws Exception {
        simClock = SimClock.manual(Instant.now());
        simulator = Simulator.start(new Simulator.Options(0, simClock, FaultSettings.none(), new DemoDataset()));
        // The app's client settings, with a socket timeout short enough for a test to see calls time out.
        http = ApacheHttpClient.builder().socketTimeout(Duration.ofMillis(500)).build();
        sessions = new OpenSessions();
        sessions.add("demo", List.of(open(DemoAccounts.PRODUCTION_ACCESS_KEY, DemoAccounts.PRODUCTION_SECRET_KEY,
                "demo")));
        sessions.add("demo-dr", List.of(open(DemoAccounts.DR_ACCESS_KEY, DemoAccounts.DR_SECRET_KEY, "demo-dr")));
        List<AccountSession> all = List.of(session(PROD), session(DR));
        var tagSpecs = (java.util.function.Function<dev.snapferry.core.model.Engine,
                dev.snapferry.core.rules.TagSpec>) e -> dev.snapferry.core.rules.CapabilityMatrix.loadDefault()
                .forEngine(e).tags();
        browser = TestBrowsers.browser(new LiveSnapshotSource(all, new SnapshotLister(new KmsDirectory(), 8)),
                new LiveSnapshotActions(all, new SnapshotWriter()), AccountCatalog.fixed(Set.of("demo", "demo-dr"),
                simulator.endpoint().toString()), tagSpecs, uiQueue, new SameThreadTaskRunner(),
                new RecordingDialogService(), Messages.load(Locale.ROOT));
        browser.catalog().regions().setAll(DemoDataset.REGIONS.stream().map(RegionRef::new).toList());
    }

    @AfterEach
    void stop() {
        sessions.close();
        http.close();
        simulator.close();
    }

    @ParameterizedTest
    @EnumSource(Storm.class)
    void theAppKeepsItsRowsSaysWhereItFailedLosesNoJobAndRecoversWhenTheFaultClears(Storm storm) throws Exception {
        refreshAndWait();
        int before = browser.catalog().rows().size();
        assertThat(browser.catalog().regionStatuses()).allMatch(s -> s.state() == RegionStatus.State.LOADED);
        assertThat(before).isPositive();
        int aliased = (int) browser.catalog().rows().stream().filter(r -> r.snapshot().kmsKeyAlias() != null).count();

        List<Snapshot> sources = sources();
        List<String> inFlightBefore = inAws().stream().filter(s -> s.status().state().isInProgress())
                .map(s -> s.identifier() + " " + s.status()).toList();
        simulator.faults().set(storm.faults);
        refreshAndWait();
        assertThat(browser.catalog().rows()).as("rows kept through %s: %s", storm, browser.catalog().regionStatuses())
                .hasSize(before);
        int failed = 0;
        for (RegionStatus status : browser.catalog().regionStatuses()) {
            if (storm.failing.test(status.key())) {
                // A throttled account and region may get its calls through between the refusals, and then loads
                // as it should; every other fault fails its regions.
                if (storm != Storm.THROTTLING_EVERYWHERE || status.state() != RegionStatus.State.LOADED) {
                    // Throttling can also stop one part (Elastic, KMS) while the RDS family got through.
                    assertThat(status.state()).as(status.key()).isIn(RegionStatus.State.FAILED,
                            storm == Storm.THROTTLING_EVERYWHERE ? RegionStatus.State.PARTIAL
                                    : RegionStatus.State.FAILED);
                    assertThat(storm.explanation).as("what %s must explain", storm).isNotBlank();
                    assertThat(status.problem()).as(status.key()).isNotNull().contains(storm.explanation);
                    failed++;
                }
            } else {
                assertThat(status.state()).as(status.key()).isEqualTo(RegionStatus.State.LOADED);
            }
        }
        long expectedToFail = browser.catalog().regionStatuses().stream().filter(s -> storm.failing.test(s.key()))
                .count();
        if (storm == Storm.THROTTLING_EVERYWHERE) {
            // At 0.3 calls a second, a listing's several calls per region cannot all get through everywhere.
            assertThat(failed).as("regions failed as throttled: %s", browser.catalog().regionStatuses())
                    .isPositive();
        } else {
            assertThat(failed).as("regions failed: %s", browser.catalog().regionStatuses())
                    .isEqualTo(expectedToFail);
        }
        if (storm == Storm.KMS_DENIED) {
            // The aliases read before the denial are still known: the rows keep their key names.
            assertThat(browser.catalog().rows()).filteredOn(r -> r.snapshot().kmsKeyAlias() != null)
                    .hasSize(aliased);
        }

        // A batch of copies submitted in the middle of it, polled while it lasts.
        Clock jobsClock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return simClock.now();
            }
        };
        CopyJobService jobs = new CopyJobService(new LiveCopyBackend(sessions, new SnapshotWriter()), CapabilityMatrix.loadDefault(),
                new JobHistory(folder.resolve("jobs.json"), jobsClock), Runnable::run, jobsClock);
        String prefix = "storm-" + storm.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-";
        List<CopyRequest> batch = new ArrayList<>();
        for (int i = 0; i < COPIES; i++) {
            batch.add(new CopyRequest(sources.get(i % sources.size()), session(PROD).account(), EAST, prefix + i,
                    null, false, List.of()));
        }
        assertThat(batch).extracting(r -> r.source().engine().family()).as("every engine family copied")
                .contains(EngineFamily.values());
        jobs.submit(batch);
        // One more DocumentDB Elastic copy, cancelled while the fault lasts: taken back once AWS answers again.
        Snapshot elastic = sources.stream().filter(s -> s.engine().family() == EngineFamily.DOCUMENTDB_ELASTIC)
                .findFirst().orElseThrow();
        String cancelledTarget = prefix + "cancelled";
        UUID cancelled = jobs.submit(List.of(new CopyRequest(elastic, session(PROD).account(), EAST,
                cancelledTarget, null, false, List.of()))).getFirst();
        for (int round = 0; round < 3; round++) {
            simClock.advance(Duration.ofSeconds(10));
            jobs.pollOnce();
        }
        assertThat(jobs.jobs()).as("no job lost or failed while %s (in flight before: %s)", storm, inFlightBefore)
                .hasSize(COPIES + 1)
                .noneMatch(j -> j.state() == JobState.FAILED);
        assertThat(jobs.cancel(cancelled)).as("the Elastic copy cancelled while %s: %s", storm, jobs.jobs())
                .isTrue();

        // The fault clears: the jobs finish on their own polls, the listing on the next refresh.
        simulator.faults().set(FaultSettings.none());
        for (int round = 0; round < 40 && jobs.anyInFlight(); round++) {
            simClock.advance(Duration.ofMinutes(10));
            jobs.pollOnce();
        }
        assertThat(jobs.jobs()).filteredOn(j -> !j.id().equals(cancelled)).extracting(CopyJob::state)
                .as("every copy done once the fault cleared: %s", jobs.jobs())
                .containsOnly(JobState.AVAILABLE).hasSize(COPIES);
        assertThat(jobs.jobs()).filteredOn(j -> j.id().equals(cancelled)).extracting(CopyJob::state)
                .as("the cancelled Elastic copy").containsExactly(JobState.CANCELLED);
        List<String> targets = batch.stream().map(CopyRequest::targetIdentifier).toList();
        List<String> inAws = inAws().stream().map(Snapshot::identifier).filter(id -> id.startsWith(prefix))
                .toList();
        assertThat(inAws).as("one target per copy, none sent twice, none left by the cancelled one")
                .containsExactlyInAnyOrderElementsOf(targets);

        refreshAndWait();
        assertThat(browser.catalog().regionStatuses())
                .allMatch(s -> s.state() == RegionStatus.State.LOADED && s.gaps().isEmpty());
        assertThat(browser.catalog().rows()).hasSize(before + COPIES);
    }

    private void refreshAndWait() throws InterruptedException {
        browser.catalog().refresh();
        uiQueue.until(() -> !browser.catalog().loadingProperty().get() && !browser.catalog().regionStatuses().isEmpty()
                && browser.catalog().regionStatuses().stream().noneMatch(s -> s.state() == RegionStatus.State.LOADING));
    }

    /** Every engine family in turn, DocumentDB Elastic first, so that the batch copies each of them. */
    private List<Snapshot> sources() {
        return CopyBatchProcess.everyFamilyInTurn(inAws().stream().filter(s -> !s.isForeign()
                && s.region().equals(EAST) && s.status().state() == SnapshotState.AVAILABLE).toList());
    }

    private List<Snapshot> inAws() {
        return new SnapshotLister(new KmsDirectory(), 1).list(List.of(session(PROD)), List.of(EAST),
                SnapshotLister.Options.DEFAULT, r -> { }).orTimeout(60, TimeUnit.SECONDS).join().stream()
                .flatMap(r -> ((RegionResult.Loaded) r).snapshots().stream()).toList();
    }

    private AccountSession session(String accountId) {
        return sessions.forAccount(accountId).orElseThrow();
    }

    private AccountSession open(String key, String secret, String profile) {
        return AccountSession.open(profile, true, EAST, new AwsClients(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(key, secret)), simulator.endpoint(), http, 3));
    }
}
