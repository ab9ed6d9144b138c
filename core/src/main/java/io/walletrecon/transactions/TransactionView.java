package io.walletrecon.transactions;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.walletrecon.data.WalletTransaction;
import io.walletrecon.money.Money;

import java.time.Instant;
import java.time.LocalDate;

/** A canonical transaction as the API shows it; amounts in minor units and as exact decimal strings. */
@RegisterForReflection
public record TransactionView(long id, String account, String providerTxnId, String kind, String direction,
        long amountMinor, String amount, Long feeMinor, long refundedMinor, String currency,
        String status, String payerKind, String payerIdentity, String merchantReference,
        String description, String payoutId, Instant occurredAt, LocalDate valueDate,
        Long customerId, String source) {

    public static TransactionView of(WalletTransaction t, String accountCode) {
        return new TransactionView(t.id, accountCode, t.providerTxnId, t.kind, t.direction, t.amountMinor,
                Money.ofMinor(t.amountMinor, t.currency).toDecimalString(), t.feeMinor, t.refundedMinor, t.currency,
                t.status, t.payerKind, t.payerIdentity, t.merchantReference, t.description, t.payoutId, t.occurredAt,
                t.valueDate, t.customerId, t.source);
    }
}
