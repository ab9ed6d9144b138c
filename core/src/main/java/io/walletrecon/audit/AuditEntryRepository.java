package io.walletrecon.audit;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class AuditEntryRepository implements PanacheRepository<AuditEntry> {

    /** The newest row of the chain and how many rows it has; null when it is empty. */
    record Head(long rowId, String hash, long rows) {
    }

    /** Advisory lock key owned by the audit chain ("audit" in ASCII). */
    static final long CHAIN_LOCK = 0x6175646974L;
    private static final String LOCK_CHAIN = "select cast(pg_advisory_xact_lock(?1) as text)";
    private static final String LAST_HASH = "select hash from audit_log order by id desc limit 1";
    private static final String AFTER = "id > ?1";
    private static final String OF_ENTITY = "entityType = ?1 and entityId = ?2";
    private static final String HEAD = """
            select h.id, h.hash, (select count(*) from audit_log) from (select id, hash from audit_log order by id desc limit 1) h""";

    /**
     * Takes the chain's lock, held until the transaction ends, after flushing the session's pending changes (so their
     * row locks are never waited for while holding it); then reads the hash the next entry chains to.
     */
    Uni<String> lockChainAndReadLastHash() {
        return getSession().chain(session -> session.flush()
                .chain(() -> session.createNativeQuery(LOCK_CHAIN, String.class).setParameter(1, CHAIN_LOCK)
                        .getSingleResult())
                .chain(ignored -> session.createNativeQuery(LAST_HASH, String.class).getResultList())
                .map(last -> last.isEmpty() ? AuditChain.GENESIS : last.get(0)));
    }

    /** Up to {@code size} entries after {@code afterId}, in chain order. */
    Uni<List<AuditEntry>> after(long afterId, int size) {
        return find(AFTER, Sort.by("id"), afterId).page(Page.ofSize(size)).list();
    }

    /** The history of one record, oldest first. */
    Uni<List<AuditEntry>> of(String entityType, String entityId) {
        return list(OF_ENTITY, Sort.by("id"), entityType, entityId);
    }

    Uni<Head> head() {
        return getSession().chain(s -> s.createNativeQuery(HEAD, Object[].class).getResultList())
                .map(rows -> rows.isEmpty()
                        ? null
                        : new Head(((Number) rows.get(0)[0]).longValue(), (String) rows.get(0)[1],
                                ((Number) rows.get(0)[2]).longValue()));
    }
}
