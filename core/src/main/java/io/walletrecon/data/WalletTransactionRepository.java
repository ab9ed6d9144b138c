package io.walletrecon.data;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.walletrecon.transactions.TransactionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.LocalDate;
import java.util.List;

/** Canonical transactions ({@code transactions}): intake's lookups and writes, and the list by business date. */
@ApplicationScoped
public class WalletTransactionRepository implements PanacheRepository<WalletTransaction> {

    private static final String BY_PROVIDER_TXN_ID = "accountId = ?1 and providerTxnId = ?2";
    private static final String REFUNDED_TOTAL = "select coalesce(sum(t.amountMinor), 0) from WalletTransaction t "
            + "where t.accountId = :account and t.parentTxnId = :parent and t.status = :status";
    private static final String OF_ACCOUNT = "accountId = :account";
    private static final String FROM = " and valueDate >= :from";
    private static final String TO = " and valueDate <= :to";
    private static final String STATUS = " and status = :status";

    /** One page of an account's transactions, and how many there are in all. */
    public record Found(List<WalletTransaction> items, long total) {
    }

    public Uni<WalletTransaction> findByProviderTxnId(long accountId, String providerTxnId) {
        return find(BY_PROVIDER_TXN_ID, accountId, providerTxnId).firstResult();
    }

    /** The transaction, locked until the transaction ends (two reports about one payment never interleave), or null. */
    public Uni<WalletTransaction> findForUpdate(long accountId, String providerTxnId) {
        return find(BY_PROVIDER_TXN_ID, accountId, providerTxnId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** The sum of a payment's succeeded refund rows, after flushing the session's pending rows. */
    public Uni<Long> succeededRefundsOf(long accountId, String paymentTxnId) {
        return getSession().chain(session -> session.flush()
                .chain(() -> session.createQuery(REFUNDED_TOTAL, Long.class)
                        .setParameter("account", accountId)
                        .setParameter("parent", paymentTxnId)
                        .setParameter("status", TransactionStatus.SUCCEEDED.code())
                        .getSingleResult()));
    }

    /**
     * An account's transactions by business date (either bound optional) and status (optional), by time of occurrence.
     */
    public Uni<Found> page(long accountId, LocalDate from, LocalDate to, TransactionStatus status, int page, int size) {
        Parameters params = Parameters.with("account", accountId);
        if (from != null) {
            params.and("from", from);
        }
        if (to != null) {
            params.and("to", to);
        }
        if (status != null) {
            params.and("status", status.code());
        }
        String where = OF_ACCOUNT + (from != null ? FROM : "") + (to != null ? TO : "")
                + (status != null ? STATUS : "");
        var found = find(where, Sort.by("occurredAt").and("id"), params);
        return found.page(Page.of(page, size)).list()
                .chain(items -> found.count().map(total -> new Found(items, total)));
    }
}
