package io.walletrecon.dispatch;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One dispatch cycle: send due payments (HTTP provider and bank files), poll providers about submitted ones,
 * deliver pending alerts. The server's scheduler and the {@code payment-dispatch} Lambda both call this.
 */
@ApplicationScoped
public class DispatchCycleService {

    private final DispatchService dispatch;
    private final PaymentStatusService status;
    private final AlertDeliveryService alerts;

    private final DispatchConfig config;

    public DispatchCycleService(DispatchService dispatch, PaymentStatusService status, AlertDeliveryService alerts, DispatchConfig config) {
        this.config = config;
        this.dispatch = dispatch;
        this.status = status;
        this.alerts = alerts;
    }

    @RegisterForReflection
    public record CycleResult(DispatchService.DispatchRun dispatch, int polled, int alertsDelivered) {
    }

    public Uni<CycleResult> runOnce() {
        long deadline = System.nanoTime() + config.cycleBudget().toNanos();
        return drain(new DispatchService.DispatchRun(0, 0, 0, 0, 0, 0, 0), deadline).chain(run -> status.pollSubmitted()
                .chain(polled -> alerts.deliverDue().map(delivered -> new CycleResult(run, polled, delivered))));
    }

    /** Batch after batch while batches come back full, within the cycle's time budget (a Lambda has a timeout). */
    private Uni<DispatchService.DispatchRun> drain(DispatchService.DispatchRun total, long deadline) {
        return dispatch.dispatchDue().chain(run -> {
            DispatchService.DispatchRun sum = total.plus(run);
            boolean more = run.claimed() >= config.batchSize() && System.nanoTime() < deadline;
            return more ? drain(sum, deadline) : Uni.createFrom().item(sum);
        });
    }
}
