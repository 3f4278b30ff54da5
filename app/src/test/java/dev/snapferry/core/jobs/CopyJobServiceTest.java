package dev.snapferry.core.jobs;

import dev.snapferry.core.rules.CapabilityMatrix;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.CopyJob;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.JobState;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.storage.JsonStore;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.faults.FaultSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copy jobs against the demo simulator through the real SDK, with the simulator's clock moved by hand: the
 * five-slot queue, polling, throttling, cancelling, AWS-side refusals, and crash recovery from the history file.
 */
class CopyJobServiceTest {

    private static final RegionRef EAST = new RegionRef("us-east-1");

    @TempDir
    Path folder;

    private JobsOnDemo world;
    private SimClock.Manual simClock;
    private Simulator simulator;
    private OpenSessions sessions;
    private AccountSession prod;
    private List<Snapshot> sources;

    @BeforeEach
    void start() throws Exception {
        world = new JobsOnDemo();
        simClock = world.clock;
        simulator = world.simulator;
        sessions = world.sessions;
        prod = world.prod;
        sources = world.sources;
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void twelveCopiesIntoOneRegionRunFiveAtATimeAndAllBecomeAvailable() {
        CopyJobService service = service();
        List<CopyRequest> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Snapshot source = sources.get(i % sources.size());
            requests.add(new CopyRequest(source, prod.account(), EAST, "batch-copy-" + i, null, true, List.of()));
        }
        List<UUID> ids = service.submit(requests);
        assertThat(count(service, JobState.WAITING)).isEqualTo(7);
        assertThat(service.jobs()).filteredOn(j -> j.state().holdsCopySlot()).hasSize(5);
        assertThat(service.nextPollDelay(0.5)).contains(Duration.ofSeconds(2));
        int maxInFlight = 0;
        for (int round = 0; round < 40 && service.anyInFlight(); round++) {
            simClock.advance(Duration.ofMinutes(10));
            assertThat(service.pollOnce()).isLessThanOrEqualTo(1);
            maxInFlight = Math.max(maxInFlight, (int) service.jobs().stream()
                    .filter(j -> j.state().holdsCopySlot()).count());
        }
        // Every service guide: "up to five snapshot copy requests in progress to a single destination Region".
        assertThat(maxInFlight).isLessThanOrEqualTo(5);
        assertThat(service.jobs()).hasSize(12).allMatch(j -> j.state() == JobState.AVAILABLE && j.percent() == 100);
        assertThat(service.nextPollDelay(0.5)).isEmpty();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(inAws()).filteredOn(s -> s.identifier().startsWith("batch-copy-")).hasSize(12);
    }

    @Test
    void throttlingNeverFailsAJobAndMakesPollsBackOff() {
        CopyJobService service = service();
        service.submit(List.of(new CopyRequest(sources.getFirst(), prod.account(), EAST, "throttled-copy", null,
                false, List.of())));
        simulator.faults().set(new FaultSettings(0, 0.001, 1, 0, List.of(), Map.of(), Map.of()));
        for (int i = 0; i < 4; i++) {
            service.pollOnce();
        }
        assertThat(service.jobs()).noneMatch(j -> j.state() == JobState.FAILED);
        assertThat(service.nextPollDelay(0.5).orElseThrow()).isGreaterThan(Duration.ofSeconds(10));
        simulator.faults().set(FaultSettings.none());
        simClock.advance(Duration.ofHours(3));
        service.pollOnce();
        assertThat(service.jobs()).singleElement().satisfies(j -> assertThat(j.state()).isEqualTo(JobState.AVAILABLE));
    }

    @Test
    void aCopyCancelledMidwayEndsCancelledAndItsTargetIsGone() {
        CopyJobService service = service();
        Snapshot plain = sources.stream().filter(s -> !s.storageEncrypted()).findFirst().orElseThrow();
        UUID id = service.submit(List.of(new CopyRequest(plain, prod.account(), new RegionRef("us-west-2"),
                "cancel-me", null, false, List.of()))).getFirst();
        simClock.advance(Duration.ofMinutes(5));
        service.pollOnce();
        assertThat(service.job(id).orElseThrow().state()).isIn(JobState.QUEUED_BY_AWS, JobState.COPYING);
        assertThat(service.cancel(id)).isTrue();
        assertThat(service.job(id).orElseThrow().state()).isEqualTo(JobState.CANCELLING);
        service.pollOnce();
        assertThat(service.job(id).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThat(service.cancel(id)).isFalse();
    }

    @Test
    void aCopyThatReachedAwsThoughItsReplyWasLostIsFollowedNotFailed() {
        // The request got through but its answer did not (a timeout; the SDK retried and met the first attempt's
        // snapshot): AWS says "already exists" about this very copy.
        new SnapshotWriter().copy(prod, new CopyRequest(sources.getFirst(), prod.account(), EAST, "reply-lost",
                null, false, List.of()));
        CopyJobService service = service();
        UUID id = service.submit(List.of(new CopyRequest(sources.getFirst(), prod.account(), EAST, "reply-lost",
                null, false, List.of()))).getFirst();
        assertThat(service.job(id).orElseThrow().state()).isIn(JobState.QUEUED_BY_AWS, JobState.COPYING,
                JobState.AVAILABLE);
        assertThat(inAws()).filteredOn(s -> s.identifier().equals("reply-lost")).hasSize(1);
    }

    @Test
    void aCopyAcceptedByAwsStaysInFlightWhenDescribingItIsThrottled() {
        CopyJobService service = service();
        // One call allowed, then throttled for minutes: the copy goes through, the describe after it does not.
        simulator.faults().set(new FaultSettings(0, 0.001, 1, 0, List.of(), Map.of(), Map.of()));
        UUID id = service.submit(List.of(new CopyRequest(sources.getFirst(), prod.account(), EAST,
                "accepted-not-described", null, false, List.of()))).getFirst();
        simulator.faults().set(FaultSettings.none());
        assertThat(service.job(id).orElseThrow().state()).as("held as in flight, not waiting to be sent again")
                .isIn(JobState.QUEUED_BY_AWS, JobState.COPYING);
        assertThat(service.job(id).orElseThrow().targetArn()).endsWith(":cluster-snapshot:accepted-not-described");
        assertThat(inAws()).filteredOn(s -> s.identifier().equals("accepted-not-described")).hasSize(1);
    }

    @Test
    void anAwsRefusalFailsTheJobWithAwsCodeAndMessage() {
        CopyJobService service = service();
        Snapshot taken = sources.get(1);
        UUID id = service.submit(List.of(new CopyRequest(sources.getFirst(), prod.account(), EAST,
                taken.identifier(), null, false, List.of()))).getFirst();
        CopyJob job = service.job(id).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.failure().awsCode()).isEqualTo("DBClusterSnapshotAlreadyExistsFault");
        assertThat(job.failure().awsMessage()).isNotBlank();
    }

    @Test
    void afterACrashJobsResumeAndASubmittingJobIsNeitherLostNorSentTwice() throws Exception {
        JobHistory history = new JobHistory(folder.resolve("jobs.json"), Clock.systemUTC());
        CopyJobService first = new CopyJobService(new LiveCopyBackend(sessions, new SnapshotWriter()), CapabilityMatrix.loadDefault(), history,
                Runnable::run, Clock.systemUTC());
        UUID running = first.submit(List.of(new CopyRequest(sources.getFirst(), prod.account(), EAST,
                "survives-a-crash", null, false, List.of()))).getFirst();
        // Two jobs caught by the crash between "recorded" and "AWS answered": one reached AWS, one did not.
        Instant now = Instant.now();
        CopyRequest reached = new CopyRequest(sources.get(1), prod.account(), EAST, "reached-aws", null, false,
                List.of());
        new SnapshotWriter().copy(prod, reached);
        CopyJob reachedJob = CopyJob.waiting(reached, now).withState(JobState.SUBMITTING, 0, now);
        CopyJob lostJob = CopyJob.waiting(new CopyRequest(sources.get(2), prod.account(), EAST, "never-sent", null,
                false, List.of()), now).withState(JobState.SUBMITTING, 0, now);
        List<CopyJob> onDisk = new ArrayList<>(first.jobs());
        onDisk.add(reachedJob);
        onDisk.add(lostJob);
        history.save(onDisk);

        // The process is gone; a new one reads the history.
        CopyJobService second = new CopyJobService(new LiveCopyBackend(sessions, new SnapshotWriter()), CapabilityMatrix.loadDefault(),
                new JobHistory(folder.resolve("jobs.json"), Clock.systemUTC()), Runnable::run, Clock.systemUTC());
        assertThat(second.recover()).isInstanceOf(JsonStore.Loaded.Found.class);
        assertThat(second.jobs()).hasSize(3);
        assertThat(second.job(reachedJob.id()).orElseThrow().state()).isIn(JobState.QUEUED_BY_AWS,
                JobState.COPYING);
        assertThat(second.job(lostJob.id()).orElseThrow().state()).isIn(JobState.QUEUED_BY_AWS, JobState.COPYING);
        simClock.advance(Duration.ofHours(3));
        second.pollOnce();
        assertThat(second.jobs()).allMatch(j -> j.state() == JobState.AVAILABLE);
        assertThat(inAws()).filteredOn(s -> List.of("reached-aws", "never-sent", "survives-a-crash")
                .contains(s.identifier())).hasSize(3);
        assertThat(second.job(running)).isPresent();
    }

    @Test
    void aJobLeftSubmittingForAnAccountNotOpenAtStartIsResolvedOnceItOpens() throws Exception {
        JobHistory history = new JobHistory(folder.resolve("jobs.json"), Clock.systemUTC());
        Instant now = Instant.now();
        CopyRequest reached = new CopyRequest(sources.getFirst(), prod.account(), EAST, "opened-later", null,
                false, List.of());
        new SnapshotWriter().copy(prod, reached);
        CopyJob stranded = CopyJob.waiting(reached, now).withState(JobState.SUBMITTING, 0, now);
        history.save(List.of(stranded));

        // The next start: the production account is not open (a profile that needs MFA, say).
        OpenSessions notYet = new OpenSessions();
        CopyJobService service = new CopyJobService(new LiveCopyBackend(notYet, new SnapshotWriter()), CapabilityMatrix.loadDefault(),
                new JobHistory(folder.resolve("jobs.json"), Clock.systemUTC()), Runnable::run, Clock.systemUTC());
        service.recover();
        assertThat(service.job(stranded.id()).orElseThrow().state()).isEqualTo(JobState.SUBMITTING);
        assertThat(service.pollOnce()).as("no call for an account that is not open").isZero();
        assertThat(service.job(stranded.id()).orElseThrow().state()).isEqualTo(JobState.SUBMITTING);
        assertThat(service.nextPollDelay(0.5)).as("polling goes on while a job is unresolved").isPresent();

        // The user opens the account: the next poll finds the copy, which was never sent twice.
        notYet.add("prod", List.of(prod));
        service.pollOnce();
        assertThat(service.job(stranded.id()).orElseThrow().state()).isIn(JobState.QUEUED_BY_AWS,
                JobState.COPYING);
        simClock.advance(Duration.ofHours(3));
        service.pollOnce();
        assertThat(service.job(stranded.id()).orElseThrow().state()).isEqualTo(JobState.AVAILABLE);
        assertThat(inAws()).filteredOn(s -> s.identifier().equals("opened-later")).hasSize(1);
    }

    @Test
    void aPollRunningWhileACopyIsBeingSentNeverTakesItForStrandedNorSendsItAgain() {
        java.util.concurrent.atomic.AtomicInteger copies = new java.util.concurrent.atomic.AtomicInteger();
        LiveCopyBackend live = new LiveCopyBackend(sessions, new SnapshotWriter());
        CopyBackend counting = new DelegatingBackend(live) {
            @Override
            public Snapshot copy(CopyRequest request) {
                copies.incrementAndGet();
                return super.copy(request);
            }
        };
        CopyJobService service = new CopyJobService(counting, CapabilityMatrix.loadDefault(), new JobHistory(folder.resolve("jobs.json"),
                Clock.systemUTC()), Runnable::run, Clock.systemUTC());
        // The poll lands in the narrowest window: the job is recorded as submitting, its request not yet sent.
        java.util.concurrent.atomic.AtomicBoolean polled = new java.util.concurrent.atomic.AtomicBoolean();
        service.addListener(update -> {
            if (update.jobs().stream().anyMatch(j -> j.state() == JobState.SUBMITTING) && !polled.getAndSet(true)) {
                service.pollOnce();
            }
        });
        service.submit(List.of(new CopyRequest(sources.getFirst(), prod.account(), EAST, "raced-copy", null, false,
                List.of())));

        assertThat(polled).isTrue();
        assertThat(copies).as("copy requests sent").hasValue(1);
        assertThat(service.jobs()).singleElement().satisfies(j -> assertThat(j.state())
                .isIn(JobState.QUEUED_BY_AWS, JobState.COPYING));
        assertThat(inAws()).filteredOn(s -> s.identifier().equals("raced-copy")).hasSize(1);
    }

    @Test
    void aCorruptOrTruncatedHistoryIsSetAsideAndReported() throws Exception {
        Path file = folder.resolve("jobs.json");
        CopyJobService service = new CopyJobService(new LiveCopyBackend(sessions, new SnapshotWriter()), CapabilityMatrix.loadDefault(),
                new JobHistory(file, Clock.systemUTC()), Runnable::run, Clock.systemUTC());
        service.submit(List.of(new CopyRequest(sources.getFirst(), prod.account(), EAST, "before-corruption",
                null, false, List.of())));
        String whole = Files.readString(file);
        Files.writeString(file, whole.substring(0, whole.length() / 2));
        CopyJobService reread = new CopyJobService(new LiveCopyBackend(sessions, new SnapshotWriter()), CapabilityMatrix.loadDefault(),
                new JobHistory(file, Clock.systemUTC()), Runnable::run, Clock.systemUTC());
        var loaded = reread.recover();
        assertThat(loaded).isInstanceOf(JsonStore.Loaded.SetAside.class);
        Path aside = ((JsonStore.Loaded.SetAside<JobHistory.Content>) loaded).movedTo();
        assertThat(Files.readString(aside)).isEqualTo(whole.substring(0, whole.length() / 2));
    }

    @Test
    void nothingIsSentWhenTheHistoryCannotBeWritten() throws Exception {
        Path blocked = folder.resolve("not-a-folder");
        Files.writeString(blocked, "a file where the data folder should be");
        CopyJobService service = new CopyJobService(new LiveCopyBackend(sessions, new SnapshotWriter()), CapabilityMatrix.loadDefault(),
                new JobHistory(blocked.resolve("jobs.json"), Clock.systemUTC()), Runnable::run, Clock.systemUTC());
        List<HistoryProblem> problems = new ArrayList<>();
        service.addListener(u -> {
            if (u.problem() != null) {
                problems.add(u.problem());
            }
        });
        service.submit(List.of(new CopyRequest(sources.getFirst(), prod.account(), EAST, "must-not-be-sent", null,
                false, List.of())));
        assertThat(service.jobs()).singleElement().satisfies(j -> assertThat(j.state()).isEqualTo(JobState.WAITING));
        assertThat(problems).anyMatch(HistoryProblem::copiesHeldBack)
                .allMatch(p -> p.file().equals(blocked.resolve("jobs.json")) && !p.reason().isBlank());
        assertThat(inAws()).noneMatch(s -> s.identifier().equals("must-not-be-sent"));
    }

    @Test
    void theWizardsGatewayTakesARefusedJobBackAndThrowsItsFailure() {
        CopyJobService service = service();
        var gateway = new dev.snapferry.ui.copy.JobsCopyGateway(new dev.snapferry.ui.copy.LiveCopyGateway(sessions,
                () -> List.of(EAST), new SnapshotWriter(), new KmsDirectory()), service);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> gateway.start(new CopyRequest(sources.getFirst(),
                        prod.account(), EAST, sources.get(1).identifier(), null, false, List.of())))
                .isInstanceOfSatisfying(dev.snapferry.core.aws.AwsCallException.class, e -> assertThat(e.failure())
                        .isInstanceOf(dev.snapferry.core.aws.AwsFailure.AlreadyExists.class));
        assertThat(service.jobs()).as("the refused job is the wizard's to fix, not a failed job").isEmpty();
        gateway.start(new CopyRequest(sources.getFirst(), prod.account(), EAST, "accepted-through-jobs", null, false,
                List.of()));
        assertThat(service.jobs()).singleElement().satisfies(j -> assertThat(j.state())
                .isIn(JobState.QUEUED_BY_AWS, JobState.COPYING));
    }

    @Test
    void theQueueTakesItsLimitFromTheCapabilityMatrix() throws Exception {
        String text;
        try (var in = CapabilityMatrix.class.getResourceAsStream("capability-matrix.json")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        CapabilityMatrix two = CapabilityMatrix.parse(new java.io.ByteArrayInputStream(text
                .replace("\"maxCopiesInFlightPerRegion\": 5", "\"maxCopiesInFlightPerRegion\": 2")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), "two at a time");
        CopyJobService service = new CopyJobService(new LiveCopyBackend(sessions, new SnapshotWriter()), two,
                new JobHistory(folder.resolve("jobs.json"), Clock.systemUTC()), Runnable::run, Clock.systemUTC());
        List<CopyRequest> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(new CopyRequest(sources.get(i % sources.size()), prod.account(), EAST, "two-by-two-" + i,
                    null, true, List.of()));
        }
        service.submit(requests);
        assertThat(service.jobs()).filteredOn(j -> j.state().holdsCopySlot()).hasSize(2);
        assertThat(count(service, JobState.WAITING)).isEqualTo(4);
        for (int round = 0; round < 40 && service.anyInFlight(); round++) {
            simClock.advance(Duration.ofMinutes(10));
            service.pollOnce();
            assertThat(service.jobs()).filteredOn(j -> j.state().holdsCopySlot()).hasSizeLessThanOrEqualTo(2);
        }
        assertThat(service.jobs()).hasSize(6).allMatch(j -> j.state() == JobState.AVAILABLE);
    }

    @Test
    void aCopyNamedInMixedCaseIsFollowedUnderTheLowerCaseNameAwsStores() {
        // AWS stores identifiers in lower case and matches filter values case-sensitively (RDS API reference,
        // CopyDBClusterSnapshot and DescribeDBClusterSnapshots): "DR-Copy-Mixed" is found only as "dr-copy-mixed".
        CopyJobService service = service();
        service.submit(List.of(new CopyRequest(sources.getFirst(), prod.account(), EAST, "DR-Copy-Mixed", null,
                true, List.of())));
        for (int round = 0; round < 20 && service.anyInFlight(); round++) {
            simClock.advance(Duration.ofMinutes(10));
            service.pollOnce();
        }
        assertThat(service.jobs()).singleElement().satisfies(j -> {
            assertThat(j.state()).isEqualTo(JobState.AVAILABLE);
            assertThat(j.failure()).isNull();
        });
        assertThat(inAws()).extracting(Snapshot::identifier).contains("dr-copy-mixed")
                .doesNotContain("DR-Copy-Mixed");
    }

    @Test
    void aPollAnsweredAfterTheJobEndedDoesNotBringItBackToCopying() {
        LiveCopyBackend live = new LiveCopyBackend(sessions, new SnapshotWriter());
        java.util.concurrent.atomic.AtomicReference<Runnable> duringNextPoll =
                new java.util.concurrent.atomic.AtomicReference<>();
        CopyBackend racing = new DelegatingBackend(live) {
            @Override
            public Map<String, Snapshot> targets(dev.snapferry.core.model.AccountRef account, RegionRef region,
                                                 java.util.Collection<String> identifiers, boolean elastic) {
                Map<String, Snapshot> answer = super.targets(account, region, identifiers, elastic);
                Runnable meanwhile = duringNextPoll.getAndSet(null);
                if (meanwhile != null) {
                    // While this answer (the copy still copying) is on its way back, the job ends elsewhere.
                    meanwhile.run();
                }
                return answer;
            }
        };
        CopyJobService service = new CopyJobService(racing, CapabilityMatrix.loadDefault(),
                new JobHistory(folder.resolve("jobs.json"), Clock.systemUTC()), Runnable::run, Clock.systemUTC());
        UUID id = service.submit(List.of(new CopyRequest(sources.getFirst(), prod.account(), EAST, "ends-meanwhile",
                null, false, List.of()))).getFirst();
        assertThat(service.job(id)).get().satisfies(j -> assertThat(j.state()).isIn(JobState.COPYING,
                JobState.QUEUED_BY_AWS));
        duringNextPoll.set(() -> {
            assertThat(service.cancel(id)).isTrue();
            service.pollOnce();
            assertThat(service.job(id)).get().satisfies(j -> assertThat(j.state()).isEqualTo(JobState.CANCELLED));
        });
        service.pollOnce();
        assertThat(service.job(id)).get().as("the late answer is about a job already over")
                .satisfies(j -> assertThat(j.state()).isEqualTo(JobState.CANCELLED));
    }

    private CopyJobService service() {
        return new CopyJobService(new LiveCopyBackend(sessions, new SnapshotWriter()), CapabilityMatrix.loadDefault(),
                new JobHistory(folder.resolve("jobs.json"), Clock.systemUTC()), Runnable::run, Clock.systemUTC());
    }

    private static long count(CopyJobService service, JobState state) {
        return service.jobs().stream().filter(j -> j.state() == state).count();
    }

    private List<Snapshot> inAws() {
        return new SnapshotLister(new KmsDirectory(), 1).list(List.of(prod), List.of(EAST, new RegionRef(
                "us-west-2")), SnapshotLister.Options.DEFAULT, r -> { }).join().stream()
                .flatMap(r -> ((RegionResult.Loaded) r).snapshots().stream()).toList();
    }
}
