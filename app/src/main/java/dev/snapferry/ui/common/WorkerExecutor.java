package dev.snapferry.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one shared pool for background work: named daemon threads that log anything uncaught, so a stray exception
 * is never lost and a hung task never keeps the JVM alive after the window closes.
 */
public final class WorkerExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerExecutor.class);

    private WorkerExecutor() {
    }

    public static ExecutorService create(String prefix, int threads) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Uncaught exception on {}", t.getName(), e));
            return thread;
        };
        return Executors.newFixedThreadPool(threads, factory);
    }

    /** Stops taking work, gives running tasks a moment to finish, then interrupts them. */
    public static void shutdown(ExecutorService executor, long graceMillis) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(graceMillis, TimeUnit.MILLISECONDS)) {
                LOG.info("Interrupting {} background tasks still running at exit", executor.shutdownNow().size());
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
