package dev.snapferry.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.snapferry.app.LiveSnapshotActions;
import dev.snapferry.app.LiveSnapshotSource;
import dev.snapferry.core.audit.Audit;
import dev.snapferry.core.audit.TagPolicy;
import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.faults.FaultSettings;
import dev.snapferry.sim.faults.ServiceFault;
import dev.snapferry.ui.audit.AuditViewModel;
import dev.snapferry.ui.audit.TestAudits;
import dev.snapferry.ui.catalog.AccountCatalog;
import dev.snapferry.ui.catalog.RegionStatus;
import dev.snapferry.ui.catalog.SnapshotRow;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.RecordingDialogService;
import dev.snapferry.ui.common.SameThreadTaskRunner;
import dev.snapferry.ui.testing.DemoSessions;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * A region whose DocumentDB Elastic listing fails while the RDS family answers, as the browser and the audit show
 * it: the region is partial (not loaded) and says which part failed and how, the rows that came stay, each part
 * can be listed again alone, rows without their details say "unknown", and the audit counts them as not checked.
 */
@Timeout(180)
class PartialRegionViewModelTest {

    private static final RegionRef US_EAST_1 = new RegionRef("us-east-1");

    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private DemoSessions demo;
    private Simulator simulator;
    private BrowserViewModel browser;
    private AuditViewModel audit;

    @BeforeEach
    void start() throws Exception {
        demo = new DemoSessions();
        simulator = demo.simulator;
        List<AccountSession> production = List.of(demo.production);
        Messages messages = Messages.load(Locale.ROOT);
        LiveSnapshotActions actions = new LiveSnapshotActions(production, new SnapshotWriter());
        browser = TestBrowsers.browser(new LiveSnapshotSource(production, new SnapshotLister(new KmsDirectory(), 4)),
                actions, AccountCatalog.fixed(Set.of("demo"), simulator.endpoint().toString()),
                BrowserViewModelTest.TAG_SPECS, uiQueue::add, new SameThreadTaskRunner(), dialogs, messages);
        browser.catalog().regions().setAll(List.of(US_EAST_1));
        browser.filter().tagPolicyProperty().set(TagPolicy.requiring(List.of("owner")));
        audit = TestAudits.audit(browser, actions, uiQueue::add, new SameThreadTaskRunner(), (millis, action) -> {
            uiQueue.add(action);
            return () -> uiQueue.remove(action);
        }, dialogs, messages, (label, ids) -> { });
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    private void fault(String operation) {
        simulator.faults().set(FaultSettings.none().withServiceFaults(List.of(
                new ServiceFault("docdb-elastic", operation, ServiceFault.Kind.ERROR))));
    }

    @Test
    void aRegionWhoseElasticListingFailsIsPartialUntilThatPartIsListedAgain() throws InterruptedException {
        fault("ListClusterSnapshots");
        browser.catalog().refresh();
        until(() -> status().state() != RegionStatus.State.LOADING && !browser.catalog().loadingProperty().get());

        RegionStatus partial = status();
        assertThat(partial.state()).as("counted as failed, not loaded").isEqualTo(RegionStatus.State.PARTIAL);
        assertThat(partial.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.part()).isEqualTo("ELASTIC_LIST");
            assertThat(gap.summary()).isEqualTo(DemoAccounts.PRODUCTION
                    + " us-east-1: DocumentDB Elastic not listed \u2014 HTTP 500 after 3 attempts");
            assertThat(gap.reason()).contains("InternalServerException", "An internal error occurred.");
        });
        assertThat(partial.problem()).contains("DocumentDB Elastic not listed");
        assertThat(rows()).as("the RDS family's rows stay").isNotEmpty()
                .noneMatch(s -> s.engine() == Engine.DOCUMENTDB_ELASTIC);
        assertThat(partial.count()).isEqualTo(rows().size());

        // Elastic lists now, but the key of each snapshot cannot be read: the rows come, marked unknown.
        fault("GetClusterSnapshot");
        int before = rows().size();
        browser.catalog().retry(partial, partial.gaps().getFirst());
        until(() -> status().state() != RegionStatus.State.LOADING);

        List<Snapshot> elastic = rows().stream().filter(s -> s.engine() == Engine.DOCUMENTDB_ELASTIC).toList();
        assertThat(elastic).isNotEmpty().allMatch(s -> s.isUnknown(Snapshot.Detail.KMS_KEY)
                && s.isUnknown(Snapshot.Detail.TAGS));
        assertThat(rows()).hasSize(before + elastic.size());
        RegionStatus details = status();
        assertThat(details.state()).isEqualTo(RegionStatus.State.PARTIAL);
        assertThat(details.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.part()).isEqualTo("ELASTIC_DETAILS");
            assertThat(gap.summary()).contains("key and tags of " + elastic.size()
                    + " DocumentDB Elastic snapshots not read", "HTTP 500");
        });
        until(() -> audit.auditProperty().get().total() == rows().size());
        Audit unread = audit.auditProperty().get();
        assertThat(Audit.count(unread.complianceByEngine(), Audit.Compliance.NOT_CHECKED)).isEqualTo(elastic.size());
        assertThat(unread.keysNotChecked()).hasSize(elastic.size());
        assertThat(Audit.find(unread.complianceByEngine(), "DOCUMENTDB_ELASTIC", Audit.Compliance.NOT_COMPLIANT)
                .count()).as("an unknown tag set is not a violation").isZero();
        assertThat(audit.summaryProperty().get()).endsWith(elastic.size()
                + " snapshots not checked: key or tags could not be read");

        // The fault clears: listing the details again completes the region.
        simulator.faults().set(FaultSettings.none());
        browser.catalog().retry(details, details.gaps().getFirst());
        until(() -> status().state() != RegionStatus.State.LOADING);

        assertThat(status().state()).isEqualTo(RegionStatus.State.LOADED);
        assertThat(status().gaps()).isEmpty();
        assertThat(rows()).hasSize(before + elastic.size()).allMatch(s -> s.unknown().isEmpty());
        until(() -> audit.auditProperty().get().keysNotChecked().isEmpty());
        assertThat(Audit.count(audit.auditProperty().get().complianceByEngine(), Audit.Compliance.NOT_CHECKED))
                .isZero();
        assertThat(audit.summaryProperty().get()).doesNotContain("not checked");
    }

    @Test
    void sharingThatCannotBeReadIsNotCheckedAndEachFailureIsLoggedOnce() throws InterruptedException {
        simulator.faults().set(FaultSettings.none().withServiceFaults(List.of(new ServiceFault("rds",
                "DescribeDBClusterSnapshotAttributes", ServiceFault.Kind.ERROR))));
        Logger sharingLog = (Logger) LoggerFactory.getLogger("dev.snapferry.ui.audit.SharingReader");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        sharingLog.addAppender(log);
        try {
            browser.catalog().refresh();
            until(() -> status().state() == RegionStatus.State.LOADED
                    && audit.messageProperty().get().startsWith("Sharing could not be read"));

            List<Snapshot> shareable = rows().stream().filter(Audit::shareable).toList();
            Audit now = audit.auditProperty().get();
            assertThat(Audit.count(now.sharing(), Audit.Sharing.NOT_CHECKED)).isEqualTo(shareable.size())
                    .isPositive();
            assertThat(audit.messageProperty().get()).contains(shareable.size() + " snapshots",
                    "InternalFailure");
            assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(shareable.size())
                    .allSatisfy(e -> assertThat(e.getFormattedMessage()).contains(DemoAccounts.PRODUCTION,
                            "us-east-1", "rds", "InternalFailure"));
        } finally {
            sharingLog.detachAppender(log);
        }
    }

    private RegionStatus status() {
        return browser.catalog().regionStatuses().stream().filter(s -> s.region().equals(US_EAST_1)).findFirst()
                .orElseThrow();
    }

    private List<Snapshot> rows() {
        return browser.catalog().rows().stream().map(SnapshotRow::snapshot).toList();
    }

    /** Runs UI work until {@code done} holds. */
    private void until(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            Runnable next = uiQueue.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            }
            assertThat(System.nanoTime()).as("in time").isLessThan(deadline);
        }
    }
}
