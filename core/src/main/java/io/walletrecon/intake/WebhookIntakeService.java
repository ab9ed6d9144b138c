package io.walletrecon.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.walletrecon.data.Account;
import io.walletrecon.data.AccountRepository;
import io.walletrecon.data.DatabaseRefusals;
import io.walletrecon.data.Provider;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.data.WalletTransaction;
import io.walletrecon.data.WebhookEvent;
import io.walletrecon.data.WebhookEventRepository;
import io.vertx.pgclient.PgException;
import io.walletrecon.transactions.TransactionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * Webhook intake: authenticate, normalise, then store the raw event and its transaction in one database transaction
 * before the caller acknowledges.
 *
 * <p>Exactly-once: the event is keyed by (account, provider, provider event id) under a unique constraint. Of
 * concurrent deliveries of one event the first to insert wins; the others wait on its index entry, fail with a
 * unique violation when it commits, and are retried once, when they find the row and answer as a redelivery.
 * An existing transaction row is read {@code FOR UPDATE} (payment before refund), so two events about one
 * payment never interleave; two that would both create it resolve the same way as duplicate events.
 * (Plain row locks and retries rather than advisory locks: a native query per delivery piled up same-hash
 * entries in Hibernate's native-query interpretation cache, and walking them cost 10% of CPU under load;
 * see bench/README.md.)
 */
@ApplicationScoped
public class WebhookIntakeService {

    private static final Logger LOG = Logger.getLogger(WebhookIntakeService.class);

    static final int MAX_ATTEMPTS = 3;

    private final WebhookProviders providers;
    private final AccountRepository accounts;
    private final WebhookEventRepository events;
    private final TransactionRecorder recorder;
    private final RejectionCounter rejections;
    private final ObjectMapper json;
    private final Event<TransactionArrived> arrived;

    public WebhookIntakeService(WebhookProviders providers, AccountRepository accounts, WebhookEventRepository events,
            TransactionRecorder recorder, RejectionCounter rejections, ObjectMapper json,
            Event<TransactionArrived> arrived) {
        this.providers = providers;
        this.accounts = accounts;
        this.events = events;
        this.recorder = recorder;
        this.rejections = rejections;
        this.json = json;
        this.arrived = arrived;
    }

    /** Counts and logs a refusal that happened before the service was reached (an oversized body). */
    public WebhookRejectedException reject(String provider, String account, WebhookRejectedException e) {
        rejections.record(provider, account, e.reason(), e.getMessage());
        return e;
    }

    /**
     * Receives one delivery; blocking, call from a worker thread. Throws {@link WebhookRejectedException} (already
     * counted and logged) when the delivery is not authentic.
     *
     * <p>An authentic event whose transaction the database refuses (a value out of a column's range, a constraint
     * the normalised row breaks) is not bounced back to the provider, which would retry it for a day: the
     * transaction is rolled back, and the event is stored as unprocessable with the reason and acknowledged.
     */
    public IntakeResult receive(String providerCode, WebhookRequest request) {
        try {
            Provider provider = providers.of(providerCode);
            String refused = null;
            // one session and one transaction per delivery: the account read, the checks (microseconds of CPU:
            // an HMAC or one RSA verification) and the writes; a rejection rolls back a transaction that wrote nothing
            for (int attempt = 1;; attempt++) {
                String storedAsUnprocessable = refused;
                try {
                    IntakeResult result = ReactiveBridge.inTransaction(() -> accounts.findByCode(request.accountCode())
                            .chain(account -> receive(provider, account, request, storedAsUnprocessable)));
                    if (!result.duplicate() && result.transactionId() != null) {
                        announce(request.accountCode());
                    }
                    return result;
                } catch (WebhookRejectedException e) {
                    throw e;
                } catch (RuntimeException e) {
                    String refusal = storedAsUnprocessable == null ? DatabaseRefusals.describe(e) : null;
                    if (refusal != null && attempt < MAX_ATTEMPTS) {
                        String incident = UUID.randomUUID().toString();
                        LOG.errorf(e,
                                "the database refused the transaction of a %s event for account %s; storing the event "
                                        + "as unprocessable, incident %s",
                                provider.code(), request.accountCode(), incident);
                        refused = "the database refused this event's transaction (" + refusal
                                + "); replay it once the cause "
                                + "is fixed (incident " + incident + ")";
                        continue;
                    }
                    // a concurrent delivery of the same event (or another event about the same new transaction)
                    // committed first; the next attempt finds its row and answers as a redelivery or merges into it
                    if (attempt >= MAX_ATTEMPTS || !isUniqueViolation(e)) {
                        throw e;
                    }
                }
            }
        } catch (WebhookRejectedException e) {
            throw reject(providerCode, request.accountCode(), e);
        }
    }

    /**
     * Authenticates the delivery, then stores it with its transaction; with {@code refused} set (the database refused
     * the transaction on the first try) it stores the event alone as unprocessable with that reason.
     */
    private Uni<IntakeResult> receive(Provider provider, Account account, WebhookRequest request, String refused) {
        if (account == null || account.provider != provider) {
            throw new WebhookRejectedException(RejectionReason.UNKNOWN_ACCOUNT,
                    "no " + provider.code() + " account with code '" + request.accountCode() + "'");
        }
        if (account.credentialsCiphertext == null) {
            throw new WebhookRejectedException(RejectionReason.NO_CREDENTIALS,
                    "account '" + account.code + "' has no webhook credentials configured");
        }
        AuthenticEvent event = providers.verifier(provider).verify(account, request);
        if (refused != null) {
            return store(account, provider, event, request.body(), null, refused);
        }
        Normalised normalised = null;
        String reason = null;
        try {
            normalised = providers.normaliser(provider).normalise(account, request.body());
        } catch (UnprocessableEventException e) {
            reason = e.getMessage();
        } catch (WebhookRejectedException e) {
            // authentic, but bound to another merchant or app than this account's: not ours to keep
            throw e;
        } catch (RuntimeException e) {
            // a bug in a normaliser must not bounce an authentic event for a day of provider retries: keep it
            String incident = UUID.randomUUID().toString();
            LOG.errorf(e, "normalising %s event %s of account %s failed, incident %s", provider.code(), event.eventId(),
                    account.code, incident);
            reason = "normalisation failed unexpectedly (incident " + incident + "); replay once fixed";
        }
        return store(account, provider, event, request.body(), normalised, reason);
    }

    private Uni<IntakeResult> store(Account account, Provider provider, AuthenticEvent event, byte[] body,
            Normalised normalised, String error) {
        String eventId = StoredText.of(event.eventId());
        return events.findByKey(account.id, provider, eventId).chain(existing -> existing != null
                ? Uni.createFrom().item(result(existing, true))
                : storeNew(account, provider, event, body, normalised, error));
    }

    /** The event's transaction (when it was normalised), then the event, processed or unprocessable. */
    private Uni<IntakeResult> storeNew(Account account, Provider provider, AuthenticEvent event, byte[] body,
            Normalised normalised, String error) {
        Uni<WalletTransaction> applied = normalised == null
                ? Uni.createFrom().nullItem()
                : recorder.apply(account, normalised);
        return applied.chain(txn -> events.persist(newEvent(account, provider, event, body, txn, error)))
                .map(saved -> result(saved, false));
    }

    private WebhookEvent newEvent(Account account, Provider provider, AuthenticEvent event, byte[] body,
            WalletTransaction txn,
            String error) {
        WebhookEvent e = new WebhookEvent();
        e.accountId = account.id;
        e.provider = provider;
        e.providerEventId = StoredText.of(event.eventId());
        e.eventType = StoredText.of(event.eventType());
        e.headers = toJson(event.storedHeaders());
        e.body = body;
        e.receivedAt = now();
        e.state = WebhookEventStateMachine.afterIntake(txn != null).code();
        e.error = error;
        e.transactionId = txn != null ? txn.id : null;
        e.processedAt = txn != null ? e.receivedAt : null;
        return e;
    }

    /** Stored and committed: what follows (matching at once) must never turn the acknowledgement into an error. */
    private void announce(String accountCode) {
        try {
            arrived.fire(new TransactionArrived(accountCode));
        } catch (RuntimeException e) {
            LOG.errorf(e, "announcing a new transaction of account %s failed; the next scheduled run matches it",
                    accountCode);
        }
    }

    private static IntakeResult result(WebhookEvent e, boolean duplicate) {
        return new IntakeResult(e.id, e.providerEventId, duplicate, e.state, e.error, e.transactionId);
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException
                    || t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private String toJson(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
