package dev.snapferry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.app.LiveSnapshotActions;
import dev.snapferry.app.LiveSnapshotSource;
import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.sim.StandaloneSimulator;
import dev.snapferry.sim.data.GeneratedDataset;
import dev.snapferry.ui.browser.BrowserView;
import dev.snapferry.ui.browser.BrowserViewModel;
import dev.snapferry.ui.browser.TestBrowsers;
import dev.snapferry.ui.catalog.AccountCatalog;
import dev.snapferry.ui.catalog.RegionStatus;
import dev.snapferry.ui.catalog.SnapshotRow;
import dev.snapferry.ui.common.ExecutorTaskRunner;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.RecordingDialogService;
import dev.snapferry.ui.common.WorkerExecutor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * 100,000 snapshots in the real browser screen, listed through the real SDK from the simulator (a process of its
 * own at the lowest priority), with the app's own background runner: the time from a keystroke in the search
 * field to the laid-out filtered table (the end of the CSS and layout pass of the pulse that shows it), and the FX
 * thread's share of it (the tasks and that pass), for fresh keystrokes (a query never typed
 * before: its rows are matched) and, apart, for ones the filter answers from its memory of recent queries; the
 * time to sort by a column; and the heap each row keeps.
 */
class BrowserBenchmark {

    private static final int REGIONS = 20;
    private static final int PER_REGION = 5_000;

    /**
     * The timing of one keystroke: from the key to the laid-out table, the FX thread's time in it, and from the key
     * to its answer reaching the FX thread (the match; the rest is the FX thread's work and the wait for a pulse).
     */
    private record Keystroke(String text, boolean fresh, double latencyMs, double fxMs, double answeredMs) {
    }

    private Scene scene;
    /** The keystroke being timed, between the FX task that took the key and the one that laid the answer out. */
    private volatile CompletableFuture<double[]> awaitingAnswer;
    /** The app's own CSS and layout passes, timed. */
    private PulseTimer pulses;
    private BrowserViewModel viewModel;

    @Test
    void oneHundredThousandSnapshotsInTheTable() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        ExecutorService workers = WorkerExecutor.create("bench-worker", 4);
        try (StandaloneSimulator simulator = StandaloneSimulator.start(List.of(), true, "--manual-clock",
                "--dataset", REGIONS + "x" + PER_REGION);
             SdkHttpClient http = ApacheHttpClient.builder().maxConnections(AwsClients.MAX_CONNECTIONS).build()) {
            AccountSession session = AccountSession.open("bench", true, new RegionRef("us-east-1"), new AwsClients(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(GeneratedDataset.accessKey(0),
                            GeneratedDataset.secretKey(0))), simulator.endpoint(), http, 5));
            Messages messages = Messages.load(Locale.ROOT);
            List<RegionRef> regions = new GeneratedDataset(REGIONS, 0, 0).regionCodes().stream()
                    .map(RegionRef::new).toList();
            // The app's runner, whose results land on the FX thread in a task this benchmark times.
            ExecutorTaskRunner tasks = new ExecutorTaskRunner(workers, this::timedOnFx);
            viewModel = WaitForAsyncUtils.asyncFx(() -> TestBrowsers.browser(
                    new LiveSnapshotSource(List.of(session), new SnapshotLister(new KmsDirectory(),
                            SnapshotLister.CONCURRENT_REGIONS)),
                    new LiveSnapshotActions(List.of(session), new SnapshotWriter()),
                    AccountCatalog.fixed(Set.of("bench"), null),
                    engine -> CapabilityMatrix.loadDefault().forEngine(engine).tags(),
                    this::deliveredOnFx, tasks, new RecordingDialogService(), messages)).get();
            @SuppressWarnings("unchecked")
            TableView<SnapshotRow>[] table = new TableView[1];
            WaitForAsyncUtils.asyncFx(() -> {
                viewModel.catalog().regions().setAll(regions);
                BrowserView view = new BrowserView(viewModel, messages, Clock.systemDefaultZone());
                scene = new Scene(view.root(), 1600, 900);
                pulses = new PulseTimer(scene);
                stage.setScene(scene);
                stage.show();
                table[0] = (TableView<SnapshotRow>) view.root().lookup("#table");
            }).get();

            // The window's first pass (its whole style and layout) is start-up's, not the listing's.
            WaitForAsyncUtils.asyncFx(pulses::nextPass).get().get(60, TimeUnit.SECONDS);
            long heapBefore = usedHeapAfterGc();
            WaitForAsyncUtils.asyncFx(pulses::resetLongest).get();
            long listingStart = System.nanoTime();
            WaitForAsyncUtils.asyncFx(viewModel.catalog()::refresh).get();
            WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> !viewModel.catalog().loadingProperty().get()
                    && viewModel.catalog().regionStatuses().stream()
                    .allMatch(s -> s.state() == RegionStatus.State.LOADED));
            WaitForAsyncUtils.waitForFxEvents();
            double listingMs = (System.nanoTime() - listingStart) / 1e6;
            double[] listingPasses = WaitForAsyncUtils.asyncFx(() -> new double[] {pulses.longest(), pulses.passes(),
                pulses.longestAt()}).get();
            double longestDelivery = deliveries.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            System.out.printf(Locale.ROOT, "BENCH browser listing: %.0f ms; FX deliveries: %d, longest %.1f ms, "
                    + "total %.0f ms; layout passes: %d, longest %.1f ms (pass %d)%n", listingMs, deliveries.size(),
                    longestDelivery, deliveries.stream().mapToDouble(Double::doubleValue).sum(),
                    (int) listingPasses[1], listingPasses[0], (int) listingPasses[2]);
            // The listing lands on the FX thread region by region, each merged into the sorted rows at once: no
            // delivery and no layout pass may hold a frame.
            BenchResults.below("browser.100k.listing.longestFxDelivery", longestDelivery, "ms", 20);
            BenchResults.below("browser.100k.listing.longestLayoutPass", listingPasses[0], "ms", 20);
            int rows = viewModel.catalog().totalProperty().get();
            long heapAfter = usedHeapAfterGc();
            assertThat(rows).isEqualTo(REGIONS * PER_REGION);
            double bytesPerRow = (heapAfter - heapBefore) / (double) rows;

            // Warm-up, not measured: other words through the same paths, so that the JIT has compiled the filter,
            // as it has after a user's first few searches.
            for (String text : new String[] {"w", "wa", "war", "warm", "war", "wa", "w", "", "x", "x1", "x", "",
                "q", "qu", "que", "quer", "query", "", "z", "zz", ""}) {
                type(text, false);
            }
            // Three rounds of different words, each typed a letter at a time and erased again: a query never typed
            // before is fresh (its rows are matched, refining the last answer where it can); erasing revisits
            // queries the filter may answer from memory.
            String[][] rounds = {
                {"s", "s1", "s12", "s123", "s1234", "s123", "s12", "s1", "s", "", "c", "c3", "c3-",
                    "c3-n", "c3-ne", "c3-nep", "c3-ne", "c3-n", "c3-", "c3", "c", "", "team-3", "team-", "team", ""},
                {"o", "or", "ord", "orde", "order", "orders", "orders-7", "orders-", "orders", "", "k", "km",
                    "kms", "kms ", "kms a", "kms al", "kms a", "kms ", "kms", "km", "k", "", "p", "pr", "pro", ""},
                {"e", "eu", "eu-", "eu-w", "eu-we", "eu-wes", "eu-west", "eu-wes", "eu-we", "eu-w", "eu-", "eu",
                    "e", "", "n", "ne", "nep", "nept", "neptu", "nept", "nep", "ne", "n", "", "9", ""}};
            Set<String> typedBefore = new HashSet<>(Set.of(""));
            List<Keystroke> keystrokes = new ArrayList<>();
            for (String[] typed : rounds) {
                for (String text : typed) {
                    keystrokes.add(type(text, typedBefore.add(text)));
                }
            }
            List<Keystroke> fresh = keystrokes.stream().filter(Keystroke::fresh).toList();
            List<Keystroke> cached = keystrokes.stream().filter(k -> !k.fresh()).toList();

            // Sorting by a column, back and forth, through the table's own sort order as a click on its header
            // does (the table's sort policy hands the order to the ViewModel); two sorts to warm up first.
            TableColumn<SnapshotRow, ?> identifier = column(table[0], "identifierColumn");
            TableColumn<SnapshotRow, ?> region = column(table[0], "regionColumn");
            List<Double> sorts = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                TableColumn<SnapshotRow, ?> next = i % 2 == 0 ? identifier : region;
                TableColumn.SortType direction = i % 2 == 0 ? TableColumn.SortType.ASCENDING
                        : TableColumn.SortType.DESCENDING;
                CompletableFuture<double[]> sorted = new CompletableFuture<>();
                double sortTaskMs = onFx(() -> {
                    next.setSortType(direction);
                    table[0].getSortOrder().setAll(List.of(next));
                    laidOut(sorted, 0, System.nanoTime());
                });
                double ms = sortTaskMs + sorted.get(60, TimeUnit.SECONDS)[1];
                if (i >= 2) {
                    sorts.add(ms);
                }
            }
            assertThat(table[0].getItems().get(0).snapshot().region().code())
                    .as("the last sort, by region descending, is on the table")
                    .isEqualTo(regions.stream().map(RegionRef::code).max(String::compareTo).orElseThrow());
            System.out.printf(Locale.ROOT, "BENCH browser: %d rows; fresh keystrokes %s ms (answered on the FX "
                    + "thread after %s ms; FX share %s ms); remembered keystrokes %s ms; sorts %s ms; %.0f bytes/row%n",
                    rows, round(fresh.stream().map(Keystroke::latencyMs).toList()),
                    round(fresh.stream().map(Keystroke::answeredMs).toList()),
                    round(fresh.stream().map(Keystroke::fxMs).toList()),
                    round(cached.stream().map(Keystroke::latencyMs).toList()), round(sorts), bytesPerRow);
            BenchResults.below("browser.100k.freshKeystrokeToTable.median",
                    median(fresh.stream().map(Keystroke::latencyMs).toList()), "ms", 50);
            BenchResults.below("browser.100k.freshKeystrokeFxShare.median",
                    median(fresh.stream().map(Keystroke::fxMs).toList()), "ms", 16);
            BenchResults.below("browser.100k.rememberedKeystrokeToTable.median",
                    median(cached.stream().map(Keystroke::latencyMs).toList()), "ms", 50);
            BenchResults.below("browser.100k.sortByColumn.median", median(sorts), "ms", 150);
            BenchResults.below("browser.100k.retainedBytesPerRow", bytesPerRow, "bytes", 2048);
            session.close();
        } finally {
            workers.shutdownNow();
            FxToolkit.cleanupStages();
        }
    }

    /**
     * Types {@code text} as the bound search field does, and waits until the table shows its answer, laid out: at
     * once when the filter matched on the FX thread, else in the FX task that lands the background match.
     */
    private Keystroke type(String text, boolean fresh) throws Exception {
        CompletableFuture<double[]> answer = new CompletableFuture<>();
        awaitingAnswer = answer;
        long start = System.nanoTime();
        double keyTaskMs = onFx(() -> {
            viewModel.filter().searchProperty().set(text);
            if (!viewModel.filter().matchingProperty().get()) {
                // Matched here and now: the next pulse lays the answer out.
                awaitingAnswer = null;
                laidOut(answer, 0, System.nanoTime());
            }
        });
        // {answer task ms, its pulse's CSS and layout ms, when that pass ended, when the answer reached the FX thread}
        double[] landed = answer.get(60, TimeUnit.SECONDS);
        double latency = (landed[2] - start) / 1e6;
        return new Keystroke(text, fresh, latency, keyTaskMs + landed[0] + landed[1], (landed[3] - start) / 1e6);
    }

    /**
     * Completes {@code answer} when the pulse after {@code taskMs} of work, begun at {@code landedNanos}, has laid
     * the table out.
     */
    private void laidOut(CompletableFuture<double[]> answer, double taskMs, long landedNanos) {
        pulses.nextPass().thenAccept(pass -> answer.complete(new double[] {taskMs, pass.ms(), pass.endNanos(),
            landedNanos}));
    }

    /** The FX thread's time in each of the catalog's deliveries (listings landing), in ms. */
    private final List<Double> deliveries = java.util.Collections.synchronizedList(new ArrayList<>());

    private void deliveredOnFx(Runnable task) {
        Platform.runLater(() -> {
            long start = System.nanoTime();
            task.run();
            deliveries.add((System.nanoTime() - start) / 1e6);
        });
    }

    /**
     * The runner's way onto the FX thread: times the task that lands an awaited answer, and the CSS and layout
     * pass of the pulse after it.
     */
    private void timedOnFx(Runnable task) {
        Platform.runLater(() -> {
            long start = System.nanoTime();
            task.run();
            CompletableFuture<double[]> awaited = awaitingAnswer;
            if (awaited != null && !viewModel.filter().matchingProperty().get()) {
                awaitingAnswer = null;
                laidOut(awaited, (System.nanoTime() - start) / 1e6, start);
            }
        });
    }

    private static TableColumn<SnapshotRow, ?> column(TableView<SnapshotRow> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    private static double onFx(Runnable action) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            long start = System.nanoTime();
            action.run();
            return (System.nanoTime() - start) / 1e6;
        }).get();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static List<Long> round(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }
}
