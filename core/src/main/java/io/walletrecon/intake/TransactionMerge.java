package io.walletrecon.intake;

import io.walletrecon.transactions.TransactionStatus;
import io.walletrecon.data.WalletTransaction;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * How one provider report changes a canonical transaction: a new row from its facts, or the facts merged into the
 * existing row. Pure: the caller reads and writes the row.
 *
 * <p>The report that settles an open payment (pending or failed, of the same kind) is the authoritative amount and
 * time of the payment; the status follows {@link TransactionStateMachine} (never backwards); payer, reference,
 * description and fee are filled in when the row has none, never overwritten. A row recorded from the provider's bill
 * ({@link #SOURCE_BILL}) that a notification then reports becomes a notified one: its amount and time stay the bill's.
 */
public final class TransactionMerge {

    /** Where a transaction created by intake comes from ({@code transactions.source}). */
    public static final String SOURCE_WEBHOOK = "webhook";
    /** A transaction a matching run recorded from the provider's bill, never notified (yet). */
    public static final String SOURCE_BILL = "bill";

    private TransactionMerge() {
    }

    /** A new row of the account (in time zone {@code zone}) from the reported facts. */
    public static WalletTransaction newRow(long accountId, ZoneId zone, TransactionFacts f, Instant now) {
        WalletTransaction t = new WalletTransaction();
        t.accountId = accountId;
        t.providerTxnId = f.providerTxnId();
        t.kind = f.kind();
        t.direction = f.direction();
        t.amountMinor = f.amountMinor();
        t.feeMinor = f.feeMinor();
        t.currency = f.currency();
        TransactionStateMachine.Outcome outcome = TransactionStateMachine.apply(f.status(), 0, f.amountMinor(),
                f.status(),
                f.refundedMinor());
        t.status = outcome.status().code();
        t.refundedMinor = outcome.refundedMinor();
        t.payerKind = f.payerKind();
        t.payerIdentity = f.payerIdentity();
        t.merchantReference = f.merchantReference();
        t.description = f.description();
        t.payoutId = f.payoutId();
        t.parentTxnId = f.parentTxnId();
        t.occurredAt = f.occurredAt().truncatedTo(ChronoUnit.MICROS);
        t.valueDate = f.occurredAt().atZone(zone).toLocalDate();
        t.source = SOURCE_WEBHOOK;
        t.createdAt = now;
        t.updatedAt = now;
        return t;
    }

    /**
     * Merges the reported facts into {@code t}; returns whether anything changed ({@code updatedAt} is then
     * {@code now}).
     */
    public static boolean merge(ZoneId zone, WalletTransaction t, TransactionFacts f, Instant now) {
        TransactionStatus current = TransactionStatus.fromCode(t.status);
        boolean settlesOpen = (current == TransactionStatus.PENDING || current == TransactionStatus.FAILED)
                && TransactionStateMachine.allows(current, f.status()) && t.kind.equals(f.kind());
        if (settlesOpen) {
            t.amountMinor = f.amountMinor();
            t.occurredAt = f.occurredAt().truncatedTo(ChronoUnit.MICROS);
            t.valueDate = f.occurredAt().atZone(zone).toLocalDate();
        }
        // A notification of a payment first learnt from the bill: the provider has told us after all.
        boolean notified = SOURCE_BILL.equals(t.source);
        if (notified) {
            t.source = SOURCE_WEBHOOK;
        }
        boolean changed = apply(t, TransactionStateMachine.apply(current, t.refundedMinor, t.amountMinor, f.status(),
                f.refundedMinor())) | settlesOpen | fillMissing(t, f) | notified;
        if (changed) {
            t.updatedAt = now;
        }
        return changed;
    }

    /** Sets a payment's refunded total to the sum of its succeeded refunds; returns whether anything changed. */
    public static boolean refunded(WalletTransaction payment, long succeededRefunds, Instant now) {
        TransactionStatus current = TransactionStatus.fromCode(payment.status);
        boolean changed = apply(payment,
                TransactionStateMachine.apply(current, payment.refundedMinor, payment.amountMinor, current,
                        succeededRefunds));
        if (changed) {
            payment.updatedAt = now;
        }
        return changed;
    }

    private static boolean apply(WalletTransaction t, TransactionStateMachine.Outcome outcome) {
        boolean changed = !outcome.status().code().equals(t.status) || outcome.refundedMinor() != t.refundedMinor;
        t.status = outcome.status().code();
        t.refundedMinor = outcome.refundedMinor();
        return changed;
    }

    private static boolean fillMissing(WalletTransaction t, TransactionFacts f) {
        boolean changed = false;
        if (t.payerIdentity == null && f.payerIdentity() != null) {
            t.payerKind = f.payerKind();
            t.payerIdentity = f.payerIdentity();
            changed = true;
        }
        if (t.merchantReference == null && f.merchantReference() != null) {
            t.merchantReference = f.merchantReference();
            changed = true;
        }
        if (t.description == null && f.description() != null) {
            t.description = f.description();
            changed = true;
        }
        if (t.feeMinor == null && f.feeMinor() != null) {
            t.feeMinor = f.feeMinor();
            changed = true;
        }
        return changed;
    }
}
