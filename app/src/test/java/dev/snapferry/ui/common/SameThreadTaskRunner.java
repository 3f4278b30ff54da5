package dev.snapferry.ui.common;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs work at once on the calling thread: the test double that makes ViewModel tests deterministic without a
 * toolkit. It lives with the tests so that production code cannot reach it.
 */
public final class SameThreadTaskRunner implements TaskRunner {

    @Override
    public <T> TaskHandle run(String name, Callable<T> work, Consumer<? super T> onSuccess,
                              Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return DoneHandle.INSTANCE;
        }
        onSuccess.accept(result);
        return DoneHandle.INSTANCE;
    }

    /** One item after another, each reported before the next starts: what the app's runner does with one at once. */
    @Override
    public <I, O> TaskHandle runEach(String name, List<I> items, int atOnce, Work<? super I, ? extends O> work,
                                     BiConsumer<? super I, Outcome<O>> onEach, Runnable onDone) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("atOnce must be at least 1, was " + atOnce);
        }
        for (I item : List.copyOf(items)) {
            onEach.accept(item, Outcome.of(work, item));
        }
        onDone.run();
        return DoneHandle.INSTANCE;
    }

    private enum DoneHandle implements TaskHandle {
        INSTANCE;

        @Override
        public void cancel() {
            // already finished: nothing left to stop
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
