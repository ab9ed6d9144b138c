package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditLog;

import java.util.ArrayList;
import java.util.List;

/**
 * The audit rows a use case collects while it writes, recorded together as the last writes of its transaction: the
 * audit chain's lock comes last in every lock order, so nothing is written (and no row lock is waited for) while it
 * is held.
 */
final class PendingAudit {

    private record Entry(String actor, String action, String entityType, Object entityId, String reason,
            Object details) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** What {@link AuditLog#record} will be called with, in the order added. */
    void add(String actor, String action, String entityType, Object entityId, String reason, Object details) {
        entries.add(new Entry(actor, action, entityType, entityId, reason, details));
    }

    /** Records every collected row, in order; call it after the use case's last write. */
    Uni<Void> recordAll(AuditLog audit) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Entry e : entries) {
            chain = chain.chain(
                    () -> audit.record(e.actor(), e.action(), e.entityType(), e.entityId(), e.reason(), e.details())
                            .replaceWithVoid());
        }
        return chain;
    }
}
