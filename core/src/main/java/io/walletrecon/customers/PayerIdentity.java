package io.walletrecon.customers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** How a customer shows up as a payer. See {@link PayerIdentities} for how identity_key is derived. */
@Entity
@Table(name = "payer_identities")
public class PayerIdentity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "customer_id")
    public Customer customer;

    /**
     * Always the customer's company: an identity is unique per company (one payer may buy from two companies of a
     * group).
     */
    @Column(name = "company_id")
    public long companyId;

    @Column(columnDefinition = "text")
    public String kind;

    @Column(name = "identity_key", columnDefinition = "text")
    public String identityKey;

    @Column(name = "value_ciphertext")
    public byte[] valueCiphertext;

    @Column(columnDefinition = "text")
    public String masked;

    @Column(name = "bank_code", columnDefinition = "text")
    public String bankCode;

    /** The account holder's name as the bank wrote it, for an identity learned from a bank line. */
    @Column(name = "holder_name", columnDefinition = "text")
    public String holderName;

    /** The unidentified receipt whose claim taught us this identity; null for one a person entered. */
    @Column(name = "learned_from_exception_id")
    public Long learnedFromExceptionId;

    @Column(name = "created_at")
    public Instant createdAt;
}
