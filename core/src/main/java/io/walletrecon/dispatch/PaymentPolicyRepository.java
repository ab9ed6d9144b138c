package io.walletrecon.dispatch;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.walletrecon.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;

/** The SQL of payment policies and their changes; runs in the caller's session and transaction. */
@ApplicationScoped
public class PaymentPolicyRepository implements PanacheRepository<PaymentPolicyChange> {

    static final String SELECT_POLICY = "select currency || '|' || auto_limit_minor || '|' || dual_limit_minor || '|' || coalesce(beneficiary_daily_amount_minor::text, '')"
            + " || '|' || coalesce(beneficiary_daily_count::text, '') || '|' || coalesce(large_amount_minor::text, '') from payment_policies where currency = ?1";

    static final String UPSERT_POLICY = """
            insert into payment_policies (currency, auto_limit_minor, dual_limit_minor, beneficiary_daily_amount_minor,
                beneficiary_daily_count, large_amount_minor, updated_by, updated_at, change_id)
            values (?1, ?2, ?3, cast(?4 as bigint), cast(?5 as integer), cast(?6 as bigint), ?7, now(), ?8)
            on conflict (currency) do update set auto_limit_minor = excluded.auto_limit_minor, dual_limit_minor = excluded.dual_limit_minor,
                beneficiary_daily_amount_minor = excluded.beneficiary_daily_amount_minor, beneficiary_daily_count = excluded.beneficiary_daily_count,
                large_amount_minor = excluded.large_amount_minor, updated_by = excluded.updated_by, updated_at = now(), change_id = excluded.change_id
            """;

    /** The stored policy row of a currency as {@code currency|auto|dual|dailyAmount|dailyCount|large}, or null. */
    Uni<String> policyRow(String currency) {
        return SessionSql.first(SELECT_POLICY, String.class, currency);
    }

    /** Puts an approved change in force; {@code approvedBy} is recorded as the policy's last updater. */
    Uni<Void> apply(PaymentPolicyChange change, String approvedBy) {
        PaymentPolicy p = change.policy();
        return SessionSql.update(UPSERT_POLICY, p.currency(), p.autoLimitMinor(), p.dualLimitMinor(), p.beneficiaryDailyAmountMinor(),
                p.beneficiaryDailyCount(), p.largeAmountMinor(), approvedBy, change.id).replaceWithVoid();
    }

    /** The change, locked for the rest of the transaction, or a 404 problem when the currency has no such change. */
    Uni<PaymentPolicyChange> lock(String currency, long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE)
                .map(c -> c == null || !c.currency.equals(currency) ? null : c)
                .onItem().ifNull().failWith(() -> ApiException.notFound("No change " + id + " of the " + currency + " payment policy"));
    }

    Uni<PaymentPolicyChange> pending(String currency) {
        return find("currency = ?1 and state = ?2", currency, PolicyChangeState.PENDING.code()).firstResult();
    }

    Uni<List<PaymentPolicyChange>> changes(String currency, int limit) {
        return find("currency = ?1", Sort.descending("id"), currency).page(0, limit).list();
    }
}
