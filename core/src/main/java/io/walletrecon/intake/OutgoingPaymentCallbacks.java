package io.walletrecon.intake;

import io.smallrye.mutiny.Uni;
import io.walletrecon.data.Account;
import io.walletrecon.dispatch.DispatchChannel;
import io.walletrecon.dispatch.PaymentStatusService;
import io.walletrecon.dispatch.ProviderOutcome;
import io.walletrecon.dispatch.ProviderReport;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * A provider's notification about money we sent (a payout paid or failed, a refund succeeded) is the final status
 * of a payment order that dispatch submitted. Intake hands it over in the same transaction that stores the event,
 * so the order and the canonical transaction never disagree. Only orders of the account the event was signed for,
 * sent through that provider's channel, can be settled by it (a bank file never is); events about payments made
 * outside walletrecon find no order and change nothing.
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

    public Uni<Void> onReported(Account account, Normalised normalised) {
        TransactionFacts reported = normalised.primary();
        if (!"out".equals(reported.direction())
                || !("payout".equals(reported.kind()) || "refund".equals(reported.kind()))) {
            return Uni.createFrom().voidItem();
        }
        Optional<DispatchChannel> channel = DispatchChannel.settledByWebhooksOf(account.provider);
        ProviderOutcome outcome = switch (reported.status()) {
            case SUCCEEDED -> ProviderOutcome.COMPLETED;
            case FAILED -> ProviderOutcome.FAILED;
            default -> null;
        };
        if (outcome == null || channel.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return payments.onProviderReport(new ProviderReport(account.id, channel.get(), reported.providerTxnId(),
                normalised.paymentOrderId(),
                reported.amountMinor(), reported.currency(), outcome, "provider notification: " + reported.kind() + " "
                        + reported.providerTxnId() + " " + reported.status().code()))
                .replaceWithVoid();
    }
}
