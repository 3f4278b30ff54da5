package dev.snapferry.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.CopyJob;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.JobFailure;
import dev.snapferry.core.model.JobState;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job history written off the service's lock, against the demo simulator through the real SDK and a disk
 * that is slow on the test's word ({@link GatedDisk}): reads and polls go on while a write is out, a burst of
 * changes is written once more as its latest state, and listeners get every update in order.
 */
class CopyJobServiceHistoryTest {

    private static final RegionRef EAST = new RegionRef("us-east-1");
    private static final Duration BOUND = Duration.ofSeconds(15);

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
    void readsAndPollsGoOnWhileTheHistoryIsBeingWrittenToASlowDisk() throws Exception {
        GatedDisk disk = new GatedDisk();
        CopyJobService service = service(disk);
        UUID refused = service.submit(List.of(copy(sources.getFirst(), sources.get(1).identifier()))).getFirst();
        UUID copying = service.submit(List.of(copy(sources.getFirst(), "slow-disk-copy"))).getFirst();
        assertThat(service.job(refused).orElseThrow().state()).isEqualTo(JobState.FAILED);
        assertThat(service.job(copying).orElseThrow().state()).isIn(JobState.QUEUED_BY_AWS, JobState.COPYING);
        int writesBefore = disk.writes();

        // The user clears the failed job; its write hangs on the disk.
        disk.holdNextWrite();
        Thread clearing = Thread.ofPlatform().name("clearing").start(service::clearFinished);
        try {
            disk.awaitWriteHeld();
            assertTimeoutPreemptively(BOUND, () -> {
                assertThat(service.jobs()).extracting(CopyJob::id).containsExactly(copying);
                assertThat(service.anyInFlight()).isTrue();
                simClock.advance(Duration.ofHours(3));
                service.pollOnce();
                assertThat(service.job(copying).orElseThrow().state()).isEqualTo(JobState.AVAILABLE);
                assertThat(service.anyInFlight()).isFalse();
            }, "reads and a poll while a write of the history is out");
            assertThat(disk.writes()).as("nothing else written while the first write is out").isEqualTo(writesBefore);
        } finally {
            disk.release();
            assertThat(clearing.join(BOUND)).as("the held write ends once released").isTrue();
        }
        assertThat(disk.lastWritten()).as("the poll's outcome, written after the held write")
                .isEqualTo(service.jobs());
    }

    @Test
    void aBurstOfChangesDuringAWriteIsWrittenOnceMoreAsItsLatestState() throws Exception {
        GatedDisk disk = new GatedDisk();
        Instant now = Instant.now();
        List<CopyJob> failed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            failed.add(CopyJob.waiting(copy(sources.get(i % sources.size()), "refused-" + i), now)
                    .failed(new JobFailure("jobs.failure.aws", "SomeFault", "refused"), now));
        }
        disk.preload(failed);
        CopyJobService service = service(disk);
        service.recover();
        List<CopyJobService.Update> seen = Collections.synchronizedList(new ArrayList<>());
        service.addListener(seen::add);
        int writesBefore = disk.writes();

        // The user discards the ten failed jobs one after another; the first discard's write hangs on the disk.
        disk.holdNextWrite();
        Thread first = Thread.ofPlatform().name("first-discard").start(() -> service.discard(failed.getFirst().id()));
        try {
            disk.awaitWriteHeld();
            assertTimeoutPreemptively(BOUND, () -> failed.subList(1, 10).forEach(j -> service.discard(j.id())),
                    "nine discards while the first one's write is out");
            assertThat(service.jobs()).isEmpty();
        } finally {
            disk.release();
            assertThat(first.join(BOUND)).as("the held write ends once released").isTrue();
        }
        assertThat(disk.writes() - writesBefore).as("writes for ten changes").isLessThanOrEqualTo(2);
        assertThat(disk.lastWritten()).as("the latest state, written last").isEmpty();
        assertThat(seen).as("updates for ten changes").hasSize(10);
        assertThat(seen.getLast().jobs()).isEmpty();
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i).jobs()).as("update %d, in order", i).hasSize(9 - i);
            assertThat(seen.get(i).version()).isEqualTo(seen.getFirst().version() + i);
            assertThat(seen.get(i).problem()).isNull();
        }
    }

    @Test
    void listenersGetEveryUpdateInOrderAndEndOnTheLatestState() throws Exception {
        CopyJobService service = service(new GatedDisk());
        List<CopyJobService.Update> seen = Collections.synchronizedList(new ArrayList<>());
        service.addListener(update -> {
            // Widens the gap between a job list being taken and handed on, where updates used to overtake.
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000));
            seen.add(update);
        });
        int threads = 8;
        int perThread = 8;
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            UUID id = service.submit(List.of(copy(sources.get((thread + i) % sources.size()),
                                    "ordered-" + thread + "-" + i))).getFirst();
                            if (i % 2 == 0) {
                                service.cancel(id);
                            }
                            if (i % 3 == 0) {
                                service.pollOnce();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            }
        }, "eight threads submitting, cancelling and polling");

        List<CopyJobService.Update> updates = List.copyOf(seen);
        Map<UUID, Integer> progress = new HashMap<>();
        int size = 0;
        long version = 0;
        for (int i = 0; i < updates.size(); i++) {
            assertThat(updates.get(i).version()).as("version of update %d", i).isGreaterThan(version);
            version = updates.get(i).version();
            List<CopyJob> jobs = updates.get(i).jobs();
            // Jobs are only added here, and each only moves forward: an older list after a newer one shows.
            assertThat(jobs.size()).as("jobs in update %d of %d", i, updates.size()).isGreaterThanOrEqualTo(size);
            size = jobs.size();
            for (CopyJob job : jobs) {
                Integer before = progress.put(job.id(), rank(job.state()));
                assertThat(rank(job.state())).as("%s in update %d of %d", job.request().targetIdentifier(), i,
                        updates.size()).isGreaterThanOrEqualTo(before == null ? 0 : before);
            }
        }
        assertThat(updates.getLast().jobs()).as("the last update is the final state").isEqualTo(service.jobs());
        assertThat(service.jobs()).hasSize(threads * perThread);
    }

    @Test
    void aCopyIsSentOnlyOnceItsJobIsOnDiskAsSubmittingWhenWritesRunInTheBackground() throws Exception {
        GatedDisk disk = new GatedDisk();
        disk.latency(Duration.ofMillis(100));
        List<String> onDiskWhenSent = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch sent = new CountDownLatch(5);
        CopyBackend watched = new WatchedBackend(new LiveCopyBackend(sessions, new SnapshotWriter()), request -> {
            disk.lastWritten().stream().filter(j -> j.request().targetIdentifier()
                    .equals(request.targetIdentifier())).forEach(j -> onDiskWhenSent.add(j.state().name()));
            sent.countDown();
        });
        try (ExecutorService background = Executors.newVirtualThreadPerTaskExecutor()) {
            CopyJobService service = new CopyJobService(watched, CapabilityMatrix.loadDefault(), new JobHistory(disk),
                    background, Clock.systemUTC());
            List<CopyRequest> batch = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                batch.add(copy(sources.get(i % sources.size()), "background-" + i));
            }
            List<UUID> ids = service.submit(batch);
            assertThat(disk.lastWritten()).as("every job on disk when submit returns").extracting(CopyJob::id)
                    .containsAll(ids);
            assertThat(sent.await(BOUND.toSeconds(), TimeUnit.SECONDS)).as("five copies sent").isTrue();
            for (UUID id : ids) {
                service.firstOutcome(id).get(BOUND.toSeconds(), TimeUnit.SECONDS);
            }
            assertThat(onDiskWhenSent).as("each job as the disk held it when its copy was sent")
                    .containsExactly("SUBMITTING", "SUBMITTING", "SUBMITTING", "SUBMITTING", "SUBMITTING");
            assertThat(service.jobs()).filteredOn(j -> j.state() == JobState.WAITING).hasSize(2);
        }
    }

    @Test
    void nothingIsSentWhileTheDiskRefusesWritesAndAllIsSentOnceItTakesThem() throws Exception {
        GatedDisk disk = new GatedDisk();
        AtomicInteger copies = new AtomicInteger();
        CopyBackend counting = new WatchedBackend(new LiveCopyBackend(sessions, new SnapshotWriter()),
                request -> copies.incrementAndGet());
        try (ExecutorService background = Executors.newVirtualThreadPerTaskExecutor()) {
            CopyJobService service = new CopyJobService(counting, CapabilityMatrix.loadDefault(),
                    new JobHistory(disk), background, Clock.systemUTC());
            CountDownLatch heldBack = new CountDownLatch(1);
            List<CopyJobService.Update> seen = Collections.synchronizedList(new ArrayList<>());
            service.addListener(update -> {
                seen.add(update);
                if (update.problem() != null && update.problem().copiesHeldBack()) {
                    heldBack.countDown();
                }
            });
            disk.full(true);
            List<UUID> ids = service.submit(List.of(copy(sources.get(0), "full-disk-0"),
                    copy(sources.get(1), "full-disk-1"), copy(sources.get(2), "full-disk-2")));
            assertThat(heldBack.await(BOUND.toSeconds(), TimeUnit.SECONDS)).as("the problem reported").isTrue();
            assertThat(service.jobs()).hasSize(3).allMatch(j -> j.state() == JobState.WAITING);
            assertThat(seen.getLast().problem()).isNotNull().satisfies(p -> assertThat(p.reason())
                    .contains("No space left on device"));
            assertThat(copies).as("copy requests sent").hasValue(0);
            assertThat(disk.writes()).isZero();

            disk.full(false);
            service.pollOnce();
            for (UUID id : ids) {
                assertThat(service.firstOutcome(id).get(BOUND.toSeconds(), TimeUnit.SECONDS).state())
                        .isIn(JobState.QUEUED_BY_AWS, JobState.COPYING);
            }
            assertThat(copies).as("copy requests sent").hasValue(3);
            assertThat(disk.allWritten()).as("each job written as submitting before it was sent")
                    .anyMatch(c -> c.jobs().size() == 3 && c.jobs().stream()
                            .allMatch(j -> j.state() == JobState.SUBMITTING));
        }
    }

    @Test
    void aCopyWhoseRecordIsStuckOnTheDiskIsNotSentAndGoesAtTheNextPoll() throws Exception {
        GatedDisk disk = new GatedDisk();
        Instant now = Instant.now();
        CopyJob failed = CopyJob.waiting(copy(sources.get(1), "refused-before"), now)
                .failed(new JobFailure("jobs.failure.aws", "SomeFault", "refused"), now);
        disk.preload(List.of(failed));
        AtomicInteger copies = new AtomicInteger();
        CopyJobService service = new CopyJobService(new WatchedBackend(new LiveCopyBackend(sessions,
                new SnapshotWriter()), request -> copies.incrementAndGet()), CapabilityMatrix.loadDefault(),
                new JobHistory(disk), Runnable::run, Clock.systemUTC(), Duration.ofMillis(300));
        service.recover();

        // Discarding the failed job hangs on the disk; a copy submitted meanwhile cannot be recorded in time.
        disk.holdNextWrite();
        Thread discarding = Thread.ofPlatform().name("discarding").start(() -> service.discard(failed.id()));
        UUID id;
        try {
            disk.awaitWriteHeld();
            id = assertTimeoutPreemptively(BOUND, () -> service.submit(List.of(copy(sources.getFirst(),
                    "stuck-record")))).getFirst();
            assertThat(service.job(id).orElseThrow().state()).isEqualTo(JobState.WAITING);
            assertThat(copies).as("copy requests sent").hasValue(0);
        } finally {
            disk.release();
            assertThat(discarding.join(BOUND)).as("the held write ends once released").isTrue();
        }
        assertThat(disk.lastWritten()).extracting(CopyJob::id).containsExactly(id);

        service.pollOnce();
        assertThat(service.job(id).orElseThrow().state()).isIn(JobState.QUEUED_BY_AWS, JobState.COPYING);
        assertThat(copies).as("copy requests sent").hasValue(1);
    }

    /** The live backend, with a look at each copy request as it leaves. */
    /** The live backend, with a look at each copy before it is sent. */
    private static final class WatchedBackend extends DelegatingBackend {

        private final Consumer<CopyRequest> beforeCopy;

        WatchedBackend(CopyBackend live, Consumer<CopyRequest> beforeCopy) {
            super(live);
            this.beforeCopy = beforeCopy;
        }

        @Override
        public Snapshot copy(CopyRequest request) {
            beforeCopy.accept(request);
            return super.copy(request);
        }
    }

    private static int rank(JobState state) {
        return switch (state) {
            case WAITING -> 0;
            case SUBMITTING -> 1;
            case QUEUED_BY_AWS, COPYING -> 2;
            case CANCELLING -> 3;
            case AVAILABLE, FAILED, CANCELLED -> 4;
        };
    }

    private CopyRequest copy(Snapshot source, String target) {
        return new CopyRequest(source, prod.account(), EAST, target, null, false, List.of());
    }

    private CopyJobService service(GatedDisk disk) {
        return new CopyJobService(new LiveCopyBackend(sessions, new SnapshotWriter()), CapabilityMatrix.loadDefault(),
                new JobHistory(disk), Runnable::run, Clock.systemUTC());
    }
}
