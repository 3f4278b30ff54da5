package dev.snapferry.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.ApiFamily;
import dev.snapferry.core.model.CopyJob;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.JobState;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.faults.FaultSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DocumentDB Elastic copies through the jobs service, against the demo simulator through the real SDK: polled by
 * the one Elastic listing of their region, five at a time on Elastic's own quota beside the RDS family's five,
 * resolved after a crash, followed when AWS says the name is taken by this very copy, and cancelled.
 */
class CopyJobServiceElasticTest {

    private static final RegionRef EAST = JobsOnDemo.EAST;

    @TempDir
    Path folder;

    private JobsOnDemo world;
    private SimClock.Manual simClock;
    private Simulator simulator;
    private OpenSessions sessions;
    private AccountSession prod;
    /** Every call the service made to the backend, in order: "copy", "snapshots", "targets rds", "targets elastic". */
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        world = new JobsOnDemo();
        simClock = world.clock;
        simulator = world.simulator;
        sessions = world.sessions;
        prod = world.prod;
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void elasticCopiesRunFiveAtATimeOnTheirOwnQuotaBesideRdsCopiesAndArePolledByOneElasticListing() {
        CopyJobService service = service();
        List<CopyRequest> requests = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            requests.add(copy(world.elasticSources.get(i % world.elasticSources.size()), "elastic-batch-" + i));
            requests.add(copy(world.rdsSources.get(i % world.rdsSources.size()), "rds-batch-" + i));
        }
        service.submit(requests);
        // Five of each service in flight at once: Elastic's quota is its own (the simulator refuses a sixth
        // Elastic copy with ServiceQuotaExceededException, which would fail the job).
        assertThat(inFlight(service, true)).isEqualTo(5);
        assertThat(inFlight(service, false)).isEqualTo(5);
        assertThat(service.jobs()).noneMatch(j -> j.state() == JobState.FAILED);
        for (int round = 0; round < 40 && service.anyInFlight(); round++) {
            simClock.advance(Duration.ofMinutes(10));
            calls.clear();
            int counted = service.pollOnce();
            List<String> pollCalls = calls.stream().filter(c -> c.startsWith("targets")).toList();
            // One call per service with copies of it in flight in the region: the named describe, the listing.
            assertThat(counted).isEqualTo(pollCalls.stream().mapToInt(c -> c.equals("targets rds+elastic") ? 2 : 1)
                    .sum()).isLessThanOrEqualTo(2);
            assertThat(inFlight(service, true)).isLessThanOrEqualTo(5);
            assertThat(inFlight(service, false)).isLessThanOrEqualTo(5);
        }
        assertThat(service.jobs()).hasSize(14).allMatch(j -> j.state() == JobState.AVAILABLE && j.percent() == 100);
        assertThat(inAws()).filteredOn(s -> s.identifier().startsWith("elastic-batch-"))
                .hasSize(7).allMatch(s -> s.engine().api() == ApiFamily.DOCDB_ELASTIC);
    }

    @Test
    void aPollOfElasticCopiesOnlyIsOneElasticListing() {
        CopyJobService service = service();
        UUID id = service.submit(List.of(copy(world.elasticSources.getFirst(), "elastic-polled"))).getFirst();
        assertThat(service.job(id).orElseThrow().state()).isIn(JobState.QUEUED_BY_AWS, JobState.COPYING);
        assertThat(service.job(id).orElseThrow().targetArn()).contains(":docdb-elastic:");
        calls.clear();
        long before = simulator.requestCount();
        assertThat(service.pollOnce()).isEqualTo(1);
        assertThat(simulator.requestCount() - before).as("calls that reached AWS").isEqualTo(1);
        assertThat(calls).containsExactly("targets elastic");
        simClock.advance(Duration.ofHours(3));
        service.pollOnce();
        assertThat(service.job(id).orElseThrow().state()).isEqualTo(JobState.AVAILABLE);
    }

    @Test
    void afterACrashAnElasticJobLeftSubmittingIsFollowedIfItReachedAwsAndSentOnceIfNot() throws Exception {
        Instant now = Instant.now();
        CopyRequest reached = copy(world.elasticSources.getFirst(), "elastic-reached");
        new SnapshotWriter().copy(prod, reached);
        CopyJob reachedJob = CopyJob.waiting(reached, now).withState(JobState.SUBMITTING, 0, now);
        CopyJob lostJob = CopyJob.waiting(copy(world.elasticSources.getLast(), "elastic-never-sent"), now)
                .withState(JobState.SUBMITTING, 0, now);
        new JobHistory(folder.resolve("jobs.json"), Clock.systemUTC()).save(List.of(reachedJob, lostJob));

        CopyJobService service = service();
        service.recover();
        assertThat(calls).as("the reached copy is not sent again").containsOnlyOnce("copy");
        assertThat(service.job(reachedJob.id()).orElseThrow()).satisfies(j -> {
            assertThat(j.state()).isIn(JobState.QUEUED_BY_AWS, JobState.COPYING);
            assertThat(j.targetArn()).contains(":docdb-elastic:");
        });
        assertThat(service.job(lostJob.id()).orElseThrow().state()).isIn(JobState.QUEUED_BY_AWS, JobState.COPYING);
        simClock.advance(Duration.ofHours(3));
        service.pollOnce();
        assertThat(service.jobs()).allMatch(j -> j.state() == JobState.AVAILABLE);
        assertThat(inAws()).filteredOn(s -> s.identifier().startsWith("elastic-")).extracting(Snapshot::identifier)
                .containsExactlyInAnyOrder("elastic-reached", "elastic-never-sent");
    }

    @Test
    void anElasticJobLeftSubmittingIsKeptUntilElasticCanBeAskedNotSentAgainNorFailed() throws Exception {
        // The crash left the job submitting; its copy reached AWS. At the next start Elastic cannot be asked (here
        // denied; throttling or an outage alike): the job must wait for a poll that can ask, as an RDS job does.
        Instant now = Instant.now();
        CopyRequest reached = copy(world.elasticSources.getFirst(), "elastic-unanswered");
        new SnapshotWriter().copy(prod, reached);
        CopyJob stranded = CopyJob.waiting(reached, now).withState(JobState.SUBMITTING, 0, now);
        new JobHistory(folder.resolve("jobs.json"), Clock.systemUTC()).save(List.of(stranded));
        simulator.faults().set(new FaultSettings(0, 0, 0, 0, List.of(), Map.of(),
                Map.of(DemoAccounts.PRODUCTION, List.of("docdb-elastic"))));

        CopyJobService service = service();
        service.recover();
        service.pollOnce();
        assertThat(calls).as("nothing sent while Elastic cannot be asked").doesNotContain("copy");
        assertThat(service.job(stranded.id()).orElseThrow().state()).isEqualTo(JobState.SUBMITTING);

        simulator.faults().set(FaultSettings.none());
        service.pollOnce();
        assertThat(service.job(stranded.id()).orElseThrow().state()).isIn(JobState.QUEUED_BY_AWS, JobState.COPYING);
        assertThat(calls).doesNotContain("copy");
        simClock.advance(Duration.ofHours(3));
        service.pollOnce();
        assertThat(service.job(stranded.id()).orElseThrow().state()).isEqualTo(JobState.AVAILABLE);
    }

    @Test
    void anElasticCopyThatReachedAwsThoughItsReplyWasLostIsFollowedNotFailed() {
        // AWS answers ConflictException "already exists" about this very copy, still being made.
        new SnapshotWriter().copy(prod, copy(world.elasticSources.getFirst(), "elastic-reply-lost"));
        CopyJobService service = service();
        UUID id = service.submit(List.of(copy(world.elasticSources.getFirst(), "elastic-reply-lost"))).getFirst();
        assertThat(service.job(id).orElseThrow()).satisfies(j -> {
            assertThat(j.state()).isIn(JobState.QUEUED_BY_AWS, JobState.COPYING);
            assertThat(j.failure()).isNull();
            assertThat(j.targetArn()).contains(":docdb-elastic:");
        });
        simClock.advance(Duration.ofHours(3));
        service.pollOnce();
        assertThat(service.job(id).orElseThrow().state()).isEqualTo(JobState.AVAILABLE);
        assertThat(inAws()).filteredOn(s -> s.identifier().equals("elastic-reply-lost")).hasSize(1);
    }

    @Test
    void anElasticNameTakenByAnotherSnapshotFailsTheJobWithAwsCodeAndMessage() {
        CopyJobService service = service();
        Snapshot taken = world.elasticSources.getLast();
        UUID id = service.submit(List.of(copy(world.elasticSources.getFirst(), taken.identifier()))).getFirst();
        CopyJob job = service.job(id).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.failure().awsCode()).isEqualTo("ConflictException");
        assertThat(job.failure().awsMessage()).contains("already exists");
    }

    @Test
    void anElasticCopyCancelledMidwayEndsCancelledAndItsTargetIsGone() {
        CopyJobService service = service();
        UUID id = service.submit(List.of(copy(world.elasticSources.getFirst(), "elastic-cancel-me"))).getFirst();
        simClock.advance(Duration.ofSeconds(20));
        service.pollOnce();
        assertThat(service.job(id).orElseThrow().state()).isIn(JobState.QUEUED_BY_AWS, JobState.COPYING);
        assertThat(service.cancel(id)).isTrue();
        assertThat(calls).contains("delete");
        assertThat(inAws()).noneMatch(s -> s.identifier().equals("elastic-cancel-me"));
        service.pollOnce();
        assertThat(service.job(id).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThat(service.cancel(id)).isFalse();
        assertThat(service.anyInFlight()).isFalse();
    }

    @Test
    void anRdsCopyIsNeverTakenForAnElasticSnapshotOfTheSameName() {
        // RDS-family identifiers and Elastic snapshot names are two services' names: both may be "shared-name".
        CopyJobService service = service();
        UUID elasticFirst = service.submit(List.of(copy(world.elasticSources.getFirst(), "shared-name"))).getFirst();
        simClock.advance(Duration.ofHours(3));
        service.pollOnce();
        assertThat(service.job(elasticFirst).orElseThrow().state()).isEqualTo(JobState.AVAILABLE);

        // An RDS copy of that name, with an Elastic copy in flight in the same region: one poll asks both services.
        UUID rds = service.submit(List.of(copy(world.rdsSources.getFirst(), "shared-name"))).getFirst();
        UUID elastic = service.submit(List.of(copy(world.elasticSources.getLast(), "elastic-beside"))).getFirst();
        assertThat(service.job(rds).orElseThrow().state()).isIn(JobState.QUEUED_BY_AWS, JobState.COPYING);
        service.pollOnce();
        assertThat(service.job(rds).orElseThrow().state()).as("the RDS copy has not moved in AWS")
                .isIn(JobState.QUEUED_BY_AWS, JobState.COPYING);
        assertThat(service.job(elastic).orElseThrow().state()).isIn(JobState.QUEUED_BY_AWS, JobState.COPYING);

        // Cancelled, it is the RDS copy that goes, not the Elastic snapshot of the same name.
        assertThat(service.cancel(rds)).isTrue();
        service.pollOnce();
        assertThat(service.job(rds).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThat(inAws()).filteredOn(s -> s.identifier().equals("shared-name")).singleElement()
                .satisfies(s -> assertThat(s.engine().api()).isEqualTo(ApiFamily.DOCDB_ELASTIC));
    }

    @Test
    void anElasticJobLeftSubmittingIsNotResolvedByAnRdsSnapshotOfItsName() throws Exception {
        // An RDS snapshot named as the Elastic job's target, not a copy (no source): it says nothing of the job.
        new SnapshotWriter().copy(prod, copy(world.rdsSources.getFirst(), "stranded-name"));
        Instant now = Instant.now();
        CopyJob stranded = CopyJob.waiting(copy(world.elasticSources.getFirst(), "stranded-name"), now)
                .withState(JobState.SUBMITTING, 0, now);
        new JobHistory(folder.resolve("jobs.json"), Clock.systemUTC()).save(List.of(stranded));
        CopyJobService service = service();
        service.recover();
        assertThat(calls).as("not found in Elastic: sent").containsOnlyOnce("copy");
        assertThat(service.job(stranded.id()).orElseThrow()).satisfies(j -> {
            assertThat(j.state()).isIn(JobState.QUEUED_BY_AWS, JobState.COPYING);
            assertThat(j.targetArn()).contains(":docdb-elastic:");
        });
        assertThat(inAws()).filteredOn(s -> s.identifier().equals("stranded-name")).extracting(s -> s.engine().api())
                .containsExactlyInAnyOrder(ApiFamily.RDS, ApiFamily.DOCDB_ELASTIC);
    }

    private CopyJobService service() {
        CopyBackend recording = new DelegatingBackend(new LiveCopyBackend(sessions, new SnapshotWriter())) {
            @Override
            public Snapshot copy(CopyRequest request) {
                calls.add("copy");
                return super.copy(request);
            }

            @Override
            public Map<String, Snapshot> snapshots(AccountRef account, RegionRef region, boolean elastic) {
                calls.add("snapshots");
                return super.snapshots(account, region, elastic);
            }

            @Override
            public Map<String, Snapshot> targets(AccountRef account, RegionRef region, Collection<String> identifiers,
                                                 boolean elastic) {
                calls.add("targets " + (identifiers.isEmpty() ? "" : "rds") + (identifiers.isEmpty() || !elastic ? ""
                        : "+") + (elastic ? "elastic" : ""));
                return super.targets(account, region, identifiers, elastic);
            }

            @Override
            public void delete(AccountRef account, Snapshot target) {
                calls.add("delete");
                super.delete(account, target);
            }
        };
        return new CopyJobService(recording, CapabilityMatrix.loadDefault(), new JobHistory(folder.resolve(
                "jobs.json"), Clock.systemUTC()), Runnable::run, Clock.systemUTC());
    }

    private CopyRequest copy(Snapshot source, String target) {
        return new CopyRequest(source, prod.account(), EAST, target, null, false, List.of());
    }

    private static long inFlight(CopyJobService service, boolean elastic) {
        return service.jobs().stream().filter(j -> j.state().holdsCopySlot()
                && (j.request().engine().api() == ApiFamily.DOCDB_ELASTIC) == elastic).count();
    }

    private List<Snapshot> inAws() {
        return new SnapshotLister(new KmsDirectory(), 1).list(List.of(prod), List.of(EAST),
                SnapshotLister.Options.DEFAULT, r -> { }).join().stream()
                .flatMap(r -> ((RegionResult.Loaded) r).snapshots().stream()).toList();
    }
}
