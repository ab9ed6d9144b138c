package io.walletrecon.audit;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
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

    /** Where the walk is: the hash the next row must link to, rows checked, and what was seen of the anchored row. */
    private record Walk(String expectedPrev, long checked, boolean keyedSeen, AuditAnchor anchor, String anchoredRowHash) {
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
            return new AuditVerification(false, 0, null, "the latest anchor of the chain's head cannot be trusted: " + e.getMessage(),
                    null, null);
        }
        return ReactiveBridge.await(() -> Panache.withSession(() -> walk(0L, new Walk(AuditChain.GENESIS, 0, false, anchor, null))));
    }

    private Uni<AuditVerification> walk(long afterId, Walk walk) {
        return entries.find("id > ?1", Sort.by("id"), afterId).page(Page.ofSize(BATCH)).list().chain(batch -> {
            String prev = walk.expectedPrev();
            long count = walk.checked();
            boolean keyedSeen = walk.keyedSeen();
            String anchoredRowHash = walk.anchoredRowHash();
            AuditAnchor anchor = walk.anchor();
            for (AuditEntry e : batch) {
                if (!prev.equals(e.prevHash)) {
                    return broken(count, e.id, "row " + e.id + " does not link to the row before it (a row was deleted, inserted or edited)", anchor);
                }
                if (e.hashVersion == AuditChain.UNKEYED && keyedSeen) {
                    return broken(count, e.id, "row " + e.id + " is not keyed but follows keyed rows (it was written or rewritten "
                            + "without the key)", anchor);
                }
                String expected = AuditChain.hashOf(e, keys);
                if (expected == null || !expected.equals(e.hash)) {
                    return broken(count, e.id, "row " + e.id + " does not match its hash (its content was edited)", anchor);
                }
                keyedSeen |= e.hashVersion == AuditChain.KEYED;
                if (anchor != null && e.id == anchor.rowId()) {
                    anchoredRowHash = e.hash;
                }
                prev = e.hash;
                count++;
            }
            Walk next = new Walk(prev, count, keyedSeen, anchor, anchoredRowHash);
            if (batch.size() < BATCH) {
                return Uni.createFrom().item(finish(next));
            }
            return walk(batch.get(batch.size() - 1).id, next);
        });
    }

    private static AuditVerification finish(Walk walk) {
        AuditAnchor anchor = walk.anchor();
        if (anchor == null) {
            return new AuditVerification(true, walk.checked(), null, null, null, null);
        }
        if (walk.anchoredRowHash() == null) {
            return new AuditVerification(false, walk.checked(), anchor.rowId(), "the chain was truncated: row " + anchor.rowId()
                    + ", its head when anchored at " + anchor.anchoredAt() + ", is missing (" + walk.checked() + " rows now, "
                    + anchor.rows() + " then)", anchor.rowId(), anchor.anchoredAt());
        }
        if (!walk.anchoredRowHash().equals(anchor.hash())) {
            return new AuditVerification(false, walk.checked(), anchor.rowId(), "the chain was rewritten: row " + anchor.rowId()
                    + " does not carry the hash anchored at " + anchor.anchoredAt(), anchor.rowId(), anchor.anchoredAt());
        }
        return new AuditVerification(true, walk.checked(), null, null, anchor.rowId(), anchor.anchoredAt());
    }

    private static Uni<AuditVerification> broken(long checked, long id, String problem, AuditAnchor anchor) {
        return Uni.createFrom().item(new AuditVerification(false, checked, id, problem, anchor == null ? null : anchor.rowId(),
                anchor == null ? null : anchor.anchoredAt()));
    }

    @WithSession
    public Uni<List<AuditEntry>> history(String entityType, String entityId) {
        return entries.list("entityType = ?1 and entityId = ?2", Sort.by("id"), entityType, entityId);
    }
}
