package io.walletrecon.customers;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A customer of the company (客户档案). Phone and e-mail are AES-GCM ciphertext bound to the row id. */
@Entity
@Table(name = "customers")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /**
     * The company whose customer this is; fixed once created (its receivables and payer identities are the company's
     * too).
     */
    @Column(name = "company_id")
    public long companyId;

    /** The company's own customer number (ERP); unique within the company. */
    @Column(name = "external_id", columnDefinition = "text")
    public String externalId;

    @Column(columnDefinition = "text")
    public String name;

    @Column(name = "contact_name", columnDefinition = "text")
    public String contactName;

    @Column(name = "phone_ciphertext")
    public byte[] phoneCiphertext;

    @Column(name = "email_ciphertext")
    public byte[] emailCiphertext;

    @Column(name = "risk_rating", columnDefinition = "text")
    public String riskRating;

    @Column(columnDefinition = "text")
    public String notes;

    @Column(name = "collection_code", columnDefinition = "text")
    public String collectionCode;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<PayerIdentity> identities = new ArrayList<>();
}
