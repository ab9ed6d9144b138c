package io.walletrecon.dispatch;

import java.util.Locale;

/** What one send of an order came to ({@code payment_attempts.outcome}); attempts are appended, never changed. */
public enum AttemptOutcome {
    /** The provider took it (or answered with its first result for the same key). */
    ACCEPTED,
    /** The provider refused it: it was not executed. */
    REJECTED,
    /** Not executed and safe to send again (a rate limit, a connection never made). */
    RETRY,
    /** The provider may have executed it without telling us (a timeout, a lost connection, a 5xx, a 409). */
    AMBIGUOUS,
    /** No answer was recorded before the dispatcher's lease ran out: the provider may have it. */
    CRASHED;

    /** The outcomes after which the provider may have executed the order: it can no longer be final-failed. */
    static final String[] MAY_HAVE_EXECUTED = {AMBIGUOUS.code(), CRASHED.code()};

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
