package dev.snapferry.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.app.LiveSnapshotActions;
import dev.snapferry.app.LiveSnapshotSource;
import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import dev.snapferry.ui.catalog.AccountCatalog;
import dev.snapferry.ui.catalog.RegionStatus;
import dev.snapferry.ui.catalog.SnapshotCatalog;
import dev.snapferry.ui.catalog.SnapshotCommands;
import dev.snapferry.ui.catalog.SnapshotRow;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.RecordingDialogService;
import dev.snapferry.ui.common.SameThreadTaskRunner;
import dev.snapferry.ui.common.TaskRunner;
import dev.snapferry.ui.testing.HeldTasks;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * A large table is searched off the FX thread: the table keeps the last answer until the new one lands, a newer
 * query cancels an older one still running (whose answer is never shown), and the answer is the one the FX-thread
 * search gives, also when rows were listed again while it ran. Every table here counts as large.
 */
class SearchOffTheFxThreadTest {

    private static Simulator simulator;
    private static SdkHttpClient http;
    private static List<AccountSession> sessions;

    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    /** Searches wait here until the test runs them; every other task runs at once. */
    private final HeldTasks runner = new HeldTasks("search"::equals);
    private BrowserViewModel offThread;
    private BrowserViewModel onFxThread;

    @BeforeAll
    static void start() throws Exception {
        simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.now()), FaultSettings.none(),
                new DemoDataset()));
        http = ApacheHttpClient.create();
        sessions = List.of(AccountSession.open("demo", true, new RegionRef("us-east-1"), new AwsClients(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(DemoAccounts.PRODUCTION_ACCESS_KEY,
                        DemoAccounts.PRODUCTION_SECRET_KEY)), simulator.endpoint(), http, 3)));
    }

    @AfterAll
    static void stop() {
        sessions.forEach(AccountSession::close);
        http.close();
        simulator.close();
    }

    @BeforeEach
    void createViewModels() throws InterruptedException {
        offThread = browser(runner, 1);
        onFxThread = browser(new SameThreadTaskRunner(), Integer.MAX_VALUE);
        for (BrowserViewModel viewModel : List.of(offThread, onFxThread)) {
            viewModel.catalog().regions().setAll(DemoDataset.REGIONS.stream().map(RegionRef::new).toList());
            viewModel.catalog().refresh();
            drain(viewModel);
        }
    }

    @Test
    void theTableKeepsTheLastAnswerUntilTheNewOneLands() {
        int all = offThread.visibleRows().size();
        assertThat(all).isPositive();
        offThread.filter().searchProperty().set("orders");
        assertThat(offThread.filter().matchingProperty().get()).isTrue();
        assertThat(offThread.visibleRows()).hasSize(all);

        runSearches();
        onFxThread.filter().searchProperty().set("orders");
        assertThat(offThread.filter().matchingProperty().get()).isFalse();
        assertThat(ids(offThread)).isNotEmpty().hasSizeLessThan(all).isEqualTo(ids(onFxThread));
    }

    @Test
    void aNewerQueryCancelsTheOlderOneWhoseAnswerIsNeverShown() {
        offThread.filter().searchProperty().set("orders");
        offThread.filter().searchProperty().set("catalog");
        assertThat(runner.all()).hasSize(2);
        assertThat(runner.all().getFirst().isCancelled()).isTrue();
        runSearches();
        onFxThread.filter().searchProperty().set("catalog");
        assertThat(ids(offThread)).isNotEmpty().isEqualTo(ids(onFxThread))
                .allMatch(id -> !id.contains("orders") || id.contains("catalog"));
    }

    @Test
    void switchesAndWordsTogetherGiveTheSameRowsAsTheFxThreadSearch() {
        for (BrowserViewModel viewModel : List.of(offThread, onFxThread)) {
            viewModel.filter().engineProperty(EngineFamily.AURORA).set(false);
            viewModel.filter().searchProperty().set("c");
            viewModel.filter().searchProperty().set("ca");
            viewModel.filter().searchProperty().set("c");
        }
        runSearches();
        assertThat(ids(offThread)).isNotEmpty().isEqualTo(ids(onFxThread));
        assertThat(offThread.visibleRows()).noneMatch(r -> r.snapshot().engine().family() == EngineFamily.AURORA);
    }

    @Test
    void rowsListedAgainWhileTheSearchRunsAreAnsweredToo() throws InterruptedException {
        offThread.filter().searchProperty().set("a");
        // The region answers again (new row objects, numbered afresh) before the search's answer lands.
        offThread.catalog().listAgain(DemoAccounts.PRODUCTION, new RegionRef("eu-west-1"));
        drain(offThread);
        runSearches();
        onFxThread.filter().searchProperty().set("a");
        assertThat(ids(offThread)).isNotEmpty().isEqualTo(ids(onFxThread));
    }

    @Test
    void rowsSortedAgainWhileTheSearchRunsAreAnsweredByWhereTheyAreNow() {
        offThread.filter().searchProperty().set("orders");
        // A click on a column header before the answer lands: every row moves.
        offThread.comparatorProperty().set(java.util.Comparator.comparing(
                (SnapshotRow r) -> r.snapshot().identifier()).reversed());
        runSearches();
        onFxThread.filter().searchProperty().set("orders");
        assertThat(ids(offThread)).isNotEmpty().isEqualTo(ids(onFxThread));
    }

    /**
     * A query answered from memory reads each row's answer by the row's number, kept by position for the rows as
     * they stand: after a re-sort and after a re-listing, the numbers are those of the rows where they are now.
     */
    @Test
    void queriesAnsweredFromMemoryFollowTheRowsThroughASortAndAListing() throws InterruptedException {
        for (String query : List.of("orders", "", "catalog", "")) {
            offThread.filter().searchProperty().set(query);
            runSearches();
        }
        offThread.comparatorProperty().set(java.util.Comparator.comparing(
                (SnapshotRow r) -> r.snapshot().identifier()).reversed());
        for (String query : List.of("orders", "catalog")) {
            offThread.filter().searchProperty().set(query);
            runSearches();
            onFxThread.filter().searchProperty().set(query);
            assertThat(ids(offThread)).as("%s after a sort", query).isNotEmpty().isEqualTo(ids(onFxThread));
        }
        offThread.catalog().listAgain(DemoAccounts.PRODUCTION, new RegionRef("us-east-1"));
        drain(offThread);
        for (String query : List.of("orders", "catalog")) {
            offThread.filter().searchProperty().set(query);
            runSearches();
            onFxThread.filter().searchProperty().set(query);
            assertThat(ids(offThread)).as("%s after a listing", query).isNotEmpty().isEqualTo(ids(onFxThread));
        }
    }

    private BrowserViewModel browser(TaskRunner tasks, int offThreadFrom) {
        Messages messages = Messages.load(Locale.ROOT);
        RecordingDialogService dialogs = new RecordingDialogService();
        SnapshotCatalog catalog = new SnapshotCatalog(new LiveSnapshotSource(sessions,
                new SnapshotLister(new KmsDirectory(), 8)), AccountCatalog.fixed(Set.of("demo"),
                simulator.endpoint().toString()), uiQueue::add, tasks, dialogs, messages);
        return new BrowserViewModel(catalog, new SnapshotCommands(new LiveSnapshotActions(sessions,
                new SnapshotWriter()), catalog, tasks, messages), BrowserViewModelTest.TAG_SPECS, dialogs,
                share -> false, tasks, offThreadFrom, messages);
    }

    private void runSearches() {
        runner.release();
    }

    private static List<String> ids(BrowserViewModel viewModel) {
        // Sorted: the two catalogs list their regions in their own order, so rows created at the same moment may
        // stand in another order in each table.
        return viewModel.visibleRows().stream().map(SnapshotRow::snapshot).map(s -> s.arn()).sorted().toList();
    }

    private void drain(BrowserViewModel viewModel) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (viewModel.catalog().loadingProperty().get() || viewModel.catalog().regionStatuses().stream()
                .anyMatch(s -> s.state() == RegionStatus.State.LOADING)) {
            Runnable next = uiQueue.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            }
            assertThat(System.nanoTime()).as("listing finished in time").isLessThan(deadline);
        }
    }
}
