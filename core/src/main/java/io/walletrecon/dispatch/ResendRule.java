package io.walletrecon.dispatch;

import java.time.Duration;
import java.time.Instant;

/**
 * What follows one provider answer, and whether an order may be sent (again). Plain rules, no I/O.
 *
 * <p>An answer is <b>ambiguous</b> when the provider may have acted on the request without telling us (a timeout,
 * a connection lost after sending, a 5xx, a 409 for a key in use). An ambiguous outcome never becomes a final
 * failure: when re-sends are used up, the order becomes {@link PaymentState#UNKNOWN} and polling or a callback
 * settles it. Re-sends always carry the order's one idempotency key and are capped twice: by count
 * ({@code max-attempts}) and by time ({@code resend-window} after the first send, below the 24 hours after which
 * Stripe may forget a key and would execute the same request again).
 */
public final class ResendRule {

    /** What the dispatcher does with the order after an answer. */
    public enum Next {
        /** The provider took it (or already answered finally). */
        ACCEPTED,
        /** Send again with the same key after a backoff. */
        RETRY,
        /** The provider may have it: stop sending, poll and wait for callbacks, alert a person. */
        UNKNOWN,
        /** Definitely not executed: final failure. */
        FAILED
    }

    private ResendRule() {
    }

    /**
     * @param attemptNo the attempt that produced {@code result} (1 for the first send)
     * @param ambiguousBefore an earlier attempt of this order was ambiguous (or crashed before its answer was recorded)
     * @param firstSentAt when the order was first handed to the provider
     * @param retryAt when a retry would go out
     */
    public static Next after(ProviderResult result, int attemptNo, int maxAttempts, boolean ambiguousBefore,
            Instant firstSentAt, Instant retryAt, Duration resendWindow) {
        if (result instanceof ProviderResult.Accepted) {
            return Next.ACCEPTED;
        }
        if (result instanceof ProviderResult.Rejected) {
            // With the same key, a request the provider had executed is answered with its first result, not refused:
            // a refusal means this order was never executed, whatever happened to the earlier attempts.
            return Next.FAILED;
        }
        ProviderResult.Transient t = (ProviderResult.Transient) result;
        boolean ambiguous = t.ambiguous() || ambiguousBefore;
        if (mayResend(attemptNo + 1, maxAttempts, firstSentAt, retryAt, resendWindow)) {
            return Next.RETRY;
        }
        return ambiguous ? Next.UNKNOWN : Next.FAILED;
    }

    /** True when attempt {@code attemptNo} may still be sent at {@code at}: within the count and within the window. */
    public static boolean mayResend(int attemptNo, int maxAttempts, Instant firstSentAt, Instant at,
            Duration resendWindow) {
        return attemptNo <= maxAttempts && (firstSentAt == null || !at.isAfter(firstSentAt.plus(resendWindow)));
    }
}
