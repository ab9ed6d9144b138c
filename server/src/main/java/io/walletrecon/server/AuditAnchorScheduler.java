package io.walletrecon.server;

import io.quarkus.scheduler.Scheduled;
import io.walletrecon.audit.AuditAnchors;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Anchors the audit chain's head every {@code walletrecon.audit.anchor-every} (5 minutes) on the server; the
 * {@code audit-anchor} function does it on a schedule in the cloud. Rows deleted from the end of the chain after an
 * anchor are reported by GET /admin/audit/verify.
 */
@ApplicationScoped
public class AuditAnchorScheduler {

    private final AuditAnchors anchors;

    public AuditAnchorScheduler(AuditAnchors anchors) {
        this.anchors = anchors;
    }

    @Scheduled(identity = "audit-anchor", every = "${walletrecon.audit.anchor-every:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void anchor() {
        anchors.anchor();
    }
}
