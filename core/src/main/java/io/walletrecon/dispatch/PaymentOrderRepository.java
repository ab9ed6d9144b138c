package io.walletrecon.dispatch;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import io.walletrecon.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;

/**
 * Payment orders and what belongs to each: the idempotency key it was created under, its approvals, its history and
 * its dispatch job (the transactional outbox). Everything runs in the caller's Hibernate session and transaction.
 */
@ApplicationScoped
public class PaymentOrderRepository extends SessionSqlRepository implements PanacheRepository<PaymentOrder> {

    /**
     * Taken first in a create: a concurrent request with the same key waits here on the unique index until the first
     * transaction ends, then finds the stored response instead of creating a second order.
     */
    static final String INSERT_KEY = """
            insert into payment_idempotency_keys (actor, idempotency_key, request_sha256) values (?1, ?2, ?3)
            on conflict (actor, idempotency_key) do nothing returning id""";

    static final String STORED_KEY = """
            select request_sha256 || '|' || coalesce(response_body, '') from payment_idempotency_keys where actor = ?1 and idempotency_key = ?2""";

    static final String SAVE_RESPONSE = "update payment_idempotency_keys set payment_id = ?1, response_body = ?2 where id = ?3";

    /**
     * An earlier order for the same beneficiary, amount, currency and reference that may have paid or may still pay:
     * any not cancelled within 24 hours, every order whose outcome at the provider is unknown, and failed orders that
     * had an ambiguous attempt (the provider may have acted on it). Answers {@code id|state}.
     */
    static final String DUPLICATE_OF = """
            select p.id || '|' || p.state from payment_orders p where p.beneficiary_id = ?1 and p.amount_minor = ?2 and p.currency = ?3
              and p.reference = ?4 and p.id <> ?5 and (p.series_id is null or p.series_id <> ?6)
              and (p.created_at > now() - interval '24 hours' or p.state = ?7) and p.state <> ?8
              and (p.state <> ?9 or exists (select 1 from payment_attempts a where a.payment_id = p.id and a.outcome in (?10, ?11)))
            order by p.state = ?7 desc, p.id limit 1
            """;

    static final String INSERT_DECISION = """
            insert into payment_approvals (payment_id, decision, approver, comment) values (?1, ?2, ?3, cast(?4 as text))
            on conflict (payment_id, approver) do nothing returning id""";

    static final String COUNT_APPROVALS = "select count(*) from payment_approvals where payment_id = ?1 and decision = ?2";

    static final String INSERT_HISTORY = """
            insert into payment_history (payment_id, from_state, to_state, actor, reason) values (?1, cast(?2 as text), ?3, ?4, cast(?5 as text))""";

    /** The order's job, due at {@code ?3}: written with the order's move to SCHEDULED, in its transaction. */
    static final String UPSERT_JOB = """
            insert into dispatch_jobs (payment_id, channel, status, due_at) values (?1, ?2, ?4, ?3)
            on conflict (payment_id) do update set status = excluded.status, due_at = excluded.due_at, updated_at = now()""";

    /** The job locked before the order: the order the dispatcher locks them in. */
    static final String LOCK_JOB = "select payment_id from dispatch_jobs where payment_id = ?1 for update";

    /** A job's new status; a job already done stays done ({@link DispatchJobStateMachine}: nothing leaves DONE). */
    static final String SET_JOB = "update dispatch_jobs set status = ?2, updated_at = now() where payment_id = ?1 and status <> ?3";

    static final String JOB_DUE_NOW = "update dispatch_jobs set status = ?2, due_at = now(), updated_at = now() where payment_id = ?1 and status <> ?3";

    /** An approval or rejection. */
    enum Decision {
        APPROVED, REJECTED;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What is stored under an idempotency key: the hash of the request and the response first given (empty while in
     * progress).
     */
    record StoredKey(String requestSha256, String responseBody) {
    }

    /** An earlier order that the new one may duplicate. */
    record Duplicate(long id, PaymentState state) {
    }

    /** The order, locked for the rest of the transaction, or a 404 problem. */
    public Uni<PaymentOrder> lock(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> ApiException.notFound("No payment with id " + id));
    }

    /**
     * The order of {@code accountId} sent through {@code channel} that the provider knows as {@code providerPaymentId},
     * locked.
     */
    public Uni<PaymentOrder> lockByProviderId(long accountId, DispatchChannel channel, String providerPaymentId) {
        return find("accountId = ?1 and channel = ?2 and providerPaymentId = ?3", accountId, channel.code(),
                providerPaymentId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Order {@code id} if it belongs to {@code accountId} and {@code channel}, locked; else null. */
    public Uni<PaymentOrder> lockInAccount(long id, long accountId, DispatchChannel channel) {
        return find("id = ?1 and accountId = ?2 and channel = ?3", id, accountId, channel.code())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * The id of a newly taken key, or null when the caller used it before (or uses it now in a transaction still open).
     */
    Uni<Long> takeKey(String actor, String key, String requestSha256) {
        return nativeFirst(INSERT_KEY, Long.class, actor, key, requestSha256);
    }

    Uni<StoredKey> storedKey(String actor, String key) {
        return nativeFirst(STORED_KEY, String.class, actor, key).map(row -> {
            int bar = row.indexOf('|');
            return new StoredKey(row.substring(0, bar), row.substring(bar + 1));
        });
    }

    Uni<Void> saveResponse(long keyId, long paymentId, String body) {
        return nativeUpdate(SAVE_RESPONSE, paymentId, body, keyId).replaceWithVoid();
    }

    /** The order {@code o} may duplicate (unknown outcomes first), or null; orders of its own series never count. */
    Uni<Duplicate> duplicateOf(PaymentOrder o) {
        return nativeFirst(DUPLICATE_OF, String.class, o.beneficiaryId, o.amountMinor, o.currency, o.reference, o.id,
                o.seriesId == null ? -1L : o.seriesId,
                PaymentState.UNKNOWN.code(), PaymentState.CANCELLED.code(), PaymentState.FAILED.code(),
                AttemptOutcome.AMBIGUOUS.code(), AttemptOutcome.CRASHED.code())
                .map(row -> row == null
                        ? null
                        : new Duplicate(Long.parseLong(row.substring(0, row.indexOf('|'))),
                                PaymentState.of(row.substring(row.indexOf('|') + 1))));
    }

    /** Records a person's decision; false when that person already decided on the order. */
    Uni<Boolean> decide(long paymentId, Decision decision, String approver, String comment) {
        return nativeFirst(INSERT_DECISION, Long.class, paymentId, decision.code(), approver, comment)
                .map(id -> id != null);
    }

    Uni<Long> approvals(long paymentId) {
        return nativeFirst(COUNT_APPROVALS, Long.class, paymentId, Decision.APPROVED.code());
    }

    /** A line of the order's history; {@code from} is null for its creation. */
    Uni<Void> history(long paymentId, PaymentState from, PaymentState to, String actor, String reason) {
        return nativeUpdate(INSERT_HISTORY, paymentId, from == null ? null : from.code(), to.code(), actor, reason)
                .replaceWithVoid();
    }

    /** The order's job, pending from {@code dueAt}. */
    Uni<Void> schedule(long paymentId, String channel, Instant dueAt) {
        return nativeUpdate(UPSERT_JOB, paymentId, channel, dueAt, DispatchJobStatus.PENDING.code()).replaceWithVoid();
    }

    Uni<Void> lockJob(long paymentId) {
        return nativeList(LOCK_JOB, Long.class, paymentId).replaceWithVoid();
    }

    /** Nothing more to send for the order (it was cancelled). */
    Uni<Void> closeJob(long paymentId) {
        return nativeUpdate(SET_JOB, paymentId, DispatchJobStatus.DONE.code(), DispatchJobStatus.DONE.code())
                .replaceWithVoid();
    }

    /** The order's job due now (its hold was released). */
    Uni<Void> jobDueNow(long paymentId) {
        return nativeUpdate(JOB_DUE_NOW, paymentId, DispatchJobStatus.PENDING.code(), DispatchJobStatus.DONE.code())
                .replaceWithVoid();
    }
}
