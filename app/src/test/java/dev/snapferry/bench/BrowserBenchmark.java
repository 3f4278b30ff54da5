package dev.snapferry.bench;

import dev.snapferry.ui.browser.TestBrowsers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.GeneratedDataset;
import dev.snapferry.sim.faults.FaultSettings;
import dev.snapferry.ui.browser.BrowserView;
import dev.snapferry.ui.browser.BrowserViewModel;
import dev.snapferry.app.LiveSnapshotSource;
import dev.snapferry.ui.catalog.RegionStatus;
import dev.snapferry.ui.catalog.SnapshotRow;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.RecordingDialogService;
import dev.snapferry.ui.common.SameThreadTaskRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
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
 * 100,000 snapshots in the real browser screen, listed from the simulator through the real SDK: the time from a
 * keystroke in the search field to the laid-out filtered table, the time to sort by a column, and the heap each
 * row keeps.
 */
class BrowserBenchmark {

    private static final int REGIONS = 20;
    private static final int PER_REGION = 5_000;

    @Test
    void oneHundredThousandSnapshotsInTheTable() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        GeneratedDataset dataset = new GeneratedDataset(REGIONS, PER_REGION, 11);
        try (Simulator simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.now()),
                FaultSettings.none(), dataset));
             SdkHttpClient http = ApacheHttpClient.builder().maxConnections(64).build()) {
            AccountSession session = AccountSession.open("bench", true, new RegionRef("us-east-1"), new AwsClients(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(DemoAccounts.PRODUCTION_ACCESS_KEY,
                            DemoAccounts.PRODUCTION_SECRET_KEY)), simulator.endpoint(), http, 5));
            Messages messages = Messages.load(Locale.ROOT);
            BrowserViewModel viewModel = WaitForAsyncUtils.asyncFx(() -> TestBrowsers.browser(
                    new LiveSnapshotSource(List.of(session), new SnapshotLister(new KmsDirectory(), 8)),
                    new dev.snapferry.app.LiveSnapshotActions(List.of(session),
                            new dev.snapferry.core.aws.SnapshotWriter()),
                    dev.snapferry.ui.catalog.AccountCatalog.fixed(java.util.Set.of("bench"), null),
                    engine -> dev.snapferry.core.rules.CapabilityMatrix.loadDefault().forEngine(engine).tags(),
                    Platform::runLater, new SameThreadTaskRunner(), new RecordingDialogService(), messages))
                    .get();
            TableView<SnapshotRow>[] table = new TableView[1];
            WaitForAsyncUtils.asyncFx(() -> {
                viewModel.catalog().regions().setAll(dataset.regionCodes().stream().map(RegionRef::new).toList());
                BrowserView view = new BrowserView(viewModel, messages, Clock.systemDefaultZone());
                stage.setScene(new Scene(view.root(), 1600, 900));
                stage.show();
                table[0] = (TableView<SnapshotRow>) view.root().lookup("#table");
            }).get();

            // The simulator shares this JVM and caches each snapshot's rendered reply the first time it is listed;
            // one listing whose results are dropped puts that cache in place before the baseline, so the figure
            // below counts what the browser keeps, not the simulator.
            new SnapshotLister(new KmsDirectory(), 8).list(List.of(session),
                    dataset.regionCodes().stream().map(RegionRef::new).toList(),
                    dev.snapferry.core.aws.SnapshotLister.Options.DEFAULT, r -> { }).join();
            long heapBefore = usedHeapAfterGc();
            WaitForAsyncUtils.asyncFx(viewModel.catalog()::refresh).get();
            WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !viewModel.catalog().loadingProperty().get()
                    && viewModel.catalog().regionStatuses().stream().allMatch(s -> s.state() == RegionStatus.State.LOADED));
            WaitForAsyncUtils.waitForFxEvents();
            int rows = viewModel.catalog().totalProperty().get();
            long heapAfter = usedHeapAfterGc();
            assertThat(rows).isEqualTo(REGIONS * PER_REGION);
            double bytesPerRow = (heapAfter - heapBefore) / (double) rows;

            // Keystrokes: each sets the search text, as the bound field does, then the table lays out.
            List<Double> keystrokes = new ArrayList<>();
            // Three rounds of different words, each typed a letter at a time and erased again: a new word is
            // searched afresh; erasing revisits earlier answers.
            String[][] rounds = {
                {"s", "s1", "s12", "s123", "s1234", "s123", "s12", "s1", "s", "", "c", "c3", "c3-",
                    "c3-n", "c3-ne", "c3-nep", "c3-ne", "c3-n", "c3-", "c3", "c", "", "team-3", "team-", "team", ""},
                {"o", "or", "ord", "orde", "order", "orders", "orders-7", "orders-", "orders", "", "k", "km",
                    "kms", "kms ", "kms a", "kms al", "kms a", "kms ", "kms", "km", "k", "", "p", "pr", "pro", ""},
                {"e", "eu", "eu-", "eu-w", "eu-we", "eu-wes", "eu-west", "eu-wes", "eu-we", "eu-w", "eu-", "eu",
                    "e", "", "n", "ne", "nep", "nept", "neptu", "nept", "nep", "ne", "n", "", "9", ""}};
            // Warm-up, not measured: other words through the same path, so that the JIT has compiled the filter, as
            // it has after a user's first few keystrokes.
            for (String text : new String[] {"w", "wa", "war", "warm", "war", "wa", "w", "", "x", "x1", "x", ""}) {
                onFx(() -> {
                    viewModel.filter().searchProperty().set(text);
                    table[0].getScene().getRoot().applyCss();
                    table[0].getScene().getRoot().layout();
                });
            }
            for (String[] typed : rounds) {
                for (String text : typed) {
                    keystrokes.add(onFx(() -> {
                        viewModel.filter().searchProperty().set(text);
                        table[0].getScene().getRoot().applyCss();
                        table[0].getScene().getRoot().layout();
                    }));
                }
            }
            // Sorting by a column, back and forth, as clicking its header does.
            List<Double> sorts = new ArrayList<>();
            Comparator<SnapshotRow> byId = Comparator.comparing(r -> r.snapshot().identifier());
            Comparator<SnapshotRow> byRegion = Comparator.comparing(r -> r.snapshot().region().code());
            for (int i = 0; i < 10; i++) {
                Comparator<SnapshotRow> next = i % 2 == 0 ? byId : byRegion.reversed();
                sorts.add(onFx(() -> {
                    viewModel.comparatorProperty().set(next);
                    table[0].getScene().getRoot().applyCss();
                    table[0].getScene().getRoot().layout();
                }));
            }
            System.out.printf("BENCH browser: %d rows, keystrokes %s ms, sorts %s ms, %.0f bytes/row%n", rows,
                    round(keystrokes), round(sorts), bytesPerRow);
            BenchResults.below("browser.100k.keystrokeToFilteredTable.median", median(keystrokes), "ms", 50);
            BenchResults.below("browser.100k.sortByColumn.median", median(sorts), "ms", 150);
            BenchResults.below("browser.100k.retainedBytesPerRow", bytesPerRow, "bytes", 2048);
            session.close();
        } finally {
            FxToolkit.cleanupStages();
        }
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
