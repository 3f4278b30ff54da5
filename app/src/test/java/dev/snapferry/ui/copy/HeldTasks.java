package dev.snapferry.ui.copy;

import dev.snapferry.ui.common.TaskHandle;
import dev.snapferry.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link TaskRunner} that holds every task until the test releases it and keeps every handle it gave out, so that
 * a test can see which tasks were cancelled. {@link #release()} honours cancellation as the production runner does
 * (a cancelled task neither runs nor answers); {@link #releaseIgnoringCancel()} answers anyway, like work that had
 * already answered when it was cancelled.
 */
final class HeldTasks implements TaskRunner {

    /** One task handed to the runner. */
    static final class Held implements TaskHandle {
        private final String name;
        private final Runnable body;
        private boolean cancelled;
        private boolean ran;

        Held(String name, Runnable body) {
            this.name = name;
            this.body = body;
        }

        String name() {
            return name;
        }

        boolean ran() {
            return ran;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    private final List<Held> all = new ArrayList<>();

    @Override
    public <T> TaskHandle run(String name, Callable<T> work, Consumer<? super T> onSuccess,
                              Consumer<? super Throwable> onFailure) {
        Held held = new Held(name, () -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
        all.add(held);
        return held;
    }

    /** Every task handed over so far, in order. */
    List<Held> all() {
        return List.copyOf(all);
    }

    /** The tasks neither run nor cancelled. */
    List<Held> waiting() {
        return all.stream().filter(h -> !h.ran && !h.cancelled).toList();
    }

    /** Runs every task not cancelled, including tasks started meanwhile; returns how many ran. */
    int release() {
        return releaseAll(false);
    }

    /** Runs every task, cancelled or not, including tasks started meanwhile; returns how many ran. */
    int releaseIgnoringCancel() {
        return releaseAll(true);
    }

    private int releaseAll(boolean evenCancelled) {
        int count = 0;
        for (int i = 0; i < all.size(); i++) {
            Held held = all.get(i);
            if (!held.ran && (evenCancelled || !held.cancelled)) {
                held.ran = true;
                held.body.run();
                count++;
            }
        }
        return count;
    }
}
