package io.walletrecon.audit;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Reads and verifies the audit trail. */
@ApplicationScoped
public class AuditService {

    private static final int BATCH = 1000;

    private final AuditEntryRepository entries;

    public AuditService(AuditEntryRepository entries) {
        this.entries = entries;
    }

    /** Walks the whole chain in id order, in batches, recomputing every hash and link. */
    @WithSession
    public Uni<AuditVerification> verify() {
        return verifyFrom(0L, AuditChain.GENESIS, 0L);
    }

    private Uni<AuditVerification> verifyFrom(long afterId, String expectedPrev, long checked) {
        return entries.find("id > ?1", Sort.by("id"), afterId).page(Page.ofSize(BATCH)).list().chain(batch -> {
            String prev = expectedPrev;
            long count = checked;
            for (AuditEntry e : batch) {
                if (!prev.equals(e.prevHash)) {
                    return Uni.createFrom().item(new AuditVerification(false, count, e.id,
                            "row " + e.id + " does not link to the row before it (a row was deleted, inserted or edited)"));
                }
                if (!AuditChain.hashOf(e).equals(e.hash)) {
                    return Uni.createFrom().item(new AuditVerification(false, count, e.id,
                            "row " + e.id + " does not match its hash (its content was edited)"));
                }
                prev = e.hash;
                count++;
            }
            if (batch.size() < BATCH) {
                return Uni.createFrom().item(new AuditVerification(true, count, null, null));
            }
            return verifyFrom(batch.get(batch.size() - 1).id, prev, count);
        });
    }

    @WithSession
    public Uni<List<AuditEntry>> history(String entityType, String entityId) {
        return entries.list("entityType = ?1 and entityId = ?2", Sort.by("id"), entityType, entityId);
    }
}
