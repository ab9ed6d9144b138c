package io.walletrecon.ops;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.walletrecon.intake.WebhookEventState;
import jakarta.enterprise.context.ApplicationScoped;

/** The counts an operator checks first, in one statement; must run in a session. */
@ApplicationScoped
public class DatabaseStatusRepository {

    private static final String STATUS = "select (select count(*) from accounts), (select count(*) from transactions), "
            + "(select count(*) from webhook_events where state <> ?1), "
            + "(select max(version) from flyway_schema_history where success)";

    public Uni<DatabaseStatus> status() {
        return Panache.getSession().chain(s -> s.createNativeQuery(STATUS, Object[].class)
                .setParameter(1, WebhookEventState.PROCESSED.code())
                .getSingleResult()
                .map(row -> new DatabaseStatus(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(), (String) row[3])));
    }
}
