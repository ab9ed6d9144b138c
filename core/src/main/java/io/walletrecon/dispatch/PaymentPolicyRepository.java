package io.walletrecon.dispatch;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;

/** The SQL of payment policies and their changes, per (company, currency); runs in the caller's session and transaction. */
@ApplicationScoped
public class PaymentPolicyRepository implements PanacheRepository<PaymentPolicyChange> {

    /** A policy row as {@code company|currency|auto|dual|dailyAmount|dailyCount|large} ({@link PaymentPolicyService#parse}). */
    static final String POLICY_ROW = "c.code || '|' || p.currency || '|' || p.auto_limit_minor || '|' || p.dual_limit_minor"
            + " || '|' || coalesce(p.beneficiary_daily_amount_minor::text, '') || '|' || coalesce(p.beneficiary_daily_count::text, '')"
            + " || '|' || coalesce(p.large_amount_minor::text, '')";

    static final String SELECT_POLICY = "select " + POLICY_ROW
            + " from payment_policies p join companies c on c.id = p.company_id where p.company_id = ?1 and p.currency = ?2";

    static final String UPSERT_POLICY = """
            insert into payment_policies (company_id, currency, auto_limit_minor, dual_limit_minor, beneficiary_daily_amount_minor,
                beneficiary_daily_count, large_amount_minor, updated_by, updated_at, change_id)
            values (?9, ?1, ?2, ?3, cast(?4 as bigint), cast(?5 as integer), cast(?6 as bigint), ?7, now(), ?8)
            on conflict (company_id, currency) do update set auto_limit_minor = excluded.auto_limit_minor, dual_limit_minor = excluded.dual_limit_minor,
                beneficiary_daily_amount_minor = excluded.beneficiary_daily_amount_minor, beneficiary_daily_count = excluded.beneficiary_daily_count,
                large_amount_minor = excluded.large_amount_minor, updated_by = excluded.updated_by, updated_at = now(), change_id = excluded.change_id
            """;

    /** The stored policy row of a company's currency ({@link #POLICY_ROW}), or null. */
    Uni<String> policyRow(long companyId, String currency) {
        return SessionSql.first(SELECT_POLICY, String.class, companyId, currency);
    }

    /** Puts an approved change in force; {@code approvedBy} is recorded as the policy's last updater. */
    Uni<Void> apply(PaymentPolicyChange change, String approvedBy) {
        return SessionSql.update(UPSERT_POLICY, change.currency, change.autoLimitMinor, change.dualLimitMinor, change.beneficiaryDailyAmountMinor,
                change.beneficiaryDailyCount, change.largeAmountMinor, approvedBy, change.id, change.companyId).replaceWithVoid();
    }

    /** The change, locked for the rest of the transaction, or null when the company's currency has no such change. */
    Uni<PaymentPolicyChange> lock(long companyId, String currency, long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE)
                .map(c -> c == null || c.companyId != companyId || !c.currency.equals(currency) ? null : c);
    }

    Uni<PaymentPolicyChange> pending(long companyId, String currency) {
        return find("companyId = ?1 and currency = ?2 and state = ?3", companyId, currency, PolicyChangeState.PENDING.code()).firstResult();
    }

    Uni<List<PaymentPolicyChange>> changes(long companyId, String currency, int limit) {
        return find("companyId = ?1 and currency = ?2", Sort.descending("id"), companyId, currency).page(0, limit).list();
    }
}
