package io.walletrecon.dispatch;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.money.Money;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Approval tiers and risk limits per currency, kept in payment_policies and changed by admins (audited). */
@ApplicationScoped
public class PaymentPolicyService {

    static final String SELECT = "select currency || '|' || auto_limit_minor || '|' || dual_limit_minor || '|' || coalesce(beneficiary_daily_amount_minor::text, '')"
            + " || '|' || coalesce(beneficiary_daily_count::text, '') || '|' || coalesce(large_amount_minor::text, '') from payment_policies where currency = ?1";

    private final DispatchConfig config;
    private final AuditLog audit;

    public PaymentPolicyService(DispatchConfig config, AuditLog audit) {
        this.config = config;
        this.audit = audit;
    }

    /** The policy of a currency, or the configured default (one approval, two above the default dual limit). */
    public Uni<PaymentPolicy> policyOf(String currency) {
        return SessionSql.first(SELECT, String.class, currency).map(row -> row == null ? defaultFor(currency) : parse(row));
    }

    PaymentPolicy defaultFor(String currency) {
        return new PaymentPolicy(currency, 0, config.defaultDualLimitMinor(), null, null, null);
    }

    static PaymentPolicy parse(String row) {
        String[] f = row.split("\\|", -1);
        return new PaymentPolicy(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), f[3].isEmpty() ? null : Long.valueOf(f[3]),
                f[4].isEmpty() ? null : Integer.valueOf(f[4]), f[5].isEmpty() ? null : Long.valueOf(f[5]));
    }

    @WithSession
    public Uni<PaymentPolicy> get(String currency) {
        Money.currency(currency);
        return policyOf(currency);
    }

    @WithTransaction
    public Uni<PaymentPolicy> put(String currency, PaymentRequests.Policy p, String actor) {
        Money.currency(currency);
        List<ProblemError> errors = new ArrayList<>();
        if (p.autoLimitMinor() < 0) {
            errors.add(ProblemError.field("autoLimitMinor", "must be 0 or more"));
        }
        if (p.dualLimitMinor() < p.autoLimitMinor()) {
            errors.add(ProblemError.field("dualLimitMinor", "must not be below autoLimitMinor"));
        }
        if (p.beneficiaryDailyAmountMinor() != null && p.beneficiaryDailyAmountMinor() <= 0) {
            errors.add(ProblemError.field("beneficiaryDailyAmountMinor", "must be positive"));
        }
        if (p.beneficiaryDailyCount() != null && p.beneficiaryDailyCount() <= 0) {
            errors.add(ProblemError.field("beneficiaryDailyCount", "must be positive"));
        }
        if (p.largeAmountMinor() != null && p.largeAmountMinor() <= 0) {
            errors.add(ProblemError.field("largeAmountMinor", "must be positive"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors.get(0).field() + " " + errors.get(0).message(), errors);
        }
        PaymentPolicy policy = new PaymentPolicy(currency, p.autoLimitMinor(), p.dualLimitMinor(), p.beneficiaryDailyAmountMinor(),
                p.beneficiaryDailyCount(), p.largeAmountMinor());
        return SessionSql.update("""
                insert into payment_policies (currency, auto_limit_minor, dual_limit_minor, beneficiary_daily_amount_minor,
                    beneficiary_daily_count, large_amount_minor, updated_by, updated_at)
                values (?1, ?2, ?3, cast(?4 as bigint), cast(?5 as integer), cast(?6 as bigint), ?7, now())
                on conflict (currency) do update set auto_limit_minor = excluded.auto_limit_minor, dual_limit_minor = excluded.dual_limit_minor,
                    beneficiary_daily_amount_minor = excluded.beneficiary_daily_amount_minor, beneficiary_daily_count = excluded.beneficiary_daily_count,
                    large_amount_minor = excluded.large_amount_minor, updated_by = excluded.updated_by, updated_at = now()
                """, currency, policy.autoLimitMinor(), policy.dualLimitMinor(), policy.beneficiaryDailyAmountMinor(),
                policy.beneficiaryDailyCount(), policy.largeAmountMinor(), actor)
                .chain(() -> audit.record(actor, "payment-policy.set", "payment_policy", currency, null, policy))
                .replaceWith(policy);
    }
}
