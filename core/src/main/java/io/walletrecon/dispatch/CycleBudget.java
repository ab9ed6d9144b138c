package io.walletrecon.dispatch;

import java.time.Duration;

/**
 * How long one dispatch cycle may go on. A soft budget (the server's scheduler) only stops it from starting new
 * batches; a hard one (a Lambda invocation, which is killed at its timeout) also sizes every batch and every
 * provider call so that all of it ends before the deadline.
 */
public record CycleBudget(long deadlineNanos, boolean hard) {

    public static CycleBudget soft(Duration budget) {
        return new CycleBudget(System.nanoTime() + budget.toNanos(), false);
    }

    /** {@code remaining}: what the runtime grants (a Lambda's remaining time). */
    public static CycleBudget hard(Duration remaining) {
        return new CycleBudget(System.nanoTime() + remaining.toNanos(), true);
    }

    /** The longest a Lambda function can run; a remaining time outside (0, this] is no deadline the runtime gave. */
    static final Duration LAMBDA_MAX = Duration.ofMinutes(15);

    /**
     * A Lambda invocation's hard budget: its remaining time. Runtimes that give no deadline (a local mock event server)
     * report nonsense; then {@code fallback} is the budget, still hard.
     */
    public static CycleBudget forLambda(long remainingMillis, Duration fallback) {
        boolean plausible = remainingMillis > 0 && remainingMillis <= LAMBDA_MAX.toMillis();
        return hard(plausible ? Duration.ofMillis(remainingMillis) : fallback);
    }

    public Duration timeLeft() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /**
     * Orders the next claim may take: the batch size under a soft budget with time left, what fits under a hard one.
     */
    public int claimLimit(DispatchTiming timing) {
        Duration left = timeLeft();
        if (!hard) {
            return left.isZero() ? 0 : timing.batchSize();
        }
        return timing.claimLimit(left);
    }

    /** Whether another provider call (a poll, an alert delivery) may start. */
    public boolean callFits(DispatchTiming timing) {
        Duration left = timeLeft();
        return hard ? timing.callFits(left) : !left.isZero();
    }
}
