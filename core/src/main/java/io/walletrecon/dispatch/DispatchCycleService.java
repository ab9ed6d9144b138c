package io.walletrecon.dispatch;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * One dispatch cycle: send due payments (HTTP provider and bank files), ask providers about submitted and unknown
 * ones, deliver pending alerts. The server's scheduler runs it with a soft budget ({@code cycle-budget}); the
 * {@code payment-dispatch} Lambda with a hard one (its remaining time), so that it stops claiming new work and
 * calling providers well before it is killed.
 */
@ApplicationScoped
public class DispatchCycleService {

    private final DispatchService dispatch;
    private final PaymentPoller poller;
    private final AlertDeliveryService alerts;
    private final DispatchConfig config;

    public DispatchCycleService(DispatchService dispatch, PaymentPoller poller, AlertDeliveryService alerts,
            DispatchConfig config) {
        this.dispatch = dispatch;
        this.poller = poller;
        this.alerts = alerts;
        this.config = config;
    }

    @RegisterForReflection
    public record CycleResult(DispatchService.DispatchRun dispatch, int polled, int searched, int alertsDelivered) {
    }

    public Uni<CycleResult> runOnce() {
        return runOnce(CycleBudget.soft(config.cycleBudget()));
    }

    public Uni<CycleResult> runOnce(CycleBudget budget) {
        return drain(DispatchService.DispatchRun.NONE, budget)
                .chain(run -> poller.pollSubmitted(budget)
                        .chain(polled -> poller.searchUnknown(budget)
                                .chain(searched -> deliverAlerts(budget)
                                        .map(delivered -> new CycleResult(run, polled, searched, delivered)))));
    }

    /**
     * Batch after batch while the budget allows another one: under a soft budget while batches come back full; under a
     * hard one (whose batches are cut to the time left) while a batch took anything.
     */
    private Uni<DispatchService.DispatchRun> drain(DispatchService.DispatchRun total, CycleBudget budget) {
        return dispatch.dispatchDue(budget).chain(run -> {
            DispatchService.DispatchRun sum = total.plus(run);
            boolean more = (budget.hard() ? run.claimed() > 0 : run.claimed() >= config.batchSize())
                    && !budget.timeLeft().isZero();
            return more ? drain(sum, budget) : Uni.createFrom().item(sum);
        });
    }

    /** Alert deliveries run concurrently, each within the alerts timeout: started only when that fits. */
    private Uni<Integer> deliverAlerts(CycleBudget budget) {
        Duration needed = config.alerts().timeout().multipliedBy(2).plus(config.safetyMargin());
        if (budget.hard() && budget.timeLeft().compareTo(needed) < 0) {
            return Uni.createFrom().item(0);
        }
        return alerts.deliverDue();
    }
}
