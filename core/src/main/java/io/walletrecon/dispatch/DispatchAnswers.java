package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Step 3 of a dispatch: what the provider answered, recorded under the orders' locks. An acceptance closes the job;
 * a refusal fails the order; a transient answer is retried with backoff while {@link ResendRule} allows, and
 * otherwise ends the order UNKNOWN (it may have been paid) or FAILED (it was not).
 */
@ApplicationScoped
public class DispatchAnswers {

    private final DispatchRepository repo;
    private final AlertService alerts;
    private final DispatchConfig config;
    private final DispatchTiming timing;
    private final Backoff backoff;

    public DispatchAnswers(DispatchRepository repo, AlertService alerts, DispatchConfig config) {
        this.repo = repo;
        this.alerts = alerts;
        this.config = config;
        this.timing = DispatchTiming.of(config);
        this.backoff = new Backoff(config.backoffBase(), config.backoffMax());
    }

    /** One answer and when its call started. */
    record Answer(DispatchClaims.Claimed claimed, ProviderResult result, Instant started) {
    }

    /** Records the answers of one group in one transaction: attempts, provider ids, retries, final states, alerts. */
    Uni<DispatchService.DispatchRun> record(List<Answer> answers, String worker) {
        return repo
                .inTransaction(tx -> repo.lockForRecord(tx, answers.stream().map(s -> s.claimed().paymentId()).toList())
                        .chain(rows -> {
                            Map<Long, Row> current = new HashMap<>();
                            rows.forEach(r -> current.put(r.getLong("id"), r));
                            DispatchChanges ch = new DispatchChanges();
                            List<AlertService.NewAlert> newAlerts = new ArrayList<>();
                            int[] counts = new int[3];
                            for (Answer s : answers) {
                                counts[recordOne(ch, newAlerts, s, current.get(s.claimed().paymentId()), worker)]++;
                            }
                            return repo.write(tx, ch, timing.lease(0), worker).chain(() -> alerts.raise(tx, newAlerts))
                                    .replaceWith(new DispatchService.DispatchRun(0, 0, counts[0], counts[1], counts[2],
                                            0, 0));
                        }));
    }

    /** Records one answer; returns 0 accepted, 1 retrying (or unknown: still open), 2 failed. */
    private int recordOne(DispatchChanges ch, List<AlertService.NewAlert> newAlerts, Answer s, Row order,
            String worker) {
        DispatchClaims.Claimed c = s.claimed();
        long id = c.paymentId();
        PaymentState now = PaymentState.of(order.getString("state"));
        boolean stillSubmitted = now == PaymentState.SUBMITTED;
        OffsetDateTime firstSent = order.getOffsetDateTime("submitted_at");
        if (s.result() instanceof ProviderResult.Accepted a) {
            ch.attempt(id, c.attemptNo(), AttemptOutcome.ACCEPTED, a.httpStatus(), a.providerPaymentId(), null,
                    s.started());
            ch.job(id, DispatchJobStatus.IN_FLIGHT, DispatchJobStatus.DONE, null, 0, null);
            PaymentState to = stillSubmitted && a.outcome() != null ? a.outcome().state() : now;
            ch.order(id, now, to, null, a.providerPaymentId(), a.processedMinor(),
                    a.outcome() == ProviderOutcome.FAILED ? "provider status " + a.providerStatus() : null, null,
                    worker,
                    "provider " + a.providerPaymentId() + " status " + a.providerStatus());
            return 0;
        }
        if (s.result() instanceof ProviderResult.Rejected x) {
            ch.attempt(id, c.attemptNo(), AttemptOutcome.REJECTED, x.httpStatus(), null, x.error(), s.started());
            ch.job(id, DispatchJobStatus.IN_FLIGHT, DispatchJobStatus.DONE, null, 0, x.error());
            if (stillSubmitted) {
                ch.order(id, now, PaymentState.FAILED, null, null, null, "provider refused: " + x.error(), null, worker,
                        "provider refused: " + x.error());
                newAlerts.add(new AlertService.NewAlert("PAYMENT_FAILED", id,
                        "Payment " + id + " was refused: " + x.error()));
            }
            return 2;
        }
        ProviderResult.Transient t = (ProviderResult.Transient) s.result();
        ch.attempt(id, c.attemptNo(), t.ambiguous() ? AttemptOutcome.AMBIGUOUS : AttemptOutcome.RETRY, t.httpStatus(),
                null, t.error(), s.started());
        Duration delay = backoff.jittered(c.attemptNo(), t.retryAfter(), ThreadLocalRandom.current());
        ResendRule.Next next = ResendRule.after(t, c.attemptNo(), config.maxAttempts(),
                order.getBoolean("ambiguous_before"),
                firstSent == null ? null : firstSent.toInstant(), Instant.now().plus(delay), config.resendWindow());
        if (next == ResendRule.Next.RETRY) {
            ch.job(id, DispatchJobStatus.IN_FLIGHT, DispatchJobStatus.PENDING, delay.toMillis(), 0, t.error());
            return 1;
        }
        String why = "sent " + c.attemptNo() + " times; last: " + t.error();
        ch.job(id, DispatchJobStatus.IN_FLIGHT, DispatchJobStatus.DONE, null, 0, why);
        if (!stillSubmitted) {
            return next == ResendRule.Next.UNKNOWN ? 1 : 2;
        }
        if (next == ResendRule.Next.UNKNOWN) {
            ch.order(id, now, PaymentState.UNKNOWN, null, null, null, null, null, worker, "outcome unknown: " + why);
            newAlerts.add(new AlertService.NewAlert("PAYMENT_UNKNOWN", id, unknownMessage(id, why)));
            return 1;
        }
        String failed = "gave up after " + c.attemptNo() + " attempts, none executed by the provider; last: "
                + t.error();
        ch.order(id, now, PaymentState.FAILED, null, null, null, failed, null, worker, failed);
        newAlerts.add(new AlertService.NewAlert("PAYMENT_FAILED", id, "Payment " + id + " failed: " + failed));
        return 2;
    }

    static String unknownMessage(long id, String why) {
        return "Payment " + id + ": the provider's answer is unknown (" + why
                + "). It may have been paid: it is not sent again and must not be"
                + " re-created; walletrecon asks the provider and waits for its notification";
    }
}
