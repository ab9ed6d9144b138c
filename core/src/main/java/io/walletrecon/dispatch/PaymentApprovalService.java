package io.walletrecon.dispatch;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.ProblemType;
import io.walletrecon.security.Person;
import io.walletrecon.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * What people decide about payment orders: approval with maker-checker (the last approval the policy needs schedules
 * the order), rejection, cancellation and the release of holds. Each use case writes its changes first and its audit
 * row last, in one transaction, and answers the order as it is now.
 */
@ApplicationScoped
public class PaymentApprovalService {

    private final PaymentOrderRepository orders;
    private final PaymentTransitions transitions;
    private final PaymentViews views;
    private final AuditLog audit;

    public PaymentApprovalService(PaymentOrderRepository orders, PaymentTransitions transitions, PaymentViews views,
            AuditLog audit) {
        this.orders = orders;
        this.transitions = transitions;
        this.views = views;
        this.audit = audit;
    }

    /** An approver other than the creator approves; the last approval the policy needs schedules the order. */
    @WithTransaction
    public Uni<PaymentView> approve(long id, String comment, String actor) {
        return orders.lock(id).chain(o -> {
            PaymentStateMachine.require(o.id, o.state(), PaymentState.APPROVED);
            if (o.state() != PaymentState.PENDING_APPROVAL) {
                throw ApiException.conflict("Payment " + id + " is " + o.state + " and takes no approval");
            }
            if (o.createdBy.equals(actor)) {
                throw new ApiException(ProblemType.FORBIDDEN,
                        "You created payment " + id + "; another person must approve it (maker-checker)");
            }
            return orders.decide(id, PaymentOrderRepository.Decision.APPROVED, actor, comment)
                    .chain(decided -> {
                        if (!decided) {
                            throw ApiException.conflict("You already decided on payment " + id
                                    + "; a second approval must come from a different person");
                        }
                        return orders.approvals(id);
                    })
                    .chain(count -> afterApproval(o, count, actor))
                    .chain(() -> audit.record(actor, "payment.approved", "payment_order", id, comment,
                            Map.of("amountMinor", o.amountMinor, "currency", o.currency)));
        }).chain(() -> Panache.flush()).chain(() -> views.view(id));
    }

    private Uni<Void> afterApproval(PaymentOrder o, long count, String actor) {
        String reason = "approval " + count + " of " + o.approvalsRequired;
        return count < o.approvalsRequired
                ? orders.history(o.id, PaymentState.PENDING_APPROVAL, PaymentState.PENDING_APPROVAL, actor, reason)
                : transitions.move(o, PaymentState.PENDING_APPROVAL, PaymentState.APPROVED, actor, reason)
                        .chain(() -> transitions.schedule(o, actor));
    }

    /** An approver other than the creator turns the order down, saying why; it is cancelled. */
    @WithTransaction
    public Uni<PaymentView> reject(long id, String comment, String actor) {
        if (comment == null || comment.isBlank()) {
            throw ApiException.invalid("comment is required: say why the payment is rejected",
                    List.of(ProblemError.field("comment", "is required")));
        }
        return orders.lock(id).chain(o -> {
            if (o.state() != PaymentState.PENDING_APPROVAL) {
                throw ApiException.conflict("Payment " + id + " is " + o.state + " and cannot be rejected");
            }
            if (o.createdBy.equals(actor)) {
                throw new ApiException(ProblemType.FORBIDDEN,
                        "You created payment " + id + "; cancel it instead of rejecting it");
            }
            return orders.decide(id, PaymentOrderRepository.Decision.REJECTED, actor, comment)
                    .chain(decided -> {
                        if (!decided) {
                            throw ApiException.conflict("You already decided on payment " + id);
                        }
                        return transitions.move(o, PaymentState.PENDING_APPROVAL, PaymentState.CANCELLED, actor,
                                "rejected: " + comment);
                    })
                    .chain(() -> audit.record(actor, "payment.rejected", "payment_order", id, comment, null));
        }).chain(() -> Panache.flush()).chain(() -> views.view(id));
    }

    /** An order not yet sent is cancelled, and its job closed. */
    @WithTransaction
    public Uni<PaymentView> cancel(long id, String comment, String actor) {
        // Lock the job before the order, the same order the dispatcher locks them in.
        return orders.lockJob(id)
                .chain(() -> orders.lock(id))
                .chain(o -> transitions.move(o, o.state(), PaymentState.CANCELLED, actor, comment)
                        .chain(() -> orders.closeJob(id))
                        .chain(() -> audit.record(actor, "payment.cancelled", "payment_order", id, comment, null)))
                .chain(() -> Panache.flush()).chain(() -> views.view(id));
    }

    /**
     * A person lets a held payment go on: a duplicate to approval, a risk, balance or dispatch-error hold back to
     * dispatch. Duplicate and risk holds guard against the maker: only an approver other than the creator releases
     * them ({@link HoldReason#releasedByChecker()}).
     */
    @WithTransaction
    public Uni<PaymentView> release(long id, String comment, Person person) {
        return orders.lockJob(id)
                .chain(() -> orders.lock(id))
                .chain(o -> {
                    if (o.state() != PaymentState.HELD) {
                        throw ApiException.conflict(
                                "Payment " + id + " is " + o.state + ", not held; there is nothing to release");
                    }
                    HoldReason reason = HoldReason.of(o.holdReason);
                    checkReleaser(o, reason, comment, person);
                    return letGo(o, reason, comment, person)
                            .chain(() -> audit.record(person.id(), "payment.released", "payment_order", id, comment,
                                    Map.of("holdReason", reason.code(), "createdBy", o.createdBy)));
                })
                .chain(() -> Panache.flush()).chain(() -> views.view(id));
    }

    /**
     * A possible duplicate goes on to approval; any other hold back to dispatch, due now (a released risk hold is not
     * checked again).
     */
    private Uni<Void> letGo(PaymentOrder o, HoldReason reason, String comment, Person person) {
        if (reason == HoldReason.POSSIBLE_DUPLICATE) {
            return transitions.route(o, PaymentState.HELD);
        }
        if (reason == HoldReason.RISK) {
            o.riskCleared = true;
        }
        return transitions
                .move(o, PaymentState.HELD, PaymentState.SCHEDULED, person.id(),
                        "released from " + reason.code() + ": " + comment)
                .chain(() -> orders.jobDueNow(o.id));
    }

    private static void checkReleaser(PaymentOrder o, HoldReason reason, String comment, Person person) {
        if (!reason.releasedByChecker()) {
            return;
        }
        if (!person.has(Roles.APPROVER)) {
            throw new ApiException(ProblemType.FORBIDDEN, "Payment " + o.id + " is held for " + reason.code()
                    + "; releasing it needs the approver role (maker-checker)");
        }
        if (person.is(o.createdBy)) {
            throw new ApiException(ProblemType.FORBIDDEN,
                    "You created payment " + o.id + "; another approver must release its "
                            + reason.code() + " hold (maker-checker)");
        }
        if (comment == null || comment.isBlank()) {
            throw ApiException.invalid("comment is required: say why the " + reason.code() + " hold may be released",
                    List.of(ProblemError.field("comment", "is required")));
        }
    }
}
