package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Raises alerts: a row in {@code alerts} and, when an outgoing webhook is configured, a pending delivery that
 * {@link AlertDeliveryService} sends. Always inside the caller's transaction, so an alert exists exactly when
 * the change that raised it committed.
 */
@ApplicationScoped
public class AlertService {

    private static final Logger LOG = Logger.getLogger(AlertService.class);

    static final String INSERT = """
            with a as (insert into alerts (kind, payment_id, message) select * from unnest($1::text[], $2::bigint[], $3::text[]) returning id)
            insert into alert_deliveries (alert_id, webhook_id, status) select id, 'walletrecon-alert-' || id, 'pending' from a where $4
            """;

    private final DispatchConfig config;

    public AlertService(DispatchConfig config) {
        this.config = config;
    }

    public record NewAlert(String kind, Long paymentId, String message) {
    }

    /** In a Hibernate Reactive transaction (the person-driven flows). */
    public Uni<Void> raise(String kind, Long paymentId, String message) {
        LOG.infof("alert %s payment %s: %s", kind, paymentId, message);
        return SessionSql.update("""
                with a as (insert into alerts (kind, payment_id, message) values (?1, ?2, ?3) returning id)
                insert into alert_deliveries (alert_id, webhook_id, status) select id, 'walletrecon-alert-' || id, 'pending' from a where ?4
                """, kind, paymentId, message, deliver()).replaceWithVoid();
    }

    /** In a dispatcher's SQL-client transaction, all alerts of a batch in one statement. */
    public Uni<Void> raise(SqlConnection conn, List<NewAlert> alerts) {
        if (alerts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        alerts.forEach(a -> LOG.infof("alert %s payment %s: %s", a.kind(), a.paymentId(), a.message()));
        return conn.preparedQuery(INSERT).execute(Tuple.of(
                alerts.stream().map(NewAlert::kind).toArray(String[]::new),
                alerts.stream().map(NewAlert::paymentId).toArray(Long[]::new),
                alerts.stream().map(NewAlert::message).toArray(String[]::new),
                deliver())).replaceWithVoid();
    }

    private boolean deliver() {
        return config.alerts().webhookUrl().filter(u -> !u.isBlank()).isPresent();
    }
}
