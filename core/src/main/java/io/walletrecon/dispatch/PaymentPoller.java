package io.walletrecon.dispatch;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.walletrecon.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * Asks the provider about orders it has not called back about: submitted ones by their object id, and unknown
 * outcomes whose object id we never learned by searching for the object the lost request may have created (Stripe:
 * {@code metadata[idempotency_key]}). What it learns goes through {@link PaymentStatusService}, as a callback would.
 * Never sends anything.
 */
@ApplicationScoped
public class PaymentPoller {

    private static final Logger LOG = Logger.getLogger(PaymentPoller.class);

    private final DispatchRepository repo;
    private final PaymentProvider provider;
    private final PaymentStatusService status;
    private final DispatchConfig config;
    private final DispatchTiming timing;

    public PaymentPoller(DispatchRepository repo, PaymentProvider provider, PaymentStatusService status,
            DispatchConfig config) {
        this.repo = repo;
        this.provider = provider;
        this.status = status;
        this.config = config;
        this.timing = DispatchTiming.of(config);
    }

    /**
     * Submitted orders without news for a while, asked about by their provider object id. Returns how many were asked.
     */
    public Uni<Integer> pollSubmitted(CycleBudget budget) {
        return repo.claimPollById(config.poll().after(), config.poll().batchSize())
                .chain(rows -> ask(rows, budget,
                        r -> provider.poll(r.getString("type"), r.getString("provider_payment_id"))));
    }

    public Uni<Integer> pollSubmitted() {
        return pollSubmitted(CycleBudget.soft(config.cycleBudget()));
    }

    /** Unknown outcomes searched for at the provider. Returns how many were searched for. */
    public Uni<Integer> searchUnknown(CycleBudget budget) {
        return repo.claimSearch(config.poll().after(), config.poll().batchSize(), config.poll().unknownFor())
                .chain(rows -> ask(rows, budget, r -> {
                    OffsetDateTime firstSent = r.getOffsetDateTime("submitted_at");
                    return provider.find(
                            new OutboundPayment(r.getLong("id"), r.getString("type"), r.getLong("amount_minor"),
                                    r.getString("currency"),
                                    r.getString("reference"), r.getString("beneficiary_key"), r.getString("refund_of"),
                                    r.getString("idempotency_key")),
                            firstSent == null ? null : firstSent.toInstant());
                }));
    }

    public Uni<Integer> searchUnknown() {
        return searchUnknown(CycleBudget.soft(config.cycleBudget()));
    }

    /**
     * One provider call per row, one after the other while the budget allows; each answer settled in its own
     * transaction.
     */
    private Uni<Integer> ask(List<Row> rows, CycleBudget budget, Function<Row, Uni<PaymentProvider.Found>> call) {
        Context context = Vertx.currentContext();
        return Multi.createFrom().iterable(rows)
                .select().where(r -> budget.callFits(timing))
                .onItem().transformToUniAndConcatenate(r -> call.apply(r)
                        .onFailure().recoverWithItem(e -> {
                            LOG.warnf("asking the provider about payment %d: %s", r.getLong("id"), e.getMessage());
                            return null;
                        })
                        .emitOn(cmd -> {
                            if (context != null) {
                                context.runOnContext(x -> cmd.run());
                            } else {
                                cmd.run();
                            }
                        })
                        .chain(found -> found == null
                                ? Uni.createFrom().voidItem()
                                : status.polled(r.getLong("id"), found).onFailure(ApiException.class).recoverWithNull()
                                        .replaceWithVoid())
                        .replaceWith(1))
                .collect().asList().map(List::size);
    }
}
