package io.walletrecon.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.walletrecon.security.KeyService;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends to the audit trail inside the caller's transaction, so a change and its audit row commit or roll
 * back together. A transaction-scoped advisory lock serialises appends so that the hash chain has no forks; it is
 * held from the first append until the transaction ends, so <b>an append is the last thing its transaction
 * does</b> (see CONTRIBUTING.md, "Money-safety rules": the chain's lock comes last in every lock order). The
 * caller's pending entity changes are flushed before the lock is taken, so their row locks are never waited for
 * while holding it.
 */
@ApplicationScoped
public class AuditLog {

    private final AuditEntryRepository entries;
    private final ObjectMapper json;
    private final KeyService keys;

    public AuditLog(AuditEntryRepository entries, ObjectMapper json, KeyService keys) {
        this.entries = entries;
        this.json = json;
        this.keys = keys;
    }

    /**
     * Records that {@code actor} did {@code action} to {@code entityType}/{@code entityId} for {@code reason};
     * {@code details} (any JSON-serialisable value, may be null) says what changed. Must run in a transaction, as
     * its last statement(s).
     */
    public Uni<AuditEntry> record(String actor, String action, String entityType, Object entityId, String reason,
            Object details) {
        return entries.lockChainAndReadLastHash()
                .chain(previousHash -> entries
                        .persist(chained(previousHash, actor, action, entityType, entityId, reason, details)));
    }

    private AuditEntry chained(String previousHash, String actor, String action, String entityType, Object entityId,
            String reason,
            Object details) {
        AuditEntry e = new AuditEntry();
        e.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        e.actor = actor;
        e.action = action;
        e.entityType = entityType;
        e.entityId = entityId == null ? null : entityId.toString();
        e.reason = reason;
        e.details = toJson(details);
        e.prevHash = previousHash;
        e.hashVersion = AuditChain.KEYED;
        e.hash = AuditChain.hashOf(e, keys);
        return e;
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
