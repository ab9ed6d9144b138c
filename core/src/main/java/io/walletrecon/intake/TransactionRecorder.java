package io.walletrecon.intake;

import io.smallrye.mutiny.Uni;
import io.walletrecon.data.Account;
import io.walletrecon.data.WalletTransaction;
import io.walletrecon.data.WalletTransactionRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Creates or advances the canonical transactions a normalised event reports, in the caller's transaction: the parent
 * payment of a refund first, then the reported row (read {@code FOR UPDATE}, so two events about one payment never
 * interleave), the parent's refunded total, and the payment order dispatch sent, when the event reports one.
 * Used by intake and by a replay.
 */
@ApplicationScoped
public class TransactionRecorder {

    private final WalletTransactionRepository transactions;
    private final OutgoingPaymentCallbacks outgoingPayments;

    public TransactionRecorder(WalletTransactionRepository transactions, OutgoingPaymentCallbacks outgoingPayments) {
        this.transactions = transactions;
        this.outgoingPayments = outgoingPayments;
    }

    /** Creates or advances the event's transactions; must run inside a transaction. Returns the primary row. */
    public Uni<WalletTransaction> apply(Account account, Normalised normalised) {
        Uni<WalletTransaction> parent = normalised.parent() == null
                ? Uni.createFrom().nullItem()
                : upsert(account, normalised.parent());
        return parent.chain(p -> upsert(account, normalised.primary())
                .call(row -> p == null ? Uni.createFrom().voidItem() : settleRefunds(account, p))
                .call(() -> outgoingPayments.onReported(account, normalised)));
    }

    private Uni<WalletTransaction> upsert(Account account, TransactionFacts facts) {
        return transactions.findForUpdate(account.id, facts.providerTxnId()).chain(existing -> existing == null
                ? transactions.persist(TransactionMerge.newRow(account.id, account.zone(), facts, now()))
                : Uni.createFrom().item(merged(account, existing, facts)));
    }

    private static WalletTransaction merged(Account account, WalletTransaction existing, TransactionFacts facts) {
        TransactionMerge.merge(account.zone(), existing, facts, now());
        return existing;
    }

    /** A payment's refunded total is the sum of its succeeded refund rows, whatever order they came in. */
    private Uni<Void> settleRefunds(Account account, WalletTransaction payment) {
        return transactions.succeededRefundsOf(account.id, payment.providerTxnId)
                .invoke(refunded -> TransactionMerge.refunded(payment, refunded, now()))
                .replaceWithVoid();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
