package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;
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

    private final AlertRepository repository;
    private final DispatchConfig config;

    public AlertService(AlertRepository repository, DispatchConfig config) {
        this.repository = repository;
        this.config = config;
    }

    public record NewAlert(String kind, Long paymentId, String message) {
    }

    /** In a Hibernate Reactive transaction (the person-driven flows). */
    public Uni<Void> raise(String kind, Long paymentId, String message) {
        LOG.infof("alert %s payment %s: %s", kind, paymentId, message);
        return repository.raise(new NewAlert(kind, paymentId, message), deliver());
    }

    /** In a dispatcher's SQL-client transaction, all alerts of a batch in one statement. */
    Uni<Void> raise(DispatchRepository.Tx tx, List<NewAlert> alerts) {
        if (alerts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        alerts.forEach(a -> LOG.infof("alert %s payment %s: %s", a.kind(), a.paymentId(), a.message()));
        return repository.raise(tx, alerts, deliver());
    }

    private boolean deliver() {
        return config.alerts().webhookUrl().filter(u -> !u.isBlank()).isPresent();
    }
}
