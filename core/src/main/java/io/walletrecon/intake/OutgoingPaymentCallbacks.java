package io.walletrecon.intake;

import io.smallrye.mutiny.Uni;
import io.walletrecon.dispatch.PaymentStatusService;
import io.walletrecon.dispatch.ProviderOutcome;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A provider's notification about money we sent (a payout paid or failed, a refund succeeded) is the final status
 * of a payment order that dispatch submitted. Intake hands it over in the same transaction that stores the event,
 * so the order and the canonical transaction never disagree. Events about payments made outside walletrecon find
 * no order and change nothing.
 * <p>
 * What the event reports is passed on, not the canonical transaction's merged status: a payout reported failed after
 * it was paid stays "succeeded" as a transaction (a late failure never overwrites a success there), but for the
 * payment order it is a return, which dispatch's state machine records as such.
 */
@ApplicationScoped
public class OutgoingPaymentCallbacks {

    private final PaymentStatusService payments;

    public OutgoingPaymentCallbacks(PaymentStatusService payments) {
        this.payments = payments;
    }

    public Uni<Void> onReported(TransactionFacts reported) {
        if (!"out".equals(reported.direction()) || !("payout".equals(reported.kind()) || "refund".equals(reported.kind()))) {
            return Uni.createFrom().voidItem();
        }
        ProviderOutcome outcome = switch (reported.status()) {
            case SUCCEEDED -> ProviderOutcome.COMPLETED;
            case FAILED -> ProviderOutcome.FAILED;
            default -> null;
        };
        if (outcome == null) {
            return Uni.createFrom().voidItem();
        }
        return payments.onProviderEvent(reported.providerTxnId(), outcome, "provider notification: " + reported.kind() + " "
                + reported.providerTxnId() + " " + reported.status().code()).replaceWithVoid();
    }
}
