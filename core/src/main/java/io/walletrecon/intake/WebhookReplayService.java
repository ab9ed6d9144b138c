package io.walletrecon.intake;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.data.Account;
import io.walletrecon.data.AccountRepository;
import io.walletrecon.data.WalletTransaction;
import io.walletrecon.data.WebhookEvent;
import io.walletrecon.data.WebhookEventRepository;
import io.walletrecon.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

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
    private final WebhookProviders providers;
    private final TransactionRecorder recorder;
    private final AuditLog audit;

    public WebhookReplayService(WebhookEventRepository events, AccountRepository accounts, WebhookProviders providers,
            TransactionRecorder recorder, AuditLog audit) {
        this.events = events;
        this.accounts = accounts;
        this.providers = providers;
        this.recorder = recorder;
        this.audit = audit;
    }

    @WithSession
    public Uni<WebhookEventView> get(long id) {
        return events.findById(id).onItem().ifNull()
                .failWith(() -> ApiException.notFound("No webhook event with id " + id))
                .map(WebhookEventView::of);
    }

    /** Replays event {@code id}; the result is {@code processed} or still {@code unprocessable} with the new reason. */
    @WithTransaction
    public Uni<WebhookEventView> replay(long id, String actor) {
        return events.findForUpdate(id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("No webhook event with id " + id))
                .invoke(WebhookReplayService::requireReplayable)
                .chain(event -> accounts.findById(event.accountId).chain(account -> replay(event, account, actor)))
                .map(WebhookEventView::of);
    }

    private static void requireReplayable(WebhookEvent event) {
        if (!WebhookEventStateMachine.replayable(WebhookEventState.fromCode(event.state))) {
            throw ApiException.conflict("Webhook event " + event.id + " is already processed into transaction "
                    + event.transactionId + "; only unprocessable events are replayed");
        }
    }

    private Uni<WebhookEvent> replay(WebhookEvent event, Account account, String actor) {
        Normalised normalised;
        try {
            normalised = providers.normaliser(event.provider).normalise(account, event.body);
        } catch (UnprocessableEventException | WebhookRejectedException e) {
            return stillUnprocessable(event, e.getMessage(), actor);
        }
        return recorder.apply(account, normalised).chain(txn -> processed(event, txn, actor));
    }

    private Uni<WebhookEvent> stillUnprocessable(WebhookEvent event, String reason, String actor) {
        String previous = event.error;
        event.state = WebhookEventState.UNPROCESSABLE.code();
        event.error = reason;
        return audit.record(actor, "webhook_event.replay_failed", "webhook_event", event.id, reason,
                Map.of("previousError", String.valueOf(previous))).replaceWith(event);
    }

    private Uni<WebhookEvent> processed(WebhookEvent event, WalletTransaction txn, String actor) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("previousError", event.error);
        details.put("transactionId", txn.id);
        details.put("providerTxnId", txn.providerTxnId);
        details.put("status", txn.status);
        event.state = WebhookEventState.PROCESSED.code();
        event.error = null;
        event.transactionId = txn.id;
        event.processedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return audit.record(actor, "webhook_event.replayed", "webhook_event", event.id, null, details)
                .replaceWith(event);
    }
}
