package io.walletrecon.audit;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AuditEntryRepository implements PanacheRepository<AuditEntry> {

    /** The newest row of the chain and how many rows it has; null when it is empty. */
    record Head(long rowId, String hash, long rows) {
    }

    private static final String HEAD = """
            select h.id, h.hash, (select count(*) from audit_log) from (select id, hash from audit_log order by id desc limit 1) h""";

    Uni<Head> head() {
        return getSession().chain(s -> s.createNativeQuery(HEAD, Object[].class).getResultList())
                .map(rows -> rows.isEmpty() ? null : new Head(((Number) rows.get(0)[0]).longValue(), (String) rows.get(0)[1],
                        ((Number) rows.get(0)[2]).longValue()));
    }
}
