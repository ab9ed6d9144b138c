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

    @Column(name = "provider_txn_id")
    public String providerTxnId;

    /** payment, refund, payout, fee, adjustment */
    public String kind;

    /** in or out */
    public String direction;

    @Column(name = "amount_minor")
    public long amountMinor;

    @Column(name = "fee_minor")
    public Long feeMinor;

    @Column(name = "refunded_minor")
    public long refundedMinor;

    public String currency;

    /** pending, succeeded, failed, refunded, partially_refunded */
    public String status;

    @Column(name = "payer_kind")
    public String payerKind;

    @Column(name = "payer_identity")
    public String payerIdentity;

    @Column(name = "merchant_reference")
    public String merchantReference;

    public String description;

    @Column(name = "payout_id")
    public String payoutId;

    /** For a refund row: the provider transaction id of the payment it refunds. */
    @Column(name = "parent_txn_id")
    public String parentTxnId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "value_date")
    public LocalDate valueDate;

    @Column(name = "customer_id")
    public Long customerId;

    /** webhook, bill, manual */
    public String source;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
