package io.walletrecon.dispatch;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.money.Money;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.ProblemType;
import io.walletrecon.problem.Validation;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Approval tiers and risk limits per currency, kept in payment_policies. A change is proposed by one admin and takes
 * effect only when a second, different admin approves it (maker-checker on the controls themselves): otherwise one
 * admin could raise the auto-approval limit and send any amount without a checker. Every step is audited.
 */
@ApplicationScoped
public class PaymentPolicyService {

    static final int CHANGES_SHOWN = 50;

    private final PaymentPolicyRepository policies;
    private final DispatchConfig config;
    private final AuditLog audit;

    public PaymentPolicyService(PaymentPolicyRepository policies, DispatchConfig config, AuditLog audit) {
        this.policies = policies;
        this.config = config;
        this.audit = audit;
    }

    /** A proposed change and what became of it. */
    @RegisterForReflection
    public record ChangeView(long id, String currency, long autoLimitMinor, long dualLimitMinor, Long beneficiaryDailyAmountMinor,
                             Integer beneficiaryDailyCount, Long largeAmountMinor, String state, String reason, String proposedBy,
                             Instant proposedAt, String decidedBy, Instant decidedAt, String decisionComment) {

        static ChangeView of(PaymentPolicyChange c) {
            return new ChangeView(c.id, c.currency, c.autoLimitMinor, c.dualLimitMinor, c.beneficiaryDailyAmountMinor, c.beneficiaryDailyCount,
                    c.largeAmountMinor, c.state, c.reason, c.proposedBy, c.proposedAt, c.decidedBy, c.decidedAt, c.decisionComment);
        }
    }

    /** The policy of a currency, or the configured default (one approval, two above the default dual limit). */
    public Uni<PaymentPolicy> policyOf(String currency) {
        return policies.policyRow(currency).map(row -> row == null ? defaultFor(currency) : parse(row));
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

    @WithSession
    public Uni<List<ChangeView>> changes(String currency) {
        Money.currency(currency);
        return policies.changes(currency, CHANGES_SHOWN).map(list -> list.stream().map(ChangeView::of).toList());
    }

    /** One admin proposes a policy; nothing changes until another admin approves it. One proposal per currency waits at a time. */
    @WithTransaction
    public Uni<ChangeView> propose(String currency, PaymentRequests.Policy p, String actor) {
        Money.currency(currency);
        validate(p);
        return policies.pending(currency).chain(waiting -> {
            if (waiting != null) {
                throw ApiException.conflict("Change " + waiting.id + " of the " + currency + " payment policy, proposed by " + waiting.proposedBy
                        + ", is waiting for approval; approve, reject or withdraw it first");
            }
            PaymentPolicyChange c = new PaymentPolicyChange();
            c.currency = currency;
            c.autoLimitMinor = p.autoLimitMinor();
            c.dualLimitMinor = p.dualLimitMinor();
            c.beneficiaryDailyAmountMinor = p.beneficiaryDailyAmountMinor();
            c.beneficiaryDailyCount = p.beneficiaryDailyCount();
            c.largeAmountMinor = p.largeAmountMinor();
            c.state = PolicyChangeState.PENDING.code();
            c.reason = p.reason();
            c.proposedBy = actor;
            c.proposedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return policies.persist(c)
                    .call(saved -> policyOf(currency).chain(before -> audit.record(actor, "payment-policy.proposed", "payment_policy", currency,
                            p.reason(), details(saved, before))))
                    .map(ChangeView::of);
        });
    }

    /** A second admin approves a pending change: it is in force from now, for orders created afterwards. */
    @WithTransaction
    public Uni<ChangeView> approve(String currency, long changeId, String comment, String actor) {
        return policies.lock(currency, changeId).chain(c -> {
            PolicyChangeStateMachine.require(c.id, c.state(), PolicyChangeState.APPROVED);
            if (c.proposedBy.equals(actor)) {
                throw new ApiException(ProblemType.FORBIDDEN, "You proposed change " + c.id + " of the " + currency
                        + " payment policy; another admin must approve it (maker-checker)");
            }
            return policyOf(currency).chain(before -> decide(c, PolicyChangeState.APPROVED, comment, actor)
                    .chain(() -> policies.apply(c, actor))
                    .chain(() -> audit.record(actor, "payment-policy.approved", "payment_policy", currency, comment, details(c, before)))
                    .replaceWith(c));
        }).map(ChangeView::of);
    }

    /** Another admin rejects a pending change, or its proposer withdraws it. */
    @WithTransaction
    public Uni<ChangeView> reject(String currency, long changeId, String comment, String actor) {
        return policies.lock(currency, changeId).chain(c -> {
            PolicyChangeState to = c.proposedBy.equals(actor) ? PolicyChangeState.WITHDRAWN : PolicyChangeState.REJECTED;
            PolicyChangeStateMachine.require(c.id, c.state(), to);
            return decide(c, to, comment, actor)
                    .chain(() -> audit.record(actor, "payment-policy." + to.code(), "payment_policy", currency, comment, Map.of("changeId", c.id)))
                    .replaceWith(c);
        }).map(ChangeView::of);
    }

    private Uni<PaymentPolicyChange> decide(PaymentPolicyChange c, PolicyChangeState to, String comment, String actor) {
        c.state = to.code();
        c.decidedBy = actor;
        c.decidedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        c.decisionComment = comment;
        return policies.persist(c);
    }

    private static Map<String, Object> details(PaymentPolicyChange c, PaymentPolicy before) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("changeId", c.id);
        d.put("proposedBy", c.proposedBy);
        d.put("before", before);
        d.put("after", c.policy());
        return d;
    }

    private static void validate(PaymentRequests.Policy p) {
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
        Validation.refuseIfAny(errors);
    }
}
