package dev.snapferry.ui.testing;

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
public final class HeldTasks implements TaskRunner {

    /** One task handed to the runner. */
    public static final class Held implements TaskHandle {
        private final String name;
        private final Runnable body;
        private boolean cancelled;
        private boolean ran;

        Held(String name, Runnable body) {
            this.name = name;
            this.body = body;
        }

        public String name() {
            return name;
        }

        public boolean ran() {
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
    private final java.util.function.Predicate<String> holds;

    /** Holds every task. */
    public HeldTasks() {
        this(name -> true);
    }

    /** Holds the tasks whose name {@code holds} accepts; runs the others at once, on the calling thread. */
    public HeldTasks(java.util.function.Predicate<String> holds) {
        this.holds = holds;
    }

    @Override
    public <T> TaskHandle run(String name, Callable<T> work, Consumer<? super T> onSuccess,
                              Consumer<? super Throwable> onFailure) {
        if (!holds.test(name)) {
            Held now = new Held(name, () -> { });
            now.ran = true;
            try {
                onSuccess.accept(work.call());
            } catch (Exception e) {
                onFailure.accept(e);
            }
            return now;
        }
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
    public List<Held> all() {
        return List.copyOf(all);
    }

    /** The tasks neither run nor cancelled. */
    public List<Held> waiting() {
        return all.stream().filter(h -> !h.ran && !h.cancelled).toList();
    }

    /** Runs every task not cancelled, including tasks started meanwhile; returns how many ran. */
    public int release() {
        return releaseAll(false);
    }

    /** Runs every task, cancelled or not, including tasks started meanwhile; returns how many ran. */
    public int releaseIgnoringCancel() {
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
