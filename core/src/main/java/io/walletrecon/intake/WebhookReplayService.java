package io.walletrecon.intake;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.data.AccountRepository;
import io.walletrecon.data.WebhookEvent;
import io.walletrecon.data.WebhookEventRepository;
import io.walletrecon.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Re-normalises a stored event that could not be turned into a transaction when it arrived, once the code (or the
 * account's credentials) can. The event row is locked so that two replays do not apply it twice.
 */
@ApplicationScoped
public class WebhookReplayService {

    private final WebhookEventRepository events;
    private final AccountRepository accounts;
    private final WebhookIntakeService intake;
    private final AuditLog audit;

    public WebhookReplayService(WebhookEventRepository events, AccountRepository accounts, WebhookIntakeService intake, AuditLog audit) {
        this.events = events;
        this.accounts = accounts;
        this.intake = intake;
        this.audit = audit;
    }

    @WithSession
    public Uni<WebhookEventView> get(long id) {
        return events.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("No webhook event with id " + id))
                .map(WebhookEventView::of);
    }

    /** Replays event {@code id}; the result is {@code processed} or still {@code unprocessable} with the new reason. */
    @WithTransaction
    public Uni<WebhookEventView> replay(long id, String actor) {
        return events.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ApiException.notFound("No webhook event with id " + id))
                .chain(event -> {
                    if (WebhookIntakeService.PROCESSED.equals(event.state)) {
                        throw ApiException.conflict("Webhook event " + id + " is already processed into transaction "
                                + event.transactionId + "; only unprocessable events are replayed");
                    }
                    return accounts.findById(event.accountId).chain(account -> {
                        Normalised normalised;
                        try {
                            normalised = intake.normaliser(event.provider).normalise(account, event.body);
                        } catch (UnprocessableEventException | WebhookRejectedException e) {
                            String previous = event.error;
                            event.error = e.getMessage();
                            return audit.record(actor, "webhook_event.replay_failed", "webhook_event", event.id, e.getMessage(),
                                    Map.of("previousError", String.valueOf(previous))).replaceWith(event);
                        }
                        return intake.apply(account, normalised).chain(txn -> {
                            Map<String, Object> details = new LinkedHashMap<>();
                            details.put("previousError", event.error);
                            details.put("transactionId", txn.id);
                            details.put("providerTxnId", txn.providerTxnId);
                            details.put("status", txn.status);
                            event.state = WebhookIntakeService.PROCESSED;
                            event.error = null;
                            event.transactionId = txn.id;
                            event.processedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                            return audit.record(actor, "webhook_event.replayed", "webhook_event", event.id, null, details).replaceWith(event);
                        });
                    });
                })
                .map(WebhookEventView::of);
    }
}
