package io.walletrecon.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One admin's proposal to change a company's payment policy of a currency, and the second admin's decision on it. */
@Entity
@Table(name = "payment_policy_changes")
public class PaymentPolicyChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "company_id")
    public long companyId;

    @Column(columnDefinition = "text")
    public String currency;

    @Column(name = "auto_limit_minor")
    public long autoLimitMinor;

    @Column(name = "dual_limit_minor")
    public long dualLimitMinor;

    @Column(name = "beneficiary_daily_amount_minor")
    public Long beneficiaryDailyAmountMinor;

    @Column(name = "beneficiary_daily_count")
    public Integer beneficiaryDailyCount;

    @Column(name = "large_amount_minor")
    public Long largeAmountMinor;

    @Column(columnDefinition = "text")
    public String state;

    @Column(columnDefinition = "text")
    public String reason;

    @Column(name = "proposed_by", columnDefinition = "text")
    public String proposedBy;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    @Column(name = "decided_by", columnDefinition = "text")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_comment", columnDefinition = "text")
    public String decisionComment;

    public PolicyChangeState state() {
        return PolicyChangeState.of(state);
    }

    /** The policy this change puts in force; {@code company} is the code of {@link #companyId}. */
    public PaymentPolicy policy(String company) {
        return new PaymentPolicy(company, currency, autoLimitMinor, dualLimitMinor, beneficiaryDailyAmountMinor,
                beneficiaryDailyCount, largeAmountMinor);
    }
}
