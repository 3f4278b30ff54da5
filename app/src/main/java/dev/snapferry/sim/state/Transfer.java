package dev.snapferry.sim.state;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Data being moved into a snapshot: a copy (same- or cross-region) or a creation. A cross-region copy may wait for
 * a transfer slot of its destination region; until it starts it shows as {@code copying} at 0 %.
 */
public record Transfer(Kind kind, Instant requestedAt, Duration duration, boolean crossRegion,
                       @Nullable Instant startedAt) {

    public enum Kind {
        COPY,
        CREATE
    }

    public boolean started() {
        return startedAt != null;
    }

    public boolean waitsForSlot() {
        return kind == Kind.COPY && crossRegion;
    }

    public @Nullable Instant endsAt() {
        return startedAt == null ? null : startedAt.plus(duration);
    }

    public Transfer startAt(Instant at) {
        return new Transfer(kind, requestedAt, duration, crossRegion, at);
    }

    /** Share of the work done at {@code now}: 0 while waiting, never 100 before the end. */
    public int percent(Instant now) {
        if (startedAt == null || now.isBefore(startedAt)) {
            return 0;
        }
        long total = Math.max(1, duration.toMillis());
        long done = Duration.between(startedAt, now).toMillis();
        return (int) Math.min(99, done * 100 / total);
    }
}
