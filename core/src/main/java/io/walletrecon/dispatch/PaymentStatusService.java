package io.walletrecon.dispatch;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.walletrecon.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Final status of submitted payments, from whichever side learns it first: the provider's callback (through
 * the webhook intake) or polling for providers without one. Both end in {@link #apply}, one state machine.
 * Repeated and out-of-order reports are harmless: the same outcome twice changes nothing, a report the state
 * machine does not allow (completed after failed) is ignored and logged.
 */
@ApplicationScoped
public class PaymentStatusService {

    private static final Logger LOG = Logger.getLogger(PaymentStatusService.class);

    private final PaymentOrderRepository orders;
    private final PaymentProvider provider;
    private final AlertService alerts;
    private final Pool pool;
    private final DispatchConfig config;

    public PaymentStatusService(PaymentOrderRepository orders, PaymentProvider provider, AlertService alerts, Pool pool, DispatchConfig config) {
        this.orders = orders;
        this.provider = provider;
        this.alerts = alerts;
        this.pool = pool;
        this.config = config;
    }

    /** What a status report did to the order. {@code applied} is false for a repeat or a disallowed move. */
    @RegisterForReflection
    public record StatusChange(long paymentId, String from, String to, boolean applied) {
    }

    /**
     * For the webhook intake: a provider event about a payment we sent, found by the provider's object id
     * (Stripe {@code po_...}/{@code re_...}). Runs in its own transaction (or joins the caller's).
     * Returns null when no order has that provider id (an event about a payment made elsewhere).
     */
    @WithTransaction
    public Uni<StatusChange> onProviderEvent(String providerPaymentId, ProviderOutcome outcome, String detail) {
        return orders.findByProviderPaymentId(providerPaymentId)
                .chain(o -> o == null ? Uni.createFrom().nullItem() : apply(o, outcome, detail, "provider"));
    }

    /** Same, by our payment id (Stripe {@code metadata[payment_id]}, pain.002 EndToEndId). */
    @WithTransaction
    public Uni<StatusChange> onProviderEvent(long paymentId, ProviderOutcome outcome, String detail) {
        return orders.lock(paymentId).chain(o -> apply(o, outcome, detail, "provider"));
    }

    private Uni<StatusChange> apply(PaymentOrder o, ProviderOutcome outcome, String detail, String actor) {
        PaymentState from = o.state();
        // A payout reported failed after it was paid has come back from the beneficiary's bank.
        PaymentState to = outcome == ProviderOutcome.FAILED && from == PaymentState.COMPLETED ? PaymentState.RETURNED : outcome.state();
        if (from == to) {
            return Uni.createFrom().item(new StatusChange(o.id, from.code(), to.code(), false));
        }
        if (!PaymentStateMachine.allows(from, to)) {
            LOG.warnf("payment %d is %s; ignoring provider report %s (%s)", o.id, from.code(), to.code(), detail);
            return Uni.createFrom().item(new StatusChange(o.id, from.code(), to.code(), false));
        }
        o.state = to.code();
        o.updatedAt = Instant.now();
        o.finishedAt = o.updatedAt;
        if (to != PaymentState.COMPLETED) {
            o.failureReason = detail;
        }
        Uni<Void> alert = to == PaymentState.COMPLETED ? Uni.createFrom().voidItem()
                : alerts.raise("PAYMENT_FAILED", o.id, "Payment " + o.id + " " + to.code() + ": " + detail);
        return PaymentService.history(o.id, from, to, actor, detail).chain(() -> alert)
                .replaceWith(new StatusChange(o.id, from.code(), to.code(), true));
    }

    /** Asks the provider about submitted payments without news for a while (providers or events that never call back). */
    public Uni<Integer> pollSubmitted() {
        Context context = Vertx.currentContext();
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        update payment_orders set last_polled_at = now() where id in (
                            select id from payment_orders where channel = 'stripe' and state = 'submitted' and provider_payment_id is not null
                              and coalesce(last_polled_at, submitted_at) < now() - $1 * interval '1 millisecond'
                            order by id limit $2 for update skip locked)
                        returning id, type, provider_payment_id""")
                        .execute(Tuple.of(config.poll().after().toMillis(), config.poll().batchSize())))
                .chain(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return Multi.createFrom().iterable(list)
                            .onItem().transformToUniAndConcatenate(r -> provider.poll(r.getString("type"), r.getString("provider_payment_id"))
                                    .onFailure().recoverWithItem(e -> {
                                        LOG.warnf("polling payment %d: %s", r.getLong("id"), e.getMessage());
                                        return null;
                                    })
                                    .emitOn(cmd -> {
                                        if (context != null) {
                                            context.runOnContext(x -> cmd.run());
                                        } else {
                                            cmd.run();
                                        }
                                    })
                                    .chain(outcome -> outcome == null ? Uni.createFrom().item(0)
                                            : Panache.withTransaction(() -> orders.lock(r.getLong("id"))
                                                    .chain(o -> apply(o, outcome, "polled: " + outcome.name().toLowerCase(), "poller")))
                                            .onFailure(ApiException.class).recoverWithNull().replaceWith(1)))
                            .collect().asList().map(l -> l.stream().mapToInt(Integer::intValue).sum());
                });
    }
}
