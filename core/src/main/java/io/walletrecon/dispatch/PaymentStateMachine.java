package io.walletrecon.dispatch;

import java.util.Set;

import static io.walletrecon.dispatch.PaymentState.*;

/**
 * The one table of allowed payment state transitions.
 *
 * <p>Holds: {@code HELD} is a state with a reason ({@link HoldReason}) kept in
 * {@code payment_orders.hold_reason}. A possible duplicate is held on creation (DRAFT → HELD) and its release
 * continues to approval (HELD → PENDING_APPROVAL, or APPROVED when the policy approves it at once); a balance,
 * dispatch-error or
 * risk hold happens when the dispatcher picks the order up (SCHEDULED → HELD) and its release goes back to
 * SCHEDULED, or straight on to SUBMITTED when the dispatcher finds the balance sufficient on a later run. A held
 * order can always be cancelled. Nothing leaves SUBMITTED except the provider's final word, or UNKNOWN when the
 * provider's answer was lost after the last re-send allowed. UNKNOWN is never final and never cancelled (the money may
 * have left): the provider's word, by polling or callback, moves it to SUBMITTED (the provider has it, not final
 * yet), COMPLETED or FAILED.
 */
public final class PaymentStateMachine {

    private static final TransitionTable<PaymentState> TABLE = new TransitionTable<>(PaymentState.class,
            PaymentState::code)
            .from(DRAFT, PENDING_APPROVAL, APPROVED, HELD, CANCELLED)
            .from(PENDING_APPROVAL, APPROVED, CANCELLED)
            .from(APPROVED, SCHEDULED, CANCELLED)
            .from(SCHEDULED, SUBMITTED, HELD, CANCELLED)
            .from(HELD, PENDING_APPROVAL, APPROVED, SCHEDULED, SUBMITTED, CANCELLED)
            .from(SUBMITTED, UNKNOWN, COMPLETED, FAILED, RETURNED)
            .from(UNKNOWN, SUBMITTED, COMPLETED, FAILED)
            // A payout reported paid can still bounce back from the beneficiary's bank.
            .from(COMPLETED, RETURNED);

    private PaymentStateMachine() {
    }

    public static boolean allows(PaymentState from, PaymentState to) {
        return TABLE.allows(from, to);
    }

    public static Set<PaymentState> next(PaymentState from) {
        return TABLE.next(from);
    }

    /** Throws a 409 problem naming the current state when {@code from → to} is not in the table. */
    public static void require(long paymentId, PaymentState from, PaymentState to) {
        TABLE.require("Payment " + paymentId, from, to);
    }
}
