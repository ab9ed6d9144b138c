package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.walletrecon.balances.BalanceRepository;
import io.walletrecon.balances.BalanceRepository.Available;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The dispatcher's SQL: set-based statements over arrays on the Vert.x pool, in the caller's connection and
 * transaction. Writes of a claim or a record step are collected in {@link DispatchChanges}.
 */
@ApplicationScoped
public class DispatchRepository {

    static final int ACCOUNT_LOCKS = 0x64697370; // "disp"
    static final int BENEFICIARY_LOCKS = 0x62656e65; // "bene"

    /** Due jobs of a channel (or the one job {@code $3}) with their orders, locked; a live lease keeps a job out. */
    static final String CLAIM = """
            select j.payment_id, j.status as job_status, j.attempts, p.state, p.hold_reason, p.account_id, p.amount_minor, p.currency,
                   p.beneficiary_id, p.risk_cleared, p.type, p.reference, p.refund_of, p.execute_on, p.idempotency_key, p.submitted_at,
                   b.beneficiary_key, p.beneficiary_name as ben_name, b.account_ciphertext, p.beneficiary_bank_code as bank_code,
                   p.beneficiary_account_name,
                   a.code as account_code, a.account_number, a.name as account_name, a.time_zone, a.company_id,
                   exists (select 1 from payment_attempts x where x.payment_id = p.id and x.outcome = any($6)) as ambiguous_before
            from dispatch_jobs j join payment_orders p on p.id = j.payment_id join beneficiaries b on b.id = p.beneficiary_id
                 join accounts a on a.id = p.account_id
            where j.channel = $1 and ($3::bigint is null or j.payment_id = $3)
              and ((j.status = $4 and j.due_at <= now()) or (j.status = $5 and j.lease_until < now()))
            order by j.due_at, j.payment_id limit $2
            for update of j, p skip locked
            """;

    /** Ids of due jobs, unlocked: the candidates to claim one at a time when a batch cannot be claimed. */
    static final String DUE_IDS = """
            select j.payment_id from dispatch_jobs j
            where j.channel = $1 and ((j.status = $3 and j.due_at <= now()) or (j.status = $4 and j.lease_until < now()))
            order by j.due_at, j.payment_id limit $2
            """;

    static final String LOCK_KEYS = "select count(pg_advisory_xact_lock($1, x)) from (select unnest($2::int[]) as x order by 1) s";

    /**
     * What each beneficiary has been sent (or may have been sent) today, per currency, in the sending account's day.
     */
    static final String RISK_USAGE = """
            select p.beneficiary_id, p.currency, sum(p.amount_minor::numeric) as amount, count(*) as n
            from payment_orders p join accounts a on a.id = p.account_id
            where p.beneficiary_id = any($1) and p.state = any($2)
              and p.submitted_at >= (date_trunc('day', now() at time zone a.time_zone) at time zone a.time_zone)
            group by p.beneficiary_id, p.currency
            """;

    /** The orders of a record step, locked, with what the step needs to know about earlier attempts. */
    static final String LOCK_FOR_RECORD = """
            select p.id, p.state, p.submitted_at,
                   exists (select 1 from payment_attempts x where x.payment_id = p.id and x.outcome = any($2)) as ambiguous_before
            from payment_orders p where p.id = any($1) for update
            """;

    /** An order, locked, with its job's status (not locked: only the order is). */
    static final String LOCK_ORDER = """
            select p.id, p.state, p.hold_reason, j.status as job_status from payment_orders p left join dispatch_jobs j on j.payment_id = p.id
            where p.id = $1 for update of p""";

    static final String UPDATE_ORDERS = """
            update payment_orders p set state = u.state, hold_reason = u.hold,
                submitted_at = case when u.state = $8 then coalesce(p.submitted_at, now()) else p.submitted_at end,
                finished_at = case when u.state = any($9) then now() else p.finished_at end,
                provider_payment_id = coalesce(u.provider_id, p.provider_payment_id),
                processed_minor = coalesce(u.processed, p.processed_minor),
                failure_reason = coalesce(u.failure, p.failure_reason),
                bank_file_id = coalesce(u.bank_file, p.bank_file_id),
                updated_at = now(), version = p.version + 1
            from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::bigint[])
                 as u(id, state, hold, provider_id, processed, failure, bank_file)
            where p.id = u.id
            """;

    static final String INSERT_HISTORY = """
            insert into payment_history (payment_id, from_state, to_state, actor, reason)
            select * from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[])
            """;

    static final String UPDATE_JOBS = """
            update dispatch_jobs j set status = u.status,
                due_at = case when u.delay_ms is null then j.due_at else now() + u.delay_ms * interval '1 millisecond' end,
                lease_until = case when u.status = $8 then now() + $5 * interval '1 millisecond' end,
                attempts = j.attempts + u.inc, claimed_by = $6, last_error = coalesce(u.err, j.last_error), updated_at = now()
            from unnest($1::bigint[], $2::text[], $3::bigint[], $4::int[], $7::text[]) as u(id, status, delay_ms, inc, err)
            where j.payment_id = u.id
            """;

    static final String INSERT_ATTEMPTS = """
            insert into payment_attempts (payment_id, attempt_no, outcome, http_status, provider_payment_id, error, started_at)
            select * from unnest($1::bigint[], $2::int[], $3::text[], $4::int[], $5::text[], $6::text[], $7::timestamptz[])
            """;

    /** Orders with a provider object id to ask about again: submitted, or unknown once their object is known. */
    static final String CLAIM_POLL_BY_ID = """
            update payment_orders set last_polled_at = now() where id in (
                select id from payment_orders where channel = $3 and state = any($4) and provider_payment_id is not null
                  and coalesce(last_polled_at, submitted_at) < now() - $1 * interval '1 millisecond'
                order by id limit $2 for update skip locked)
            returning id, type, provider_payment_id""";

    /**
     * Unknown outcomes whose provider object we never learned, to search for (within {@code poll.unknown-for} of the
     * first send).
     */
    static final String CLAIM_SEARCH = """
            update payment_orders p set last_polled_at = now() from beneficiaries b where p.id in (
                select id from payment_orders where channel = $4 and state = $5 and provider_payment_id is null
                  and coalesce(last_polled_at, submitted_at) < now() - $1 * interval '1 millisecond'
                  and submitted_at > now() - $3 * interval '1 millisecond'
                order by id limit $2 for update skip locked) and b.id = p.beneficiary_id
            returning p.id, p.type, p.amount_minor, p.currency, p.reference, b.beneficiary_key, p.refund_of, p.idempotency_key, p.submitted_at""";

    /** Orders whose money has left or may have: what a beneficiary's daily limits count. */
    private static final String[] MAY_HAVE_PAID = {PaymentState.SUBMITTED.code(), PaymentState.UNKNOWN.code(),
            PaymentState.COMPLETED.code()};
    private static final String[] FINAL = java.util.Arrays.stream(PaymentState.values()).filter(PaymentState::isFinal)
            .map(PaymentState::code)
            .toArray(String[]::new);

    private final Pool pool;
    private final BalanceRepository balances;

    public DispatchRepository(Pool pool, BalanceRepository balances) {
        this.pool = pool;
        this.balances = balances;
    }

    /** A transaction of the dispatcher on the SQL client: the repositories' statements of one step run in it. */
    public record Tx(SqlConnection conn) {
    }

    /** Runs {@code work} in a transaction of its own, committed when its Uni succeeds. */
    <T> Uni<T> inTransaction(Function<Tx, Uni<T>> work) {
        return pool.withTransaction(conn -> work.apply(new Tx(conn)));
    }

    /**
     * The collected writes of a claim or record step, one statement per table; jobs going in flight are leased for
     * {@code lease}.
     */
    Uni<Void> write(Tx tx, DispatchChanges ch, Duration lease, String worker) {
        SqlConnection conn = tx.conn();
        Uni<Void> u = Uni.createFrom().voidItem();
        if (!ch.oid.isEmpty()) {
            u = u.chain(() -> conn.preparedQuery(UPDATE_ORDERS)
                    .execute(Tuple.tuple(List.of(ch.oid.toArray(Long[]::new), ch.ostate.toArray(String[]::new),
                            ch.ohold.toArray(String[]::new), ch.oprov.toArray(String[]::new),
                            ch.oproc.toArray(Long[]::new), ch.ofail.toArray(String[]::new),
                            ch.ofile.toArray(Long[]::new), PaymentState.SUBMITTED.code(), FINAL)))
                    .replaceWithVoid());
        }
        if (!ch.hid.isEmpty()) {
            u = u.chain(() -> conn.preparedQuery(INSERT_HISTORY)
                    .execute(Tuple.of(ch.hid.toArray(Long[]::new), ch.hfrom.toArray(String[]::new),
                            ch.hto.toArray(String[]::new), ch.hactor.toArray(String[]::new),
                            ch.hreason.toArray(String[]::new)))
                    .replaceWithVoid());
        }
        if (!ch.jid.isEmpty()) {
            u = u.chain(() -> conn.preparedQuery(UPDATE_JOBS)
                    .execute(Tuple.tuple(List.of(ch.jid.toArray(Long[]::new), ch.jstatus.toArray(String[]::new),
                            ch.jdelay.toArray(Long[]::new), ch.jinc.toArray(Integer[]::new), lease.toMillis(), worker,
                            ch.jerr.toArray(String[]::new),
                            DispatchJobStatus.IN_FLIGHT.code())))
                    .replaceWithVoid());
        }
        if (!ch.aid.isEmpty()) {
            u = u.chain(() -> conn.preparedQuery(INSERT_ATTEMPTS)
                    .execute(Tuple.tuple(List.of(ch.aid.toArray(Long[]::new), ch.ano.toArray(Integer[]::new),
                            ch.aout.toArray(String[]::new), ch.ahttp.toArray(Integer[]::new),
                            ch.aprov.toArray(String[]::new), ch.aerr.toArray(String[]::new),
                            ch.astart.toArray(OffsetDateTime[]::new))))
                    .replaceWithVoid());
        }
        return u;
    }

    Uni<List<Row>> claim(Tx tx, String channel, int limit, Long onlyPaymentId) {
        return tx.conn().preparedQuery(CLAIM).execute(Tuple.of(channel, limit, onlyPaymentId,
                DispatchJobStatus.PENDING.code(), DispatchJobStatus.IN_FLIGHT.code(), AttemptOutcome.MAY_HAVE_EXECUTED))
                .map(DispatchRepository::rows);
    }

    Uni<List<Long>> dueIds(String channel, int limit) {
        return pool.preparedQuery(DUE_IDS)
                .execute(Tuple.of(channel, limit, DispatchJobStatus.PENDING.code(), DispatchJobStatus.IN_FLIGHT.code()))
                .map(rows -> rows(rows).stream().map(r -> r.getLong("payment_id")).toList());
    }

    /**
     * Serialises balance and risk decisions per account and beneficiary across dispatchers; always the same order
     * (accounts, then beneficiaries, ascending) so that two dispatchers cannot deadlock.
     */
    Uni<Void> lockAccountsAndBeneficiaries(Tx tx, Collection<Long> accounts, Collection<Long> beneficiaries) {
        return tx.conn().preparedQuery(LOCK_KEYS)
                .execute(Tuple.of(ACCOUNT_LOCKS, accounts.stream().map(Long::intValue).toArray(Integer[]::new)))
                .chain(() -> tx.conn().preparedQuery(LOCK_KEYS).execute(Tuple.of(BENEFICIARY_LOCKS,
                        beneficiaries.stream().map(Long::intValue).toArray(Integer[]::new))))
                .replaceWithVoid();
    }

    /** The available balance of each (account, currency) pair by its one definition, read on the claim's connection. */
    Uni<List<BalanceRepository.Available>> balances(Tx tx, List<Long> accounts, List<String> currencies) {
        return balances.available(tx.conn(), accounts, currencies);
    }

    Uni<List<Row>> riskUsage(Tx tx, Collection<Long> beneficiaries) {
        return tx.conn().preparedQuery(RISK_USAGE).execute(Tuple.of(beneficiaries.toArray(Long[]::new), MAY_HAVE_PAID))
                .map(DispatchRepository::rows);
    }

    Uni<List<Row>> lockForRecord(Tx tx, Collection<Long> ids) {
        return tx.conn().preparedQuery(LOCK_FOR_RECORD)
                .execute(Tuple.of(ids.toArray(Long[]::new), AttemptOutcome.MAY_HAVE_EXECUTED))
                .map(DispatchRepository::rows);
    }

    Uni<Row> lockOrder(Tx tx, long id) {
        return tx.conn().preparedQuery(LOCK_ORDER).execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next() : null);
    }

    Uni<List<Row>> claimPollById(Duration after, int limit) {
        return pool.preparedQuery(CLAIM_POLL_BY_ID)
                .execute(Tuple.of(after.toMillis(), limit, DispatchChannel.STRIPE.code(),
                        new String[]{PaymentState.SUBMITTED.code(), PaymentState.UNKNOWN.code()}))
                .map(DispatchRepository::rows);
    }

    Uni<List<Row>> claimSearch(Duration after, int limit, Duration within) {
        return pool.preparedQuery(CLAIM_SEARCH)
                .execute(Tuple.of(after.toMillis(), limit, within.toMillis(), DispatchChannel.STRIPE.code(),
                        PaymentState.UNKNOWN.code()))
                .map(DispatchRepository::rows);
    }

    static List<Row> rows(RowSet<Row> set) {
        List<Row> list = new ArrayList<>();
        set.forEach(list::add);
        return list;
    }
}
