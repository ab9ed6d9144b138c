package io.walletrecon.intake;

import io.walletrecon.transactions.TransactionStatus;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.walletrecon.transactions.TransactionStatus.FAILED;
import static io.walletrecon.transactions.TransactionStatus.PARTIALLY_REFUNDED;
import static io.walletrecon.transactions.TransactionStatus.PENDING;
import static io.walletrecon.transactions.TransactionStatus.REFUNDED;
import static io.walletrecon.transactions.TransactionStatus.SUCCEEDED;

/**
 * Where a transaction's status may go when a provider reports a new one. Providers deliver out of order and more
 * than once, so a report that would move a transaction backwards (a late {@code pending} after {@code succeeded},
 * a stale {@code payment_failed} after the retry succeeded) is ignored rather than applied.
 *
 * <p>Refunds are amounts, not just states: the refunded total only grows, and a refunded total decides between
 * {@code partially_refunded} and {@code refunded} once the payment is known to have succeeded.
 */
public final class TransactionStateMachine {

    /** The allowed transitions; anything not listed keeps the current status. */
    static final Map<TransactionStatus, Set<TransactionStatus>> FORWARD = new EnumMap<>(TransactionStatus.class);

    static {
        FORWARD.put(PENDING, EnumSet.of(SUCCEEDED, FAILED, PARTIALLY_REFUNDED, REFUNDED));
        // A failed attempt can be followed by a successful one (Stripe retries a payment intent with a new method).
        FORWARD.put(FAILED, EnumSet.of(SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED));
        FORWARD.put(SUCCEEDED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED));
        FORWARD.put(PARTIALLY_REFUNDED, EnumSet.of(REFUNDED));
        FORWARD.put(REFUNDED, EnumSet.noneOf(TransactionStatus.class));
    }

    private TransactionStateMachine() {
    }

    /** The status and refunded total after applying one report. */
    public record Outcome(TransactionStatus status, long refundedMinor) {
    }

    public static boolean allows(TransactionStatus from, TransactionStatus to) {
        return FORWARD.get(from).contains(to);
    }

    /**
     * Applies a report of {@code incoming} (with a cumulative refunded total, or null when the report says nothing
     * about refunds) to a transaction of {@code amountMinor} now in {@code current} with {@code currentRefunded}.
     */
    public static Outcome apply(TransactionStatus current, long currentRefunded, long amountMinor,
            TransactionStatus incoming, Long incomingRefunded) {
        TransactionStatus status = allows(current, incoming) ? incoming : current;
        long refunded = incomingRefunded == null ? currentRefunded : Math.max(currentRefunded, incomingRefunded);
        return new Outcome(settle(status, refunded, amountMinor), refunded);
    }

    /** A succeeded payment with money returned is (partially) refunded; the refunded total decides which. */
    static TransactionStatus settle(TransactionStatus status, long refunded, long amountMinor) {
        if (refunded <= 0 || status == PENDING) {
            return status;
        }
        TransactionStatus byAmount = refunded >= amountMinor ? REFUNDED : PARTIALLY_REFUNDED;
        return status == byAmount || allows(status, byAmount) ? byAmount : status;
    }
}
