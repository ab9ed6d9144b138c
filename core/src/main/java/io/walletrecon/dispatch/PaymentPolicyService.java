package io.walletrecon.dispatch;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.companies.Company;
import io.walletrecon.companies.CompanyService;
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
 * Approval tiers and risk limits per company and currency, kept in payment_policies. A change is proposed by one admin
 * and takes effect only when a second, different admin approves it (maker-checker on the controls themselves):
 * otherwise one admin could raise the auto-approval limit and send any amount without a checker. Every step is
 * audited. A payment is held to the policy of its paying account's company; requests that name no company mean the
 * default company.
 */
@ApplicationScoped
public class PaymentPolicyService {

    static final int CHANGES_SHOWN = 50;

    private final PaymentPolicyRepository policies;
    private final CompanyService companies;
    private final DispatchConfig config;
    private final AuditLog audit;

    public PaymentPolicyService(PaymentPolicyRepository policies, CompanyService companies, DispatchConfig config,
            AuditLog audit) {
        this.policies = policies;
        this.companies = companies;
        this.config = config;
        this.audit = audit;
    }

    /** A proposed change and what became of it. */
    @RegisterForReflection
    public record ChangeView(long id, String company, String currency, long autoLimitMinor, long dualLimitMinor,
            Long beneficiaryDailyAmountMinor,
            Integer beneficiaryDailyCount, Long largeAmountMinor, String state, String reason, String proposedBy,
            Instant proposedAt, String decidedBy, Instant decidedAt, String decisionComment) {

        static ChangeView of(PaymentPolicyChange c, String company) {
            return new ChangeView(c.id, company, c.currency, c.autoLimitMinor, c.dualLimitMinor,
                    c.beneficiaryDailyAmountMinor, c.beneficiaryDailyCount,
                    c.largeAmountMinor, c.state, c.reason, c.proposedBy, c.proposedAt, c.decidedBy, c.decidedAt,
                    c.decisionComment);
        }
    }

    /**
     * The policy of a company's currency, or the configured default (one approval, two above the default dual limit).
     */
    public Uni<PaymentPolicy> policyOf(long companyId, String currency) {
        return policies.policy(companyId, currency).chain(stored -> stored != null
                ? Uni.createFrom().item(stored)
                : companies.codeOf(companyId).map(company -> defaultFor(company, currency)));
    }

    PaymentPolicy defaultFor(String company, String currency) {
        return new PaymentPolicy(company, currency, 0, config.defaultDualLimitMinor(), null, null, null);
    }

    @WithSession
    public Uni<PaymentPolicy> get(String company, String currency) {
        Money.currency(currency);
        return companies.resolve(company, "company").chain(c -> policyOf(c.id, currency));
    }

    @WithSession
    public Uni<List<ChangeView>> changes(String company, String currency) {
        Money.currency(currency);
        return companies.resolve(company, "company").chain(c -> policies.changes(c.id, currency, CHANGES_SHOWN)
                .map(list -> list.stream().map(change -> ChangeView.of(change, c.code)).toList()));
    }

    /**
     * One admin proposes a policy for a company's currency; nothing changes until another admin approves it. One
     * proposal per company and currency waits at a time.
     */
    @WithTransaction
    public Uni<ChangeView> propose(String company, String currency, PaymentRequests.Policy p, String actor) {
        Money.currency(currency);
        validate(p);
        return companies.resolve(company, "company").chain(c -> policies.pending(c.id, currency).chain(waiting -> {
            if (waiting != null) {
                throw ApiException.conflict(
                        "Change " + waiting.id + " of the " + currency + " payment policy of company " + c.code
                                + ", proposed by " + waiting.proposedBy
                                + ", is waiting for approval; approve, reject or withdraw it first");
            }
            return policies.persist(change(c, currency, p, actor))
                    .call(saved -> policyOf(c.id, currency)
                            .chain(before -> audit.record(actor, "payment-policy.proposed", "payment_policy",
                                    subject(c, currency), p.reason(), details(saved, c, before))))
                    .map(saved -> ChangeView.of(saved, c.code));
        }));
    }

    private static PaymentPolicyChange change(Company company, String currency, PaymentRequests.Policy p,
            String actor) {
        PaymentPolicyChange c = new PaymentPolicyChange();
        c.companyId = company.id;
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
        return c;
    }

    /** A second admin approves a pending change: it is in force from now, for orders created afterwards. */
    @WithTransaction
    public Uni<ChangeView> approve(String company, String currency, long changeId, String comment, String actor) {
        return companies.resolve(company, "company").chain(co -> lock(co, currency, changeId).chain(c -> {
            PolicyChangeStateMachine.require(c.id, c.state(), PolicyChangeState.APPROVED);
            if (c.proposedBy.equals(actor)) {
                throw new ApiException(ProblemType.FORBIDDEN, "You proposed change " + c.id + " of the " + currency
                        + " payment policy; another admin must approve it (maker-checker)");
            }
            return policyOf(co.id, currency).chain(before -> decide(c, PolicyChangeState.APPROVED, comment, actor)
                    .chain(() -> policies.apply(c, actor))
                    .chain(() -> audit.record(actor, "payment-policy.approved", "payment_policy", subject(co, currency),
                            comment,
                            details(c, co, before)))
                    .replaceWith(c));
        }).map(c -> ChangeView.of(c, co.code)));
    }

    /** Another admin rejects a pending change, or its proposer withdraws it. */
    @WithTransaction
    public Uni<ChangeView> reject(String company, String currency, long changeId, String comment, String actor) {
        return companies.resolve(company, "company").chain(co -> lock(co, currency, changeId).chain(c -> {
            PolicyChangeState to = c.proposedBy.equals(actor)
                    ? PolicyChangeState.WITHDRAWN
                    : PolicyChangeState.REJECTED;
            PolicyChangeStateMachine.require(c.id, c.state(), to);
            return decide(c, to, comment, actor)
                    .chain(() -> audit.record(actor, "payment-policy." + to.code(), "payment_policy",
                            subject(co, currency), comment,
                            Map.of("changeId", c.id)))
                    .replaceWith(c);
        }).map(c -> ChangeView.of(c, co.code)));
    }

    private Uni<PaymentPolicyChange> lock(Company company, String currency, long changeId) {
        return policies.lock(company.id, currency, changeId).onItem().ifNull().failWith(() -> ApiException.notFound(
                "No change " + changeId + " of the " + currency + " payment policy of company " + company.code));
    }

    /** The audit subject of a policy: company code and currency ({@code acme-cn/CNY}). */
    private static String subject(Company company, String currency) {
        return company.code + "/" + currency;
    }

    private Uni<PaymentPolicyChange> decide(PaymentPolicyChange c, PolicyChangeState to, String comment, String actor) {
        c.state = to.code();
        c.decidedBy = actor;
        c.decidedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        c.decisionComment = comment;
        return policies.persist(c);
    }

    private static Map<String, Object> details(PaymentPolicyChange c, Company company, PaymentPolicy before) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("changeId", c.id);
        d.put("company", company.code);
        d.put("proposedBy", c.proposedBy);
        d.put("before", before);
        d.put("after", c.policy(company.code));
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
