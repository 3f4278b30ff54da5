package dev.snapferry.app;

import dev.snapferry.core.coverage.ClusterCoverage;
import dev.snapferry.core.coverage.DeletionLog;
import dev.snapferry.core.coverage.PriceTable;
import dev.snapferry.core.coverage.UserPriceTable;
import dev.snapferry.core.storage.JsonStore;
import dev.snapferry.ui.browser.BrowserViewModel;
import dev.snapferry.ui.catalog.SnapshotCatalog;
import dev.snapferry.ui.common.DialogService;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.TaskRunner;
import dev.snapferry.ui.coverage.CopyOpening;
import dev.snapferry.ui.coverage.CoverageView;
import dev.snapferry.ui.coverage.CoverageViewModel;
import dev.snapferry.ui.coverage.DrPolicyEditor;
import dev.snapferry.ui.coverage.PriceTableViewModel;
import dev.snapferry.ui.coverage.RetentionViewModel;
import dev.snapferry.ui.main.MainView;
import java.time.Clock;
import java.time.Duration;
import javafx.beans.binding.Bindings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Coverage tab from the app's services: its ViewModels on the shared catalog, the live source through
 * the open accounts, the deletion log in the data folder, and its settings in {@code coverage.json}, read in the
 * background at start and saved whenever they change.
 */
final class CoverageTab {

    private static final Logger LOG = LoggerFactory.getLogger(CoverageTab.class);

    private CoverageTab() {
    }

    static void add(AppServices services, SnapshotCatalog snapshots, BrowserViewModel browser, MainView mainView,
                    TaskRunner tasks, DialogService dialogs, CopyOpening openCopy) {
        Messages text = services.messages();
        AppDirectories dirs = AppDirectories.forCurrentUser();
        LiveCoverageSource source = new LiveCoverageSource(services.sessions(), services.writer(),
                new DeletionLog(dirs.data().resolve("deletions.jsonl")), Duration.ofSeconds(2));
        CoverageViewModel coverage = new CoverageViewModel(snapshots, source, PriceTable.bundled(), tasks, text,
                Clock.systemUTC(), openCopy, (label, ids) -> {
                    browser.filter().showOnly(label, ids);
                    mainView.showSnapshots();
                });
        RetentionViewModel retention = new RetentionViewModel(coverage::fleet, coverage.policyProperty()::get,
                coverage.pricesProperty()::get, source, tasks, dialogs, text, Clock.systemUTC(),
                snapshots::listAgain);
        // The user's own price table, when they put or chose one in the config folder, replaces the bundled one.
        PriceTableViewModel prices = new PriceTableViewModel(coverage.pricesProperty(),
                new UserPriceTable(dirs.config().resolve("prices.json")), tasks, dialogs, text);
        prices.load();
        JsonStore<CoveragePreferences> store = new JsonStore<>(dirs.config().resolve("coverage.json"),
                CoveragePreferences.class, 1, CoveragePreferences::defaults, Clock.systemUTC());
        DrPolicyEditor editor = new DrPolicyEditor(coverage.policyProperty(), text);
        tasks.run("read the coverage settings", () -> store.load().value(), prefs -> {
            coverage.policyProperty().set(prefs.policy());
            if (prefs.keepNewest() != null) {
                retention.keepNewestProperty().set(prefs.keepNewest());
            }
            if (prefs.keepDays() != null) {
                retention.keepDaysProperty().set(prefs.keepDays());
            }
            if (prefs.keepTags() != null) {
                retention.keepTagsProperty().set(prefs.keepTags());
            }
            DrPolicyEditorSync.destination(editor, prefs.policy());
            Runnable save = () -> {
                CoveragePreferences now = CoveragePreferences.of(coverage.policyProperty().get(),
                        retention.keepNewestProperty().get(), retention.keepDaysProperty().get(),
                        retention.keepTagsProperty().get());
                tasks.run("save the coverage settings", () -> {
                    store.save(now);
                    return null;
                }, done -> { }, error -> LOG.warn("Coverage settings not saved", error));
            };
            coverage.policyProperty().addListener(o -> save.run());
            retention.keepNewestProperty().addListener(o -> save.run());
            retention.keepDaysProperty().addListener(o -> save.run());
            retention.keepTagsProperty().addListener(o -> save.run());
        }, error -> LOG.warn("Coverage settings not read", error));
        mainView.addTab("coverageTab", Bindings.createStringBinding(() -> {
            long uncovered = coverage.clusters().stream()
                    .filter(c -> c.status() == ClusterCoverage.Status.UNCOVERED).count();
            return uncovered == 0 ? text.get("coverage.tab") : text.get("coverage.tab.count", uncovered);
        }, coverage.clusters()), new CoverageView(coverage, editor, retention, prices, text).root());
    }

    /** Keeps the editor's destination fields in step with a policy read from disk. */
    private static final class DrPolicyEditorSync {
        static void destination(DrPolicyEditor editor, dev.snapferry.core.coverage.DrPolicy policy) {
            editor.destinationRegionProperty().set(policy.destinationRegion() == null ? ""
                    : policy.destinationRegion().code());
            editor.destinationAccountProperty().set(policy.destinationAccount() == null ? ""
                    : policy.destinationAccount());
        }
    }
}
