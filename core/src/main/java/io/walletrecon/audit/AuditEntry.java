package io.walletrecon.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One row of the append-only audit trail: who did what to which record, when and why. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(columnDefinition = "text")
    public String actor;

    @Column(columnDefinition = "text")
    public String action;

    @Column(name = "entity_type", columnDefinition = "text")
    public String entityType;

    @Column(name = "entity_id", columnDefinition = "text")
    public String entityId;

    @Column(columnDefinition = "text")
    public String reason;

    /** Free-form JSON of what changed, stored as text so that its bytes (and so its hash) never change. */
    @Column(columnDefinition = "text")
    public String details;

    @Column(name = "prev_hash", columnDefinition = "text")
    public String prevHash;

    @Column(columnDefinition = "text")
    public String hash;

    /** {@link AuditChain#KEYED} for every row written now; {@link AuditChain#UNKEYED} for rows from before. */
    @Column(name = "hash_version")
    public short hashVersion;
}
