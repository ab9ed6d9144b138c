package io.walletrecon.dispatch;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of payment policies and their changes, per (company, currency): in the caller's session, or the dispatcher's
 * transaction.
 */
@ApplicationScoped
public class PaymentPolicyRepository extends SessionSqlRepository implements PanacheRepository<PaymentPolicyChange> {

    /**
     * The one policy query: stored policies as one text column
     * {@code companyId|company|currency|auto|dual|dailyAmount|dailyCount|large}
     * ({@link #parse}). Two filters over it, one per client: one (company, currency) pair in the
     * caller's Hibernate session, and many pairs at once in the dispatcher's SQL-client transaction.
     */
    static final String POLICIES = "select p.company_id || '|' || c.code || '|' || p.currency || '|' || p.auto_limit_minor || '|' || p.dual_limit_minor"
            + " || '|' || coalesce(p.beneficiary_daily_amount_minor::text, '') || '|' || coalesce(p.beneficiary_daily_count::text, '')"
            + " || '|' || coalesce(p.large_amount_minor::text, '')"
            + " from payment_policies p join companies c on c.id = p.company_id";

    /** {@link #POLICIES} of one company's currency, in the caller's session. */
    static final String POLICY_OF = POLICIES + " where p.company_id = ?1 and p.currency = ?2";

    /** {@link #POLICIES} of (company id, currency) pairs given as two arrays, on the SQL client. */
    static final String POLICIES_OF_PAIRS = POLICIES
            + " join unnest($1::bigint[], $2::text[]) as w(company_id, currency) on w.company_id = p.company_id and w.currency = p.currency";

    static final String UPSERT_POLICY = """
            insert into payment_policies (company_id, currency, auto_limit_minor, dual_limit_minor, beneficiary_daily_amount_minor,
                beneficiary_daily_count, large_amount_minor, updated_by, updated_at, change_id)
            values (?9, ?1, ?2, ?3, cast(?4 as bigint), cast(?5 as integer), cast(?6 as bigint), ?7, now(), ?8)
            on conflict (company_id, currency) do update set auto_limit_minor = excluded.auto_limit_minor, dual_limit_minor = excluded.dual_limit_minor,
                beneficiary_daily_amount_minor = excluded.beneficiary_daily_amount_minor, beneficiary_daily_count = excluded.beneficiary_daily_count,
                large_amount_minor = excluded.large_amount_minor, updated_by = excluded.updated_by, updated_at = now(), change_id = excluded.change_id
            """;

    /** The stored policy of a company's currency, or null. */
    Uni<PaymentPolicy> policy(long companyId, String currency) {
        return nativeFirst(POLICY_OF, String.class, companyId, currency)
                .map(row -> row == null ? null : parse(row).policy());
    }

    /**
     * The stored policies of the given companies' currencies (pairs by index) in the dispatcher's transaction, keyed
     * {@code companyId|currency}.
     */
    Uni<Map<String, PaymentPolicy>> policies(DispatchRepository.Tx tx, List<Long> companyIds, List<String> currencies) {
        return tx.conn().preparedQuery(POLICIES_OF_PAIRS)
                .execute(Tuple.of(companyIds.toArray(Long[]::new), currencies.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, PaymentPolicy> byKey = new HashMap<>();
                    rows.forEach(r -> {
                        Stored stored = parse(r.getString(0));
                        byKey.put(stored.companyId() + "|" + stored.policy().currency(), stored.policy());
                    });
                    return byKey;
                });
    }

    /** A stored policy and the id of its company. */
    record Stored(long companyId, PaymentPolicy policy) {
    }

    /** A row of {@link #POLICIES}. */
    static Stored parse(String row) {
        String[] f = row.split("\\|", -1);
        return new Stored(Long.parseLong(f[0]),
                new PaymentPolicy(f[1], f[2], Long.parseLong(f[3]), Long.parseLong(f[4]),
                        f[5].isEmpty() ? null : Long.valueOf(f[5]), f[6].isEmpty() ? null : Integer.valueOf(f[6]),
                        f[7].isEmpty() ? null : Long.valueOf(f[7])));
    }

    /** Puts an approved change in force; {@code approvedBy} is recorded as the policy's last updater. */
    Uni<Void> apply(PaymentPolicyChange change, String approvedBy) {
        return nativeUpdate(UPSERT_POLICY, change.currency, change.autoLimitMinor, change.dualLimitMinor,
                change.beneficiaryDailyAmountMinor,
                change.beneficiaryDailyCount, change.largeAmountMinor, approvedBy, change.id, change.companyId)
                .replaceWithVoid();
    }

    /** The change, locked for the rest of the transaction, or null when the company's currency has no such change. */
    Uni<PaymentPolicyChange> lock(long companyId, String currency, long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE)
                .map(c -> c == null || c.companyId != companyId || !c.currency.equals(currency) ? null : c);
    }

    Uni<PaymentPolicyChange> pending(long companyId, String currency) {
        return find("companyId = ?1 and currency = ?2 and state = ?3", companyId, currency,
                PolicyChangeState.PENDING.code()).firstResult();
    }

    Uni<List<PaymentPolicyChange>> changes(long companyId, String currency, int limit) {
        return find("companyId = ?1 and currency = ?2", Sort.descending("id"), companyId, currency).page(0, limit)
                .list();
    }
}
