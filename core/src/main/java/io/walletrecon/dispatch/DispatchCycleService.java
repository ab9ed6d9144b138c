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

    public DispatchCycleService(DispatchService dispatch, PaymentStatusService status, AlertDeliveryService alerts) {
        this.dispatch = dispatch;
        this.status = status;
        this.alerts = alerts;
    }

    @RegisterForReflection
    public record CycleResult(DispatchService.DispatchRun dispatch, int polled, int alertsDelivered) {
    }

    public Uni<CycleResult> runOnce() {
        return dispatch.dispatchDue().chain(run -> status.pollSubmitted()
                .chain(polled -> alerts.deliverDue().map(delivered -> new CycleResult(run, polled, delivered))));
    }
}
