package dev.snapferry.ui.copy;

import dev.snapferry.ui.testing.HeldTasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.model.Tag;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.SameThreadTaskRunner;
import dev.snapferry.ui.common.Scheduler;
import dev.snapferry.ui.common.TaskHandle;
import dev.snapferry.ui.common.TaskRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The copy wizard's decisions without a toolkit, against the demo simulator through the real SDK: every step's
 * validity, the names taken in the destination, KMS keys, tags, batches, and AWS's refusals coming back to their
 * fields.
 */
class CopyWizardViewModelTest {

    private static final CapabilityMatrix MATRIX = CapabilityMatrix.loadDefault();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private Simulator simulator;
    private SimClock.Manual clock;
    private SdkHttpClient http;
    private OpenSessions sessions;
    private LiveCopyGateway gateway;
    private List<Snapshot> all;
    private final Messages messages = Messages.load(Locale.ROOT);
    private final List<Runnable> scheduled = new ArrayList<>();
    private final Scheduler scheduler = (millis, action) -> {
        scheduled.add(action);
        return () -> scheduled.remove(action);
    };

    @BeforeEach
    void start() throws Exception {
        clock = SimClock.manual(Instant.now());
        simulator = Simulator.start(new Simulator.Options(0, clock, FaultSettings.none(), new DemoDataset()));
        http = ApacheHttpClient.builder().build();
        sessions = new OpenSessions();
        sessions.add("prod", List.of(open(DemoAccounts.PRODUCTION_ACCESS_KEY, DemoAccounts.PRODUCTION_SECRET_KEY)));
        sessions.add("dr", List.of(open(DemoAccounts.DR_ACCESS_KEY, DemoAccounts.DR_SECRET_KEY)));
        List<RegionRef> regions = DemoDataset.REGIONS.stream().map(RegionRef::new).toList();
        gateway = new LiveCopyGateway(sessions, () -> regions, new SnapshotWriter(), new KmsDirectory());
        all = new SnapshotLister(new KmsDirectory(), 8).list(sessions.all(), regions,
                SnapshotLister.Options.COMPLETE, r -> { }).join().stream()
                .flatMap(r -> ((RegionResult.Loaded) r).snapshots().stream()).toList();
    }

    @AfterEach
    void stop() {
        sessions.close();
        http.close();
        simulator.close();
    }

    @Test
    void aCopyOfASharedSnapshotWhoseSharingWasWithdrawnMeanwhileSaysSoInsteadOfNotFound() {
        Snapshot own = source(s -> s.engine().family() == EngineFamily.AURORA && !s.storageEncrypted()
                && s.type() == SnapshotType.MANUAL && !s.isForeign() && s.status().state() == SnapshotState.AVAILABLE
                && s.accountId().equals(DemoAccounts.PRODUCTION));
        Snapshot source = sharedWithDisasterRecovery(own);
        // The owner stops sharing after the other account listed it.
        new SnapshotWriter().share(sessions.forAccount(DemoAccounts.PRODUCTION).orElseThrow(), own, List.of(),
                List.of(DemoAccounts.DISASTER_RECOVERY));
        CopyWizardViewModel wizard = wizard(new SameThreadTaskRunner(), source);
        wizard.destinationStep().accountProperty().set(account(DemoAccounts.DISASTER_RECOVERY));
        wizard.destinationStep().targetIdentifierProperty().set("not-shared-copy");
        while (wizard.stepProperty().get() != CopyWizardViewModel.Step.REVIEW) {
            assertThat(wizard.canNext().get()).as("step %s", wizard.stepProperty().get()).isTrue();
            wizard.next();
        }
        assertThat(wizard.reviewStep().rows().getFirst().cli()).as("named by ARN from the other account")
                .contains("--source-db-cluster-snapshot-identifier " + source.arn());
        wizard.finish();
        assertThat(wizard.reviewStep().generalProblemProperty().get())
                .contains("is not shared with " + DemoAccounts.DISASTER_RECOVERY)
                .contains("DBClusterSnapshotNotFoundFault");
    }

    @Test
    void aSourceKeyThatDoesNotAdmitTheDestinationAccountIsSaidToBeTheOwnersKeyPolicy() {
        // Production's keys outside us-east-1 keep KMS's default policy (the demo), which admits no other account.
        Snapshot own = source(s -> s.engine().family() == EngineFamily.AURORA && s.storageEncrypted()
                && !s.awsManagedKey() && s.type() == SnapshotType.MANUAL && !s.isForeign()
                && s.status().state() == SnapshotState.AVAILABLE && s.accountId().equals(DemoAccounts.PRODUCTION)
                && !s.region().code().equals("us-east-1"));
        // Shared by the owner, listed by the other account: its copy there is direct, by ARN (no plan).
        Snapshot source = sharedWithDisasterRecovery(own);
        CopyWizardViewModel wizard = wizard(new SameThreadTaskRunner(), source);
        wizard.destinationStep().accountProperty().set(account(DemoAccounts.DISASTER_RECOVERY));
        wizard.destinationStep().targetIdentifierProperty().set("refused-by-key-policy");
        wizard.next();
        KmsKey drKey = wizard.keyStep().keys().stream().filter(k -> k.state().isUsable() && !k.awsManaged())
                .findFirst().orElseThrow();
        wizard.keyStep().keyProperty().set(drKey);
        while (wizard.stepProperty().get() != CopyWizardViewModel.Step.REVIEW) {
            assertThat(wizard.canNext().get()).as("step %s", wizard.stepProperty().get()).isTrue();
            wizard.next();
        }
        wizard.finish();
        assertThat(wizard.stepProperty().get()).as("no key chosen here would help").isEqualTo(
                CopyWizardViewModel.Step.REVIEW);
        assertThat(wizard.reviewStep().generalProblemProperty().get())
                .contains("does not let account " + DemoAccounts.DISASTER_RECOVERY + " use it")
                .contains("KMSKeyNotAccessibleFault");
    }

    @Test
    void aSameRegionCopyWithANewTagIsValidatedStepByStepAndLandsInAws() {
        Snapshot source = source(s -> s.engine().family() == EngineFamily.AURORA && s.storageEncrypted()
                && s.type() == SnapshotType.AUTOMATED);
        CopyWizardViewModel wizard = wizard(new SameThreadTaskRunner(), source);
        DestinationStepViewModel destination = wizard.destinationStep();
        KeyStepViewModel encryption = wizard.keyStep();
        TagsStepViewModel tagging = wizard.tagsStep();
        assertThat(destination.targetIdentifierProperty().get()).doesNotStartWith("rds:").endsWith("-copy-20261122");
        assertThat(destination.regionProperty().get()).isEqualTo(source.region());
        assertThat(wizard.canNext().get()).isTrue();
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(CopyWizardViewModel.Step.ENCRYPTION);
        assertThat(encryption.kmsNeedProperty().get()).isEqualTo("A key is optional");
        assertThat(encryption.sourceEncryptionProperty().get()).startsWith("Encrypted with the");
        wizard.next();
        var row = tagging.tags().add();
        row.keyProperty().set("aws:purpose");
        assertThat(wizard.canNext().get()).isFalse();
        assertThat(row.keyProblemProperty().get()).contains("aws:");
        row.keyProperty().set("Purpose");
        row.valueProperty().set("pre-upgrade");
        assertThat(wizard.canNext().get()).isTrue();
        assertThat(tagging.tagPreviewProperty().get()).isEqualTo("Purpose=pre-upgrade \u2014 AWS uses the tags "
                + "given here instead of the source\u2019s when both are asked for.");
        wizard.next();
        ReviewStepViewModel.Row review = wizard.reviewStep().rows().getFirst();
        assertThat(review.crossRegion()).isFalse();
        assertThat(review.cli()).startsWith("aws rds copy-db-cluster-snapshot --source-db-cluster-snapshot-identifier "
                + source.identifier()).contains("--copy-tags --tags Key=Purpose,Value=pre-upgrade")
                .contains("--region " + source.region().code());
        assertThat(wizard.canFinish().get()).isTrue();
        wizard.finish();
        assertThat(wizard.doneProperty().get()).isTrue();
        Snapshot copy = inAws(source.region(), destination.targetIdentifierProperty().get());
        assertThat(copy.tags()).containsExactly(new Tag("Purpose", "pre-upgrade"));
        assertThat(copy.kmsKeyId()).isEqualTo(source.kmsKeyId());
    }

    @Test
    void aNameIsCheckedAsTypedAndAgainstTheNamesAlreadyInTheDestination() {
        DeferredTasks tasks = new DeferredTasks();
        Snapshot source = source(s -> s.engine().family() == EngineFamily.NEPTUNE && s.type() == SnapshotType.MANUAL
                && s.status().state() == SnapshotState.AVAILABLE && !s.isForeign());
        Snapshot neighbour = source(s -> s.region().equals(source.region()) && s != source && !s.isForeign()
                && s.engine().api() == source.engine().api());
        CopyWizardViewModel wizard = wizard(tasks, source);
        DestinationStepViewModel destination = wizard.destinationStep();
        assertThat(destination.checkingNamesProperty().get()).isTrue();
        assertThat(wizard.canNext().get()).as("not before the names are known").isFalse();
        tasks.runAll();
        assertThat(wizard.canNext().get()).isTrue();
        destination.targetIdentifierProperty().set("2-bad");
        assertThat(destination.targetProblemProperty().get())
                .isEqualTo("Start the identifier with a letter (a\u2013z).");
        destination.targetIdentifierProperty().set(neighbour.identifier().toUpperCase(Locale.ROOT));
        assertThat(destination.targetProblemProperty().get()).contains("already exists in " + source.region().code());
        destination.targetIdentifierProperty().set(source.identifier());
        assertThat(destination.targetProblemProperty().get())
                .isEqualTo("The copy needs a name different from its source in the same region.");
        assertThat(wizard.canNext().get()).isFalse();

        // A name taken in AWS after the first check is caught once typing pauses.
        destination.targetIdentifierProperty().set("graph-before-upgrade");
        assertThat(wizard.canNext().get()).isTrue();
        gateway.copy(new dev.snapferry.core.model.CopyRequest(source, account(DemoAccounts.PRODUCTION),
                source.region(), "graph-before-upgrade", null, false, List.of()));
        assertThat(scheduled).hasSize(1);
        scheduled.removeFirst().run();
        assertThat(destination.checkingNamesProperty().get()).isTrue();
        tasks.runAll();
        assertThat(destination.targetProblemProperty().get()).contains("already exists");
    }

    @Test
    void anAnswerForADestinationNoLongerChosenIsDropped() {
        DeferredTasks tasks = new DeferredTasks();
        Snapshot source = source(s -> s.engine().family() == EngineFamily.AURORA && !s.isForeign()
                && s.status().state() == SnapshotState.AVAILABLE && s.region().code().equals("us-east-1"));
        Snapshot inWest = source(s -> s.region().code().equals("eu-west-1") && !s.isForeign()
                && s.engine().api() == source.engine().api());
        CopyWizardViewModel wizard = wizard(tasks, source);
        DestinationStepViewModel destination = wizard.destinationStep();
        destination.targetIdentifierProperty().set(inWest.identifier());
        destination.regionProperty().set(new RegionRef("eu-west-1"));
        // The answers for us-east-1 arrive late, after eu-west-1 was chosen: they must not count.
        tasks.runFirst(2);
        assertThat(destination.checkingNamesProperty().get()).isTrue();
        assertThat(wizard.canNext().get()).isFalse();
        tasks.runAll();
        assertThat(destination.targetProblemProperty().get()).contains("already exists in eu-west-1");
    }

    @Test
    void aCrossRegionCopyOfAnEncryptedSnapshotNeedsAUsableKeyOfTheDestination() {
        Snapshot source = source(s -> s.engine().family() == EngineFamily.AURORA && s.storageEncrypted()
                && !s.isForeign() && s.status().state() == SnapshotState.AVAILABLE
                && s.accountId().equals(DemoAccounts.PRODUCTION) && s.region().code().equals("us-east-1"));
        CopyWizardViewModel wizard = wizard(new SameThreadTaskRunner(), source);
        DestinationStepViewModel destination = wizard.destinationStep();
        KeyStepViewModel encryption = wizard.keyStep();
        destination.regionProperty().set(new RegionRef("us-west-2"));
        wizard.next();
        assertThat(encryption.kmsNeedProperty().get()).isEqualTo("A key is required");
        assertThat(encryption.kmsReasonProperty().get()).contains("KMS keys are regional");
        assertThat(encryption.kmsProblemProperty().get()).startsWith("Choose a KMS key of us-west-2");
        assertThat(wizard.canNext().get()).isFalse();
        assertThat(encryption.keys()).isNotEmpty().allMatch(k -> k.region().code().equals("us-west-2"));
        KmsKey disabled = encryption.keys().stream().filter(k -> !k.state().isUsable()).findFirst().orElseThrow();
        encryption.keyProperty().set(disabled);
        assertThat(encryption.keyProperty().get()).as("a disabled key is refused").isNull();
        KmsKey usable = encryption.keys().stream().filter(k -> k.state().isUsable() && !k.awsManaged()).findFirst()
                .orElseThrow();
        encryption.keyProperty().set(usable);
        assertThat(encryption.kmsProblemProperty().get()).isEmpty();
        assertThat(wizard.canNext().get()).isTrue();
        wizard.next();
        wizard.next();
        ReviewStepViewModel.Row review = wizard.reviewStep().rows().getFirst();
        assertThat(review.crossRegion()).isTrue();
        assertThat(review.cli()).contains("--source-db-cluster-snapshot-identifier " + source.arn())
                .contains("--kms-key-id " + usable.arn()).contains("--source-region us-east-1")
                .contains("--region us-west-2");
        // Aurora reports AllocatedStorage 0 or 1 for a cluster snapshot (the RDS API reference's example): never
        // shown as the amount a copy transfers.
        assertThat(review.transfer()).startsWith("Cross-region, us-east-1 to us-west-2")
                .contains("does not report its size").doesNotContain("GiB");
        wizard.finish();
        assertThat(wizard.doneProperty().get()).isTrue();
        assertThat(inAws(new RegionRef("us-west-2"), destination.targetIdentifierProperty().get()).kmsKeyId())
                .isIn(usable.arn(), usable.keyId());
    }

    @Test
    void aKeyCannotBeGivenForAnUnencryptedSourceAndAwsManagedKeysAreFlagged() {
        Snapshot plain = source(s -> !s.storageEncrypted() && !s.isForeign()
                && s.status().state() == SnapshotState.AVAILABLE && s.engine().api() != dev.snapferry.core.model
                .ApiFamily.DOCDB_ELASTIC);
        CopyWizardViewModel wizard = wizard(new SameThreadTaskRunner(), plain);
        KeyStepViewModel encryption = wizard.keyStep();
        wizard.next();
        assertThat(encryption.kmsNeedProperty().get()).isEqualTo("No key can be given");
        encryption.keyProperty().set(encryption.keys().stream().filter(k -> k.state().isUsable()).findFirst()
                .orElseThrow());
        assertThat(encryption.kmsProblemProperty().get()).startsWith("Clear the KMS key");
        assertThat(wizard.canNext().get()).isFalse();
        encryption.keyProperty().set(null);
        assertThat(wizard.canNext().get()).isTrue();

        Snapshot encrypted = source(s -> s.storageEncrypted() && !s.isForeign()
                && s.status().state() == SnapshotState.AVAILABLE && s.engine().family() == EngineFamily.AURORA);
        CopyWizardViewModel second = wizard(new SameThreadTaskRunner(), encrypted);
        KeyStepViewModel secondKey = second.keyStep();
        secondKey.keyProperty().set(secondKey.keys().stream().filter(KmsKey::awsManaged).findFirst().orElseThrow());
        assertThat(secondKey.kmsWarningProperty().get()).contains("can never be shared with another account");
        assertThat(secondKey.kmsProblemProperty().get()).isEmpty();
    }

    @Test
    void regionsWhereTheEngineCannotCopyAreDisabledWithTheReason() {
        Snapshot elastic = source(s -> s.engine().family() == EngineFamily.DOCUMENTDB_ELASTIC && !s.isForeign());
        CopyWizardViewModel wizard = wizard(new SameThreadTaskRunner(), elastic);
        DestinationStepViewModel destination = wizard.destinationStep();
        assertThat(destination.regions()).filteredOn(c -> !c.region().equals(elastic.region()))
                .isNotEmpty().allSatisfy(c -> assertThat(c.disabledReason())
                        .startsWith("This engine\u2019s snapshots can be copied only within their region"));
        assertThat(destination.regions()).filteredOn(c -> c.region().equals(elastic.region()))
                .singleElement().satisfies(c -> assertThat(c.enabled()).isTrue());
        RegionRef other = destination.regions().stream().filter(c -> !c.enabled()).findFirst().orElseThrow().region();
        destination.regionProperty().set(other);
        assertThat(destination.regionProperty().get()).as("a disabled region is never chosen")
                .isEqualTo(elastic.region());

        // A shared encrypted Aurora snapshot may change region in the same copy (rds model since 2025-09-30).
        Snapshot shared = all.stream().filter(s -> s.isForeign() && s.storageEncrypted()
                && s.engine().family() == EngineFamily.AURORA).findFirst().orElseThrow();
        CopyWizardViewModel fromShared = wizard(new SameThreadTaskRunner(), shared);
        assertThat(fromShared.destinationStep().regions()).filteredOn(c -> c.region().partition()
                .equals(shared.region().partition())).allSatisfy(c -> assertThat(c.enabled()).isTrue());
    }

    @Test
    void aBatchNamesEveryCopyFromTheTemplateAndRefusesCollisions() {
        List<Snapshot> five = all.stream().filter(s -> !s.isForeign() && s.accountId().equals(DemoAccounts.PRODUCTION)
                && s.status().state() == SnapshotState.AVAILABLE && s.engine().family() == EngineFamily.AURORA
                && s.region().code().equals("us-east-1")).limit(5).toList();
        assertThat(five).hasSize(5);
        CopyWizardViewModel wizard = wizard(new SameThreadTaskRunner(), five.toArray(Snapshot[]::new));
        DestinationStepViewModel destination = wizard.destinationStep();
        assertThat(wizard.isBatch()).isTrue();
        destination.templateProperty().set("{source}-dr-{date}");
        assertThat(wizard.targets()).extracting(t -> t.nameProperty().get())
                .allMatch(n -> n.endsWith("-dr-20261122") && !n.startsWith("rds:")).doesNotHaveDuplicates();
        assertThat(wizard.targets()).allMatch(t -> t.problemProperty().get().isEmpty());
        assertThat(wizard.canNext().get()).isTrue();

        destination.templateProperty().set("nightly-{date}");
        assertThat(destination.templateProblemProperty().get()).startsWith("Put {source} in the template");
        assertThat(wizard.targets().subList(1, 5)).allMatch(t -> t.problemProperty().get()
                .startsWith("Another snapshot of this batch would also be named nightly-20261122"));
        assertThat(wizard.canNext().get()).isFalse();

        // One of the names is already used in the destination.
        Snapshot existing = source(s -> s.region().code().equals("us-east-1") && !s.isForeign()
                && s.accountId().equals(DemoAccounts.PRODUCTION) && s.identifier().startsWith("rds:"));
        String base = dev.snapferry.core.rules.IdentifierRules.deriveTargetName(five.getFirst().identifier(), "");
        gateway.copy(new dev.snapferry.core.model.CopyRequest(existing, account(DemoAccounts.PRODUCTION),
                existing.region(), base + "-keep", null, false, List.of()));
        scheduled.clear();
        destination.templateProperty().set("{source}-keep");
        scheduled.removeFirst().run();
        assertThat(wizard.targets().getFirst().problemProperty().get()).contains("already exists in us-east-1");
        assertThat(wizard.canNext().get()).isFalse();

        destination.templateProperty().set("{source}-dr-{date}");
        wizard.next();
        wizard.next();
        wizard.next();
        assertThat(wizard.reviewStep().rows()).hasSize(5);
        wizard.finish();
        // With the copy made above, the fifth would be the sixth in flight to us-east-1: AWS refuses it.
        assertThat(wizard.doneProperty().get()).isFalse();
        assertThat(wizard.targets()).filteredOn(t -> t.submittedProperty().get()).hasSize(4);
        assertThat(wizard.reviewStep().generalProblemProperty().get()).contains("SnapshotQuotaExceeded");
        clock.advance(java.time.Duration.ofHours(2));
        wizard.finish();
        assertThat(wizard.doneProperty().get()).as(wizard.reviewStep().generalProblemProperty().get()).isTrue();
        for (CopyTarget target : wizard.targets()) {
            assertThat(inAws(new RegionRef("us-east-1"), target.nameProperty().get()).sourceSnapshotArn())
                    .isEqualTo(target.source().arn());
        }
    }

    @Test
    void awsRefusalsComeBackToTheirFieldsAndOnlyUnsentCopiesAreResent() throws Exception {
        List<Snapshot> two = all.stream().filter(s -> !s.isForeign() && s.accountId().equals(DemoAccounts.PRODUCTION)
                && s.status().state() == SnapshotState.AVAILABLE && s.storageEncrypted()
                && s.engine().family() == EngineFamily.AURORA && s.region().code().equals("us-east-1"))
                .limit(2).toList();
        CopyWizardViewModel wizard = wizard(new SameThreadTaskRunner(), two.toArray(Snapshot[]::new));
        DestinationStepViewModel destination = wizard.destinationStep();
        destination.templateProperty().set("{source}-x");
        // Someone takes the second name after the wizard checked it; the check only runs once typing pauses.
        String secondName = wizard.targets().get(1).nameProperty().get();
        scheduled.clear();
        gateway.copy(new dev.snapferry.core.model.CopyRequest(two.get(1), account(DemoAccounts.PRODUCTION),
                two.get(1).region(), secondName, null, false, List.of()));
        wizard.next();
        wizard.next();
        wizard.next();
        wizard.finish();
        assertThat(wizard.doneProperty().get()).isFalse();
        assertThat(wizard.stepProperty().get()).isEqualTo(CopyWizardViewModel.Step.DESTINATION);
        assertThat(wizard.targets().get(0).submittedProperty().get()).isTrue();
        assertThat(wizard.targets().get(1).problemProperty().get())
                .isEqualTo("AWS says " + secondName + " already exists in us-east-1. Choose another name.");
        assertThat(wizard.canNext().get()).isFalse();

        destination.templateProperty().set("{source}-y");
        assertThat(wizard.targets().get(0).nameProperty().get()).endsWith("-y");
        wizard.next();
        wizard.next();
        wizard.next();
        assertThat(wizard.reviewStep().rows()).as("only the copy not yet started").hasSize(1);
        wizard.finish();
        assertThat(wizard.doneProperty().get()).isTrue();
        assertThat(wizard.submitted()).hasSize(2);
        // The first copy was sent once, under its first name.
        assertThat(inAwsOrNull(new RegionRef("us-east-1"), dev.snapferry.core.rules.IdentifierRules
                .deriveTargetName(two.get(0).identifier(), "") + "-y")).isNull();
    }

    @Test
    void aKeyAwsCannotUseComesBackToTheKeyField() {
        Snapshot source = source(s -> s.engine().family() == EngineFamily.AURORA && s.storageEncrypted()
                && !s.isForeign() && s.status().state() == SnapshotState.AVAILABLE
                && s.accountId().equals(DemoAccounts.PRODUCTION) && s.region().code().equals("us-east-1"));
        CopyWizardViewModel wizard = wizard(new SameThreadTaskRunner(), source);
        KeyStepViewModel encryption = wizard.keyStep();
        wizard.destinationStep().regionProperty().set(new RegionRef("us-west-2"));
        KmsKey key = encryption.keys().stream().filter(k -> k.state().isUsable() && !k.awsManaged()).findFirst()
                .orElseThrow();
        encryption.keyProperty().set(key);
        // Disabled in AWS after the wizard listed it.
        sessions.forAccount(DemoAccounts.PRODUCTION).orElseThrow().clients().kms(new RegionRef("us-west-2"))
                .disableKey(b -> b.keyId(key.keyId()));
        wizard.next();
        wizard.next();
        wizard.next();
        wizard.finish();
        assertThat(wizard.stepProperty().get()).isEqualTo(CopyWizardViewModel.Step.ENCRYPTION);
        assertThat(encryption.kmsProblemProperty().get()).startsWith("AWS cannot use this key:");
        assertThat(wizard.canNext().get()).isFalse();
        encryption.keyProperty().set(null);
        assertThat(encryption.kmsProblemProperty().get()).startsWith("Choose a KMS key of us-west-2");
    }

    @Test
    void closingTheWizardCancelsItsLookupsAndItsPendingNameCheck() {
        HeldTasks tasks = new HeldTasks();
        Snapshot source = source(s -> s.engine().family() == EngineFamily.AURORA && !s.isForeign()
                && s.status().state() == SnapshotState.AVAILABLE);
        CopyWizardViewModel wizard = wizard(tasks, source);
        wizard.destinationStep().targetIdentifierProperty().set("closing-soon");
        assertThat(tasks.waiting()).extracting(HeldTasks.Held::name).hasSize(2)
                .anyMatch(n -> n.startsWith("names taken")).anyMatch(n -> n.startsWith("list KMS keys"));
        assertThat(scheduled).hasSize(1);

        wizard.close();

        assertThat(tasks.all()).as("every lookup is cancelled").allMatch(HeldTasks.Held::isCancelled);
        assertThat(scheduled).as("the names check waiting for a pause in typing is cancelled").isEmpty();
        assertThat(tasks.release()).as("no lookup runs after the wizard closed").isZero();
        wizard.destinationStep().targetIdentifierProperty().set("typed-after-closing");
        assertThat(scheduled).as("no names check is scheduled after closing").isEmpty();
    }

    @Test
    void aLateAnswerNeverReachesAClosedWizard() {
        // A runner that cannot stop work already answered: the answers arrive after close anyway.
        DeferredTasks tasks = new DeferredTasks();
        Snapshot source = source(s -> s.engine().family() == EngineFamily.AURORA && !s.isForeign()
                && s.status().state() == SnapshotState.AVAILABLE);
        CopyWizardViewModel wizard = wizard(tasks, source);
        wizard.close();
        tasks.runAll();
        assertThat(wizard.destinationStep().checkingNamesProperty().get()).isTrue();
        assertThat(wizard.keyStep().keys()).isEmpty();
        assertThat(wizard.keyStep().loadingKeysProperty().get()).isTrue();
        assertThat(wizard.canNext().get()).isFalse();
    }

    private CopyWizardViewModel wizard(TaskRunner tasks, Snapshot... sources) {
        return new CopyWizardViewModel(List.of(sources), MATRIX, gateway, tasks, scheduler, messages, CLOCK,
                simulator.endpoint().toString());
    }

    /** Shares a production snapshot with disaster recovery and returns it as disaster recovery lists it. */
    private Snapshot sharedWithDisasterRecovery(Snapshot own) {
        new SnapshotWriter().share(sessions.forAccount(DemoAccounts.PRODUCTION).orElseThrow(), own,
                List.of(DemoAccounts.DISASTER_RECOVERY), List.of());
        return new SnapshotLister(new KmsDirectory(), 1).list(List.of(sessions.forAccount(
                        DemoAccounts.DISASTER_RECOVERY).orElseThrow()), List.of(own.region()),
                        SnapshotLister.Options.COMPLETE, r -> { }).join().stream()
                .flatMap(r -> ((RegionResult.Loaded) r).snapshots().stream())
                .filter(s -> s.arn().equals(own.arn()) && s.isForeign()).findFirst().orElseThrow();
    }

    private Snapshot source(Predicate<Snapshot> which) {
        return all.stream().filter(which).findFirst().orElseThrow();
    }

    private dev.snapferry.core.model.AccountRef account(String id) {
        return sessions.forAccount(id).orElseThrow().account();
    }

    private Snapshot inAws(RegionRef region, String identifier) {
        Snapshot found = inAwsOrNull(region, identifier);
        assertThat(found).as(identifier + " in " + region).isNotNull();
        return found;
    }

    private Snapshot inAwsOrNull(RegionRef region, String identifier) {
        return new SnapshotLister(new KmsDirectory(), 1).list(List.of(sessions.forAccount(DemoAccounts.PRODUCTION)
                        .orElseThrow()), List.of(region), SnapshotLister.Options.COMPLETE, r -> { }).join().stream()
                .flatMap(r -> ((RegionResult.Loaded) r).snapshots().stream())
                .filter(s -> s.identifier().equals(identifier)).reduce((a, b) -> b).orElse(null);
    }

    private AccountSession open(String key, String secret) {
        return AccountSession.open("p-" + key, true, new RegionRef("us-east-1"), new AwsClients(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)), simulator.endpoint(),
                http, 3));
    }

    /** Runs background work only when the test says so, to put answers in any order. */
    private static final class DeferredTasks implements TaskRunner {
        private final Deque<Runnable> queue = new ArrayDeque<>();

        @Override
        public <T> TaskHandle run(String name, Callable<T> work, Consumer<? super T> onSuccess,
                                  Consumer<? super Throwable> onFailure) {
            queue.add(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            });
            return new TaskHandle() {
                @Override
                public void cancel() {
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
        }

        void runFirst(int count) {
            for (int i = 0; i < count; i++) {
                queue.removeFirst().run();
            }
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.removeFirst().run();
            }
        }
    }
}
