package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The moves of a payment order that a person or the approval policy makes, each checked against
 * {@link PaymentStateMachine} and written to the order's history, in the caller's transaction. Scheduling writes the
 * order's dispatch job in the same transaction (the transactional outbox).
 */
@ApplicationScoped
public class PaymentTransitions {

    /** The actor of what the approval policy decides on its own. */
    static final String POLICY_ACTOR = "policy";

    private final PaymentOrderRepository orders;

    public PaymentTransitions(PaymentOrderRepository orders) {
        this.orders = orders;
    }

    /**
     * After creation or a duplicate release: straight to scheduled when the policy approves it at once, else to
     * approvers.
     */
    Uni<Void> route(PaymentOrder o, PaymentState from) {
        if (o.approvalsRequired == 0) {
            return move(o, from, PaymentState.APPROVED, POLICY_ACTOR, "at or below the auto-approval limit")
                    .chain(() -> schedule(o, POLICY_ACTOR));
        }
        return move(o, from, PaymentState.PENDING_APPROVAL, POLICY_ACTOR,
                o.approvalsRequired == 1
                        ? "needs one approval"
                        : "above the dual limit: needs two approvals by different people");
    }

    /** APPROVED → SCHEDULED and the dispatch job, in the caller's transaction (the transactional outbox). */
    Uni<Void> schedule(PaymentOrder o, String actor) {
        return move(o, PaymentState.APPROVED, PaymentState.SCHEDULED, actor, "dispatch job written, due " + o.dueAt)
                .chain(() -> orders.schedule(o.id, o.channel, o.dueAt));
    }

    /** Held for {@code reason}: only a person's release lets it go on. */
    Uni<Void> hold(PaymentOrder o, PaymentState from, HoldReason reason, String actor, String why) {
        PaymentStateMachine.require(o.id, from, PaymentState.HELD);
        o.holdReason = reason.code();
        return move(o, from, PaymentState.HELD, actor, reason.code() + ": " + why);
    }

    /** {@code from → to} if the state machine allows it, with its line of history. */
    Uni<Void> move(PaymentOrder o, PaymentState from, PaymentState to, String actor, String reason) {
        PaymentStateMachine.require(o.id, from, to);
        o.state = to.code();
        if (to != PaymentState.HELD) {
            o.holdReason = null;
        }
        o.updatedAt = Instant.now();
        if (to.isFinal()) {
            o.finishedAt = o.updatedAt;
        }
        return orders.history(o.id, from, to, actor, reason);
    }
}
