package io.walletrecon.audit;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.security.KeyService;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/** Reads and verifies the audit trail. */
@ApplicationScoped
public class AuditService {

    private static final Logger LOG = Logger.getLogger(AuditService.class);
    private static final int BATCH = 1000;

    private final AuditEntryRepository entries;
    private final AuditAnchors anchors;
    private final KeyService keys;

    public AuditService(AuditEntryRepository entries, AuditAnchors anchors, KeyService keys) {
        this.entries = entries;
        this.anchors = anchors;
        this.keys = keys;
    }

    /**
     * Walks the whole chain in id order, in batches, recomputing every hash and link, then checks that the row of
     * the latest anchor is there with the anchored hash: an edited, inserted, deleted or rewritten row, or rows
     * deleted from the end, make it report {@code intact: false} with the first broken row and what happened.
     * Blocking (it reads the anchor store): call it from a worker thread.
     */
    public AuditVerification verify() {
        AuditAnchor anchor;
        try {
            anchor = anchors.latest().orElse(null);
        } catch (IllegalStateException e) {
            LOG.error("audit verification: " + e.getMessage(), e);
            return new AuditVerification(false, 0, null,
                    "the latest anchor of the chain's head cannot be trusted: " + e.getMessage(),
                    null, null);
        }
        return ReactiveBridge.await(() -> Panache.withSession(() -> walk(0L, AuditChainWalk.start(anchor))));
    }

    private Uni<AuditVerification> walk(long afterId, AuditChainWalk walk) {
        return entries.after(afterId, BATCH).chain(batch -> {
            AuditChainWalk.Step step = walk.check(batch, keys);
            if (step.broken() != null) {
                return Uni.createFrom().item(step.broken());
            }
            return batch.size() < BATCH
                    ? Uni.createFrom().item(step.next().finish())
                    : walk(batch.get(batch.size() - 1).id, step.next());
        });
    }

    @WithSession
    public Uni<List<AuditEntry>> history(String entityType, String entityId) {
        return entries.of(entityType, entityId);
    }
}
