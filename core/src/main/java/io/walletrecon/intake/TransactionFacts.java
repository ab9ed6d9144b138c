package io.walletrecon.intake;

import io.walletrecon.transactions.TransactionStatus;

import java.time.Instant;

/**
 * What one provider event says about one canonical transaction, before it is merged with what we already know.
 * {@code refundedMinor} is the provider's cumulative refunded total, or null when the event does not say.
 * {@code parentTxnId} marks a refund row and names the payment it refunds. Text is kept as PostgreSQL can store it
 * ({@link StoredText}: a NUL character is escaped, not a reason to bounce an authentic event).
 */
public record TransactionFacts(String providerTxnId, String kind, String direction, long amountMinor, Long feeMinor,
        Long refundedMinor, String currency, TransactionStatus status, String payerKind,
        String payerIdentity, String merchantReference, String description, String payoutId,
        Instant occurredAt, String parentTxnId) {

    public TransactionFacts {
        providerTxnId = StoredText.of(providerTxnId);
        payerKind = StoredText.of(payerKind);
        payerIdentity = StoredText.of(payerIdentity);
        merchantReference = StoredText.of(merchantReference);
        description = StoredText.of(description);
        payoutId = StoredText.of(payoutId);
        parentTxnId = StoredText.of(parentTxnId);
        if (providerTxnId == null || providerTxnId.isBlank()) {
            throw new UnprocessableEventException("the event names no provider transaction id");
        }
        if (amountMinor < 0) {
            throw new UnprocessableEventException("the amount is negative");
        }
        if (occurredAt == null) {
            throw new UnprocessableEventException("the event says nothing about when it happened");
        }
        if (occurredAt.isBefore(EARLIEST) || occurredAt.isAfter(LATEST)) {
            // the database client would silently clamp a time outside PostgreSQL's range; no payment is that old or late
            throw new UnprocessableEventException(
                    "the event happened at " + occurredAt + ", outside the years 1900 to 9999");
        }
    }

    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    public static TransactionFacts payment(String txnId, long amountMinor, String currency, TransactionStatus status,
            Instant occurredAt) {
        return new TransactionFacts(txnId, "payment", "in", amountMinor, null, null, currency, status, null, null,
                null, null, null, occurredAt, null);
    }

    public TransactionFacts withPayer(String kind, String identity) {
        return identity == null || identity.isBlank()
                ? this
                : new TransactionFacts(providerTxnId, this.kind, direction, amountMinor, feeMinor,
                        refundedMinor, currency, status, kind, identity, merchantReference, description, payoutId,
                        occurredAt, parentTxnId);
    }

    public TransactionFacts withReference(String reference, String description) {
        return new TransactionFacts(providerTxnId, kind, direction, amountMinor, feeMinor, refundedMinor, currency,
                status,
                payerKind, payerIdentity, blankToNull(reference), blankToNull(description), payoutId, occurredAt,
                parentTxnId);
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
        return new TransactionFacts(providerTxnId, kind, direction, amountMinor, feeMinor, refundedMinor, currency,
                status,
                payerKind, payerIdentity, merchantReference, description, payoutId, occurredAt, parentTxnId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
