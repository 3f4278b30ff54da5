package dev.snapferry.core.jobs;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link CopyJobService#pollOnce()} in the background at the interval the service asks for: soon after a
 * submit or while copies move, slower for long or AWS-queued copies, backing off with jitter after throttling;
 * it stops when nothing is in flight and {@link #wake()} starts it again.
 */
public final class JobPolling implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobPolling.class);

    private final CopyJobService service;
    private final ScheduledExecutorService scheduler;
    private @Nullable ScheduledFuture<?> next;

    public JobPolling(CopyJobService service, ScheduledExecutorService scheduler) {
        this.service = Objects.requireNonNull(service, "service");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Polls soon if nothing is scheduled (a job was just submitted or recovered). */
    public synchronized void wake() {
        if (next == null || next.isDone()) {
            next = scheduler.schedule(this::poll, 1, TimeUnit.SECONDS);
        }
    }

    private void poll() {
        try {
            service.pollOnce();
        } catch (RuntimeException e) {
            LOG.warn("A poll of the copy jobs failed; trying again later", e);
        }
        Optional<Duration> delay = service.nextPollDelay(ThreadLocalRandom.current().nextDouble());
        synchronized (this) {
            next = delay.map(d -> scheduler.schedule(this::poll, d.toMillis(), TimeUnit.MILLISECONDS)).orElse(null);
        }
    }

    @Override
    public synchronized void close() {
        if (next != null) {
            next.cancel(false);
        }
        scheduler.shutdownNow();
    }
}
