package dev.snapferry.ui.share;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.app.LiveSnapshotActions;
import dev.snapferry.app.LiveSnapshotSource;
import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.rules.TagSpec;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import dev.snapferry.ui.browser.BrowserViewModel;
import dev.snapferry.ui.browser.TestBrowsers;
import dev.snapferry.ui.catalog.AccountCatalog;
import dev.snapferry.ui.catalog.RegionStatus;
import dev.snapferry.ui.catalog.SnapshotRow;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.RecordingDialogService;
import dev.snapferry.ui.common.SameThreadTaskRunner;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The Share action without a toolkit: the browser's ViewModel and the share dialog's, on the demo simulator through
 * the real SDK, with a scripted user in place of the dialog.
 */
@Timeout(120)
class ShareViewModelTest {

    private static final String PRODUCTION = DemoAccounts.PRODUCTION;
    private static final String DR = DemoAccounts.DISASTER_RECOVERY;
    /** Aurora proper: the Aurora family in the browser also holds RDS Multi-AZ DB clusters. */
    private static final Set<Engine> AURORA = Set.of(Engine.AURORA_MYSQL, Engine.AURORA_POSTGRESQL);
    private static final Function<Engine, TagSpec> TAG_SPECS =
            engine -> CapabilityMatrix.loadDefault().forEngine(engine).tags();

    private static Simulator simulator;
    private static SdkHttpClient http;
    private static List<AccountSession> sessions;

    /** Stands in for the FX thread: listings' results queue here and the test runs them in order. */
    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final RecordingShareDialogs share = new RecordingShareDialogs();
    private BrowserViewModel browser;

    @BeforeAll
    static void start() throws Exception {
        simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.now()), FaultSettings.none(),
                new DemoDataset()));
        http = ApacheHttpClient.create();
        sessions = List.of(open(DemoAccounts.PRODUCTION_ACCESS_KEY, DemoAccounts.PRODUCTION_SECRET_KEY,
                        "demo-production"),
                open(DemoAccounts.DR_ACCESS_KEY, DemoAccounts.DR_SECRET_KEY, "demo-disaster-recovery"));
    }

    @AfterAll
    static void stop() {
        sessions.forEach(AccountSession::close);
        http.close();
        simulator.close();
    }

    @BeforeEach
    void listTheDemo() throws InterruptedException {
        browser = TestBrowsers.browser(new LiveSnapshotSource(sessions, new SnapshotLister(new KmsDirectory(), 8)),
                new LiveSnapshotActions(sessions, new SnapshotWriter()),
                AccountCatalog.fixed(Set.of("demo-production", "demo-disaster-recovery"),
                        simulator.endpoint().toString()), TAG_SPECS, uiQueue::add, new SameThreadTaskRunner(), dialogs,
                share, Messages.load(Locale.ROOT));
        browser.catalog().regions().setAll(DemoDataset.REGIONS.stream().map(RegionRef::new).toList());
        browser.catalog().refresh();
        drain();
    }

    @Test
    void sharingAProductionAuroraSnapshotWithTheDrAccountReachesAwsAndRemovingItStopsIt()
            throws InterruptedException {
        // In us-east-1, where sharedWithDr() looks.
        Snapshot aurora = select(s -> s.accountId().equals(PRODUCTION) && s.type() == SnapshotType.MANUAL
                && AURORA.contains(s.engine()) && s.storageEncrypted() && !s.awsManagedKey()
                && s.status().state() == SnapshotState.AVAILABLE && s.region().code().equals("us-east-1"));
        assertThat(browser.canShare().get()).isTrue();
        assertThat(restore(aurora)).doesNotContain(DR);
        // The audit's sharing chart hears what the share made of the attribute, through the one catalog.
        java.util.Map<String, java.util.Set<String>> heard = new java.util.HashMap<>();
        browser.catalog().onSharingChanged(heard::put);

        share.answer(dialog -> {
            assertThat(dialog.stateProperty().get()).isEqualTo(ShareViewModel.State.READY);
            assertThat(dialog.suggestions()).extracting(ShareViewModel.Suggestion::label)
                    .containsExactly("demo-disaster-recovery (" + DR + ")");
            dialog.suggest(dialog.suggestions().getFirst());
            assertThat(dialog.accountProblemProperty().get()).isEmpty();
            dialog.add();
            assertThat(dialog.accounts()).containsExactly(DR);
            assertThat(dialog.label(DR)).isEqualTo("demo-disaster-recovery (" + DR + ")");
            assertThat(dialog.changes()).isEqualTo(new ShareViewModel.Changes(List.of(DR), List.of()));
            return dialog.canSaveProperty().get();
        });
        browser.shareSelected();
        drain();
        assertThat(heard).containsKey(aurora.arn());
        assertThat(heard.get(aurora.arn())).contains(DR);

        assertThat(restore(aurora)).containsExactly(DR);
        assertThat(sharedWithDr()).contains(aurora.arn());
        assertThat(browser.catalog().messageProperty().get())
                .isEqualTo("Sharing of " + aurora.identifier() + " saved: shared with 1 account.");
        assertThat(dialogs.shown()).noneMatch(d -> d.kind().equals("error"));

        share.answer(dialog -> {
            assertThat(dialog.accounts()).as("read from AWS as the dialog opened").containsExactly(DR);
            dialog.remove(DR);
            assertThat(dialog.changes()).isEqualTo(new ShareViewModel.Changes(List.of(), List.of(DR)));
            return true;
        });
        browser.shareSelected();
        drain();

        assertThat(restore(aurora)).isEmpty();
        assertThat(sharedWithDr()).doesNotContain(aurora.arn());
        assertThat(browser.catalog().messageProperty().get())
                .isEqualTo("Sharing of " + aurora.identifier() + " saved: shared with no account.");
    }

    @Test
    void aBadAccountIdIsRefusedAtTheFieldWithItsReason() {
        select(s -> s.accountId().equals(PRODUCTION) && s.type() == SnapshotType.MANUAL
                && s.engine().family() == EngineFamily.AURORA);
        share.answer(dialog -> {
            dialog.accountInputProperty().set("12345");
            assertThat(dialog.accountProblemProperty().get())
                    .isEqualTo("\u201C12345\u201D is not an AWS account id: an account id is 12 digits.");
            assertThat(dialog.canAddProperty().get()).isFalse();
            assertThat(dialog.canSaveProperty().get()).as("Save would drop what is typed").isFalse();
            dialog.accountInputProperty().set("44445555666a");
            assertThat(dialog.accountProblemProperty().get()).contains("is not an AWS account id");

            dialog.accountInputProperty().set("1111-2222-3333");
            assertThat(dialog.accountProblemProperty().get()).isEqualTo(PRODUCTION
                    + " is the snapshot\u2019s own account: its owner can always copy and restore it.");

            dialog.accountInputProperty().set(DR);
            dialog.add();
            dialog.accountInputProperty().set("4444 5555 6666");
            assertThat(dialog.accountProblemProperty().get())
                    .isEqualTo("The snapshot is already shared with " + DR + ".");

            for (int i = 1; dialog.accounts().size() < 20; i++) {
                dialog.accountInputProperty().set(String.format("%012d", 900_000_000_000L + i));
                dialog.add();
            }
            dialog.accountInputProperty().set("123456789012");
            assertThat(dialog.accountProblemProperty().get())
                    .isEqualTo("AWS shares a snapshot with at most 20 accounts. Remove one before adding another.");
            assertThat(dialog.canAddProperty().get()).isFalse();
            dialog.add();
            assertThat(dialog.accounts()).hasSize(20).doesNotContain("123456789012");

            dialog.accountInputProperty().set("");
            assertThat(dialog.accountProblemProperty().get()).isEmpty();
            return false;
        });
        browser.shareSelected();
    }

    @Test
    void anEncryptedSnapshotCannotBeMadePublicAndAnUnencryptedOneCan() throws InterruptedException {
        select(s -> s.accountId().equals(PRODUCTION) && s.type() == SnapshotType.MANUAL && s.storageEncrypted()
                && AURORA.contains(s.engine()));
        share.answer(dialog -> {
            assertThat(dialog.publicAllowedProperty().get()).isFalse();
            assertThat(dialog.publicRefusal()).isEqualTo("Encrypted snapshots can\u2019t be public (AWS: \u201CYou"
                    + " can\u2019t share encrypted snapshots as public\u201D). Share it with named accounts instead.");
            dialog.publicProperty().set(true);
            assertThat(dialog.publicProblemProperty().get()).isEqualTo(dialog.publicRefusal());
            assertThat(dialog.canSaveProperty().get()).isFalse();
            return false;
        });
        browser.shareSelected();

        Snapshot plain = select(s -> s.accountId().equals(PRODUCTION) && s.type() == SnapshotType.MANUAL
                && !s.storageEncrypted() && s.engine().family() != EngineFamily.DOCUMENTDB_ELASTIC);
        share.answer(dialog -> {
            assertThat(dialog.publicAllowedProperty().get()).isTrue();
            dialog.publicProperty().set(true);
            assertThat(dialog.publicProblemProperty().get()).isEmpty();
            assertThat(dialog.changes()).isEqualTo(new ShareViewModel.Changes(List.of("all"), List.of()));
            return dialog.canSaveProperty().get();
        });
        browser.shareSelected();
        drain();
        assertThat(restore(plain)).containsExactly("all");

        share.answer(dialog -> {
            assertThat(dialog.publicProperty().get()).as("read as public").isTrue();
            dialog.publicProperty().set(false);
            return true;
        });
        browser.shareSelected();
        drain();
        assertThat(restore(plain)).isEmpty();
    }

    @Test
    void anAccountTheKeyPolicyDoesNotAdmitIsAWarningWhileOneItAdmitsIsNot() throws InterruptedException {
        // Production's eu-central-1 key keeps KMS's default policy; its us-east-1 key admits disaster recovery.
        Snapshot refused = select(s -> s.accountId().equals(PRODUCTION) && s.type() == SnapshotType.MANUAL
                && s.storageEncrypted() && !s.awsManagedKey() && s.region().code().equals("eu-central-1"));
        share.answer(dialog -> {
            assertThat(dialog.keyWarningProperty().get()).as("nobody shared with yet").isEmpty();
            dialog.accountInputProperty().set(DR);
            assertThat(dialog.keyWarningProperty().get()).contains("does not let").contains(DR)
                    .contains("AWS refuses their copy");
            assertThat(dialog.canSaveProperty().get()).as("a warning, not a refusal").isTrue();
            return false;
        });
        browser.shareSelected();

        select(s -> s.accountId().equals(PRODUCTION) && s.type() == SnapshotType.MANUAL && s.storageEncrypted()
                && !s.awsManagedKey() && s.region().code().equals("us-east-1")
                && s.engine().family() != EngineFamily.DOCUMENTDB_ELASTIC);
        share.answer(dialog -> {
            dialog.accountInputProperty().set(DR);
            assertThat(dialog.keyWarningProperty().get()).as("the key's policy admits " + DR).isEmpty();
            return false;
        });
        browser.shareSelected();
    }

    @Test
    void anAwsManagedKeyIsAWarningAndAwsHasTheLastWord() throws InterruptedException {
        Snapshot managed = select(s -> s.accountId().equals(PRODUCTION) && s.type() == SnapshotType.MANUAL
                && s.storageEncrypted() && s.awsManagedKey() && s.engine().family() != EngineFamily.DOCUMENTDB_ELASTIC);
        assertThat(browser.canShare().get()).as("a warning, not a refusal").isTrue();
        share.answer(dialog -> {
            assertThat(dialog.warning()).isEqualTo("The snapshot " + managed.identifier() + " is encrypted with the"
                    + " AWS managed key " + managed.kmsKeyAlias() + ", which cannot be shared with other accounts."
                    + " Copy it with a customer managed key, then share the copy.");
            dialog.accountInputProperty().set(DR);
            assertThat(dialog.canSaveProperty().get()).isTrue();
            return true;
        });
        browser.shareSelected();
        drain();

        assertThat(dialogs.shown()).filteredOn(d -> d.kind().equals("error")).singleElement()
                .satisfies(d -> {
                    assertThat(d.title()).isEqualTo("AWS refused the change");
                    assertThat(d.message()).contains("InvalidParameterValue");
                });
        assertThat(restore(managed)).doesNotContain(DR);

        Snapshot customer = select(s -> s.accountId().equals(PRODUCTION) && s.type() == SnapshotType.MANUAL
                && s.storageEncrypted() && !s.awsManagedKey() && s.engine().family() == EngineFamily.NEPTUNE);
        share.answer(dialog -> {
            assertThat(dialog.warning()).as("customer managed key of " + customer.identifier()).isEmpty();
            return false;
        });
        browser.shareSelected();
    }

    @Test
    void elasticAutomatedAndOtherAccountsSnapshotsCannotBeSharedAndSayWhyWhileTheRdsFamilysManualOnesCan() {
        select(s -> s.engine() == Engine.DOCUMENTDB_ELASTIC && s.type() == SnapshotType.MANUAL && !s.isForeign());
        assertThat(browser.canShare().get()).isFalse();
        assertThat(browser.shareHint().get()).isEqualTo("DocumentDB Elastic snapshots cannot be shared with other"
                + " accounts: they have no sharing attribute, and AWS offers no call that shares them.");
        share.answer(dialog -> {
            throw new AssertionError("no dialog for an Elastic snapshot");
        });
        browser.shareSelected();

        select(s -> s.type() == SnapshotType.AUTOMATED && s.engine().family() == EngineFamily.AURORA);
        assertThat(browser.canShare().get()).isFalse();
        assertThat(browser.shareHint().get()).isEqualTo("Only manual snapshots can be shared. Copy this snapshot to a"
                + " manual one, then share the copy.");

        Snapshot foreign = select(Snapshot::isForeign);
        assertThat(browser.canShare().get()).isFalse();
        assertThat(browser.shareHint().get()).isEqualTo("This snapshot belongs to account "
                + foreign.ownerAccountId() + ": only its owner can share it.");

        for (Engine engine : List.of(Engine.AURORA_MYSQL, Engine.AURORA_POSTGRESQL, Engine.RDS_MULTI_AZ_CLUSTER,
                Engine.DOCUMENTDB, Engine.NEPTUNE)) {
            select(s -> !s.isForeign() && s.type() == SnapshotType.MANUAL && s.engine() == engine);
            assertThat(browser.canShare().get()).as(engine.name()).isTrue();
            assertThat(browser.shareHint().get())
                    .isEqualTo("Choose which AWS accounts may copy or restore this snapshot, or make it public.");
        }
    }

    @Test
    void aRefusedReadSaysWhyAndNothingCanBeSaved() {
        select(s -> s.accountId().equals(PRODUCTION) && s.type() == SnapshotType.MANUAL
                && s.engine().family() == EngineFamily.AURORA);
        simulator.faults().set(new FaultSettings(0, 0, 0, 0, List.of(), Map.of(),
                Map.of(PRODUCTION, List.of("rds"))));
        try {
            share.answer(dialog -> {
                assertThat(dialog.stateProperty().get()).isEqualTo(ShareViewModel.State.FAILED);
                assertThat(dialog.statusProperty().get()).startsWith("Who the snapshot is shared with could not be"
                        + " read, so nothing can be changed here.");
                dialog.accountInputProperty().set(DR);
                assertThat(dialog.canAddProperty().get()).isFalse();
                assertThat(dialog.canSaveProperty().get()).isFalse();
                return false;
            });
            browser.shareSelected();
        } finally {
            simulator.faults().set(FaultSettings.none());
        }
    }

    private Snapshot select(Predicate<Snapshot> which) {
        SnapshotRow row = browser.visibleRows().stream().filter(r -> which.test(r.snapshot())).findFirst()
                .orElseThrow(() -> new AssertionError("the demo has no such snapshot"));
        browser.selectedProperty().set(row);
        return row.snapshot();
    }

    /** The snapshot's {@code restore} attribute, asked of AWS directly. */
    private static List<String> restore(Snapshot s) {
        return sessions.getFirst().clients().rds(s.region()).describeDBClusterSnapshotAttributes(b -> b
                        .dbClusterSnapshotIdentifier(s.identifier())).dbClusterSnapshotAttributesResult()
                .dbClusterSnapshotAttributes().stream().filter(a -> a.attributeName().equals("restore"))
                .flatMap(a -> a.attributeValues().stream()).toList();
    }

    /** The ARNs of the snapshots shared with the DR account in us-east-1, as the DR account lists them. */
    private static List<String> sharedWithDr() {
        return sessions.get(1).clients().rds(new RegionRef("us-east-1")).describeDBClusterSnapshotsPaginator(b -> b
                        .snapshotType("shared").includeShared(true)).dbClusterSnapshots().stream()
                .map(software.amazon.awssdk.services.rds.model.DBClusterSnapshot::dbClusterSnapshotArn).toList();
    }

    /** Runs UI work until the listing is over: every region answered and the completion ran. */
    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (browser.catalog().loadingProperty().get() || browser.catalog().regionStatuses().stream()
                .anyMatch(s -> s.state() == RegionStatus.State.LOADING) || !uiQueue.isEmpty()) {
            Runnable next = uiQueue.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            }
            assertThat(System.nanoTime()).as("listing finished in time").isLessThan(deadline);
        }
    }

    private static AccountSession open(String key, String secret, String profile) {
        return AccountSession.open(profile, true, new RegionRef("us-east-1"), new AwsClients(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)), simulator.endpoint(),
                http, 3));
    }
}
