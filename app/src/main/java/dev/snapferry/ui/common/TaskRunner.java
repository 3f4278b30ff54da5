package dev.snapferry.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs work off the FX thread and delivers its outcome on it. ViewModels receive one by constructor and never
 * touch threads themselves: production uses {@link ExecutorTaskRunner}; tests pass a runner that works on the
 * calling thread, so a ViewModel test needs neither a toolkit nor waits.
 */
public interface TaskRunner {

    /**
     * Runs {@code work} in the background, then calls exactly one of {@code onSuccess} or {@code onFailure} on
     * the UI thread, unless the returned handle was cancelled first.
     *
     * @param name what the work does, for the log and the worker thread's name
     */
    <T> TaskHandle run(String name, Callable<T> work, Consumer<? super T> onSuccess,
                       Consumer<? super Throwable> onFailure);

    /**
     * Called from background work (never the UI thread): does {@code parts} at the same time where the runner has
     * free workers, and returns their results in order once all are done. The caller does the first part itself,
     * and any part no worker has taken up by then, so that waiting on a busy pool never blocks it. A part that
     * throws fails the call, with its exception.
     *
     * <p>The default does the parts one after another on the calling thread.
     */
    default <T> List<T> inParallel(List<? extends Callable<T>> parts) throws Exception {
        List<T> results = new ArrayList<>(parts.size());
        for (Callable<T> part : parts) {
            results.add(part.call());
        }
        return results;
    }

    /**
     * Runs {@code work} on each of {@code items} in the background, never more than {@code atOnce} at the same
     * time. Each item's outcome goes to {@code onEach} on the UI thread, once per item, as it lands (a failure
     * does not stop the others); then {@code onDone} runs once, on the UI thread, after the last of them. Once the
     * returned handle is cancelled, items not started are not started and no callback is called.
     *
     * <p>The default runs the items one after another in one {@link #run} and reports them together at its end:
     * right for runners that only know {@code run} (test doubles), wrong for the app, whose runner overrides it.
     *
     * @param name   what the work does, for the log
     * @param atOnce the most items worked on at the same time, at least 1
     */
    default <I, O> TaskHandle runEach(String name, List<I> items, int atOnce, Work<? super I, ? extends O> work,
                                      BiConsumer<? super I, Outcome<O>> onEach, Runnable onDone) {
        requireBound(atOnce);
        List<I> all = List.copyOf(items);
        return run(name, () -> {
            List<Outcome<O>> outcomes = new ArrayList<>();
            for (I item : all) {
                outcomes.add(Outcome.of(work, item));
            }
            return outcomes;
        }, outcomes -> {
            for (int i = 0; i < all.size(); i++) {
                onEach.accept(all.get(i), outcomes.get(i));
            }
            onDone.run();
        }, error -> {
            // The run itself failed (the runner refused it, or an Error escaped): every item shares its failure, so
            // each is still reported once.
            all.forEach(item -> onEach.accept(item, new Outcome.Failed<>(error)));
            onDone.run();
        });
    }

    /** The work done on one item of {@link #runEach}; it may throw, which fails that item only. */
    @FunctionalInterface
    interface Work<I, O> {
        O apply(I item) throws Exception;
    }

    /** What became of one item of {@link #runEach}. */
    sealed interface Outcome<O> {

        /** The work returned {@code value}. */
        record Done<O>(O value) implements Outcome<O> {
        }

        /** The work threw {@code error}. */
        record Failed<O>(Throwable error) implements Outcome<O> {
        }

        /** Runs {@code work} on {@code item} here and now, catching what it throws into a {@link Failed}. */
        static <I, O> Outcome<O> of(Work<? super I, ? extends O> work, I item) {
            try {
                return new Done<>(work.apply(item));
            } catch (Exception | LinkageError e) {
                return new Failed<>(e);
            }
        }
    }

    private static void requireBound(int atOnce) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("atOnce must be at least 1, was " + atOnce);
        }
    }
}
