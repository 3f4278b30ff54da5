package dev.snapferry.ui.common;

import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * Delivers work to the FX thread in the next pulse, all that arrived since the last one together: however often
 * the background reports (a poll of 500 copy jobs reports each), the screen is updated at most once a frame.
 */
public final class OncePerPulse implements UiThread {

    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean armed = new AtomicBoolean();
    private final UiThread fx;
    private final Consumer<Runnable> batch;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            armed.set(false);
            batch.accept(OncePerPulse.this::drain);
        }
    };

    /** Work in the next pulse, on the FX thread. */
    public OncePerPulse() {
        this(javafx.application.Platform::runLater, Runnable::run);
    }

    /**
     * @param fx    how to reach the FX thread to arm the pulse
     * @param batch runs each pulse's batch (benchmarks time it)
     */
    public OncePerPulse(UiThread fx, Consumer<Runnable> batch) {
        this.fx = Objects.requireNonNull(fx, "fx");
        this.batch = Objects.requireNonNull(batch, "batch");
    }

    @Override
    public void execute(Runnable action) {
        queue.add(Objects.requireNonNull(action, "action"));
        if (armed.compareAndSet(false, true)) {
            fx.execute(timer::start);
        }
    }

    private void drain() {
        Runnable next;
        while ((next = queue.poll()) != null) {
            next.run();
        }
    }
}
