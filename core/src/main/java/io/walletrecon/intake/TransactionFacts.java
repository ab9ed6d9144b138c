package io.walletrecon.intake;

import java.time.Instant;

/**
 * What one provider event says about one canonical transaction, before it is merged with what we already know.
 * {@code refundedMinor} is the provider's cumulative refunded total, or null when the event does not say.
 * {@code parentTxnId} marks a refund row and names the payment it refunds.
 */
public record TransactionFacts(String providerTxnId, String kind, String direction, long amountMinor, Long feeMinor,
                               Long refundedMinor, String currency, TransactionStatus status, String payerKind,
                               String payerIdentity, String merchantReference, String description, String payoutId,
                               Instant occurredAt, String parentTxnId) {

    public TransactionFacts {
        if (providerTxnId == null || providerTxnId.isBlank()) {
            throw new UnprocessableEventException("the event names no provider transaction id");
        }
        if (amountMinor < 0) {
            throw new UnprocessableEventException("the amount is negative");
        }
        if (occurredAt == null) {
            throw new UnprocessableEventException("the event says nothing about when it happened");
        }
    }

    public static TransactionFacts payment(String txnId, long amountMinor, String currency, TransactionStatus status, Instant occurredAt) {
        return new TransactionFacts(txnId, "payment", "in", amountMinor, null, null, currency, status, null, null,
                null, null, null, occurredAt, null);
    }

    public TransactionFacts withPayer(String kind, String identity) {
        return identity == null || identity.isBlank() ? this : new TransactionFacts(providerTxnId, this.kind, direction, amountMinor, feeMinor,
                refundedMinor, currency, status, kind, identity, merchantReference, description, payoutId, occurredAt, parentTxnId);
    }

    public TransactionFacts withReference(String reference, String description) {
        return new TransactionFacts(providerTxnId, kind, direction, amountMinor, feeMinor, refundedMinor, currency, status,
                payerKind, payerIdentity, blankToNull(reference), blankToNull(description), payoutId, occurredAt, parentTxnId);
    }

    public TransactionFacts withRefunded(Long refunded) {
        return new TransactionFacts(providerTxnId, kind, direction, amountMinor, feeMinor, refunded, currency, status,
                payerKind, payerIdentity, merchantReference, description, payoutId, occurredAt, parentTxnId);
    }

    public TransactionFacts withFee(Long fee) {
        return new TransactionFacts(providerTxnId, kind, direction, amountMinor, fee, refundedMinor, currency, status,
                payerKind, payerIdentity, merchantReference, description, payoutId, occurredAt, parentTxnId);
    }

    public TransactionFacts asKind(String kind, String direction, String payoutId, String parentTxnId) {
        return new TransactionFacts(providerTxnId, kind, direction, amountMinor, feeMinor, refundedMinor, currency, status,
                payerKind, payerIdentity, merchantReference, description, payoutId, occurredAt, parentTxnId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
