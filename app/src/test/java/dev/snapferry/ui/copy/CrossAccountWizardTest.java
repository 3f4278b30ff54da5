package dev.snapferry.ui.copy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.jobs.CopyJobService;
import dev.snapferry.core.jobs.JobHistory;
import dev.snapferry.core.jobs.LiveCopyBackend;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.CopyJob;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.JobState;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.PlanStage;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.SameThreadTaskRunner;
import dev.snapferry.ui.testing.DemoSessions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The copy wizard taking a production snapshot into the disaster-recovery account of the demo, through the real
 * SDK and the simulator, with the app's copy jobs behind it: the plan shown, the key policy checked (and changed on
 * confirmation), the job run to the copy available in the other account.
 */
class CrossAccountWizardTest {

    private static final CapabilityMatrix MATRIX = CapabilityMatrix.loadDefault();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final RegionRef EAST = new RegionRef("us-east-1");
    private static final RegionRef WEST = new RegionRef("us-west-2");

    @TempDir
    Path folder;

    private DemoSessions demo;
    private Simulator simulator;
    private SimClock.Manual clock;
    private OpenSessions sessions;
    private CopyJobService jobs;
    private JobsCopyGateway gateway;
    private List<Snapshot> all;
    private final Messages messages = Messages.load(Locale.ROOT);

    @BeforeEach
    void start() throws Exception {
        demo = new DemoSessions();
        simulator = demo.simulator;
        clock = demo.clock;
        sessions = demo.sessions;
        List<RegionRef> regions = DemoDataset.REGIONS.stream().map(RegionRef::new).toList();
        jobs = new CopyJobService(new LiveCopyBackend(sessions, new SnapshotWriter()), MATRIX,
                new JobHistory(folder.resolve("jobs.json"), Clock.systemUTC()), Runnable::run, Clock.systemUTC());
        gateway = new JobsCopyGateway(new LiveCopyGateway(sessions, () -> regions, new SnapshotWriter(),
                new KmsDirectory()), jobs);
        all = list(sessions.forAccount(DemoAccounts.PRODUCTION).orElseThrow(), regions);
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    /** The sources AWS lets another account receive, one of each kind the plan treats differently. */
    enum Source {
        /** Manual, under production's us-east-1 key, whose policy admits disaster recovery. */
        MANUAL_KEY_ADMITS(s -> s.region().equals(EAST) && "orders-aurora".equals(s.clusterIdentifier())
                && s.type() == SnapshotType.MANUAL, EAST, List.of(PlanStage.Kind.SHARE, PlanStage.Kind.COPY,
                PlanStage.Kind.CLEAN_UP)),
        /** Automated: the owner copies it to a manual snapshot first, and deletes that copy afterwards. */
        AUTOMATED(s -> s.region().equals(EAST) && "orders-aurora".equals(s.clusterIdentifier())
                && s.type() == SnapshotType.AUTOMATED, EAST, List.of(PlanStage.Kind.COPY, PlanStage.Kind.SHARE,
                PlanStage.Kind.COPY, PlanStage.Kind.CLEAN_UP)),
        /** DocumentDB, manual under the us-east-1 key. */
        DOCUMENTDB(s -> s.region().equals(EAST) && s.engine().family() == EngineFamily.DOCUMENTDB
                && s.type() == SnapshotType.MANUAL, EAST, List.of(PlanStage.Kind.SHARE, PlanStage.Kind.COPY,
                PlanStage.Kind.CLEAN_UP)),
        /** Neptune, unencrypted: no key policy to check, no key needed in the destination. */
        UNENCRYPTED_NEPTUNE(s -> s.region().equals(EAST) && s.engine().family() == EngineFamily.NEPTUNE
                && s.type() == SnapshotType.MANUAL && !s.storageEncrypted(), EAST, List.of(PlanStage.Kind.SHARE,
                PlanStage.Kind.COPY, PlanStage.Kind.CLEAN_UP)),
        /** Across accounts and regions in one step, as the Aurora User Guide allows. */
        CROSS_REGION(s -> s.region().equals(EAST) && "orders-aurora".equals(s.clusterIdentifier())
                && s.type() == SnapshotType.MANUAL, WEST, List.of(PlanStage.Kind.SHARE, PlanStage.Kind.COPY,
                PlanStage.Kind.CLEAN_UP));

        final Predicate<Snapshot> which;
        final RegionRef to;
        final List<PlanStage.Kind> stages;

        Source(Predicate<Snapshot> which, RegionRef to, List<PlanStage.Kind> stages) {
            this.which = which;
            this.to = to;
            this.stages = stages;
        }
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void eachKindOfSourceIsPlannedShownAndCopiedIntoTheOtherAccount(Source kind) {
        Snapshot source = source(kind.which.and(s -> s.status().state() == SnapshotState.AVAILABLE));
        CopyWizardViewModel wizard = wizard(source);
        toPlan(wizard, kind.to, "dr-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));

        PlanStepViewModel plan = wizard.planStep();
        assertThat(plan.activeProperty().get()).isTrue();
        assertThat(plan.rows()).extracting(PlanStepViewModel.Row::where).allMatch(w -> w.contains("11112222")
                || w.contains("44445555"));
        assertThat(plan.rows()).extracting(PlanStepViewModel.Row::cli).allMatch(cli -> cli.startsWith("aws ")
                && cli.contains("--region ") && cli.contains("--endpoint-url " + simulator.endpoint()));
        assertThat(plan.rows()).anyMatch(r -> r.cli().contains("copy-db-cluster-snapshot")
                && r.cli().contains("--source-db-cluster-snapshot-identifier arn:"));
        if (source.storageEncrypted()) {
            assertThat(plan.keyChecks()).singleElement().satisfies(k -> assertThat(k.access())
                    .isEqualTo(KeyCheck.Access.ADMITS));
        } else {
            assertThat(plan.keyChecks()).as("an unencrypted snapshot has no key to check").isEmpty();
        }
        assertThat(plan.validProperty().get()).as(plan.problemProperty().get()).isTrue();

        CopyJob job = finishAndRun(wizard);

        assertThat(job.plan().stages()).extracting(PlanStage::kind).containsExactlyElementsOf(kind.stages);
        assertThat(job.state()).as(String.valueOf(job.failure())).isEqualTo(JobState.AVAILABLE);
        assertThat(inDisasterRecovery(kind.to, job.request().targetIdentifier()).status().state())
                .isEqualTo(SnapshotState.AVAILABLE);
        if (source.isAutomated()) {
            String intermediate = job.plan().stages().getFirst().snapshot();
            assertThat(list(sessions.forAccount(DemoAccounts.PRODUCTION).orElseThrow(), List.of(EAST)))
                    .as("the intermediate copy is deleted by the clean-up")
                    .noneMatch(s -> s.identifier().equals(intermediate));
        } else {
            assertThat(new SnapshotWriter().restoreAccounts(sessions.forAccount(DemoAccounts.PRODUCTION)
                    .orElseThrow(), source)).as("the clean-up stopped sharing")
                    .doesNotContain(DemoAccounts.DISASTER_RECOVERY);
        }
    }

    @Test
    void aKeyPolicyThatDoesNotAdmitTheOtherAccountBlocksFinishUntilTheStatementIsAddedOnConfirmation() {
        // Production's eu-central-1 key keeps KMS's default policy.
        Snapshot source = source(s -> s.region().code().equals("eu-central-1") && s.storageEncrypted()
                && !s.awsManagedKey() && s.type() == SnapshotType.MANUAL
                && s.status().state() == SnapshotState.AVAILABLE);
        CopyWizardViewModel wizard = wizard(source);
        toPlan(wizard, source.region(), "fixed-by-the-plan");
        PlanStepViewModel plan = wizard.planStep();
        KeyCheck check = plan.keyChecks().getFirst();
        assertThat(check.access()).isEqualTo(KeyCheck.Access.MISSING);
        assertThat(check.statement()).contains("arn:aws:iam::" + DemoAccounts.DISASTER_RECOVERY + ":root")
                .contains("kms:CreateGrant").contains("kms:DescribeKey");
        assertThat(check.proposed()).contains(check.statement().lines().skip(1).findFirst().orElseThrow().trim())
                .contains("Enable IAM User Permissions");
        assertThat(plan.validProperty().get()).isFalse();
        assertThat(wizard.canNext().get()).as("the review waits for the key").isFalse();

        plan.applyKeyPolicy(check);

        assertThat(plan.keyChecks().getFirst().access()).isEqualTo(KeyCheck.Access.ADMITS);
        assertThat(plan.validProperty().get()).isTrue();
        wizard.next();
        CopyJob job = finishAndRun(wizard);
        assertThat(job.state()).as(String.valueOf(job.failure())).isEqualTo(JobState.AVAILABLE);
    }

    @Test
    void aPolicyThatCannotBeReadIsSaidSoAndTheUserMayGoOnAtTheirOwnRisk() {
        Snapshot source = source(s -> s.region().equals(EAST) && "orders-aurora".equals(s.clusterIdentifier())
                && s.type() == SnapshotType.MANUAL && s.status().state() == SnapshotState.AVAILABLE);
        // Production's IAM policy denies KMS to this user (the demo's fault switch for it).
        simulator.faults().set(new FaultSettings(0, 0, 0, 0, List.of(), Map.of(),
                Map.of(DemoAccounts.PRODUCTION, List.of("kms"))));
        CopyWizardViewModel wizard = wizard(source);
        toPlan(wizard, EAST, "at-own-risk");
        PlanStepViewModel plan = wizard.planStep();
        assertThat(plan.keyChecks()).singleElement().satisfies(k -> {
            assertThat(k.access()).isEqualTo(KeyCheck.Access.UNREADABLE);
            assertThat(k.detail()).contains("own risk");
        });
        assertThat(plan.needsRiskAccepted()).isTrue();
        assertThat(plan.validProperty().get()).isFalse();
        plan.acceptRiskProperty().set(true);
        assertThat(plan.validProperty().get()).isTrue();
    }

    @Test
    void aSnapshotUnderTheAwsManagedKeyIsCopiedUnderACustomerKeyOfTheOwnerFirst() {
        Snapshot source = source(s -> s.region().equals(EAST) && s.storageEncrypted() && s.awsManagedKey()
                && s.type() == SnapshotType.MANUAL && s.status().state() == SnapshotState.AVAILABLE
                && s.engine().family() == EngineFamily.AURORA);
        CopyWizardViewModel wizard = wizard(source);
        toPlan(wizard, EAST, "from-aws-managed");
        PlanStepViewModel plan = wizard.planStep();
        assertThat(plan.intermediateNeededProperty().get()).isTrue();
        assertThat(plan.intermediateProblemProperty().get()).contains("AWS managed key");
        assertThat(plan.ownerKeys()).isNotEmpty().noneMatch(KmsKey::awsManaged);
        assertThat(plan.validProperty().get()).isFalse();

        plan.intermediateKeyProperty().set(plan.ownerKeys().stream().filter(k -> k.displayName()
                .equals("snapferry-prod-data")).findFirst().orElseThrow());

        assertThat(plan.intermediateProblemProperty().get()).isEmpty();
        assertThat(plan.rows().getFirst().cli()).contains("--kms-key-id arn:aws:kms:us-east-1:"
                + DemoAccounts.PRODUCTION);
        assertThat(plan.validProperty().get()).as(plan.problemProperty().get()).isTrue();
        wizard.next();
        CopyJob job = finishAndRun(wizard);
        assertThat(job.state()).as(String.valueOf(job.failure())).isEqualTo(JobState.AVAILABLE);
        assertThat(job.plan().stages()).extracting(PlanStage::kind).containsExactly(PlanStage.Kind.COPY,
                PlanStage.Kind.SHARE, PlanStage.Kind.COPY, PlanStage.Kind.CLEAN_UP);
    }

    @Test
    void elasticSnapshotsCannotBeSharedAndTheAccountFieldSaysSo() {
        Snapshot source = source(s -> s.engine().family() == EngineFamily.DOCUMENTDB_ELASTIC);
        CopyWizardViewModel wizard = wizard(source);
        wizard.destinationStep().accountProperty().set(account(DemoAccounts.DISASTER_RECOVERY));
        assertThat(wizard.destinationStep().accountProblemProperty().get()).contains("cannot be shared");
        assertThat(wizard.destinationStep().validProperty().get()).isFalse();
        assertThat(wizard.canNext().get()).isFalse();
    }

    @Test
    void theOwnAccountNeedsNoPlanAndTheWizardGoesPastItsStep() {
        Snapshot source = source(s -> s.region().equals(EAST) && s.type() == SnapshotType.MANUAL
                && !s.storageEncrypted() && s.status().state() == SnapshotState.AVAILABLE);
        CopyWizardViewModel wizard = wizard(source);
        wizard.destinationStep().targetIdentifierProperty().set("same-account");
        wizard.next();
        wizard.next();
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(CopyWizardViewModel.Step.REVIEW);
        assertThat(wizard.planStep().activeProperty().get()).isFalse();
        wizard.back();
        assertThat(wizard.stepProperty().get()).isEqualTo(CopyWizardViewModel.Step.TAGS);
    }

    // ---- helpers ----

    private CopyWizardViewModel wizard(Snapshot source) {
        return new CopyWizardViewModel(List.of(source), MATRIX, gateway, new SameThreadTaskRunner(),
                (millis, action) -> () -> { }, messages, CLOCK, simulator.endpoint().toString());
    }

    /** Chooses disaster recovery, the region, a name and its key, and walks to the plan. */
    private void toPlan(CopyWizardViewModel wizard, RegionRef to, String name) {
        wizard.destinationStep().accountProperty().set(account(DemoAccounts.DISASTER_RECOVERY));
        wizard.destinationStep().regionProperty().set(to);
        wizard.destinationStep().targetIdentifierProperty().set(name);
        assertThat(wizard.destinationStep().accountNoteProperty().get()).contains("Plan step");
        while (wizard.stepProperty().get() != CopyWizardViewModel.Step.PLAN) {
            if (wizard.stepProperty().get() == CopyWizardViewModel.Step.ENCRYPTION
                    && wizard.targets().getFirst().source().storageEncrypted()) {
                wizard.keyStep().keyProperty().set(wizard.keyStep().keys().stream()
                        .filter(k -> k.displayName().equals("dr-backup")).findFirst().orElseThrow());
            }
            assertThat(wizard.canNext().get()).as("step %s", wizard.stepProperty().get()).isTrue();
            wizard.next();
        }
    }

    /** Finishes (from the plan or the review) and runs the job until it is over. */
    private CopyJob finishAndRun(CopyWizardViewModel wizard) {
        while (wizard.stepProperty().get() != CopyWizardViewModel.Step.REVIEW) {
            wizard.next();
        }
        assertThat(wizard.reviewStep().rows().getFirst().cli()).contains("modify-db-cluster-snapshot-attribute");
        assertThat(wizard.canFinish().get()).isTrue();
        wizard.finish();
        assertThat(wizard.reviewStep().generalProblemProperty().get()).isEmpty();
        assertThat(wizard.doneProperty().get()).isTrue();
        CopyJob job = jobs.jobs().getLast();
        for (int round = 0; round < 60 && !jobs.job(job.id()).orElseThrow().state().isFinal(); round++) {
            clock.advance(Duration.ofMinutes(30));
            jobs.pollOnce();
        }
        return jobs.job(job.id()).orElseThrow();
    }

    private Snapshot source(Predicate<Snapshot> which) {
        return all.stream().filter(s -> !s.isForeign()).filter(which).findFirst().orElseThrow();
    }

    private AccountRef account(String id) {
        return sessions.forAccount(id).orElseThrow().account();
    }

    private Snapshot inDisasterRecovery(RegionRef region, String identifier) {
        return list(sessions.forAccount(DemoAccounts.DISASTER_RECOVERY).orElseThrow(), List.of(region)).stream()
                .filter(s -> s.identifier().equals(identifier)).findFirst().orElseThrow();
    }

    private static List<Snapshot> list(AccountSession session, List<RegionRef> regions) {
        return new SnapshotLister(new KmsDirectory(), 4).list(List.of(session), regions,
                        SnapshotLister.Options.COMPLETE, r -> { }).join().stream()
                .filter(r -> r instanceof RegionResult.Loaded)
                .flatMap(r -> ((RegionResult.Loaded) r).snapshots().stream()).toList();
    }
}
