package io.walletrecon.dispatch;

import java.time.Duration;

/**
 * How long a claimed batch can take, from the configured provider timeout: every call may take the connect timeout
 * plus the request timeout, {@code concurrency} calls run at once, so a batch of n orders needs
 * {@code ceil(n / concurrency)} such waves. A job's lease covers that worst case plus a margin, so no live batch is
 * claimed a second time; a deadline (a Lambda's remaining time) caps how many orders one claim may take.
 */
public record DispatchTiming(Duration perCall, int concurrency, int batchSize, Duration minLease, Duration margin) {

    public static DispatchTiming of(DispatchConfig config) {
        return new DispatchTiming(config.stripe().timeout().multipliedBy(2), Math.max(1, config.concurrency()),
                config.batchSize(),
                config.lease(), config.safetyMargin());
    }

    /**
     * The lease of a batch of {@code n} orders: every wave timing out, plus the margin; never below the configured
     * lease.
     */
    public Duration lease(int n) {
        long waves = Math.max(1, (n + concurrency - 1) / concurrency);
        Duration worst = perCall.multipliedBy(waves).plus(margin);
        return worst.compareTo(minLease) > 0 ? worst : minLease;
    }

    /** How many orders one claim may take when {@code timeLeft} remains before a hard deadline; 0 = claim nothing. */
    public int claimLimit(Duration timeLeft) {
        Duration usable = timeLeft.minus(margin);
        if (usable.isNegative() || usable.isZero()) {
            return 0;
        }
        long waves = usable.toMillis() / Math.max(1, perCall.toMillis());
        return (int) Math.min(batchSize, waves * concurrency);
    }

    /** Whether one more provider call (a poll, an alert) fits before the deadline. */
    public boolean callFits(Duration timeLeft) {
        return timeLeft.compareTo(perCall.plus(margin)) >= 0;
    }
}
