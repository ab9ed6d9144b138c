package io.walletrecon.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends to the audit trail inside the caller's transaction, so a change and its audit row commit or roll
 * back together. A transaction-scoped advisory lock serialises appends so that the hash chain has no forks.
 */
@ApplicationScoped
public class AuditLog {

    /** Advisory lock key owned by the audit chain ("audit" in ASCII). */
    static final long CHAIN_LOCK = 0x6175646974L;

    private final AuditEntryRepository entries;
    private final ObjectMapper json;

    public AuditLog(AuditEntryRepository entries, ObjectMapper json) {
        this.entries = entries;
        this.json = json;
    }

    /**
     * Records that {@code actor} did {@code action} to {@code entityType}/{@code entityId} for {@code reason};
     * {@code details} (any JSON-serialisable value, may be null) says what changed. Must run in a transaction.
     */
    public Uni<AuditEntry> record(String actor, String action, String entityType, Object entityId, String reason, Object details) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select cast(pg_advisory_xact_lock(" + CHAIN_LOCK + ") as text)", String.class)
                .getSingleResult()
                .chain(ignored -> session.createNativeQuery("select hash from audit_log order by id desc limit 1", String.class)
                        .getResultList())
                .chain(last -> {
                    AuditEntry e = new AuditEntry();
                    e.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    e.actor = actor;
                    e.action = action;
                    e.entityType = entityType;
                    e.entityId = entityId == null ? null : entityId.toString();
                    e.reason = reason;
                    e.details = toJson(details);
                    e.prevHash = last.isEmpty() ? AuditChain.GENESIS : last.get(0);
                    e.hash = AuditChain.hashOf(e);
                    return entries.persist(e);
                }));
    }

    private String toJson(Object details) {
        if (details == null) {
            return null;
        }
        if (details instanceof String s) {
            return s;
        }
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not serialisable", e);
        }
    }
}
