package io.walletrecon.receivables;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;

/** A payment the company expects: who owes how much of which currency, by when. */
@Entity
@Table(name = "receivables")
public class Receivable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Always its customer's company (the schema holds it to that with a composite foreign key). */
    @Column(name = "company_id")
    public long companyId;

    @Column(name = "customer_id")
    public long customerId;

    @Column(columnDefinition = "text")
    public String reference;

    @Column(name = "amount_minor")
    public long amountMinor;

    @Column(name = "paid_minor")
    public long paidMinor;

    @Column(columnDefinition = "text")
    public String currency;

    @Column(name = "issue_date")
    public LocalDate issueDate;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "collection_code", columnDefinition = "text")
    public String collectionCode;

    @Column(columnDefinition = "text")
    public String status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
