package dev.snapferry.ui.audit;

import dev.snapferry.ui.browser.TestBrowsers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.audit.Audit;
import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.Tag;
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
import dev.snapferry.ui.catalog.SnapshotRow;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.RecordingDialogService;
import dev.snapferry.ui.common.SameThreadTaskRunner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The audit without a toolkit, on the demo accounts in the simulator through the real SDK: its numbers, the
 * sharing it reads, and fixes that reach AWS and show in the next audit. Each test gets a fresh simulator, as the
 * fixes change it.
 */
class AuditViewModelTest {

    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final SnapshotWriter writer = new SnapshotWriter();
    private final List<String> drilled = new ArrayList<>();
    private Simulator simulator;
    private SdkHttpClient http;
    private List<AccountSession> sessions;
    private BrowserViewModel browser;
    private AuditViewModel audit;

    @BeforeEach
    void start() throws Exception {
        simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.now()), FaultSettings.none(),
                new DemoDataset()));
        http = ApacheHttpClient.create();
        sessions = List.of(open(DemoAccounts.PRODUCTION_ACCESS_KEY, DemoAccounts.PRODUCTION_SECRET_KEY, "demo"),
                open(DemoAccounts.DR_ACCESS_KEY, DemoAccounts.DR_SECRET_KEY, "demo-dr"));
        var tagSpecs = (java.util.function.Function<dev.snapferry.core.model.Engine,
                dev.snapferry.core.rules.TagSpec>) e -> dev.snapferry.core.rules.CapabilityMatrix.loadDefault()
                .forEngine(e).tags();
        Messages messages = Messages.load(Locale.ROOT);
        LiveSnapshotActions actions = new LiveSnapshotActions(sessions, writer);
        browser = TestBrowsers.browser(new LiveSnapshotSource(sessions, new SnapshotLister(new KmsDirectory(), 8)),
                actions, AccountCatalog.fixed(java.util.Set.of("demo", "demo-dr"), simulator.endpoint().toString()),
                tagSpecs, uiQueue::add, new SameThreadTaskRunner(), dialogs, messages);
        browser.catalog().regions().setAll(DemoDataset.REGIONS.stream().map(RegionRef::new).toList());
        audit = TestAudits.audit(browser, actions, uiQueue::add, new SameThreadTaskRunner(), (millis, action) -> {
            uiQueue.add(action);
            return () -> uiQueue.remove(action);
        }, dialogs, messages, (String label, Collection<String> ids) -> {
            drilled.add(label);
            browser.filter().showOnly(label, ids);
        });
        browser.catalog().refresh();
        until(() -> !browser.catalog().loadingProperty().get() && browser.catalog().regionStatuses().stream()
                .noneMatch(s -> s.state() == RegionStatus.State.LOADING) && sharingRead());
    }

    @AfterEach
    void stop() {
        sessions.forEach(AccountSession::close);
        http.close();
        simulator.close();
    }

    private boolean sharingRead() {
        Audit now = audit.auditProperty().get();
        // A region with Elastic snapshots is reported twice, the second time with their keys and tags; until then
        // an Elastic snapshot's tags are unknown and it is no finding.
        return now.total() == browser.catalog().rows().size() && now.total() > 0 && !audit.busyProperty().get()
                && Audit.count(now.sharing(), Audit.Sharing.NOT_CHECKED) == 0
                && now.keysNotChecked().isEmpty()
                && browser.catalog().rows().stream().noneMatch(r -> r.snapshot().isUnknown(Snapshot.Detail.TAGS));
    }

    @Test
    void theAuditCountsWhatWasListedAndReadsWhoMayRestore() {
        Audit now = audit.auditProperty().get();
        List<Snapshot> listed = browser.catalog().rows().stream().map(SnapshotRow::snapshot).toList();
        assertThat(now.total()).isEqualTo(listed.size());
        assertThat(Audit.count(now.encryptionByEngine(), Audit.Encryption.UNENCRYPTED))
                .isEqualTo((int) listed.stream().filter(s -> !s.storageEncrypted()).count());
        // The demo's disaster-recovery account makes its one unencrypted manual snapshot public.
        Audit.Slice<Audit.Sharing> publicOnes = Audit.find(now.sharing(), "", Audit.Sharing.PUBLIC);
        assertThat(publicOnes.count()).isEqualTo(1);
        Snapshot exposed = byId(publicOnes.ids().getFirst());
        assertThat(writer.restoreAccounts(session(exposed), exposed)).contains("all");
        assertThat(Audit.count(now.sharing(), Audit.Sharing.SHARED)).isPositive();
        assertThat(audit.findings()).extracting(f -> f.snapshot().arn()).contains(exposed.arn());
        assertThat(audit.summaryProperty().get()).startsWith(listed.size() + " snapshots").contains("1 public");

        audit.drillDown("Public", publicOnes.ids());
        assertThat(drilled).containsExactly("Public");
        assertThat(browser.visibleRows()).extracting(r -> Audit.id(r.snapshot())).containsExactly(Audit.id(exposed));
    }

    @Test
    void theChartsFollowTheAuditAndTheChosenGrouping() {
        Audit now = audit.auditProperty().get();
        AuditCharts charts = audit.chartsProperty().get();
        assertThat(charts.encryptionByEngine().series().get(1).bars().stream().mapToInt(AuditCharts.Bar::count)
                .sum()).isEqualTo(Audit.count(now.encryptionByEngine(), Audit.Encryption.UNENCRYPTED)).isPositive();
        assertThat(charts.compliance().groups()).containsExactly("Aurora", "DocumentDB", "DocumentDB Elastic",
                "Neptune");

        audit.groupingProperty().set(AuditViewModel.Grouping.REGION);
        assertThat(audit.chartsProperty().get().compliance().groups()).containsExactlyElementsOf(browser.catalog().rows()
                .stream().map(r -> r.snapshot().region().code()).distinct().sorted().toList());
        assertThat(audit.chartsProperty().get().encryptionByEngine()).isEqualTo(charts.encryptionByEngine());
    }

    @Test
    void theSnapshotsSelectedTogetherStaySelectedThroughANewAudit() throws InterruptedException {
        List<Audit.Finding> two = List.copyOf(audit.findings().subList(0, 2));
        audit.selection().setAll(two);
        // Two new audits: one without sharing, one after it was read again.
        List<Audit> seen = new ArrayList<>();
        audit.auditProperty().addListener((o, old, now) -> seen.add(now));
        audit.checkSharingAgain();
        until(() -> seen.size() >= 2 && sharingRead());
        assertThat(audit.selection()).extracting(f -> Audit.id(f.snapshot()))
                .containsExactlyInAnyOrderElementsOf(two.stream().map(f -> Audit.id(f.snapshot())).toList());
        assertThat(audit.findings()).containsAll(audit.selection());
    }

    @Test
    void aBulkTagFixReachesAwsForEachSnapshotAndTheAuditFollows() throws InterruptedException {
        List<Audit.Finding> lacking = audit.findings().stream()
                .filter(f -> !f.tags().isEmpty() && !f.snapshot().isForeign() && f.snapshot().type()
                        == dev.snapferry.core.model.SnapshotType.MANUAL).limit(3).toList();
        assertThat(lacking).hasSize(3);
        // One of them disappears from AWS behind the app's back: its line says so, the others go through.
        Snapshot gone = lacking.get(2).snapshot();
        writer.delete(session(gone), gone);
        audit.selection().setAll(lacking);
        dialogs.answerTags(editor -> {
            assertThat(editor.rows()).extracting(r -> r.keyProperty().get()).contains("Owner");
            editor.rows().forEach(r -> r.valueProperty().set(switch (r.keyProperty().get()) {
                case "Environment" -> "production";
                case "Owner" -> "dba-team";
                default -> "cc-7";
            }));
        });
        audit.fixTags();
        until(() -> !audit.busyProperty().get() && audit.results().size() == 3);
        assertThat(audit.results()).extracting(AuditViewModel.FixResult::done).containsExactly(true, true, false);
        assertThat(audit.results().get(2).text()).isNotBlank();
        assertThat(audit.messageProperty().get()).contains("2 snapshots changed, 1 refused");
        for (Audit.Finding fixed : lacking.subList(0, 2)) {
            Snapshot s = fixed.snapshot();
            assertThat(writer.describe(session(s), s.region(), s.identifier()).orElseThrow().tags())
                    .contains(new Tag("Owner", "dba-team"));
        }
        // The regions (perhaps two) are listed again and the audit recomputed: the fixed ones no longer break the
        // policy.
        List<String> fixed = List.of(Audit.id(lacking.get(0).snapshot()), Audit.id(lacking.get(1).snapshot()));
        until(() -> !browser.catalog().loadingProperty().get() && audit.findings().stream().noneMatch(f ->
                fixed.contains(Audit.id(f.snapshot())) && !f.tags().isEmpty()));
    }

    @Test
    void makingAPublicSnapshotPrivateAsksFirstAndKeepsNamedAccounts() throws InterruptedException {
        Audit.Finding exposed = audit.findings().stream().filter(Audit.Finding::isPublic).findFirst().orElseThrow();
        Snapshot s = exposed.snapshot();
        audit.selection().setAll(List.of(exposed));
        dialogs.answerConfirm(false);
        audit.makePrivate();
        assertThat(dialogs.shown()).last().satisfies(d -> assertThat(d.message()).contains(s.identifier()));
        assertThat(writer.restoreAccounts(session(s), s)).contains("all");

        dialogs.answerConfirm(true);
        audit.makePrivate();
        until(() -> !audit.busyProperty().get() && audit.results().size() == 1);
        assertThat(writer.restoreAccounts(session(s), s)).doesNotContain("all").contains(DemoAccounts.PRODUCTION);
        until(() -> Audit.count(audit.auditProperty().get().sharing(), Audit.Sharing.PUBLIC) == 0
                && Audit.count(audit.auditProperty().get().sharing(), Audit.Sharing.NOT_CHECKED) == 0);
    }

    @Test
    void aShareMadeElsewhereReachesTheSharingChartWithoutReadingAgain() throws InterruptedException {
        Snapshot s = browser.catalog().rows().stream().map(SnapshotRow::snapshot)
                .filter(x -> Audit.shareable(x) && !x.storageEncrypted() && !x.isForeign()).filter(x -> Audit
                        .find(audit.auditProperty().get().sharing(), "", Audit.Sharing.PRIVATE).ids()
                        .contains(Audit.id(x))).findFirst().orElseThrow();
        audit.sharingChanged(s.arn(), java.util.Set.of("all"));
        until(() -> Audit.find(audit.auditProperty().get().sharing(), "", Audit.Sharing.PUBLIC).ids()
                .contains(Audit.id(s)));
        assertThat(audit.findings()).anySatisfy(f -> assertThat(f.snapshot().arn()).isEqualTo(s.arn()));
    }

    @Test
    void removingTagKeysRefusesABadKeyAtTheFieldAndSkipsSnapshotsWithoutThem() throws InterruptedException {
        List<Audit.Finding> chosen = audit.findings().stream().filter(f -> !f.snapshot().isForeign()
                && f.snapshot().tags().stream().anyMatch(t -> t.key().equals("Environment"))).limit(2).toList();
        Audit.Finding untagged = audit.findings().stream().filter(f -> !f.snapshot().isForeign()
                && f.snapshot().tags().isEmpty()).findFirst().orElseThrow();
        List<Audit.Finding> selected = new ArrayList<>(chosen);
        selected.add(untagged);
        audit.selection().setAll(selected);
        dialogs.answerText("Environment, aws:owner");
        audit.removeTagKeys();
        assertThat(dialogs.refusals()).last().asString().startsWith("\u201caws:owner\u201d cannot be a tag key");
        dialogs.answerText("Environment");
        audit.removeTagKeys();
        until(() -> !audit.busyProperty().get() && audit.results().size() == 3);
        assertThat(audit.results()).allMatch(AuditViewModel.FixResult::done);
        assertThat(audit.results().getLast().text()).contains("left as it is");
        Snapshot first = chosen.getFirst().snapshot();
        assertThat(writer.describe(session(first), first.region(), first.identifier()).orElseThrow().tags())
                .noneMatch(t -> t.key().equals("Environment"));
    }

    /** Keys set or removed on Elastic and Aurora snapshots at once must suit both APIs, whichever comes first. */
    @Test
    void removingTagKeysFromElasticAndAuroraSnapshotsRefusesAKeyEitherApiRefuses() {
        Audit.Finding elastic = own(dev.snapferry.core.model.Engine.DOCUMENTDB_ELASTIC);
        Audit.Finding aurora = own(dev.snapferry.core.model.Engine.AURORA_MYSQL);
        for (List<Audit.Finding> order : List.of(List.of(elastic, aurora), List.of(aurora, elastic))) {
            audit.selection().setAll(order);
            // Elastic's TagKey pattern refuses the space; the RDS family reserves rds:.
            for (String key : List.of("Cost Center", "rds:owner")) {
                int before = dialogs.refusals().size();
                dialogs.answerText(key);
                audit.removeTagKeys();
                assertThat(dialogs.refusals()).as("%s with %s first", key, order.getFirst().snapshot().engine())
                        .hasSize(before + 1).last().asString().startsWith("\u201c" + key + "\u201d");
            }
        }
    }

    private Audit.Finding own(dev.snapferry.core.model.Engine engine) {
        return audit.findings().stream().filter(f -> !f.snapshot().isForeign() && f.snapshot().engine() == engine)
                .findFirst().orElseThrow();
    }

    private Snapshot byId(String id) {
        return browser.catalog().rows().stream().map(SnapshotRow::snapshot).filter(s -> Audit.id(s).equals(id)).findFirst()
                .orElseThrow();
    }

    private AccountSession session(Snapshot s) {
        return sessions.stream().filter(x -> x.accountId().equals(s.accountId())).findFirst().orElseThrow();
    }

    private void until(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean()) {
            Runnable next = uiQueue.poll(50, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            }
            assertThat(System.nanoTime()).as("condition reached in time").isLessThan(deadline);
        }
    }

    private AccountSession open(String key, String secret, String profile) {
        return AccountSession.open(profile, true, new RegionRef("us-east-1"), new AwsClients(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)), simulator.endpoint(),
                http, 3));
    }
}
