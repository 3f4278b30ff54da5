package dev.snapferry.ui.common;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link TaskRunner}: work runs on the shared worker executor, outcomes are handed to
 * {@code uiThread} (the FX application thread in the app). A failure is logged here once, with its task name.
 * A {@link #runEach bounded run} takes no thread of its own: see {@link EachRun}.
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
        } catch (RejectedExecutionException e) {
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

    @Override
    public <T> List<T> inParallel(List<? extends Callable<T>> parts) throws Exception {
        // Each part after the first goes to the pool, and is done by whichever of a worker and the caller claims it
        // first: a part is never done twice, and the caller never waits for a part no worker has started.
        List<AtomicBoolean> claims = new java.util.ArrayList<>();
        List<FutureTask<@Nullable T>> others = new java.util.ArrayList<>();
        for (Callable<T> part : parts.subList(Math.min(1, parts.size()), parts.size())) {
            AtomicBoolean claim = new AtomicBoolean();
            FutureTask<@Nullable T> task = new FutureTask<>(() -> claim.compareAndSet(false, true) ? part.call()
                    : null);
            claims.add(claim);
            others.add(task);
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                // Not taken: the caller does it below, as it does any part no worker has started.
                LOG.debug("A part was not handed to the pool (shutting down): done by the caller");
            }
        }
        List<T> results = new java.util.ArrayList<>(parts.size());
        if (!parts.isEmpty()) {
            results.add(parts.getFirst().call());
        }
        for (int i = 0; i < others.size(); i++) {
            FutureTask<@Nullable T> task = others.get(i);
            if (claims.get(i).compareAndSet(false, true)) {
                // No worker had started it: done here rather than waited for.
                task.cancel(false);
                results.add(parts.get(i + 1).call());
                continue;
            }
            try {
                // Claimed by a worker, which returns the part's own result.
                @SuppressWarnings("NullAway")
                T result = task.get();
                results.add(result);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof Exception failure) {
                    throw failure;
                }
                throw e;
            }
        }
        return results;
    }

    @Override
    public <I, O> TaskHandle runEach(String name, List<I> items, int atOnce, Work<? super I, ? extends O> work,
                                     BiConsumer<? super I, Outcome<O>> onEach, Runnable onDone) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("atOnce must be at least 1, was " + atOnce);
        }
        EachRun<I, O> run = new EachRun<>(name, List.copyOf(items), work, onEach, onDone);
        run.start(atOnce);
        return run;
    }

    /**
     * One bounded run. Each item is its own submission to the shared pool, and the next is submitted only when one
     * ends: at most {@code atOnce} items hold a worker, other tasks queue between them instead of waiting for the
     * whole run (no coordinator thread sits blocked on a semaphore), and a cancelled run just submits nothing more.
     * The pool's own size bounds it too.
     */
    private final class EachRun<I, O> implements TaskHandle {
        private final String name;
        private final List<I> items;
        private final Work<? super I, ? extends O> work;
        private final BiConsumer<? super I, Outcome<O>> onEach;
        private final Runnable onDone;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        /** Items started and not ended, to interrupt on cancel. */
        private final Set<Future<?>> running = ConcurrentHashMap.newKeySet();
        /** Items whose outcome has not been handed over yet; touched on the UI thread only. */
        private int unreported;

        EachRun(String name, List<I> items, Work<? super I, ? extends O> work,
                BiConsumer<? super I, Outcome<O>> onEach, Runnable onDone) {
            this.name = Objects.requireNonNull(name, "name");
            this.items = items;
            this.work = Objects.requireNonNull(work, "work");
            this.onEach = Objects.requireNonNull(onEach, "onEach");
            this.onDone = Objects.requireNonNull(onDone, "onDone");
            this.unreported = items.size();
        }

        void start(int atOnce) {
            if (items.isEmpty()) {
                uiThread.execute(() -> {
                    if (!isCancelled()) {
                        onDone.run();
                    }
                });
                return;
            }
            for (int i = 0; i < Math.min(atOnce, items.size()); i++) {
                submitNext();
            }
        }

        /** Starts the next item not started, if any; an item the pool refuses fails, and the one after is tried. */
        private void submitNext() {
            while (!isCancelled()) {
                int index = next.getAndIncrement();
                if (index >= items.size()) {
                    return;
                }
                I item = items.get(index);
                FutureTask<Void> task = new FutureTask<>(() -> runOne(item), null) {
                    @Override
                    protected void done() {
                        running.remove(this);
                    }
                };
                running.add(task);
                try {
                    executor.execute(task);
                    return;
                } catch (RejectedExecutionException e) {
                    running.remove(task);
                    LOG.info("Task '{}': an item was not started, the worker pool is shut down", name);
                    report(item, new Outcome.Failed<>(e));
                }
            }
        }

        private void runOne(I item) {
            if (isCancelled()) {
                // Submitted while the run was being cancelled: cancel() may have missed it.
                return;
            }
            Outcome<O> outcome = Outcome.of(work, item);
            if (isCancelled()) {
                // Most likely interrupted by the cancel: that failure is its doing, not news.
                return;
            }
            if (outcome instanceof Outcome.Failed<O> failed) {
                LOG.warn("Task '{}' failed on an item", name, failed.error());
            }
            report(item, outcome);
            submitNext();
        }

        private void report(I item, Outcome<O> outcome) {
            uiThread.execute(() -> {
                if (isCancelled()) {
                    return;
                }
                boolean last = --unreported == 0;
                try {
                    onEach.accept(item, outcome);
                } finally {
                    // A callback that throws must not leave the run unfinished for its caller.
                    if (last) {
                        onDone.run();
                    }
                }
            });
        }

        @Override
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                running.forEach(task -> task.cancel(true));
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
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
