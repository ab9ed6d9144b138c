package io.walletrecon.matching;

/**
 * The life of a matching run ({@code match_runs.state}). {@link RunStateMachine} holds the allowed transitions.
 * <ul>
 * <li>{@code queued}: requested, waiting for its executor (the server's worker pool, or the jobs function);</li>
 * <li>{@code running}: an executor holds the account's matching lock in the run's transaction (its liveness);</li>
 * <li>{@code succeeded}: its matches, receivable payments and exceptions committed with its final state;</li>
 * <li>{@code failed}: it stopped on an error; nothing it did was kept; {@code error} names an incident id;</li>
 * <li>{@code refused}: another run (or a person's match) held the account when it started; it did nothing;</li>
 * <li>{@code abandoned}: its process died (crash, kill, redeploy, a frozen or timed-out Lambda) and PostgreSQL rolled
 * its transaction back, or it was never started; the next run of the account starts normally.</li>
 * </ul>
 */
public enum RunState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, REFUSED, ABANDONED;

    public String code() {
        return name().toLowerCase();
    }

    public static RunState of(String code) {
        return valueOf(code.toUpperCase());
    }
}
