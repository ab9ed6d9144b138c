package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Alerts and their deliveries to the outgoing webhook: raised in the transaction of the change that raised them (a
 * person's, in the Hibernate session; the dispatcher's, on its SQL-client connection), claimed and finished by the
 * delivery runner on the pool.
 */
@ApplicationScoped
public class AlertRepository extends SessionSqlRepository {

    /** One alert, and its pending delivery when {@code ?4} (a webhook is configured). */
    static final String RAISE = """
            with a as (insert into alerts (kind, payment_id, message) values (?1, ?2, ?3) returning id)
            insert into alert_deliveries (alert_id, webhook_id, status) select id, 'walletrecon-alert-' || id, ?5 from a where ?4
            """;

    /** A batch of alerts (kinds, payment ids, messages as arrays), with their pending deliveries when {@code $4}. */
    static final String RAISE_MANY = """
            with a as (insert into alerts (kind, payment_id, message) select * from unnest($1::text[], $2::bigint[], $3::text[]) returning id)
            insert into alert_deliveries (alert_id, webhook_id, status) select id, 'walletrecon-alert-' || id, $5 from a where $4
            """;

    /** A bank file's alert; bank files have no delivery. */
    static final String RAISE_FOR_FILE = "insert into alerts (kind, bank_file_id, message) values ($1, $2, $3)";

    /**
     * Due deliveries with their alerts, leased for a minute (next attempt pushed ahead) so that two runners never send
     * the same one.
     */
    static final String CLAIM_DUE = """
            update alert_deliveries d set next_attempt_at = now() + interval '1 minute', attempts = d.attempts + 1
            from (select alert_id from alert_deliveries where status = $1 and next_attempt_at <= now()
                  order by next_attempt_at limit $2 for update skip locked) s, alerts a
            where d.alert_id = s.alert_id and a.id = d.alert_id
            returning d.alert_id, d.webhook_id, d.attempts, a.kind, a.payment_id, a.bank_file_id, a.message, a.created_at""";

    static final String FINISH = """
            update alert_deliveries set status = $2, last_status = $3, last_error = $4,
                delivered_at = case when $2 = $6 then now() end,
                next_attempt_at = now() + $5 * interval '1 millisecond' where alert_id = $1""";

    static final int CLAIM_BATCH = 100;

    private final Pool pool;

    public AlertRepository(Pool pool) {
        this.pool = pool;
    }

    /** In the caller's Hibernate Reactive transaction. */
    Uni<Void> raise(AlertService.NewAlert alert, boolean deliver) {
        return nativeUpdate(RAISE, alert.kind(), alert.paymentId(), alert.message(), deliver,
                AlertDeliveryStatus.PENDING.code()).replaceWithVoid();
    }

    /** In a dispatcher's SQL-client transaction, all alerts of a batch in one statement. */
    Uni<Void> raise(DispatchRepository.Tx tx, List<AlertService.NewAlert> alerts, boolean deliver) {
        return tx.conn().preparedQuery(RAISE_MANY).execute(Tuple.of(
                alerts.stream().map(AlertService.NewAlert::kind).toArray(String[]::new),
                alerts.stream().map(AlertService.NewAlert::paymentId).toArray(Long[]::new),
                alerts.stream().map(AlertService.NewAlert::message).toArray(String[]::new),
                deliver, AlertDeliveryStatus.PENDING.code())).replaceWithVoid();
    }

    Uni<Void> raiseForFile(DispatchRepository.Tx tx, String kind, long bankFileId, String message) {
        return tx.conn().preparedQuery(RAISE_FOR_FILE).execute(Tuple.of(kind, bankFileId, message)).replaceWithVoid();
    }

    /** Up to {@link #CLAIM_BATCH} due deliveries, claimed in a transaction of their own. */
    Uni<List<Row>> claimDue() {
        return pool
                .withTransaction(conn -> conn.preparedQuery(CLAIM_DUE)
                        .execute(Tuple.of(AlertDeliveryStatus.PENDING.code(), CLAIM_BATCH)))
                .map(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return list;
                });
    }

    /** What an attempt came to: the webhook's HTTP status (null without an answer), the error, when to try next. */
    Uni<Void> finish(long alertId, AlertDeliveryStatus outcome, Integer httpStatus, String error, long nextInMs) {
        return pool.preparedQuery(FINISH)
                .execute(Tuple.of(alertId, outcome.code(), httpStatus, error, nextInMs,
                        AlertDeliveryStatus.DELIVERED.code()))
                .replaceWithVoid();
    }
}
