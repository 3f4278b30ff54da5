package dev.snapferry.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's time. Copies and creations advance against it: tests step a {@link Manual} clock, demo mode runs
 * a {@link Scaled} clock so that a copy AWS would take minutes for finishes in seconds.
 */
public interface SimClock {

    Instant now();

    /** Real time, {@code speed} times faster, starting at the real current instant. */
    static SimClock scaled(double speed) {
        return new Scaled(Instant.now(), System.nanoTime(), speed);
    }

    /** A clock that moves only when told to. */
    static Manual manual(Instant start) {
        return new Manual(start);
    }

    record Scaled(Instant origin, long originNanos, double speed) implements SimClock {
        public Scaled {
            if (!(speed > 0)) {
                throw new IllegalArgumentException("speed must be positive: " + speed);
            }
        }

        @Override
        public Instant now() {
            long elapsed = (long) ((System.nanoTime() - originNanos) * speed);
            return origin.plusNanos(elapsed);
        }
    }

    final class Manual implements SimClock {
        private final AtomicReference<Instant> now;

        Manual(Instant start) {
            now = new AtomicReference<>(start);
        }

        @Override
        public Instant now() {
            return now.get();
        }

        public void advance(Duration by) {
            if (by.isNegative()) {
                throw new IllegalArgumentException("time does not go back: " + by);
            }
            now.updateAndGet(t -> t.plus(by));
        }
    }
}
