package dev.snapferry.sim.faults;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The fault settings in force, and the throttling state they imply: one token bucket per account and region, as
 * AWS throttles per account and region. Thread-safe; settings can be swapped at any time.
 */
public final class Faults {

    private volatile FaultSettings settings;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public Faults(FaultSettings initial) {
        this.settings = Objects.requireNonNull(initial, "initial");
    }

    public FaultSettings settings() {
        return settings;
    }

    /** Replaces the settings; throttling starts afresh with full buckets. */
    public void set(FaultSettings next) {
        settings = Objects.requireNonNull(next, "next");
        buckets.clear();
    }

    /** Takes a token for a call of {@code accountId} in {@code region}; false means the call is throttled. */
    public boolean tryAcquire(String accountId, String region, long nowNanos) {
        FaultSettings current = settings;
        if (current.throttleRatePerSecond() <= 0) {
            return true;
        }
        int burst = Math.max(1, current.throttleBurst());
        return buckets.computeIfAbsent(accountId + "/" + region,
                k -> new TokenBucket(current.throttleRatePerSecond(), burst, nowNanos)).tryAcquire(nowNanos);
    }

    public boolean rollServerError() {
        double rate = settings.serverErrorRate();
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }
}
