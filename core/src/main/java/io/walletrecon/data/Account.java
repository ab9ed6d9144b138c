package io.walletrecon.data;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.ZoneId;

/** A company wallet or bank account. Its provider credentials are only ever stored encrypted. */
@Entity
@Table(name = "accounts")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(columnDefinition = "text")
    public String code;

    /** The company that holds the account; fixed once created. */
    @Column(name = "company_id")
    public long companyId;

    @Column(columnDefinition = "text")
    public Provider provider;

    @Column(columnDefinition = "text")
    public String name;

    @Column(columnDefinition = "text")
    public String currency;

    @Column(name = "time_zone", columnDefinition = "text")
    public String timeZone;

    /** IBAN or bank account number its statements name (normalised by {@code AccountNumbers}); null if not given. */
    @Column(name = "account_number", columnDefinition = "text")
    public String accountNumber;

    @Column(name = "credentials_ciphertext")
    public byte[] credentialsCiphertext;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
