package io.walletrecon.companies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A company: the legal entity that holds accounts, has customers and receivables, pays beneficiaries and sets payment
 * policies. A group runs several in one deployment; nothing is matched, locked, checked or reported across two.
 */
@Entity
@Table(name = "companies")
public class Company {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Fixed once created: requests, views and reports name the company by it. */
    @Column(columnDefinition = "text")
    public String code;

    @Column(columnDefinition = "text")
    public String name;

    @Column(name = "legal_name", columnDefinition = "text")
    public String legalName;

    /** ISO 3166-1 alpha-2; null only for the company the migration created until an admin sets it. */
    @Column(columnDefinition = "text")
    public String country;

    /** The time zone of an account created without one. */
    @Column(name = "time_zone", columnDefinition = "text")
    public String timeZone;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
