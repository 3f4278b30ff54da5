package dev.snapferry.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link TaskRunner}: work runs on the shared worker executor, outcomes are handed to
 * {@code uiThread} (the FX application thread in the app). A failure is logged here once, with its task name.
 */
public final class ExecutorTaskRunner implements TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorTaskRunner.class);

    private final ExecutorService executor;
    private final UiThread uiThread;

    public ExecutorTaskRunner(ExecutorService executor, UiThread uiThread) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
    }

    @Override
    public <T> TaskHandle run(String name, Callable<T> work, Consumer<? super T> onSuccess,
                              Consumer<? super Throwable> onFailure) {
        Handle handle = new Handle();
        try {
            handle.future = submit(name, work, onSuccess, onFailure, handle);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Shutting down: the task fails like any other, on the UI thread, instead of throwing there.
            LOG.info("Task '{}' not started: the worker pool is shut down", name);
            uiThread.execute(() -> onFailure.accept(e));
        }
        return handle;
    }

    private <T> Future<?> submit(String name, Callable<T> work, Consumer<? super T> onSuccess,
                                 Consumer<? super Throwable> onFailure, Handle handle) {
        return executor.submit(() -> {
            try {
                T result = work.call();
                uiThread.execute(() -> {
                    if (!handle.isCancelled()) {
                        onSuccess.accept(result);
                    }
                });
            } catch (Exception | LinkageError e) {
                if (handle.isCancelled()) {
                    return;
                }
                LOG.warn("Task '{}' failed", name, e);
                uiThread.execute(() -> {
                    if (!handle.isCancelled()) {
                        onFailure.accept(e);
                    }
                });
            }
        });
    }

    private static final class Handle implements TaskHandle {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile @Nullable Future<?> future;

        @Override
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                Future<?> running = future;
                if (running != null) {
                    running.cancel(true);
                }
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }
}
