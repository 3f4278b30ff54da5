package dev.snapferry.sim.faults;

/** A classic token bucket: {@code rate} tokens a second, holding at most {@code capacity}. */
final class TokenBucket {

    private final double rate;
    private final double capacity;
    private double tokens;
    private long last;

    TokenBucket(double rate, double capacity, long nowNanos) {
        this.rate = rate;
        this.capacity = capacity;
        this.tokens = capacity;
        this.last = nowNanos;
    }

    synchronized boolean tryAcquire(long nowNanos) {
        if (nowNanos > last) {
            tokens = Math.min(capacity, tokens + (nowNanos - last) / 1e9 * rate);
            last = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
