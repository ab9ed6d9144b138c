package io.walletrecon.dispatch;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before the next try: the n-th retry waits {@code base · 2^(n−1)}, at most {@code max}. Plain rules,
 * no I/O; the caller brings the random numbers.
 */
public record Backoff(Duration base, Duration max) {

    /** Doublings stop here, so a large attempt number cannot overflow. */
    static final int MAX_DOUBLINGS = 20;

    /** Without a ceiling: {@code base · 2^(n−1)} (alert deliveries, which end after their own number of attempts). */
    public static Backoff uncapped(Duration base) {
        return new Backoff(base, null);
    }

    /** The wait after attempt {@code attemptNo} (1 for the first), without jitter. */
    public Duration exponential(int attemptNo) {
        long ms = base.toMillis() * (1L << Math.min(MAX_DOUBLINGS, Math.max(0, attemptNo - 1)));
        return Duration.ofMillis(max == null ? ms : Math.min(max.toMillis(), ms));
    }

    /**
     * The dispatcher's wait: {@link #exponential} with full jitter over its upper half (so dispatchers that failed
     * together do not retry together), never sooner than the provider's {@code Retry-After} (null when it gave none).
     */
    public Duration jittered(int attemptNo, Duration retryAfter, RandomGenerator random) {
        long exp = exponential(attemptNo).toMillis();
        long ms = exp / 2 + random.nextLong(exp / 2 + 1);
        return Duration.ofMillis(retryAfter == null ? ms : Math.max(ms, retryAfter.toMillis()));
    }
}
