package dev.snapferry.core.jobs;

import dev.snapferry.core.aws.AwsCallException;
import dev.snapferry.core.aws.AwsFailure;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.ApiFamily;
import dev.snapferry.core.model.CopyJob;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.JobFailure;
import dev.snapferry.core.model.JobPlan;
import dev.snapferry.core.model.PlanStage;
import dev.snapferry.core.model.JobState;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.rules.IdentifierRules;
import dev.snapferry.core.storage.JsonStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copy jobs: a client-side queue that keeps at most the engine's limit of copies in flight per (account,
 * destination region, API) (the capability matrix's {@code maxCopiesInFlightPerRegion}: five for every engine
 * today, each service guide's "up to five snapshot copy requests in progress to a single destination Region per
 * account"; DocumentDB Elastic is a service of its own with its own count); a durable history; and one poll per
 * (account, region) for all the copies in flight there.
 *
 * <p>No job is lost or sent twice: a job is recorded as {@code SUBMITTING} before its request leaves, so after a
 * crash {@link #recover()} finds the target in AWS (the copy was accepted) or does not (it was never made, and is
 * safe to send). A request refused for throttling or a network fault waits and is sent again; polls refused the
 * same way back off and never turn into failed jobs. If the history cannot be written, nothing is sent.
 *
 * <p>The history is written off the service's lock. Every change takes the next version, under the lock, and
 * hands the whole job list to a {@link HistoryWriter}: one thread at a time writes the latest version, so reads,
 * polls and changes never wait for the disk, and a burst of changes costs a write or two, never an older state
 * after a newer one. Where the disk must hold a state before AWS is asked, the asking thread waits, bounded, for a
 * write that includes its version: {@link #submit} returns once its jobs are written, a copy is sent once its
 * {@code SUBMITTING} is, a target is deleted once its {@code CANCELLING} is. Finishing touches (a discard, a clear,
 * a poll's progress) are written with the next write.
 *
 * <p>Listeners get one {@link Update} per version, in version order, each once the write that covered it is over:
 * they are handed on by the writer's thread after each write, the only thread that hands them on, so an older job
 * list never follows a newer one, what a listener sees is on disk (or its {@code problem} says why not), and the
 * last update seen is the jobs as they stand. A listener runs on that thread: it must be quick, and may call the
 * service (a change it makes is written and handed on in turn).
 *
 * <p>Thread-safe. AWS calls run on the given executor, never under the service's lock. {@link #pollOnce()} and the
 * submissions can be driven by {@link JobPolling} or, in tests, directly.
 */
public final class CopyJobService {

    private static final Logger LOG = LoggerFactory.getLogger(CopyJobService.class);
    private static final Duration RESEND_AFTER = Duration.ofSeconds(5);
    /** How far AWS's clock and whole-second creation times may put a copy before the job that made it. */
    private static final Duration CLOCK_ALLOWANCE = Duration.ofMinutes(1);
    /** How long a copy waits for its {@code SUBMITTING} to reach the disk before it goes back to waiting. */
    private static final Duration HISTORY_WAIT = Duration.ofSeconds(30);

    /**
     * What changed, for the UI: every job as it stands (final ones included) at {@code version}, and the history's
     * problem, if the write of that version failed. Versions only grow from one update to the next.
     */
    public record Update(long version, List<CopyJob> jobs, @Nullable HistoryProblem problem) {

        /** A starting point taken by a view itself (from {@link #jobs()}): version 0, before any update. */
        public Update(List<CopyJob> jobs, @Nullable HistoryProblem problem) {
            this(0, jobs, problem);
        }
    }

    /** A version of the jobs not yet handed to the listeners: it is, once its write is over. */
    private record Pending(long version, List<CopyJob> jobs) {
    }

    private final CopyBackend backend;
    private final CapabilityMatrix matrix;
    private final JobHistory history;
    private final Executor executor;
    private final Clock clock;
    private final Map<UUID, CopyJob> jobs = new LinkedHashMap<>();
    private final Map<UUID, Instant> notBefore = new LinkedHashMap<>();
    /** Jobs whose copy request this run has handed to the executor and not heard back from. */
    private final java.util.Set<UUID> sendingNow = new java.util.HashSet<>();
    /** Stranded jobs a poll or the recovery is looking for right now: no second resolution may start on them. */
    private final java.util.Set<UUID> resolvingNow = new java.util.HashSet<>();
    private final List<Consumer<Update>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final HistoryWriter writer;
    private final Duration historyWait;
    /** The jobs' version: one more for every change, taken under the lock so versions follow the changes. */
    private long version;
    private final java.util.Queue<Pending> untold = new java.util.ArrayDeque<>();
    /** Copies were held back because the history could not be written: its problem says so until a write works. */
    private boolean heldBack;
    private int pollFailuresInARow;
    private boolean progressInLastPoll;
    private @Nullable Instant lastSubmit;

    public CopyJobService(CopyBackend backend, CapabilityMatrix matrix, JobHistory history, Executor executor,
                          Clock clock) {
        this(backend, matrix, history, executor, clock, HISTORY_WAIT);
    }

    /** @param historyWait how long a copy waits for its record to reach the disk (tests shorten it) */
    CopyJobService(CopyBackend backend, CapabilityMatrix matrix, JobHistory history, Executor executor, Clock clock,
                   Duration historyWait) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.matrix = Objects.requireNonNull(matrix, "matrix");
        this.history = Objects.requireNonNull(history, "history");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.historyWait = Objects.requireNonNull(historyWait, "historyWait");
        this.writer = new HistoryWriter(history, executor, this::written);
    }

    public void addListener(Consumer<Update> listener) {
        listeners.add(listener);
    }

    public synchronized List<CopyJob> jobs() {
        return List.copyOf(jobs.values());
    }

    public synchronized Optional<CopyJob> job(UUID id) {
        return Optional.ofNullable(jobs.get(id));
    }

    public synchronized boolean anyInFlight() {
        return jobs.values().stream().anyMatch(j -> !j.state().isFinal());
    }

    // ---- start-up ----

    /**
     * Reads the history and resumes: jobs caught in {@code SUBMITTING} by a crash are resolved by looking for
     * their target (found: the copy was accepted and is followed; absent: it is queued to be sent), the rest go on
     * as they were. Returns what loading found, so that a set-aside file can be reported.
     */
    public JsonStore.Loaded<JobHistory.Content> recover() {
        JsonStore.Loaded<JobHistory.Content> loaded = history.load();
        synchronized (this) {
            loaded.value().jobs().forEach(j -> jobs.put(j.id(), j));
        }
        resolveStranded();
        changed();
        pump();
        return loaded;
    }

    /**
     * Resolves the jobs left {@code SUBMITTING} with no request of this run on its way (a crash, or a destination
     * account that could not be reached at start-up): their target is looked for, once per account and region;
     * found, the copy was accepted and is followed; absent, the job waits to be sent. A region that cannot be asked
     * now (its account not open yet, a network fault) keeps its jobs for the next poll. Returns the calls made.
     */
    private int resolveStranded() {
        Map<String, List<CopyJob>> stranded = new LinkedHashMap<>();
        List<UUID> undoing = new ArrayList<>();
        synchronized (this) {
            for (CopyJob job : jobs.values()) {
                if (job.state() == JobState.CANCELLING && job.plan() != null && !resolvingNow.contains(job.id())
                        && backend.canReach(job.workingAccount())) {
                    // A cancel a crash or a refusal interrupted: taken up again, each undo reading before it acts.
                    undoing.add(job.id());
                    resolvingNow.add(job.id());
                }
                if (job.state() == JobState.SUBMITTING && !sendingNow.contains(job.id())
                        && !resolvingNow.contains(job.id()) && backend.canReach(job.workingAccount())) {
                    stranded.computeIfAbsent(job.atCopy() ? key(job) : "stage/" + job.id(),
                            k -> new ArrayList<>()).add(job);
                    resolvingNow.add(job.id());
                }
            }
        }
        int calls = undoing.size();
        undoing.forEach(id -> executor.execute(() -> undo(id)));
        try {
            for (List<CopyJob> group : stranded.values()) {
                if (!group.getFirst().atCopy()) {
                    calls++;
                    resolveStrandedStage(group.getFirst());
                    continue;
                }
                CopyRequest first = group.getFirst().active();
                Map<String, Snapshot> rdsPresent = Map.of();
                Map<String, Snapshot> elasticPresent = Map.of();
                try {
                    // Each service's jobs are looked for in that service only, and a service that cannot answer
                    // keeps them all for the next poll: an absent target must mean absent, not unasked.
                    if (group.stream().anyMatch(j -> !elastic(j))) {
                        calls++;
                        rdsPresent = ownSnapshots(first.destinationAccount(), first.destinationRegion(), false);
                    }
                    if (group.stream().anyMatch(CopyJobService::elastic)) {
                        calls++;
                        elasticPresent = ownSnapshots(first.destinationAccount(), first.destinationRegion(), true);
                    }
                } catch (AwsCallException e) {
                    LOG.warn("Could not resolve {} submitting job(s) in {}: {}; the next poll will", group.size(),
                            first.destinationRegion(), e.failure().awsCode());
                    continue;
                }
                List<CopyJob> resolved = new ArrayList<>();
                for (CopyJob job : group) {
                    Snapshot target = (elastic(job) ? elasticPresent : rdsPresent)
                            .get(IdentifierRules.normalize(job.active().targetIdentifier()));
                    resolved.add(target != null && fromSource(target, job) ? followed(job, target)
                            : job.withState(JobState.WAITING, 0, now()));
                }
                replaceIfUnchanged(group, resolved);
            }
        } finally {
            synchronized (this) {
                stranded.values().forEach(group -> group.forEach(job -> resolvingNow.remove(job.id())));
            }
        }
        return calls;
    }

    /**
     * A plan stranded at a share or a clean-up: a share AWS already holds is done (it is not sent again); anything
     * else is sent again, the clean-up reading before it acts, so nothing is done twice.
     */
    private void resolveStrandedStage(CopyJob job) {
        PlanStage stage = Objects.requireNonNull(job.plan()).stage();
        CopyJob resolved;
        try {
            resolved = stage.kind() == PlanStage.Kind.SHARE && backend.sharedWith(stage.account(), stage.region(),
                    stage.snapshot()).contains(stage.withAccount()) ? afterStage(job)
                    : job.withState(JobState.WAITING, 0, now());
        } catch (AwsCallException e) {
            if (retryable(e.failure())) {
                LOG.warn("Could not resolve stage {} of {}: {}; the next poll will", stage.kind(),
                        job.request().targetIdentifier(), e.failure().awsCode());
                return;
            }
            resolved = job.withState(JobState.WAITING, 0, now());
        }
        replaceIfUnchanged(List.of(job), List.of(resolved));
    }

    /** Applies resolutions only to jobs nobody changed meanwhile (a cancel, a clear, a discard). */
    private void replaceIfUnchanged(List<CopyJob> before, List<CopyJob> after) {
        boolean replaced = false;
        synchronized (this) {
            // Checked and replaced in one breath: a cancel landing in between would otherwise be overwritten.
            for (int i = 0; i < before.size(); i++) {
                if (jobs.get(before.get(i).id()) == before.get(i)) {
                    jobs.put(after.get(i).id(), after.get(i));
                    replaced = true;
                }
            }
            if (replaced) {
                recordLocked();
            }
        }
        if (replaced) {
            writer.writeSoon();
        }
    }

    // ---- submitting ----

    /**
     * Queues copies; each is recorded before anything is sent, and the history holds them (or its problem is
     * reported) when this returns, so that a copy the user asked for survives a crash even while it waits for a
     * slot. Returns the new jobs' ids.
     */
    public List<UUID> submit(List<CopyRequest> requests) {
        return queue(requests.stream().map(request -> CopyJob.waiting(request, now())).toList());
    }

    /**
     * Queues a copy into another account as one job of {@code plan}'s stages, recorded like {@link #submit}; its
     * stages run one after the other, each recorded before it is sent. Returns the job's id.
     */
    public UUID submitPlan(CopyRequest request, JobPlan plan) {
        return queue(List.of(CopyJob.planned(request, plan, now()))).getFirst();
    }

    /** Records new jobs, starts what has a free slot, and returns once the history holds them (or says why not). */
    private List<UUID> queue(List<CopyJob> fresh) {
        long recorded;
        synchronized (this) {
            fresh.forEach(job -> jobs.put(job.id(), job));
            lastSubmit = now();
            recorded = recordLocked();
        }
        writer.writeSoon();
        pump();
        IOException failure = writer.awaitWritten(recorded, historyWait);
        if (failure != null) {
            LOG.warn("{} new copy job(s) are not in the history yet: {}", fresh.size(),
                    dev.snapferry.core.storage.AtomicFiles.describe(failure));
        }
        return fresh.stream().map(CopyJob::id).toList();
    }

    /**
     * Takes a failed plan up again at the stage it failed at: the stages before it are done and are not sent
     * again. False when the job is not a failed plan.
     */
    public boolean resume(UUID id) {
        synchronized (this) {
            CopyJob job = jobs.get(id);
            if (job == null || job.plan() == null || job.state() != JobState.FAILED) {
                return false;
            }
            jobs.put(id, job.withState(JobState.WAITING, 0, now()));
            notBefore.remove(id);
            lastSubmit = now();
            recordLocked();
        }
        writer.writeSoon();
        pump();
        return true;
    }

    /** Sends waiting jobs while their destination has a free slot. */
    public void pump() {
        List<CopyJob> sending = new ArrayList<>();
        long recorded;
        synchronized (this) {
            Map<String, Integer> busy = new LinkedHashMap<>();
            // A plan's share or clean-up is no copy: it takes no slot, and waits for none.
            jobs.values().stream().filter(j -> j.atCopy() && j.state().holdsCopySlot())
                    .forEach(j -> busy.merge(slotKey(j), 1, Integer::sum));
            Instant now = now();
            for (CopyJob job : List.copyOf(jobs.values())) {
                if (job.state() != JobState.WAITING || notBefore.getOrDefault(job.id(), now).isAfter(now)) {
                    continue;
                }
                if (job.atCopy()) {
                    int used = busy.getOrDefault(slotKey(job), 0);
                    if (used >= slots(job)) {
                        continue;
                    }
                    busy.put(slotKey(job), used + 1);
                }
                CopyJob next = job.withState(JobState.SUBMITTING, 0, now);
                jobs.put(job.id(), next);
                sending.add(next);
            }
            if (sending.isEmpty()) {
                return;
            }
            // Claimed in the same breath as SUBMITTING: a concurrent poll must never take these for stranded.
            sending.forEach(job -> sendingNow.add(job.id()));
            recorded = recordLocked();
        }
        IOException failure = writer.awaitWritten(recorded, historyWait);
        if (failure != null) {
            // Not durably recorded: send nothing, keep them waiting, and say so (the history's problem does).
            synchronized (this) {
                Instant now = now();
                for (CopyJob job : sending) {
                    sendingNow.remove(job.id());
                    if (jobs.get(job.id()) == job) {
                        jobs.put(job.id(), job.withState(JobState.WAITING, 0, now));
                    }
                }
                heldBack = true;
                recordLocked();
            }
            LOG.warn("{} copy request(s) not sent, the job history could not be written: {}", sending.size(),
                    dev.snapferry.core.storage.AtomicFiles.describe(failure));
            writer.writeSoon();
            return;
        }
        sending.forEach(job -> executor.execute(() -> send(job)));
    }

    private void send(CopyJob job) {
        CopyJob after;
        try {
            after = job.atCopy() ? followed(job, backend.copy(job.active())) : runStage(job);
        } catch (AwsCallException e) {
            after = refused(job, e.failure());
        } catch (RuntimeException e) {
            LOG.warn("Copy {} could not be sent", job.active().targetIdentifier(), e);
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    : e.getMessage();
            after = job.failed(JobFailure.of("jobs.failure.unsent", why), now());
        }
        update(after);
        synchronized (this) {
            sendingNow.remove(job.id());
        }
        pump();
    }

    /** Runs a plan's share or clean-up stage; the job at the stage after it. */
    private CopyJob runStage(CopyJob job) {
        PlanStage stage = Objects.requireNonNull(job.plan()).stage();
        String with = Objects.requireNonNull(stage.withAccount());
        if (stage.kind() == PlanStage.Kind.SHARE) {
            backend.share(stage.account(), stage.region(), stage.snapshot(), List.of(with), List.of());
        } else {
            cleanUp(stage.account(), stage.region(), stage.snapshot(), with, stage.deleteSnapshot());
        }
        return afterStage(job);
    }

    /**
     * Stops sharing {@code snapshot} with {@code sharedWith} and, when asked, deletes it; each only if it is still
     * so, so that running it again (after a crash, a retry) sends nothing twice.
     */
    private void cleanUp(AccountRef owner, RegionRef region, String snapshot, String sharedWith, boolean delete) {
        java.util.Set<String> shared;
        try {
            shared = backend.sharedWith(owner, region, snapshot);
        } catch (AwsCallException e) {
            if (e.failure() instanceof AwsFailure.NotFound) {
                return;
            }
            throw e;
        }
        if (shared.contains(sharedWith)) {
            backend.share(owner, region, snapshot, List.of(), List.of(sharedWith));
        }
        if (delete) {
            deleteIfPresent(owner, region, snapshot);
        }
    }

    /** The job once its current stage is done: the next stage waiting, or, after the last, the job available. */
    private CopyJob afterStage(CopyJob job) {
        JobPlan plan = job.plan();
        return plan == null || plan.atLastStage() ? job.withState(JobState.AVAILABLE, 100, now())
                : job.nextStage(now());
    }

    private CopyJob refused(CopyJob job, AwsFailure failure) {
        if (retryable(failure)) {
            synchronized (this) {
                notBefore.put(job.id(), now().plus(RESEND_AFTER));
            }
            LOG.info("Copy {} refused for now ({}); it is sent again later", job.active().targetIdentifier(),
                    failure.awsCode());
            return job.withState(JobState.WAITING, 0, now());
        }
        if (failure instanceof AwsFailure.AlreadyExists && job.atCopy()) {
            // Perhaps our own earlier attempt reached AWS before its reply was lost (a timeout, a reset, the
            // SDK's own retry of it): then it is this copy. A snapshot of that name copied from this very source
            // is what the user asked for, whoever sent it. When AWS does not say the source (Elastic), one still
            // being made, or made since the job was, is taken for ours.
            try {
                Snapshot existing = ownSnapshots(job.active().destinationAccount(),
                        job.active().destinationRegion(), elastic(job))
                        .get(IdentifierRules.normalize(job.active().targetIdentifier()));
                boolean sameSource = existing != null && job.active().source().arn()
                        .equals(existing.sourceSnapshotArn());
                // Elastic reports no source snapshot, but a copy keeps its source's cluster (clusterArn): a snapshot
                // of that name taken from the same cluster, after this job had already sent an attempt, is ours
                // even when it finished meanwhile and AWS's clock puts its creation before the job's.
                boolean sameCluster = existing != null && elastic(job) && existing.sourceSnapshotArn() == null
                        && existing.clusterIdentifier() != null
                        && existing.clusterIdentifier().equals(job.active().source().clusterIdentifier());
                // Creation times come back in whole seconds (Elastic: epoch seconds) and from AWS's clock, not ours:
                // a minute's allowance keeps a copy made by our own first attempt from looking older than the job.
                boolean madeSinceTheJob = existing != null && existing.createTime() != null && !existing.createTime()
                        .isBefore(job.createdAt().minus(CLOCK_ALLOWANCE));
                if (existing != null && job.submittedAt() != null && (sameSource || fromSource(existing, job)
                        && (sameCluster || existing.status().state().isInProgress() || madeSinceTheJob))) {
                    return followed(job, existing);
                }
            } catch (AwsCallException e) {
                if (retryable(e.failure())) {
                    // Cannot tell now whether it is ours: ask again later rather than fail a copy that may run.
                    synchronized (this) {
                        notBefore.put(job.id(), now().plus(RESEND_AFTER));
                    }
                    return job.withState(JobState.WAITING, 0, now());
                }
            }
        }
        return job.failed(new JobFailure(failure.messageKey(), failure.awsCode(), failure.awsMessage()), now());
    }

    // ---- polling ----

    /**
     * Asks AWS once per (account, region) with copies in flight and moves each job on. Returns the number of API
     * calls made. A throttled or unreachable region keeps its jobs as they were and makes the next poll wait longer.
     */
    public int pollOnce() {
        int stranded = resolveStranded();
        Map<String, List<CopyJob>> groups = new LinkedHashMap<>();
        for (CopyJob job : jobs()) {
            if (followedByPolls(job) && backend.canReach(job.active().destinationAccount())) {
                groups.computeIfAbsent(key(job), k -> new ArrayList<>()).add(job);
            }
        }
        int calls = stranded;
        boolean moved = false;
        boolean failed = false;
        for (List<CopyJob> group : groups.values()) {
            CopyRequest first = group.getFirst().active();
            boolean elastic = group.stream().anyMatch(CopyJobService::elastic);
            Map<String, Snapshot> rdsPresent = Map.of();
            Map<String, Snapshot> elasticPresent = Map.of();
            List<String> rdsTargets = group.stream().filter(j -> !elastic(j))
                    .map(j -> j.active().targetIdentifier()).toList();
            try {
                calls += (rdsTargets.isEmpty() ? 0 : 1) + (elastic ? 1 : 0);
                // Asked apart, so that an RDS-family snapshot and an Elastic one of the same name (two services,
                // two namespaces) each answer for their own jobs only.
                if (!rdsTargets.isEmpty()) {
                    rdsPresent = ofApi(backend.targets(first.destinationAccount(), first.destinationRegion(),
                            rdsTargets, false), ApiFamily.RDS);
                }
                if (elastic) {
                    elasticPresent = ofApi(backend.targets(first.destinationAccount(), first.destinationRegion(),
                            List.of(), true), ApiFamily.DOCDB_ELASTIC);
                }
            } catch (AwsCallException e) {
                failed = true;
                LOG.info("Poll of {} {} refused ({}); jobs kept, next poll later", first.destinationAccount()
                        .accountId(), first.destinationRegion(), e.failure().awsCode());
                continue;
            }
            List<CopyJob> before = new ArrayList<>();
            List<CopyJob> changes = new ArrayList<>();
            for (CopyJob job : group) {
                CopyJob now = job(job.id()).orElse(job);
                if (!followedByPolls(now) || now.active() != job.active()) {
                    // It moved on while the poll was out (a cancel of a job just refused, a clear): a poll's
                    // answer about its target must not bring a finished job back to copying.
                    continue;
                }
                Snapshot target = (elastic(job) ? elasticPresent : rdsPresent).get(IdentifierRules
                        .normalize(job.active().targetIdentifier()));
                if (now.state() == JobState.CANCELLING && target != null
                        && target.status().state() != dev.snapferry.core.model.SnapshotState.DELETING) {
                    // Its delete was refused (throttled, a network fault) or lost: asked again, once at a time.
                    deleteTarget(now, target);
                }
                CopyJob next = advance(now, target);
                if (next.state() != now.state() || next.percent() != now.percent() || next.plan() != now.plan()) {
                    moved = true;
                    before.add(now);
                    changes.add(next);
                }
            }
            // One write of the history and one notice per region polled, however many jobs moved; a job cancelled
            // while the poll was out keeps its cancellation.
            replaceIfUnchanged(before, changes);
        }
        synchronized (this) {
            pollFailuresInARow = failed ? pollFailuresInARow + 1 : 0;
            progressInLastPoll = moved;
        }
        pump();
        return calls;
    }

    /** The jobs whose copies a poll follows in AWS: a copy in flight (a plan's too), or one being cancelled. */
    private static boolean followedByPolls(CopyJob job) {
        JobState state = job.state();
        return job.atCopy() && (state == JobState.COPYING || state == JobState.QUEUED_BY_AWS
                || state == JobState.CANCELLING && job.plan() == null);
    }

    private CopyJob advance(CopyJob job, @Nullable Snapshot target) {
        if (target == null) {
            return job.state() == JobState.CANCELLING ? job.withState(JobState.CANCELLED, job.percent(), now())
                    : job.failed(JobFailure.of("jobs.failure.gone", job.active().targetIdentifier(),
                    job.active().destinationRegion().code()), now());
        }
        if (job.state() == JobState.CANCELLING) {
            return job;
        }
        return switch (target.status().state()) {
            case AVAILABLE -> afterStage(job);
            case FAILED -> job.failed(JobFailure.of("jobs.failure.awsStatus", target.status().raw()), now());
            case QUEUED -> job.state() == JobState.QUEUED_BY_AWS ? job
                    : job.withState(JobState.QUEUED_BY_AWS, 0, now());
            default -> job.state() == JobState.COPYING && job.percent() == target.status().percent() ? job
                    : job.withState(JobState.COPYING, target.status().percent(), now());
        };
    }

    /**
     * How long until the next poll: none when nothing is in flight; soon after a submit or while progress moves;
     * slower for long or AWS-queued copies; doubling with jitter after throttling or network faults.
     */
    public synchronized Optional<Duration> nextPollDelay(double jitter) {
        boolean inFlight = jobs.values().stream().anyMatch(j -> !j.state().isFinal());
        if (!inFlight) {
            return Optional.empty();
        }
        if (pollFailuresInARow > 0) {
            long seconds = Math.min(60, 2L << Math.min(5, pollFailuresInARow));
            return Optional.of(Duration.ofMillis((long) (seconds * 1000 * (0.5 + jitter))));
        }
        boolean recent = lastSubmit != null && Duration.between(lastSubmit, now()).getSeconds() < 30;
        if (progressInLastPoll || recent) {
            return Optional.of(Duration.ofSeconds(2));
        }
        boolean onlyQueued = jobs.values().stream().filter(j -> !j.state().isFinal())
                .allMatch(j -> j.state() == JobState.QUEUED_BY_AWS || j.state() == JobState.WAITING);
        return Optional.of(Duration.ofSeconds(onlyQueued ? 30 : 10));
    }

    // ---- cancelling ----

    /**
     * Cancels a job: a waiting one at once; one in flight by deleting its target (the poll then sees it gone).
     * False when the job is already over.
     */
    public boolean cancel(UUID id) {
        CopyJob next;
        long recorded;
        // Decided and recorded in one hold of the lock: a pump claiming the job, or a poll moving it, between the
        // two would otherwise be overwritten (a copy sent to AWS while its job says cancelled), or overwrite it.
        synchronized (this) {
            CopyJob job = jobs.get(id);
            if (job == null || !cancellable(job)) {
                return false;
            }
            // A job waiting after an attempt whose answer never came (a timeout, a reset) may have its copy in AWS
            // all the same: it is looked for and deleted like one in flight.
            boolean nothingMade = job.state() == JobState.WAITING && job.submittedAt() == null
                    && (job.plan() == null || job.plan().done().isEmpty());
            next = nothingMade ? job.withState(JobState.CANCELLED, 0, now())
                    : job.withState(JobState.CANCELLING, job.percent(), now());
            jobs.put(id, next);
            recorded = recordLocked();
        }
        writer.writeSoon();
        if (next.state() == JobState.CANCELLING && next.plan() != null) {
            long onDisk = recorded;
            synchronized (this) {
                resolvingNow.add(id);
            }
            executor.execute(() -> {
                writer.awaitWritten(onDisk, historyWait);
                undo(id);
            });
        } else if (next.state() == JobState.CANCELLING) {
            CopyJob cancelling = next;
            synchronized (this) {
                resolvingNow.add(id);
            }
            executor.execute(() -> {
                try {
                    // On disk before the target goes: a crash in between then ends the job cancelled, not
                    // vanished. A history that cannot be written does not keep the user's cancel from AWS; its
                    // problem is shown.
                    writer.awaitWritten(recorded, historyWait);
                    Snapshot target = ownSnapshots(cancelling.request().destinationAccount(),
                            cancelling.request().destinationRegion(), elastic(cancelling))
                            .get(IdentifierRules.normalize(cancelling.request().targetIdentifier()));
                    if (target != null) {
                        backend.delete(cancelling.request().destinationAccount(), target);
                    }
                } catch (AwsCallException e) {
                    LOG.info("Cancelling {} refused ({}); the poll asks again",
                            cancelling.request().targetIdentifier(), e.failure().awsCode());
                } finally {
                    synchronized (this) {
                        resolvingNow.remove(id);
                    }
                }
            });
        }
        pump();
        return true;
    }

    /** Deletes a cancelled copy's target again, unless a delete of this job is already on its way. */
    private void deleteTarget(CopyJob cancelling, Snapshot target) {
        synchronized (this) {
            if (!resolvingNow.add(cancelling.id())) {
                return;
            }
        }
        executor.execute(() -> {
            try {
                backend.delete(cancelling.active().destinationAccount(), target);
            } catch (AwsCallException e) {
                LOG.info("Deleting the cancelled copy {} refused again ({}); the next poll asks again",
                        target.identifier(), e.failure().awsCode());
            } finally {
                synchronized (this) {
                    resolvingNow.remove(cancelling.id());
                }
            }
        });
    }

    /**
     * Whether {@link #cancel} would take the job: not over, not being sent, not being cancelled, and, for a plan,
     * not past its last copy (what the user asked for exists then; only the clean-up is left).
     */
    public static boolean cancellable(CopyJob job) {
        return !job.state().isFinal() && job.state() != JobState.CANCELLING && job.state() != JobState.SUBMITTING
                && (job.plan() == null || !job.plan().copied());
    }

    /**
     * What cancelling a plan takes back besides its current copy: the stages done so far, most recent first (the
     * confirmation names them). Empty for a plain job.
     */
    public static List<PlanStage> undoneByCancel(CopyJob job) {
        if (job.plan() == null) {
            return List.of();
        }
        return job.plan().done().reversed().stream()
                .filter(s -> s.kind() == PlanStage.Kind.SHARE || s.kind() == PlanStage.Kind.COPY).toList();
    }

    /**
     * Takes back what a cancelled plan made: its current copy, if sent, then each stage done, most recent first
     * (a share is withdrawn, a copy deleted); then the job is cancelled. Each step reads before it acts, so that
     * running it again (a refusal, a crash) does nothing twice. A refusal leaves the job cancelling, for the next
     * poll to take up again.
     */
    private void undo(UUID id) {
        try {
            CopyJob job = job(id).orElse(null);
            if (job == null || job.state() != JobState.CANCELLING || job.plan() == null) {
                return;
            }
            PlanStage current = job.plan().stage();
            if (current.kind() == PlanStage.Kind.COPY) {
                deleteIfPresent(current.account(), current.region(), current.snapshot());
            }
            for (PlanStage done : undoneByCancel(job)) {
                if (done.kind() == PlanStage.Kind.SHARE) {
                    cleanUp(done.account(), done.region(), done.snapshot(), Objects.requireNonNull(
                            done.withAccount()), false);
                } else {
                    deleteIfPresent(done.account(), done.region(), done.snapshot());
                }
            }
            CopyJob after = job(id).orElse(null);
            if (after != null && after.state() == JobState.CANCELLING) {
                replaceIfUnchanged(List.of(after), List.of(after.withState(JobState.CANCELLED, after.percent(),
                        now())));
            }
        } catch (AwsCallException e) {
            LOG.info("Cancelling plan {} refused for now ({}); the next poll takes it up again", id,
                    e.failure().awsCode());
        } finally {
            synchronized (this) {
                resolvingNow.remove(id);
            }
        }
    }

    private void deleteIfPresent(AccountRef account, RegionRef region, String snapshot) {
        Snapshot made = backend.targets(account, region, List.of(snapshot), false)
                .get(IdentifierRules.normalize(snapshot));
        if (made != null) {
            backend.delete(account, made);
        }
    }

    /**
     * Completes when the job has had its first answer: sent and accepted (or copying), refused, or waiting for a
     * slot or a retry. The copy wizard waits on it to bring a refusal back to the field it concerns.
     */
    public CompletableFuture<CopyJob> firstOutcome(UUID id) {
        CompletableFuture<CopyJob> outcome = new CompletableFuture<>();
        Consumer<Update> watch = update -> update.jobs().stream().filter(j -> j.id().equals(id))
                .filter(j -> j.state() != JobState.SUBMITTING).findFirst().ifPresent(outcome::complete);
        listeners.add(watch);
        outcome.whenComplete((j, e) -> listeners.remove(watch));
        job(id).filter(j -> j.state() != JobState.SUBMITTING).ifPresentOrElse(outcome::complete, () -> {
            if (job(id).isEmpty()) {
                outcome.completeExceptionally(new IllegalArgumentException("no job " + id));
            }
        });
        return outcome;
    }

    /** Removes a failed job whose request the user takes back to fix (the wizard's resubmit). */
    public void discard(UUID id) {
        synchronized (this) {
            CopyJob job = jobs.get(id);
            if (job == null || job.state() != JobState.FAILED) {
                return;
            }
            jobs.remove(id);
            recordLocked();
        }
        writer.writeSoon();
    }

    /** Forgets finished jobs (the history's "clear"). */
    public void clearFinished() {
        synchronized (this) {
            if (!jobs.values().removeIf(j -> j.state().isFinal())) {
                return;
            }
            recordLocked();
        }
        writer.writeSoon();
    }

    // ---- helpers ----

    private CopyJob followed(CopyJob job, Snapshot target) {
        CopyJob submitted = job.submitted(target.arn(), now());
        return switch (target.status().state()) {
            case AVAILABLE -> afterStage(submitted);
            case COPYING, CREATING -> target.status().percent() > 0
                    ? submitted.withState(JobState.COPYING, target.status().percent(), now()) : submitted;
            default -> submitted;
        };
    }

    /** Returns the version recorded, or 0 when the job is gone. */
    private long update(CopyJob next) {
        long recorded = 0;
        synchronized (this) {
            if (jobs.containsKey(next.id())) {
                jobs.put(next.id(), next);
                recorded = recordLocked();
            }
        }
        writer.writeSoon();
        return recorded;
    }

    private void changed() {
        synchronized (this) {
            recordLocked();
        }
        writer.writeSoon();
    }

    /** Takes the next version of the jobs, for the writer and, once written, for the listeners. */
    private long recordLocked() {
        assert Thread.holdsLock(this);
        List<CopyJob> now = List.copyOf(jobs.values());
        version++;
        writer.offer(version, now);
        untold.add(new Pending(version, now));
        return version;
    }

    /** The writer's word on a write: hands on every version it covered, in order, with the problem if it failed. */
    private void written(long covered, @Nullable IOException failure) {
        List<Update> updates = new ArrayList<>();
        HistoryProblem problem = null;
        synchronized (this) {
            if (failure == null) {
                heldBack = false;
            } else {
                problem = new HistoryProblem(history.file(), dev.snapferry.core.storage.AtomicFiles.describe(failure),
                        heldBack);
            }
            while (!untold.isEmpty() && untold.peek().version() <= covered) {
                Pending pending = untold.poll();
                updates.add(new Update(pending.version(), pending.jobs(), problem));
            }
        }
        if (problem != null) {
            LOG.warn("The job history could not be written to {} ({}); copies held back: {}", problem.file(),
                    problem.reason(), problem.copiesHeldBack());
        }
        for (Update update : updates) {
            for (Consumer<Update> listener : listeners) {
                try {
                    listener.accept(update);
                } catch (RuntimeException e) {
                    // One listener's fault must neither stop the others nor the writer that hands updates on.
                    LOG.warn("A job listener failed on update {}", update.version(), e);
                }
            }
        }
    }

    private static boolean retryable(AwsFailure failure) {
        // A quota (manual snapshots per region, or copies started outside Snapferry) does not clear by waiting a
        // few seconds: the job fails with AWS's message, and Retry sends it again once the user made room.
        return failure instanceof AwsFailure.Throttled || failure instanceof AwsFailure.Network
                || failure instanceof AwsFailure.ServiceError;
    }

    private static boolean fromSource(Snapshot target, CopyJob job) {
        return target.sourceSnapshotArn() == null || target.sourceSnapshotArn().equals(job.active().source().arn());
    }

    /**
     * The account's own snapshots of one service in a region, by lower-cased identifier: the RDS family's (one
     * listing), or Elastic's (its one listing of manual snapshots, which throws when Elastic cannot be asked;
     * the region's whole listing would only warn, and an unasked target would pass for an absent one). RDS-family
     * identifiers and Elastic names are apart: one service's snapshot never answers for the other's job.
     */
    private Map<String, Snapshot> ownSnapshots(AccountRef account, RegionRef region, boolean elastic) {
        return elastic ? ofApi(backend.targets(account, region, List.of(), true), ApiFamily.DOCDB_ELASTIC)
                : ofApi(backend.snapshots(account, region, false), ApiFamily.RDS);
    }

    private static Map<String, Snapshot> ofApi(Map<String, Snapshot> byName, ApiFamily api) {
        Map<String, Snapshot> kept = new LinkedHashMap<>();
        byName.forEach((name, snapshot) -> {
            if (snapshot.engine().api() == api) {
                kept.put(name, snapshot);
            }
        });
        return kept;
    }

    private static boolean elastic(CopyJob job) {
        return job.active().engine().api() == ApiFamily.DOCDB_ELASTIC;
    }

    /** How many copies of the job's engine AWS lets run at once per account and destination region. */
    public int slots(CopyJob job) {
        return matrix.forEngine(job.active().engine()).maxCopiesInFlightPerRegion();
    }

    /** Copies count against one quota per account, destination region and service (the RDS API's or Elastic's). */
    private static String slotKey(CopyJob job) {
        return key(job) + "/" + job.active().engine().api();
    }

    private static String key(CopyJob job) {
        AccountRef account = job.active().destinationAccount();
        RegionRef region = job.active().destinationRegion();
        return account.accountId() + "/" + region.code();
    }

    private Instant now() {
        return clock.instant();
    }
}
