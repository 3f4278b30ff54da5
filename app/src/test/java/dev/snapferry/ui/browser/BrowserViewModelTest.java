package dev.snapferry.ui.browser;

import dev.snapferry.app.LiveSnapshotActions;
import dev.snapferry.app.LiveSnapshotSource;
import dev.snapferry.ui.catalog.AccountChoice;
import dev.snapferry.ui.catalog.AccountCatalog;
import dev.snapferry.ui.catalog.RegionStatus;
import dev.snapferry.ui.catalog.SnapshotRow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapferry.core.audit.QuickFilter;
import dev.snapferry.core.audit.TagPolicy;
import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.export.SnapshotExport;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.RecordingDialogService;
import dev.snapferry.ui.common.SameThreadTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/** The browser's ViewModel without a toolkit, fed by the real lister from the demo simulator. */
class BrowserViewModelTest {

    private static Simulator simulator;
    private static SdkHttpClient http;
    private static List<AccountSession> sessions;

    /** Stands in for the FX thread: results queue here and the test runs them in order. */
    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private BrowserViewModel viewModel;

    @TempDir
    Path folder;

    @BeforeAll
    static void start() throws Exception {
        simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.now()), FaultSettings.none(),
                new DemoDataset()));
        http = ApacheHttpClient.create();
        sessions = List.of(open(DemoAccounts.PRODUCTION_ACCESS_KEY, DemoAccounts.PRODUCTION_SECRET_KEY, "demo"),
                open(DemoAccounts.DR_ACCESS_KEY, DemoAccounts.DR_SECRET_KEY, "demo-dr"));
    }

    @AfterAll
    static void stop() {
        sessions.forEach(AccountSession::close);
        http.close();
        simulator.close();
    }

    static final java.util.function.Function<dev.snapferry.core.model.Engine, dev.snapferry.core.rules.TagSpec>
            TAG_SPECS = engine -> dev.snapferry.core.rules.CapabilityMatrix.loadDefault().forEngine(engine).tags();

    @BeforeEach
    void createViewModel() {
        viewModel = TestBrowsers.browser(new LiveSnapshotSource(sessions, new SnapshotLister(new KmsDirectory(), 8)),
                new LiveSnapshotActions(sessions, new SnapshotWriter()),
                AccountCatalog.fixed(java.util.Set.of("demo", "demo-dr"),
                        simulator.endpoint().toString()), TAG_SPECS, uiQueue::add, new SameThreadTaskRunner(), dialogs,
                Messages.load(Locale.ROOT));
        viewModel.catalog().regions().setAll(DemoDataset.REGIONS.stream().map(RegionRef::new).toList());
    }

    @AfterEach
    void clearFaults() {
        simulator.faults().set(FaultSettings.none());
    }

    @Test
    void rowsOfEveryAccountRegionAndEngineArriveRegionByRegion() throws InterruptedException {
        viewModel.catalog().refresh();
        assertThat(viewModel.catalog().loadingProperty().get()).isTrue();
        assertThat(viewModel.catalog().regionStatuses()).hasSize(12)
                .allMatch(s -> s.state() == RegionStatus.State.LOADING);
        int before = viewModel.catalog().totalProperty().get();
        runOne();
        assertThat(viewModel.catalog().totalProperty().get()).as("one region in, others pending").isGreaterThanOrEqualTo(before);
        drain();
        assertThat(viewModel.catalog().loadingProperty().get()).isFalse();
        assertThat(viewModel.catalog().regionStatuses()).allMatch(s -> s.state() == RegionStatus.State.LOADED);
        List<Snapshot> shown = snapshots();
        assertThat(shown).extracting(s -> s.engine().family()).contains(EngineFamily.values());
        assertThat(shown).extracting(Snapshot::accountId).contains(DemoAccounts.PRODUCTION,
                DemoAccounts.DISASTER_RECOVERY);
        assertThat(viewModel.shownProperty().get()).isEqualTo(viewModel.catalog().totalProperty().get());
        assertThat(shown.getFirst().createTime()).isAfterOrEqualTo(shown.getLast().createTime());
    }

    @Test
    void filtersAndSearchNarrowTheRows() throws InterruptedException {
        loadAll();
        int total = viewModel.catalog().totalProperty().get();
        viewModel.filter().engineProperty(EngineFamily.AURORA).set(false);
        assertThat(snapshots()).noneMatch(s -> s.engine().family() == EngineFamily.AURORA).isNotEmpty();
        viewModel.filter().engineProperty(EngineFamily.AURORA).set(true);
        viewModel.filter().typeProperty(SnapshotType.AUTOMATED).set(false);
        assertThat(snapshots()).noneMatch(s -> s.type() == SnapshotType.AUTOMATED);
        viewModel.filter().typeProperty(SnapshotType.AUTOMATED).set(true);
        viewModel.filter().quickFilterProperty(QuickFilter.UNENCRYPTED).set(true);
        assertThat(snapshots()).isNotEmpty().allMatch(s -> !s.storageEncrypted());
        viewModel.filter().quickFilterProperty(QuickFilter.UNENCRYPTED).set(false);
        viewModel.filter().quickFilterProperty(QuickFilter.IN_PROGRESS).set(true);
        assertThat(snapshots()).isNotEmpty().allMatch(s -> s.status().state().isInProgress());
        viewModel.filter().quickFilterProperty(QuickFilter.IN_PROGRESS).set(false);
        viewModel.filter().searchProperty().set("ORDERS-aurora");
        assertThat(snapshots()).isNotEmpty().allMatch(s -> (s.identifier() + s.clusterIdentifier()).contains("orders"));
        viewModel.filter().searchProperty().set("");
        assertThat(viewModel.shownProperty().get()).isEqualTo(total);
    }

    @Test
    void rememberedAnswersAgreeWithTheQueryWhateverTheOrderOfTyping() throws InterruptedException {
        loadAll();
        List<Snapshot> all = viewModel.visibleRows().stream().map(SnapshotRow::snapshot).toList();
        java.util.Random random = new java.util.Random(42);
        String[] texts = {"", "o", "or", "orders", "orders-a", "orders", "o", "", "a", "aws", "alias/", "alias",
            "rds:", "rds", "prod", "prod dr", "prod", "2026", "2026-1", "x", ""};
        for (int step = 0; step < 120; step++) {
            switch (random.nextInt(4)) {
                case 0 -> viewModel.filter().engineProperty(EngineFamily.values()[random.nextInt(EngineFamily.values().length)])
                        .set(random.nextBoolean());
                case 1 -> viewModel.filter().quickFilterProperty(QuickFilter.values()[random.nextInt(QuickFilter.values()
                        .length)]).set(random.nextInt(4) == 0);
                default -> viewModel.filter().searchProperty().set(texts[random.nextInt(texts.length)]);
            }
            var query = viewModel.filter().query();
            assertThat(snapshots()).as("step %d: %s", step, query)
                    .containsExactlyInAnyOrderElementsOf(all.stream().filter(query::matches).toList());
            if (step == 60) {
                // A region listed again mid-way: new row objects the remembered answers never saw.
                viewModel.catalog().refresh();
                drain();
                all = snapshotsOfAllRows();
            }
        }
    }

    private List<Snapshot> snapshotsOfAllRows() {
        String search = viewModel.filter().searchProperty().get();
        var engines = new java.util.EnumMap<EngineFamily, Boolean>(EngineFamily.class);
        for (EngineFamily f : EngineFamily.values()) {
            engines.put(f, viewModel.filter().engineProperty(f).get());
            viewModel.filter().engineProperty(f).set(true);
        }
        var quick = new java.util.EnumMap<QuickFilter, Boolean>(QuickFilter.class);
        for (QuickFilter q : QuickFilter.values()) {
            quick.put(q, viewModel.filter().quickFilterProperty(q).get());
            viewModel.filter().quickFilterProperty(q).set(false);
        }
        viewModel.filter().searchProperty().set("");
        List<Snapshot> every = snapshots();
        engines.forEach((f, on) -> viewModel.filter().engineProperty(f).set(on));
        quick.forEach((q, on) -> viewModel.filter().quickFilterProperty(q).set(on));
        viewModel.filter().searchProperty().set(search);
        return every;
    }

    @Test
    void aFailedRegionKeepsItsRowsAndSaysWhy() throws InterruptedException {
        loadAll();
        long before = snapshots().stream().filter(s -> s.region().code().equals("eu-west-1")).count();
        simulator.faults().set(new FaultSettings(0, 0, 0, 0, List.of(), Map.of(DemoAccounts.PRODUCTION,
                List.of("eu-west-1")), Map.of()));
        viewModel.catalog().refresh();
        drain();
        RegionStatus failed = viewModel.catalog().regionStatuses().stream()
                .filter(s -> s.state() == RegionStatus.State.FAILED).findFirst().orElseThrow();
        assertThat(failed.region().code()).isEqualTo("eu-west-1");
        assertThat(failed.problem()).contains("not enabled", "InvalidClientTokenId");
        assertThat(snapshots().stream().filter(s -> s.region().code().equals("eu-west-1")).count())
                .isEqualTo(before);

        simulator.faults().set(FaultSettings.none());
        viewModel.catalog().retry(failed);
        drain();
        assertThat(viewModel.catalog().regionStatuses()).allMatch(s -> s.state() == RegionStatus.State.LOADED);
    }

    @Test
    void choosingRegionsListsExactlyThoseInTheMenusOrder() throws InterruptedException {
        viewModel.catalog().availableRegions().setAll(DemoDataset.REGIONS.stream().map(RegionRef::new).toList());
        loadAll();
        viewModel.catalog().chooseRegions(List.of(new RegionRef("eu-west-1"), new RegionRef("us-east-1")));
        assertThat(viewModel.catalog().regions()).extracting(RegionRef::code).containsExactly("us-east-1", "eu-west-1");
        drain();
        assertThat(snapshots()).extracting(s -> s.region().code()).containsOnly("us-east-1", "eu-west-1");
        assertThat(viewModel.catalog().regionStatuses()).hasSize(4);

        int listings = viewModel.catalog().regionStatuses().size();
        viewModel.catalog().chooseRegions(List.of(new RegionRef("us-east-1"), new RegionRef("eu-west-1")));
        assertThat(viewModel.catalog().loadingProperty().get()).as("the same choice lists nothing again").isFalse();
        assertThat(viewModel.catalog().regionStatuses()).hasSize(listings);
    }

    @Test
    void deletingNeedsTheIdentifierTypedExactly() throws InterruptedException {
        loadAll();
        SnapshotRow manual = row(s -> s.type() == SnapshotType.MANUAL && !s.isForeign()
                && s.status().state() == dev.snapferry.core.model.SnapshotState.AVAILABLE
                && s.engine().family() == EngineFamily.NEPTUNE);
        viewModel.selectedProperty().set(manual);
        assertThat(viewModel.canDelete().get()).isTrue();
        dialogs.answerTyped(manual.snapshot().identifier().toUpperCase(Locale.ROOT));
        viewModel.deleteSelected();
        drain();
        assertThat(ids()).contains(manual.snapshot().arn());

        dialogs.answerTyped(manual.snapshot().identifier());
        viewModel.deleteSelected();
        drain();
        assertThat(ids()).doesNotContain(manual.snapshot().arn());
        assertThat(viewModel.catalog().messageProperty().get()).isEqualTo("Deleted " + manual.snapshot().identifier());
    }

    @Test
    void onlyWhatAwsAllowsIsOffered() throws InterruptedException {
        loadAll();
        viewModel.selectedProperty().set(row(s -> s.type() == SnapshotType.AUTOMATED));
        assertThat(viewModel.canDelete().get()).isFalse();
        assertThat(viewModel.canCancelCopy().get()).isFalse();
        assertThat(viewModel.canCreateSnapshot().get()).isTrue();
        viewModel.selectedProperty().set(row(Snapshot::isForeign));
        assertThat(viewModel.canDelete().get()).isFalse();
        assertThat(viewModel.canCreateSnapshot().get()).isFalse();
        viewModel.selectedProperty().set(row(s -> s.identifier().equals("shop-eu-aurora-keep-2026")));
        assertThat(viewModel.canCancelCopy().get()).isTrue();
        assertThat(viewModel.canDelete().get()).isFalse();
    }

    @Test
    void cancellingACopyDeletesItsTargetAfterAConfirmation() throws InterruptedException {
        loadAll();
        SnapshotRow copy = row(s -> s.identifier().equals("orders-aurora-dr-copy-3"));
        viewModel.selectedProperty().set(copy);
        dialogs.answerConfirm(false);
        viewModel.cancelSelectedCopy();
        drain();
        assertThat(ids()).contains(copy.snapshot().arn());
        dialogs.answerConfirm(true);
        viewModel.cancelSelectedCopy();
        drain();
        assertThat(ids()).doesNotContain(copy.snapshot().arn());
        assertThat(dialogs.shown()).filteredOn(d -> d.kind().equals("confirm"))
                .allMatch(d -> d.message().contains("orders-aurora-dr-copy-3"));
    }

    @Test
    void creatingASnapshotValidatesTheNameAndShowsAwsRefusals() throws InterruptedException {
        loadAll();
        viewModel.selectedProperty().set(row(s -> "catalog-docdb".equals(s.clusterIdentifier())
                && s.type() == SnapshotType.AUTOMATED));
        dialogs.answerText("bad--name");
        viewModel.createSnapshotOfSelectedCluster();
        assertThat(dialogs.refusals()).containsExactly("Replace the two hyphens in a row with one.");

        dialogs.answerText("catalog-docdb-before-upgrade");
        dialogs.answerTags(tags -> {
            var owner = tags.add();
            owner.keyProperty().set("aws:owner");
            owner.valueProperty().set("dba");
        });
        viewModel.createSnapshotOfSelectedCluster();
        assertThat(snapshots()).noneMatch(s -> s.identifier().equals("catalog-docdb-before-upgrade"));

        dialogs.answerTags(tags -> {
            var owner = tags.add();
            owner.keyProperty().set("Owner");
            owner.valueProperty().set("dba");
        });
        viewModel.createSnapshotOfSelectedCluster();
        drain();
        assertThat(snapshots()).anySatisfy(s -> {
            assertThat(s.identifier()).isEqualTo("catalog-docdb-before-upgrade");
            assertThat(s.status().state()).isEqualTo(dev.snapferry.core.model.SnapshotState.CREATING);
            assertThat(s.tags()).containsExactly(new dev.snapferry.core.model.Tag("Owner", "dba"));
        });

        viewModel.createSnapshotOfSelectedCluster();
        assertThat(dialogs.shown()).filteredOn(d -> d.kind().equals("error")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("DBClusterSnapshotAlreadyExistsFault"));
    }

    @Test
    void editingTagsSendsOnlyTheChangesAndTheTableShowsThem() throws InterruptedException {
        loadAll();
        SnapshotRow chosen = row(s -> !s.isForeign() && s.type() == SnapshotType.MANUAL
                && s.engine().family() == EngineFamily.AURORA && s.tags().size() >= 2);
        viewModel.selectedProperty().set(chosen);
        assertThat(viewModel.canEditTags().get()).isTrue();
        List<dev.snapferry.core.model.Tag> before = chosen.snapshot().tags();
        dialogs.answerTags(editor -> {
            editor.remove(editor.rows().getFirst());
            editor.rows().get(0).valueProperty().set("changed-value");
            var added = editor.add();
            added.keyProperty().set("Ticket");
            added.valueProperty().set("DBA-1234");
        });
        viewModel.editTagsOfSelected();
        drain();
        Snapshot after = row(s -> s.arn().equals(chosen.snapshot().arn())).snapshot();
        assertThat(after.tags()).extracting(dev.snapferry.core.model.Tag::key)
                .doesNotContain(before.get(0).key()).contains(before.get(1).key(), "Ticket");
        assertThat(after.tags()).contains(new dev.snapferry.core.model.Tag(before.get(1).key(), "changed-value"),
                new dev.snapferry.core.model.Tag("Ticket", "DBA-1234"));
        assertThat(viewModel.catalog().messageProperty().get()).isEqualTo("Tags of " + chosen.snapshot().identifier()
                + " saved: 2 set, 1 removed.");
    }

    @Test
    void elasticTagsAreEditedThroughTheirOwnApi() throws InterruptedException {
        loadAll();
        SnapshotRow elastic = row(s -> s.engine().family() == EngineFamily.DOCUMENTDB_ELASTIC && !s.isForeign());
        viewModel.selectedProperty().set(elastic);
        dialogs.answerTags(editor -> {
            var added = editor.add();
            added.keyProperty().set("Reviewed");
            added.valueProperty().set("yes");
        });
        viewModel.editTagsOfSelected();
        // Elastic tags come with the details, in the region's second delivery.
        until(() -> row(s -> s.arn().equals(elastic.snapshot().arn())).snapshot().tags()
                .contains(new dev.snapferry.core.model.Tag("Reviewed", "yes")));
    }

    @Test
    void invalidTagsCannotBeSavedAndNothingIsSent() throws InterruptedException {
        loadAll();
        SnapshotRow chosen = row(s -> !s.isForeign() && s.engine().family() == EngineFamily.NEPTUNE);
        viewModel.selectedProperty().set(chosen);
        dialogs.answerTags(editor -> {
            var added = editor.add();
            added.keyProperty().set("aws:owner");
            assertThat(added.keyProblemProperty().get()).contains("aws:");
        });
        viewModel.editTagsOfSelected();
        drain();
        assertThat(row(s -> s.arn().equals(chosen.snapshot().arn())).snapshot().tags())
                .isEqualTo(chosen.snapshot().tags());
        dialogs.answerTags(editor -> { });
        viewModel.editTagsOfSelected();
        assertThat(viewModel.catalog().messageProperty().get()).contains("unchanged");
    }

    @Test
    void theTagPolicyIsEditedRowByRowAndRefusesBadKeysAndPatterns() throws InterruptedException {
        loadAll();
        dialogs.answerTags(editor -> {
            editor.add().keyProperty().set("aws:team");
            assertThat(editor.validProperty().get()).isFalse();
            assertThat(editor.rows().getLast().keyProblemProperty().get()).contains("aws:");
            editor.rows().getLast().keyProperty().set("DataClass");
            editor.rows().getLast().valueProperty().set("(public|internal");
            assertThat(editor.rows().getLast().valueProblemProperty().get())
                    .startsWith("This is not a regular expression");
            editor.rows().getLast().valueProperty().set("public|internal|secret");
            editor.rows().removeIf(r -> r.keyProperty().get().equals("CostCenter"));
            assertThat(editor.validProperty().get()).isTrue();
        });
        viewModel.editTagPolicy();
        TagPolicy policy = viewModel.filter().tagPolicyProperty().get();
        assertThat(policy.keys()).containsExactly("Environment", "Owner", "DataClass");
        assertThat(policy.rules().getLast().allowedValues()).isEqualTo("public|internal|secret");
        // The quick filter follows the new policy: no snapshot here carries DataClass, so every one is shown.
        viewModel.filter().quickFilterProperty(QuickFilter.MISSING_REQUIRED_TAGS).set(true);
        assertThat(viewModel.visibleRows()).hasSameSizeAs(viewModel.catalog().rows());
        assertThat(policy.violations(viewModel.catalog().rows().getFirst().snapshot()))
                .extracting(dev.snapferry.core.audit.TagViolation::key).contains("DataClass");
    }

    @Test
    void aDrillDownShowsExactlyItsSnapshotsWhateverTheFilters() throws InterruptedException {
        loadAll();
        List<SnapshotRow> all = List.copyOf(viewModel.catalog().rows());
        List<String> chosen = all.stream().filter((SnapshotRow r) -> r.snapshot().engine().family()
                == EngineFamily.NEPTUNE).limit(3).map(r -> dev.snapferry.core.audit.Audit.id(r.snapshot())).toList();
        viewModel.filter().searchProperty().set("no-such-word");
        viewModel.filter().engineProperty(EngineFamily.NEPTUNE).set(false);
        viewModel.filter().showOnly("Three Neptune snapshots", chosen);
        assertThat(viewModel.visibleRows()).extracting(r -> dev.snapferry.core.audit.Audit.id(r.snapshot()))
                .containsExactlyInAnyOrderElementsOf(chosen);
        assertThat(viewModel.filter().restrictionProperty().get().label()).isEqualTo("Three Neptune snapshots");
        viewModel.filter().clearRestriction();
        assertThat(viewModel.visibleRows()).hasSameSizeAs(all);
    }

    @Test
    void accountsOpenAndCloseFromThePicker() throws InterruptedException {
        TestCatalog catalog = new TestCatalog();
        BrowserViewModel picker = TestBrowsers.browser(new LiveSnapshotSource(catalog.sessions,
                new SnapshotLister(new KmsDirectory(), 8)), new LiveSnapshotActions(catalog.sessions,
                new SnapshotWriter()), catalog, TAG_SPECS, uiQueue::add, new SameThreadTaskRunner(), dialogs,
                Messages.load(Locale.ROOT));
        viewModel = picker;
        picker.catalog().regions().setAll(List.of(new RegionRef("us-east-1")));
        picker.catalog().accounts().reloadChoices();
        assertThat(picker.catalog().accounts().choices()).extracting(AccountChoice::id).containsExactly("prod", "dr", "broken");
        assertThat(picker.catalog().accounts().fileProblems()).singleElement().asString().contains("line 1");

        picker.catalog().accounts().choose(List.of("prod"));
        drain();
        assertThat(picker.catalog().accounts().open()).containsExactly("prod");
        assertThat(snapshots()).isNotEmpty().allMatch(s -> s.accountId().equals(DemoAccounts.PRODUCTION)
                || s.isForeign());

        picker.catalog().accounts().choose(List.of("prod", "dr", "broken"));
        drain();
        assertThat(picker.catalog().accounts().open()).containsExactlyInAnyOrder("prod", "dr");
        assertThat(dialogs.shown()).filteredOn(d -> d.kind().equals("error")).singleElement()
                .satisfies(d -> assertThat(d.message()).isEqualTo("broken is refused on purpose"));
        assertThat(picker.catalog().regionStatuses()).extracting(r -> r.account().accountId())
                .containsExactlyInAnyOrder(DemoAccounts.PRODUCTION, DemoAccounts.DISASTER_RECOVERY);

        picker.catalog().accounts().choose(List.of("dr"));
        drain();
        assertThat(picker.catalog().accounts().open()).containsExactly("dr");
        assertThat(catalog.sessions.all()).extracting(AccountSession::accountId)
                .containsExactly(DemoAccounts.DISASTER_RECOVERY);
        assertThat(picker.catalog().regionStatuses()).extracting(r -> r.account().accountId())
                .containsExactly(DemoAccounts.DISASTER_RECOVERY);
        assertThat(snapshots()).noneMatch(s -> s.accountId().equals(DemoAccounts.PRODUCTION) && !s.isForeign());
        catalog.sessions.close();
    }

    /** Opens the two demo accounts of the simulator under the names "prod" and "dr"; "broken" always fails. */
    private static final class TestCatalog implements AccountCatalog {
        final dev.snapferry.core.aws.OpenSessions sessions = new dev.snapferry.core.aws.OpenSessions();

        @Override
        public List<AccountChoice> choices() {
            return List.of(new AccountChoice("prod", "access keys"), new AccountChoice("dr", "access keys"),
                    new AccountChoice("broken", "access keys"));
        }

        @Override
        public List<String> fileProblems() {
            return List.of("/home/dba/.aws/credentials cannot be read and is left out: Expected a profile definition"
                    + " on line 1");
        }

        @Override
        public java.util.Set<String> open() {
            return sessions.choices();
        }

        @Override
        public void open(String choice) {
            switch (choice) {
                case "prod" -> sessions.add(choice, List.of(BrowserViewModelTest.open(
                        DemoAccounts.PRODUCTION_ACCESS_KEY, DemoAccounts.PRODUCTION_SECRET_KEY, "prod")));
                case "dr" -> sessions.add(choice, List.of(BrowserViewModelTest.open(
                        DemoAccounts.DR_ACCESS_KEY, DemoAccounts.DR_SECRET_KEY, "dr")));
                default -> throw new AccountOpenException(choice + " is refused on purpose", null);
            }
        }

        @Override
        public void close(String choice) {
            sessions.remove(choice);
        }

        @Override
        public java.util.Optional<String> demoEndpoint() {
            return java.util.Optional.empty();
        }
    }

    private SnapshotRow row(java.util.function.Predicate<Snapshot> which) {
        return viewModel.visibleRows().stream().filter(r -> which.test(r.snapshot())).findFirst().orElseThrow();
    }

    private List<String> ids() {
        return snapshots().stream().map(Snapshot::arn).toList();
    }

    @Test
    void aRefreshKeepsTheSelectionOnTheSameSnapshot() throws InterruptedException {
        loadAll();
        SnapshotRow chosen = viewModel.visibleRows().get(3);
        viewModel.selectedProperty().set(chosen);
        viewModel.catalog().refresh();
        drain();
        assertThat(viewModel.selectedProperty().get()).isNotSameAs(chosen);
        assertThat(viewModel.selectedProperty().get().snapshot().arn()).isEqualTo(chosen.snapshot().arn());
        assertThat(viewModel.visibleRows()).contains(viewModel.selectedProperty().get());
    }

    @Test
    void theCliCommandDescribesTheSnapshotAgainstTheDemoEndpoint() throws InterruptedException {
        loadAll();
        Snapshot docdb = snapshots().stream().filter(s -> s.engine().family() == EngineFamily.DOCUMENTDB)
                .filter(s -> !s.isForeign()).findFirst().orElseThrow();
        assertThat(viewModel.describeCommand(docdb)).isEqualTo("aws docdb describe-db-cluster-snapshots "
                + "--db-cluster-snapshot-identifier " + docdb.identifier() + " --region " + docdb.region().code()
                + " --endpoint-url " + simulator.endpoint());
        Snapshot elastic = snapshots().stream().filter(s -> s.engine().family() == EngineFamily.DOCUMENTDB_ELASTIC)
                .findFirst().orElseThrow();
        assertThat(viewModel.describeCommand(elastic)).startsWith("aws docdb-elastic get-cluster-snapshot "
                + "--snapshot-arn " + elastic.arn());
    }

    @Test
    void exportWritesExactlyTheRowsShown() throws Exception {
        loadAll();
        viewModel.filter().searchProperty().set("catalog");
        Path file = folder.resolve("catalog.json");
        dialogs.answerSave(file);
        viewModel.export(SnapshotExport.Format.JSON);
        var written = new ObjectMapper().readTree(Files.readString(file));
        assertThat(written.size()).isEqualTo(viewModel.shownProperty().get()).isPositive();
        assertThat(viewModel.catalog().messageProperty().get()).contains("Exported " + written.size());
    }

    private void loadAll() throws InterruptedException {
        viewModel.catalog().refresh();
        drain();
    }

    private List<Snapshot> snapshots() {
        return viewModel.visibleRows().stream().map(SnapshotRow::snapshot).toList();
    }

    /** Runs UI work until {@code done} holds. */
    private void until(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean()) {
            Runnable next = uiQueue.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            }
            assertThat(System.nanoTime()).as("condition reached in time").isLessThan(deadline);
        }
    }

    private void runOne() throws InterruptedException {
        Runnable next = uiQueue.poll(30, TimeUnit.SECONDS);
        assertThat(next).as("a region answered").isNotNull();
        next.run();
    }

    /** Runs UI work until the listing is over: every region answered and the completion ran. */
    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (viewModel.catalog().loadingProperty().get()
                || viewModel.catalog().regionStatuses().stream().anyMatch(s -> s.state() == RegionStatus.State.LOADING)) {
            Runnable next = uiQueue.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            }
            assertThat(System.nanoTime()).as("listing finished in time").isLessThan(deadline);
        }
        Runnable rest;
        while ((rest = uiQueue.poll()) != null) {
            rest.run();
        }
    }

    private static AccountSession open(String key, String secret, String profile) {
        return AccountSession.open(profile, true, new RegionRef("us-east-1"), new AwsClients(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)), simulator.endpoint(),
                http, 3));
    }
}
