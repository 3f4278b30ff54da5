package dev.snapferry.ui.common;

import java.util.concurrent.Callable;
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
