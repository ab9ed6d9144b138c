package io.walletrecon.server.dispatch;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.walletrecon.dispatch.DispatchCycleService;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Runs the dispatch cycle in the long-lived server. Several server instances (or a server and the
 * payment-dispatch Lambda) may run it at once: jobs are claimed with SKIP LOCKED, so none is sent twice.
 */
@ApplicationScoped
public class PaymentDispatchScheduler {

    private static final Logger LOG = Logger.getLogger(PaymentDispatchScheduler.class);

    private final DispatchCycleService cycle;

    public PaymentDispatchScheduler(DispatchCycleService cycle) {
        this.cycle = cycle;
    }

    @Scheduled(identity = "payment-dispatch", every = "${walletrecon.dispatch.every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dispatch() {
        return cycle.runOnce()
                .invoke(r -> {
                    if (r.dispatch().claimed() > 0 || r.polled() > 0 || r.alertsDelivered() > 0) {
                        LOG.infof("payment dispatch: %s, polled %d, alerts delivered %d", r.dispatch(), r.polled(),
                                r.alertsDelivered());
                    }
                })
                .onFailure().invoke(e -> LOG.error("payment dispatch cycle failed; the next run retries", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
