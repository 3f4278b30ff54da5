package dev.snapferry.core.jobs;

import dev.snapferry.core.model.CopyJob;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job history's one writer. Each change of the jobs is {@linkplain #offer offered} with its version; whoever
 * holds the writer's role (one thread at a time, never under the service's lock) writes the latest version offered,
 * so a burst of changes made while a write is out costs one more write, and an older state is never written after
 * a newer one. After each write, and by the same thread, {@link Settled#settled} is told which version the write
 * covered and whether it failed: that is where the service hands its updates on, so they leave in version order
 * and only once their state is on disk (or known not to be).
 *
 * <p>The role is taken by a task on the executor after a change, or by a thread that must know a version is on
 * disk before it goes on ({@link #awaitWritten}): such a thread writes itself when no one else is, rather than wait
 * for a task an executor may not run soon, so no wait depends on a free thread.
 */
final class HistoryWriter {

    /** Told, by the role's holder, of each write in version order: the version it covered, and its failure. */
    interface Settled {
        void settled(long version, @Nullable IOException failure);
    }

    private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);

    private record Outcome(long version, @Nullable IOException failure) {
    }

    private final JobHistory history;
    private final Executor executor;
    private final Settled settled;
    private final Object lock = new Object();
    // All below guarded by lock.
    private long latest;
    private List<CopyJob> latestJobs = List.of();
    private long settledVersion;
    private long writtenVersion;
    private @Nullable IOException lastFailure;
    /** Writes done and not yet told: a write made from inside {@link Settled#settled} waits here for its turn. */
    private final Queue<Outcome> untold = new ArrayDeque<>();
    private @Nullable Thread writer;
    private boolean taskPending;

    HistoryWriter(JobHistory history, Executor executor, Settled settled) {
        this.history = Objects.requireNonNull(history, "history");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.settled = Objects.requireNonNull(settled, "settled");
    }

    /** Records the jobs as of {@code version}; called under the service's lock, so versions come in order. */
    void offer(long version, List<CopyJob> jobs) {
        synchronized (lock) {
            latest = version;
            latestJobs = jobs;
        }
    }

    /** Has the latest version written soon, off the caller's thread if the executor has threads of its own. */
    void writeSoon() {
        synchronized (lock) {
            if (writer != null || taskPending || settledVersion >= latest) {
                // The thread at work, or the task on its way, reads the latest version when it gets there.
                return;
            }
            taskPending = true;
        }
        startTask();
    }

    private void startTask() {
        try {
            executor.execute(this::runTask);
        } catch (RejectedExecutionException e) {
            // The executor is shutting down with the app: write now rather than leave the last change unwritten.
            runTask();
        }
    }

    /**
     * Waits until a write that includes {@code version} is over, writing it on this thread when no one else is at
     * it. Returns null once it is on disk, or why not: the write failed, or it did not end within {@code limit}.
     */
    @Nullable IOException awaitWritten(long version, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            boolean mine;
            synchronized (lock) {
                if (settledVersion >= version) {
                    return writtenVersion >= version ? null : lastFailure;
                }
                if (writer == Thread.currentThread()) {
                    // Called from a listener, on the writer's own thread: waiting for ourselves would never end.
                    mine = false;
                } else if (writer == null) {
                    writer = Thread.currentThread();
                    mine = true;
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return new IOException("its write did not end within " + limit.toMillis() + " ms");
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(lock, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return new IOException("interrupted while its write was out", e);
                    }
                    continue;
                }
            }
            if (mine) {
                work(version);
            } else {
                // The outer round of work() tells this write's outcome once the listener returns.
                writeLatest();
            }
        }
    }

    private void runTask() {
        synchronized (lock) {
            taskPending = false;
            if (writer != null || settledVersion >= latest) {
                return;
            }
            writer = Thread.currentThread();
        }
        work(Long.MAX_VALUE);
    }

    /**
     * The role's round, on the thread that holds it: write the latest, tell, until nothing is left, or, for a thread
     * that came for its own version ({@code until}), until that is over: the rest goes to a task on the executor,
     * so that a copy waiting for its record is not kept writing for every change made meanwhile.
     */
    private void work(long until) {
        boolean handOver = false;
        try {
            while (true) {
                Outcome next;
                synchronized (lock) {
                    next = untold.poll();
                    if (next == null && (settledVersion >= latest || settledVersion >= until)) {
                        writer = null;
                        lock.notifyAll();
                        handOver = settledVersion < latest && !taskPending;
                        taskPending |= handOver;
                        return;
                    }
                }
                if (next == null) {
                    writeLatest();
                } else {
                    try {
                        settled.settled(next.version(), next.failure());
                    } catch (RuntimeException e) {
                        LOG.warn("Handing on the job updates up to version {} failed", next.version(), e);
                    }
                }
            }
        } finally {
            synchronized (lock) {
                if (writer == Thread.currentThread()) {
                    // Left by an Error: let the next change or waiter take the role.
                    writer = null;
                    lock.notifyAll();
                }
            }
            if (handOver) {
                startTask();
            }
        }
    }

    /** One write of the latest version; only by the role's holder. */
    private void writeLatest() {
        long version;
        List<CopyJob> jobs;
        synchronized (lock) {
            if (settledVersion >= latest) {
                return;
            }
            version = latest;
            jobs = latestJobs;
        }
        IOException failure = null;
        try {
            history.save(jobs);
        } catch (IOException e) {
            failure = e;
        }
        synchronized (lock) {
            settledVersion = version;
            if (failure == null) {
                writtenVersion = version;
            }
            lastFailure = failure;
            untold.add(new Outcome(version, failure));
            lock.notifyAll();
        }
    }
}
