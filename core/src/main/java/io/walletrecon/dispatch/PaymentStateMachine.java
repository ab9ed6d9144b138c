package io.walletrecon.dispatch;

import io.walletrecon.problem.ApiException;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.walletrecon.dispatch.PaymentState.*;

/**
 * The one table of allowed payment state transitions.
 *
 * <p>Holds: {@code HELD} is a state with a reason (LOW_BALANCE, POSSIBLE_DUPLICATE, RISK) kept in
 * {@code payment_orders.hold_reason}. A possible duplicate is held on creation (DRAFT → HELD) and its release
 * continues to approval (HELD → PENDING_APPROVAL, or APPROVED when the policy approves it at once); a balance or
 * risk hold happens when the dispatcher picks the order up (SCHEDULED → HELD) and its release goes back to
 * SCHEDULED, or straight on to SUBMITTED when the dispatcher finds the balance sufficient on a later run. A held
 * order can always be cancelled. Nothing leaves SUBMITTED except the provider's final word.
 */
public final class PaymentStateMachine {

    private static final Map<PaymentState, EnumSet<PaymentState>> ALLOWED = new EnumMap<>(PaymentState.class);

    static {
        ALLOWED.put(DRAFT, EnumSet.of(PENDING_APPROVAL, APPROVED, HELD, CANCELLED));
        ALLOWED.put(PENDING_APPROVAL, EnumSet.of(APPROVED, CANCELLED));
        ALLOWED.put(APPROVED, EnumSet.of(SCHEDULED, CANCELLED));
        ALLOWED.put(SCHEDULED, EnumSet.of(SUBMITTED, HELD, CANCELLED));
        ALLOWED.put(HELD, EnumSet.of(PENDING_APPROVAL, APPROVED, SCHEDULED, SUBMITTED, CANCELLED));
        ALLOWED.put(SUBMITTED, EnumSet.of(COMPLETED, FAILED, RETURNED));
        // A payout reported paid can still bounce back from the beneficiary's bank.
        ALLOWED.put(COMPLETED, EnumSet.of(RETURNED));
        ALLOWED.put(FAILED, EnumSet.noneOf(PaymentState.class));
        ALLOWED.put(RETURNED, EnumSet.noneOf(PaymentState.class));
        ALLOWED.put(CANCELLED, EnumSet.noneOf(PaymentState.class));
    }

    private PaymentStateMachine() {
    }

    public static boolean allows(PaymentState from, PaymentState to) {
        return ALLOWED.get(from).contains(to);
    }

    public static Set<PaymentState> next(PaymentState from) {
        return EnumSet.copyOf(ALLOWED.get(from));
    }

    /** Throws a 409 problem naming the current state when {@code from → to} is not in the table. */
    public static void require(long paymentId, PaymentState from, PaymentState to) {
        if (!allows(from, to)) {
            throw ApiException.conflict("Payment " + paymentId + " is " + from.code() + " and cannot become " + to.code());
        }
    }
}
