package dev.snapferry.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsCallException;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.CopyJob;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.JobState;
import dev.snapferry.core.model.PlanStage;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.rules.CrossAccountPlanner;
import dev.snapferry.core.rules.CrossAccountPlanner.Choices;
import dev.snapferry.sim.DemoAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A copy into another account as one job of stages, on the demo simulator through the real SDK: production
 * (111122223333) shares, disaster recovery (444455556666) copies. Every call the job makes is counted, so that a
 * stage sent twice, or skipped, fails the test.
 */
class CrossAccountPlanJobTest {

    private static final RegionRef EAST = JobsOnDemo.EAST;
    private static final RegionRef WEST = new RegionRef("us-west-2");
    private static final RegionRef FRANKFURT = new RegionRef("eu-central-1");

    @TempDir
    Path folder;

    private JobsOnDemo world;
    private AccountSession dr;
    private CountingBackend counted;

    @BeforeEach
    void start() throws Exception {
        world = new JobsOnDemo();
        dr = world.openDisasterRecovery();
        counted = new CountingBackend(new LiveCopyBackend(world.sessions, new SnapshotWriter()));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void aManualSnapshotUnderAKeyThatAdmitsTheOtherAccountIsSharedCopiedAndUnshared() {
        Snapshot source = prodSnapshot(EAST, "orders-aurora", false);
        CopyJobService service = service(folder.resolve("jobs.json"), counted);
        UUID id = service.submitPlan(requested(source, EAST, "orders-in-dr"), stages(source, EAST, "orders-in-dr",
                drKey(EAST)));

        runToTheEnd(service, id);

        assertThat(service.job(id).orElseThrow()).satisfies(j -> {
            assertThat(j.state()).isEqualTo(JobState.AVAILABLE);
            assertThat(j.percent()).isEqualTo(100);
            assertThat(j.plan().stages()).extracting(PlanStage::kind)
                    .containsExactly(PlanStage.Kind.SHARE, PlanStage.Kind.COPY, PlanStage.Kind.CLEAN_UP);
        });
        assertThat(drSnapshot(EAST, "orders-in-dr").status().state()).isEqualTo(SnapshotState.AVAILABLE);
        assertThat(sharedWith(source)).as("the clean-up stopped sharing").doesNotContain(DemoAccounts.DISASTER_RECOVERY);
        assertThat(counted.shares).hasValue(2);
        assertThat(counted.copies).containsOnlyKeys("orders-in-dr").containsValue(1);
    }

    @Test
    void anAutomatedSnapshotIsCopiedToAManualOneFirstAndThatCopyIsDeletedOnceTheOtherAccountHasItsOwn() {
        Snapshot source = prodSnapshot(EAST, "orders-aurora", true);
        CopyJobService service = service(folder.resolve("jobs.json"), counted);
        UUID id = service.submitPlan(requested(source, WEST, "orders-dr-west"), stages(source, WEST,
                "orders-dr-west", drKey(WEST)));

        runToTheEnd(service, id);

        CopyJob job = service.job(id).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.AVAILABLE);
        String intermediate = job.plan().stages().getFirst().snapshot();
        assertThat(job.plan().stages()).extracting(PlanStage::kind).containsExactly(PlanStage.Kind.COPY,
                PlanStage.Kind.SHARE, PlanStage.Kind.COPY, PlanStage.Kind.CLEAN_UP);
        // Aurora: "copy snapshots across Regions and accounts in a single step" (Aurora User Guide, Copying a DB
        // cluster snapshot); the matrix allows it, so the other account's copy goes straight to us-west-2.
        assertThat(drSnapshot(WEST, "orders-dr-west").status().state()).isEqualTo(SnapshotState.AVAILABLE);
        assertThat(counted.copies).containsEntry(intermediate, 1).containsEntry("orders-dr-west", 1).hasSize(2);
        assertThat(counted.deletes).containsExactly(intermediate);
        assertThat(prodNames(EAST)).doesNotContain(intermediate);
    }

    /** Where the first process dies: right after AWS took a stage, before the job recorded that it did. */
    enum KillPoint {
        AFTER_THE_INTERMEDIATE_COPY_BEFORE_THE_SHARE,
        AFTER_THE_SHARE_BEFORE_THE_DESTINATION_COPY,
        AS_THE_DESTINATION_COPY_IS_SENT
    }

    @ParameterizedTest
    @EnumSource(KillPoint.class)
    void aPlanKilledBetweenTwoStagesResumesAfterARestartAndSendsEveryStageOnce(KillPoint point) throws Exception {
        Snapshot source = prodSnapshot(EAST, "orders-aurora", true);
        Path file = folder.resolve("jobs.json");
        Path atTheKill = folder.resolve("jobs-at-the-kill.json");
        Dying dying = new Dying(counted, point, file, atTheKill);
        CopyJobService first = service(file, dying);
        // The dying process's executor: its calls run on threads of their own, which the kill leaves hanging.
        UUID id = first.submitPlan(requested(source, EAST, "orders-dr-crash"), stages(source, EAST,
                "orders-dr-crash", drKey(EAST)));
        for (int round = 0; round < 60 && !dying.dead; round++) {
            world.clock.advance(Duration.ofMinutes(20));
            first.pollOnce();
        }
        assertThat(dying.dead).as("the kill point %s was reached", point).isTrue();

        // The restart: a new service on the history as the dead process left it on disk.
        Files.copy(atTheKill, file, StandardCopyOption.REPLACE_EXISTING);
        CopyJobService second = service(file, counted);
        second.recover();
        runToTheEnd(second, id);

        assertThat(second.job(id).orElseThrow().state()).isEqualTo(JobState.AVAILABLE);
        String intermediate = second.job(id).orElseThrow().plan().stages().getFirst().snapshot();
        assertThat(counted.copies).as("each copy sent once").containsEntry(intermediate, 1)
                .containsEntry("orders-dr-crash", 1).hasSize(2);
        assertThat(counted.shares).as("one share and one unshare").hasValue(2);
        assertThat(drSnapshot(EAST, "orders-dr-crash").status().state()).isEqualTo(SnapshotState.AVAILABLE);
        assertThat(prodNames(EAST)).doesNotContain(intermediate);
    }

    @Test
    void aPlanCancelledDuringTheDestinationCopyTakesBackTheShareAndTheIntermediateCopy() {
        Snapshot source = prodSnapshot(EAST, "orders-aurora", true);
        CopyJobService service = service(folder.resolve("jobs.json"), counted);
        UUID id = service.submitPlan(requested(source, WEST, "orders-dr-cancel"), stages(source, WEST,
                "orders-dr-cancel", drKey(WEST)));
        for (int round = 0; round < 40 && service.job(id).orElseThrow().plan().current() < 2; round++) {
            world.clock.advance(Duration.ofMinutes(20));
            service.pollOnce();
        }
        CopyJob copying = service.job(id).orElseThrow();
        assertThat(copying.plan().stage().kind()).isEqualTo(PlanStage.Kind.COPY);
        String intermediate = copying.plan().stages().getFirst().snapshot();
        assertThat(CopyJobService.undoneByCancel(copying)).extracting(PlanStage::kind)
                .containsExactly(PlanStage.Kind.SHARE, PlanStage.Kind.COPY);

        assertThat(service.cancel(id)).isTrue();

        assertThat(service.job(id).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThat(drNames(WEST)).doesNotContain("orders-dr-cancel");
        assertThat(prodNames(EAST)).doesNotContain(intermediate);
        assertThat(counted.deletes).containsExactlyInAnyOrder("orders-dr-cancel", intermediate);
    }

    @Test
    void aRefusalStopsThePlanAtItsStageWithAwsCodeAndRetryResumesThereWithoutSendingTheShareAgain() {
        // Production's eu-central-1 key keeps AWS's default policy: the other account may not use it.
        Snapshot source = prodSnapshot(FRANKFURT, "fraud-graph", false);
        CopyJobService service = service(folder.resolve("jobs.json"), counted);
        UUID id = service.submitPlan(requested(source, FRANKFURT, "fraud-in-dr"), stages(source, FRANKFURT,
                "fraud-in-dr", drKey(FRANKFURT)));
        for (int round = 0; round < 10 && !service.job(id).orElseThrow().state().isFinal(); round++) {
            service.pollOnce();
        }
        CopyJob failed = service.job(id).orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.plan().stage().kind()).isEqualTo(PlanStage.Kind.COPY);
        assertThat(failed.failure().awsCode()).isEqualTo("KMSKeyNotAccessibleFault");
        assertThat(counted.shares).hasValue(1);

        // The owner lets the other account use the key, as the wizard's key policy step does on confirmation.
        String keyId = source.kmsKeyId();
        String policy = world.prod.clients().kms(FRANKFURT).getKeyPolicy(b -> b.keyId(keyId).policyName("default"))
                .policy();
        world.prod.clients().kms(FRANKFURT).putKeyPolicy(b -> b.keyId(keyId).policyName("default").policy(
                dev.snapferry.core.rules.KeyPolicyCheck.withStatementFor(policy, "aws",
                        DemoAccounts.DISASTER_RECOVERY)));
        assertThat(service.resume(id)).isTrue();
        runToTheEnd(service, id);

        assertThat(service.job(id).orElseThrow().state()).isEqualTo(JobState.AVAILABLE);
        assertThat(counted.shares).as("shared once, unshared once").hasValue(2);
        assertThat(counted.copies).as("accepted once, after the fix").containsEntry("fraud-in-dr", 1);
        assertThat(service.resume(id)).as("only a failed plan resumes").isFalse();
    }

    // ---- helpers ----

    private CopyJobService service(Path file, CopyBackend backend) {
        return new CopyJobService(backend, CapabilityMatrix.loadDefault(), new JobHistory(file, Clock.systemUTC()),
                Runnable::run, Clock.systemUTC());
    }

    private void runToTheEnd(CopyJobService service, UUID id) {
        for (int round = 0; round < 80 && !service.job(id).orElseThrow().state().isFinal(); round++) {
            world.clock.advance(Duration.ofMinutes(20));
            service.pollOnce();
        }
    }

    private CopyRequest requested(Snapshot source, RegionRef to, String target) {
        return new CopyRequest(source, dr.account(), to, target, drKey(to), true, List.of());
    }

    private dev.snapferry.core.model.JobPlan stages(Snapshot source, RegionRef to, String target, String key) {
        CrossAccountPlanner.Plan plan = CrossAccountPlanner.plan(CapabilityMatrix.loadDefault().forEngine(
                source.engine()), source, new Choices(DemoAccounts.DISASTER_RECOVERY, to, target, key, null, null,
                Set.of()));
        assertThat(plan.problems()).isEmpty();
        return CopyPlans.stages(plan, requested(source, to, target), world.prod.account(), true);
    }

    private String drKey(RegionRef region) {
        return dr.clients().kms(region).describeKey(b -> b.keyId("alias/dr-backup")).keyMetadata().arn();
    }

    private Snapshot prodSnapshot(RegionRef region, String cluster, boolean automated) {
        return list(world.prod, region).stream().filter(s -> cluster.equals(s.clusterIdentifier())
                        && s.isAutomated() == automated && s.status().state() == SnapshotState.AVAILABLE)
                .findFirst().orElseThrow();
    }

    private Snapshot drSnapshot(RegionRef region, String identifier) {
        return list(dr, region).stream().filter(s -> s.identifier().equals(identifier)).findFirst().orElseThrow();
    }

    private List<String> drNames(RegionRef region) {
        return list(dr, region).stream().map(Snapshot::identifier).toList();
    }

    private List<String> prodNames(RegionRef region) {
        return list(world.prod, region).stream().map(Snapshot::identifier).toList();
    }

    private Set<String> sharedWith(Snapshot snapshot) {
        return new SnapshotWriter().restoreAccounts(world.prod, snapshot);
    }

    private static List<Snapshot> list(AccountSession session, RegionRef region) {
        return new SnapshotLister(new KmsDirectory(), 1).list(List.of(session), List.of(region),
                        new SnapshotLister.Options(false, false, false, false), r -> { }).join().stream()
                .flatMap(r -> ((RegionResult.Loaded) r).snapshots().stream()).filter(s -> !s.isForeign()).toList();
    }

    /** Counts what AWS accepted: copies by target, shares (add or remove), deletes by identifier. */
    private static class CountingBackend extends DelegatingBackend {
        final Map<String, Integer> copies = new ConcurrentHashMap<>();
        final AtomicInteger shares = new AtomicInteger();
        final List<String> deletes = new java.util.concurrent.CopyOnWriteArrayList<>();

        CountingBackend(CopyBackend live) {
            super(live);
        }

        @Override
        public Snapshot copy(CopyRequest request) {
            Snapshot made = super.copy(request);
            copies.merge(request.targetIdentifier(), 1, Integer::sum);
            return made;
        }

        @Override
        public void share(AccountRef owner, RegionRef region, String snapshot, Collection<String> add,
                          Collection<String> remove) {
            super.share(owner, region, snapshot, add, remove);
            shares.incrementAndGet();
        }

        @Override
        public void delete(AccountRef account, Snapshot target) {
            super.delete(account, target);
            deletes.add(target.identifier());
        }
    }

    /**
     * The first process: at its kill point it saves the history as the disk holds it at that instant, and from
     * then on answers nothing (a dead process sends no more calls and writes no more records).
     */
    private static final class Dying extends DelegatingBackend {
        private final CopyBackend counted;
        private final KillPoint point;
        private final Path file;
        private final Path atTheKill;
        volatile boolean dead;

        Dying(CopyBackend counted, KillPoint point, Path file, Path atTheKill) {
            super(counted);
            this.counted = counted;
            this.point = point;
            this.file = file;
            this.atTheKill = atTheKill;
        }

        @Override
        public Snapshot copy(CopyRequest request) {
            check();
            boolean destination = request.destinationAccount().accountId().equals(DemoAccounts.DISASTER_RECOVERY);
            if (destination && point == KillPoint.AS_THE_DESTINATION_COPY_IS_SENT) {
                die();
            }
            Snapshot made = counted.copy(request);
            if (!destination && point == KillPoint.AFTER_THE_INTERMEDIATE_COPY_BEFORE_THE_SHARE) {
                die();
            }
            return made;
        }

        @Override
        public void share(AccountRef owner, RegionRef region, String snapshot, Collection<String> add,
                          Collection<String> remove) {
            check();
            counted.share(owner, region, snapshot, add, remove);
            if (point == KillPoint.AFTER_THE_SHARE_BEFORE_THE_DESTINATION_COPY) {
                die();
            }
        }

        @Override
        public Map<String, Snapshot> targets(AccountRef account, RegionRef region, Collection<String> identifiers,
                                             boolean elastic) {
            check();
            return super.targets(account, region, identifiers, elastic);
        }

        @Override
        public Map<String, Snapshot> snapshots(AccountRef account, RegionRef region, boolean elastic) {
            check();
            return super.snapshots(account, region, elastic);
        }

        @Override
        public Set<String> sharedWith(AccountRef owner, RegionRef region, String snapshot) {
            check();
            return super.sharedWith(owner, region, snapshot);
        }

        private void die() {
            try {
                Files.copy(file, atTheKill, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            dead = true;
            throw processDied();
        }

        private static AwsCallException processDied() {
            return new AwsCallException(new dev.snapferry.core.aws.AwsFailure.Network("", "the process was killed"),
                    null);
        }

        private void check() {
            if (dead) {
                throw processDied();
            }
        }
    }
}
