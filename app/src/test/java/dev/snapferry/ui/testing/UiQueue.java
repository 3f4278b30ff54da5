package dev.snapferry.ui.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.ui.common.UiThread;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The UI thread of a ViewModel test without a toolkit: what the ViewModel hands to its UI executor waits here, and
 * runs on the test's thread while the test waits for a condition.
 */
public final class UiQueue implements UiThread, Executor {

    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable action) {
        queue.add(action);
    }

    /** Takes back an action not run yet (a cancelled debounce). */
    public void remove(Runnable action) {
        queue.remove(action);
    }

    /** Runs queued actions until {@code done} holds; fails after 90 seconds. */
    public void until(BooleanSupplier done) throws InterruptedException {
        until(done, 90);
    }

    /** Runs queued actions until {@code done} holds; fails after {@code seconds}. */
    public void until(BooleanSupplier done, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean()) {
            Runnable next = queue.poll(50, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            }
            assertThat(System.nanoTime()).as("condition reached in time").isLessThan(deadline);
        }
    }
}
