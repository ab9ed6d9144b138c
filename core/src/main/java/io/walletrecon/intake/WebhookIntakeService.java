package io.walletrecon.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.walletrecon.data.Account;
import io.walletrecon.data.AccountRepository;
import io.walletrecon.data.DatabaseRefusals;
import io.walletrecon.data.Provider;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.data.WalletTransaction;
import io.walletrecon.data.WalletTransactionRepository;
import io.walletrecon.data.WebhookEvent;
import io.walletrecon.data.WebhookEventRepository;
import io.vertx.pgclient.PgException;
import io.walletrecon.transactions.TransactionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
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

    public static final String PROCESSED = "processed";
    public static final String UNPROCESSABLE = "unprocessable";
    static final int MAX_ATTEMPTS = 3;

    private final Map<Provider, WebhookVerifier> verifiers = new EnumMap<>(Provider.class);
    private final Map<Provider, WebhookNormaliser> normalisers = new EnumMap<>(Provider.class);
    private final AccountRepository accounts;
    private final WebhookEventRepository events;
    private final WalletTransactionRepository transactions;
    private final RejectionCounter rejections;
    private final ObjectMapper json;
    private final OutgoingPaymentCallbacks outgoingPayments;

    public WebhookIntakeService(@All List<WebhookVerifier> verifiers, @All List<WebhookNormaliser> normalisers,
                                AccountRepository accounts, WebhookEventRepository events,
                                WalletTransactionRepository transactions, RejectionCounter rejections, ObjectMapper json,
                                OutgoingPaymentCallbacks outgoingPayments) {
        verifiers.forEach(v -> this.verifiers.put(v.provider(), v));
        normalisers.forEach(n -> this.normalisers.put(n.provider(), n));
        this.accounts = accounts;
        this.events = events;
        this.transactions = transactions;
        this.rejections = rejections;
        this.json = json;
        this.outgoingPayments = outgoingPayments;
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
            Provider provider = provider(providerCode);
            String refused = null;
            // one session and one transaction per delivery: the account read, the checks (microseconds of CPU:
            // an HMAC or one RSA verification) and the writes; a rejection rolls back a transaction that wrote nothing
            for (int attempt = 1; ; attempt++) {
                String storedAsUnprocessable = refused;
                try {
                    return ReactiveBridge.inTransaction(() -> accounts.findByCode(request.accountCode())
                            .chain(account -> receive(provider, account, request, storedAsUnprocessable)));
                } catch (WebhookRejectedException e) {
                    throw e;
                } catch (RuntimeException e) {
                    String refusal = storedAsUnprocessable == null ? DatabaseRefusals.describe(e) : null;
                    if (refusal != null && attempt < MAX_ATTEMPTS) {
                        String incident = UUID.randomUUID().toString();
                        LOG.errorf(e, "the database refused the transaction of a %s event for account %s; storing the event "
                                + "as unprocessable, incident %s", provider.code(), request.accountCode(), incident);
                        refused = "the database refused this event's transaction (" + refusal + "); replay it once the cause "
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
        AuthenticEvent event = verifiers.get(provider).verify(account, request);
        if (refused != null) {
            return store(account, provider, event, request.body(), null, refused);
        }
        Normalised normalised = null;
        String reason = null;
        try {
            normalised = normalisers.get(provider).normalise(account, request.body());
        } catch (UnprocessableEventException e) {
            reason = e.getMessage();
        } catch (WebhookRejectedException e) {
            // authentic, but bound to another merchant or app than this account's: not ours to keep
            throw e;
        } catch (RuntimeException e) {
            // a bug in a normaliser must not bounce an authentic event for a day of provider retries: keep it
            String incident = UUID.randomUUID().toString();
            LOG.errorf(e, "normalising %s event %s of account %s failed, incident %s", provider.code(), event.eventId(), account.code, incident);
            reason = "normalisation failed unexpectedly (incident " + incident + "); replay once fixed";
        }
        return store(account, provider, event, request.body(), normalised, reason);
    }

    private static Provider provider(String code) {
        try {
            Provider provider = Provider.fromCode(code);
            if (provider != Provider.BANK) {
                return provider;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new WebhookRejectedException(RejectionReason.UNKNOWN_PROVIDER,
                "webhooks are accepted for stripe, standard, wechatpay and alipay, not '" + code + "'");
    }

    private Uni<IntakeResult> store(Account account, Provider provider, AuthenticEvent event, byte[] body,
                                    Normalised normalised, String error) {
        String eventId = StoredText.of(event.eventId());
        return events.find("accountId = ?1 and provider = ?2 and providerEventId = ?3",
                        account.id, provider, eventId).<WebhookEvent>firstResult()
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(new IntakeResult(existing.id, eventId, true, existing.state,
                                existing.error, existing.transactionId));
                    }
                    Uni<WalletTransaction> applied = normalised == null ? Uni.createFrom().nullItem() : apply(account, normalised);
                    return applied.chain(txn -> {
                        WebhookEvent e = new WebhookEvent();
                        e.accountId = account.id;
                        e.provider = provider;
                        e.providerEventId = eventId;
                        e.eventType = StoredText.of(event.eventType());
                        e.headers = toJson(event.storedHeaders());
                        e.body = body;
                        e.receivedAt = now();
                        e.state = txn != null ? PROCESSED : UNPROCESSABLE;
                        e.error = error;
                        e.transactionId = txn != null ? txn.id : null;
                        e.processedAt = txn != null ? e.receivedAt : null;
                        return events.persist(e).map(saved -> new IntakeResult(saved.id, eventId, false,
                                saved.state, saved.error, saved.transactionId));
                    });
                });
    }

    /** Creates or advances the event's transactions; must run inside a transaction. Returns the primary row. */
    public Uni<WalletTransaction> apply(Account account, Normalised normalised) {
        Uni<WalletTransaction> parent = normalised.parent() == null ? Uni.createFrom().nullItem() : upsert(account, normalised.parent());
        return parent.chain(p -> upsert(account, normalised.primary())
                .call(row -> p == null ? Uni.createFrom().voidItem() : settleRefunds(account, p))
                .call(() -> outgoingPayments.onReported(account, normalised)));
    }

    private Uni<WalletTransaction> upsert(Account account, TransactionFacts facts) {
        return transactions.find("accountId = ?1 and providerTxnId = ?2", account.id, facts.providerTxnId())
                .withLock(LockModeType.PESSIMISTIC_WRITE).<WalletTransaction>firstResult()
                .chain(existing -> existing == null ? insert(account, facts) : Uni.createFrom().item(merge(account, existing, facts)));
    }

    private Uni<WalletTransaction> insert(Account account, TransactionFacts f) {
        WalletTransaction t = new WalletTransaction();
        t.accountId = account.id;
        t.providerTxnId = f.providerTxnId();
        t.kind = f.kind();
        t.direction = f.direction();
        t.amountMinor = f.amountMinor();
        t.feeMinor = f.feeMinor();
        t.currency = f.currency();
        TransactionStateMachine.Outcome outcome = TransactionStateMachine.apply(f.status(), 0, f.amountMinor(), f.status(), f.refundedMinor());
        t.status = outcome.status().code();
        t.refundedMinor = outcome.refundedMinor();
        t.payerKind = f.payerKind();
        t.payerIdentity = f.payerIdentity();
        t.merchantReference = f.merchantReference();
        t.description = f.description();
        t.payoutId = f.payoutId();
        t.parentTxnId = f.parentTxnId();
        t.occurredAt = f.occurredAt().truncatedTo(ChronoUnit.MICROS);
        t.valueDate = f.occurredAt().atZone(account.zone()).toLocalDate();
        t.source = "webhook";
        t.createdAt = now();
        t.updatedAt = t.createdAt;
        return transactions.persist(t);
    }

    private static WalletTransaction merge(Account account, WalletTransaction t, TransactionFacts f) {
        TransactionStatus current = TransactionStatus.fromCode(t.status);
        // the report that settles an open payment is the authoritative amount and time of the payment
        boolean settlesOpen = (current == TransactionStatus.PENDING || current == TransactionStatus.FAILED)
                && TransactionStateMachine.allows(current, f.status()) && t.kind.equals(f.kind());
        if (settlesOpen) {
            t.amountMinor = f.amountMinor();
            t.occurredAt = f.occurredAt().truncatedTo(ChronoUnit.MICROS);
            t.valueDate = f.occurredAt().atZone(account.zone()).toLocalDate();
        }
        TransactionStateMachine.Outcome outcome = TransactionStateMachine.apply(current, t.refundedMinor, t.amountMinor, f.status(), f.refundedMinor());
        boolean changed = settlesOpen || !outcome.status().code().equals(t.status) || outcome.refundedMinor() != t.refundedMinor;
        t.status = outcome.status().code();
        t.refundedMinor = outcome.refundedMinor();
        if (t.payerIdentity == null && f.payerIdentity() != null) {
            t.payerKind = f.payerKind();
            t.payerIdentity = f.payerIdentity();
            changed = true;
        }
        if (t.merchantReference == null && f.merchantReference() != null) {
            t.merchantReference = f.merchantReference();
            changed = true;
        }
        if (t.description == null && f.description() != null) {
            t.description = f.description();
            changed = true;
        }
        if (t.feeMinor == null && f.feeMinor() != null) {
            t.feeMinor = f.feeMinor();
            changed = true;
        }
        if (changed) {
            t.updatedAt = now();
        }
        return t;
    }

    /** A payment's refunded total is the sum of its succeeded refund rows, whatever order they came in. */
    private Uni<Void> settleRefunds(Account account, WalletTransaction payment) {
        return Panache.getSession().chain(session -> session.flush()
                .chain(() -> session.createQuery("select coalesce(sum(t.amountMinor), 0) from WalletTransaction t "
                                + "where t.accountId = :account and t.parentTxnId = :parent and t.status = 'succeeded'", Long.class)
                        .setParameter("account", account.id)
                        .setParameter("parent", payment.providerTxnId)
                        .getSingleResult()))
                .invoke(refunded -> {
                    TransactionStatus current = TransactionStatus.fromCode(payment.status);
                    TransactionStateMachine.Outcome outcome = TransactionStateMachine.apply(current, payment.refundedMinor,
                            payment.amountMinor, current, refunded);
                    if (!outcome.status().code().equals(payment.status) || outcome.refundedMinor() != payment.refundedMinor) {
                        payment.status = outcome.status().code();
                        payment.refundedMinor = outcome.refundedMinor();
                        payment.updatedAt = now();
                    }
                })
                .replaceWithVoid();
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

    /** The normaliser for a provider, for replays. */
    public WebhookNormaliser normaliser(Provider provider) {
        return normalisers.get(provider);
    }
}
