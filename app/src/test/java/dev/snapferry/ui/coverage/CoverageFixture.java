package dev.snapferry.ui.coverage;

import dev.snapferry.app.LiveCoverageSource;
import dev.snapferry.app.LiveSnapshotActions;
import dev.snapferry.app.LiveSnapshotSource;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.coverage.DeletionLog;
import dev.snapferry.core.coverage.PriceTable;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.ui.browser.BrowserViewModel;
import dev.snapferry.ui.browser.TestBrowsers;
import dev.snapferry.ui.catalog.AccountCatalog;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.RecordingDialogService;
import dev.snapferry.ui.common.TaskRunner;
import dev.snapferry.ui.common.UiThread;
import dev.snapferry.ui.testing.DemoSessions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The demo's two accounts on a simulator of their own, listed into one catalog, with the Coverage tab's two
 * ViewModels over it as the app composes them: the real SDK, the real deletion log (in {@code folder}).
 */
final class CoverageFixture implements AutoCloseable {

    record Opened(List<Snapshot> sources, RegionRef region, String account) {
    }

    final DemoSessions demo;
    final BrowserViewModel browser;
    final CoverageViewModel coverage;
    final RetentionViewModel retention;
    final DrPolicyEditor policy;
    final RecordingDialogService dialogs = new RecordingDialogService();
    final List<Opened> opened = new ArrayList<>();
    final List<Collection<String>> shown = new ArrayList<>();
    final Path log;
    /** Runs after each deletion sent to AWS (a test stops the run from here). */
    volatile Runnable afterDelete = () -> { };

    CoverageFixture(Path folder, UiThread ui, TaskRunner tasks) throws Exception {
        demo = new DemoSessions();
        Messages messages = Messages.load(Locale.ROOT);
        log = folder.resolve("deletions.jsonl");
        browser = TestBrowsers.browser(new LiveSnapshotSource(demo.sessions, new SnapshotLister(new KmsDirectory(),
                        4)), new LiveSnapshotActions(demo.sessions, new SnapshotWriter()),
                AccountCatalog.fixed(Set.of("prod", "dr"), demo.simulator.endpoint().toString()),
                engine -> dev.snapferry.core.rules.CapabilityMatrix.loadDefault().forEngine(engine).tags(), ui, tasks,
                dialogs, messages);
        browser.catalog().regions().setAll(DemoDataset.REGIONS.stream().map(RegionRef::new).toList());
        Clock clock = Clock.fixed(demo.clock.now(), ZoneOffset.UTC);
        LiveCoverageSource live = new LiveCoverageSource(demo.sessions, new SnapshotWriter(), new DeletionLog(log),
                Duration.ofMillis(10));
        // The live source, telling the test after each deletion AWS answered.
        CoverageSource source = new CoverageSource() {
            @Override
            public dev.snapferry.core.aws.ClusterSurvey.Result survey(dev.snapferry.core.model.AccountRef account,
                                                                           RegionRef region) {
                return live.survey(account, region);
            }

            @Override
            public void delete(dev.snapferry.core.model.Snapshot snapshot) {
                try {
                    live.delete(snapshot);
                } finally {
                    afterDelete.run();
                }
            }

            @Override
            public void log(dev.snapferry.core.coverage.Deletion deletion) throws java.io.IOException {
                live.log(deletion);
            }

            @Override
            public String logLocation() {
                return live.logLocation();
            }
        };
        coverage = new CoverageViewModel(browser.catalog(), source, PriceTable.bundled(), tasks, messages, clock,
                (sources, region, account) -> opened.add(new Opened(sources, region, account)),
                (label, ids) -> shown.add(ids));
        retention = new RetentionViewModel(coverage::fleet, coverage.policyProperty()::get,
                coverage.pricesProperty()::get, source, tasks, dialogs, messages, clock,
                browser.catalog()::listAgain);
        policy = new DrPolicyEditor(coverage.policyProperty(), messages);
    }

    /** The fixture with the demo listed and coverage computed, as each ViewModel test starts. */
    static CoverageFixture listed(Path folder, dev.snapferry.ui.testing.UiQueue ui) throws Exception {
        CoverageFixture fixture = new CoverageFixture(folder, ui, new dev.snapferry.ui.common.SameThreadTaskRunner());
        fixture.browser.catalog().refresh();
        ui.until(() -> !fixture.browser.catalog().loadingProperty().get() && !fixture.coverage.clusters().isEmpty()
                && !fixture.coverage.busyProperty().get());
        return fixture;
    }

    @Override
    public void close() {
        demo.close();
    }
}
