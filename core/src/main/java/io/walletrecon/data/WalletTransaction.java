package io.walletrecon.data;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The canonical wallet transaction: one payment, refund or payout as the provider reports it, in minor units.
 * {@code valueDate} is the business date in the account's time zone.
 */
@Entity
@Table(name = "transactions")
public class WalletTransaction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "provider_txn_id", columnDefinition = "text")
    public String providerTxnId;

    /** payment, refund, payout, fee, adjustment */
    @Column(columnDefinition = "text")
    public String kind;

    /** in or out */
    @Column(columnDefinition = "text")
    public String direction;

    @Column(name = "amount_minor")
    public long amountMinor;

    @Column(name = "fee_minor")
    public Long feeMinor;

    @Column(name = "refunded_minor")
    public long refundedMinor;

    @Column(columnDefinition = "text")
    public String currency;

    /** pending, succeeded, failed, refunded, partially_refunded */
    @Column(columnDefinition = "text")
    public String status;

    @Column(name = "payer_kind", columnDefinition = "text")
    public String payerKind;

    @Column(name = "payer_identity", columnDefinition = "text")
    public String payerIdentity;

    @Column(name = "merchant_reference", columnDefinition = "text")
    public String merchantReference;

    @Column(columnDefinition = "text")
    public String description;

    @Column(name = "payout_id", columnDefinition = "text")
    public String payoutId;

    /** For a refund row: the provider transaction id of the payment it refunds. */
    @Column(name = "parent_txn_id", columnDefinition = "text")
    public String parentTxnId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "value_date")
    public LocalDate valueDate;

    @Column(name = "customer_id")
    public Long customerId;

    /** webhook, bill, manual */
    @Column(columnDefinition = "text")
    public String source;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
