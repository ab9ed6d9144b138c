package io.walletrecon.ops;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads the counts of {@link DatabaseStatus} in one round of queries. */
@ApplicationScoped
public class DatabaseStatusService {

    @WithSession
    public Uni<DatabaseStatus> status() {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select (select count(*) from accounts), (select count(*) from transactions), "
                                + "(select count(*) from webhook_events where state <> 'processed'), "
                                + "(select max(version) from flyway_schema_history where success)", Object[].class)
                .getSingleResult()
                .map(row -> new DatabaseStatus(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(), (String) row[3])));
    }
}
