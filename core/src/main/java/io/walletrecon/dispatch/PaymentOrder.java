package io.walletrecon.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;

/** One payment the company makes: what was requested, where it stands, and what the provider processed. */
@Entity
@Table(name = "payment_orders")
public class PaymentOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** refund, payout, supplier_payment */
    @Column(columnDefinition = "text")
    public String type;

    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "beneficiary_id")
    public Long beneficiaryId;

    /** The beneficiary's name as this order gives it (the beneficiaries row keeps the name first used). */
    @Column(name = "beneficiary_name", columnDefinition = "text")
    public String beneficiaryName;

    /** The BIC, or for a bank in China the CNAPS code (联行号), this order gives for a bank account, if any. */
    @Column(name = "beneficiary_bank_code", columnDefinition = "text")
    public String beneficiaryBankCode;

    /** The name the account is held in (户名) as this order gives it, encrypted ({@link Beneficiaries}); or null. */
    @Column(name = "beneficiary_account_name", columnDefinition = "bytea")
    public byte[] beneficiaryAccountName;

    /** Sent as the provider's Idempotency-Key on every send of this order; chosen at creation, never changed. */
    @Column(name = "idempotency_key", columnDefinition = "text")
    public String idempotencyKey;

    @Column(name = "amount_minor")
    public long amountMinor;

    @Column(columnDefinition = "text")
    public String currency;

    @Column(columnDefinition = "text")
    public String reference;

    @Column(name = "refund_of", columnDefinition = "text")
    public String refundOf;

    @Column(name = "execute_on")
    public LocalDate executeOn;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(columnDefinition = "text")
    public String recurrence;

    @Column(name = "series_id")
    public Long seriesId;

    @Column(columnDefinition = "text")
    public String state;

    @Column(name = "hold_reason", columnDefinition = "text")
    public String holdReason;

    @Column(name = "approvals_required")
    public int approvalsRequired;

    @Column(name = "risk_cleared")
    public boolean riskCleared;

    /** stripe or bank_file: which adapter sends it. */
    @Column(columnDefinition = "text")
    public String channel;

    @Column(name = "provider_payment_id", columnDefinition = "text")
    public String providerPaymentId;

    @Column(name = "processed_minor")
    public Long processedMinor;

    @Column(name = "failure_reason", columnDefinition = "text")
    public String failureReason;

    @Column(name = "created_by", columnDefinition = "text")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public PaymentState state() {
        return PaymentState.of(state);
    }
}
