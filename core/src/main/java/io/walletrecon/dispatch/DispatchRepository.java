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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dispatcher's SQL: set-based statements over arrays on the Vert.x pool, in the caller's connection and
 * transaction. Writes of a claim or a record step are collected in {@link DispatchChanges}.
 */
@ApplicationScoped
public class DispatchRepository {

    static final int ACCOUNT_LOCKS = 0x64697370;   // "disp"
    static final int BENEFICIARY_LOCKS = 0x62656e65; // "bene"

    /** Due jobs of a channel (or the one job {@code $3}) with their orders, locked; a live lease keeps a job out. */
    static final String CLAIM = """
            select j.payment_id, j.status as job_status, j.attempts, p.state, p.hold_reason, p.account_id, p.amount_minor, p.currency,
                   p.beneficiary_id, p.risk_cleared, p.type, p.reference, p.refund_of, p.execute_on, p.idempotency_key, p.submitted_at,
                   b.beneficiary_key, p.beneficiary_name as ben_name, b.account_ciphertext, p.beneficiary_bank_code as bank_code,
                   a.code as account_code, a.name as account_name, a.time_zone, a.company_id,
                   exists (select 1 from payment_attempts x where x.payment_id = p.id and x.outcome in ('ambiguous', 'crashed')) as ambiguous_before
            from dispatch_jobs j join payment_orders p on p.id = j.payment_id join beneficiaries b on b.id = p.beneficiary_id
                 join accounts a on a.id = p.account_id
            where j.channel = $1 and ($3::bigint is null or j.payment_id = $3)
              and ((j.status = 'pending' and j.due_at <= now()) or (j.status = 'in_flight' and j.lease_until < now()))
            order by j.due_at, j.payment_id limit $2
            for update of j, p skip locked
            """;

    /** Ids of due jobs, unlocked: the candidates to claim one at a time when a batch cannot be claimed. */
    static final String DUE_IDS = """
            select j.payment_id from dispatch_jobs j
            where j.channel = $1 and ((j.status = 'pending' and j.due_at <= now()) or (j.status = 'in_flight' and j.lease_until < now()))
            order by j.due_at, j.payment_id limit $2
            """;

    static final String LOCK_KEYS = "select count(pg_advisory_xact_lock($1, x)) from (select unnest($2::int[]) as x order by 1) s";

    /** What each beneficiary has been sent (or may have been sent) today, per currency, in the sending account's day. */
    static final String RISK_USAGE = """
            select p.beneficiary_id, p.currency, sum(p.amount_minor::numeric) as amount, count(*) as n
            from payment_orders p join accounts a on a.id = p.account_id
            where p.beneficiary_id = any($1) and p.state in ('submitted', 'unknown', 'completed')
              and p.submitted_at >= (date_trunc('day', now() at time zone a.time_zone) at time zone a.time_zone)
            group by p.beneficiary_id, p.currency
            """;

    /** The stored policies of (company id, currency) pairs, as {@link PaymentPolicyRepository#POLICY_ROW} with the company id first. */
    static final String POLICIES = "select p.company_id, " + PaymentPolicyRepository.POLICY_ROW + " from payment_policies p join companies c on c.id = p.company_id"
            + " join unnest($1::bigint[], $2::text[]) as w(company_id, currency) on w.company_id = p.company_id and w.currency = p.currency";

    /** The orders of a record step, locked, with what the step needs to know about earlier attempts. */
    static final String LOCK_FOR_RECORD = """
            select p.id, p.state, p.submitted_at,
                   exists (select 1 from payment_attempts x where x.payment_id = p.id and x.outcome in ('ambiguous', 'crashed')) as ambiguous_before
            from payment_orders p where p.id = any($1) for update
            """;

    static final String LOCK_ORDER = "select id, state, hold_reason from payment_orders where id = $1 for update";

    static final String UPDATE_ORDERS = """
            update payment_orders p set state = u.state, hold_reason = u.hold,
                submitted_at = case when u.state = 'submitted' then coalesce(p.submitted_at, now()) else p.submitted_at end,
                finished_at = case when u.state in ('completed', 'failed', 'returned', 'cancelled') then now() else p.finished_at end,
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
                lease_until = case when u.status = 'in_flight' then now() + $5 * interval '1 millisecond' end,
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
                select id from payment_orders where channel = 'stripe' and state in ('submitted', 'unknown') and provider_payment_id is not null
                  and coalesce(last_polled_at, submitted_at) < now() - $1 * interval '1 millisecond'
                order by id limit $2 for update skip locked)
            returning id, type, provider_payment_id""";

    /** Unknown outcomes whose provider object we never learned, to search for (within {@code poll.unknown-for} of the first send). */
    static final String CLAIM_SEARCH = """
            update payment_orders p set last_polled_at = now() from beneficiaries b where p.id in (
                select id from payment_orders where channel = 'stripe' and state = 'unknown' and provider_payment_id is null
                  and coalesce(last_polled_at, submitted_at) < now() - $1 * interval '1 millisecond'
                  and submitted_at > now() - $3 * interval '1 millisecond'
                order by id limit $2 for update skip locked) and b.id = p.beneficiary_id
            returning p.id, p.type, p.amount_minor, p.currency, p.reference, b.beneficiary_key, p.refund_of, p.idempotency_key, p.submitted_at""";

    private final Pool pool;
    private final BalanceRepository balances;

    public DispatchRepository(Pool pool, BalanceRepository balances) {
        this.pool = pool;
        this.balances = balances;
    }

    Pool pool() {
        return pool;
    }

    Uni<List<Row>> claim(SqlConnection conn, String channel, int limit, Long onlyPaymentId) {
        return conn.preparedQuery(CLAIM).execute(Tuple.of(channel, limit, onlyPaymentId)).map(DispatchRepository::rows);
    }

    Uni<List<Long>> dueIds(String channel, int limit) {
        return pool.preparedQuery(DUE_IDS).execute(Tuple.of(channel, limit))
                .map(rows -> rows(rows).stream().map(r -> r.getLong("payment_id")).toList());
    }

    /**
     * Serialises balance and risk decisions per account and beneficiary across dispatchers; always the same order
     * (accounts, then beneficiaries, ascending) so that two dispatchers cannot deadlock.
     */
    Uni<Void> lockAccountsAndBeneficiaries(SqlConnection conn, Collection<Long> accounts, Collection<Long> beneficiaries) {
        return conn.preparedQuery(LOCK_KEYS).execute(Tuple.of(ACCOUNT_LOCKS, accounts.stream().map(Long::intValue).toArray(Integer[]::new)))
                .chain(() -> conn.preparedQuery(LOCK_KEYS).execute(Tuple.of(BENEFICIARY_LOCKS,
                        beneficiaries.stream().map(Long::intValue).toArray(Integer[]::new))))
                .replaceWithVoid();
    }

    /** The available balance of each (account, currency) pair by its one definition, read on the claim's connection. */
    Uni<List<Available>> balances(SqlConnection conn, List<Long> accounts, List<String> currencies) {
        return balances.available(conn, accounts, currencies);
    }

    Uni<List<Row>> riskUsage(SqlConnection conn, Collection<Long> beneficiaries) {
        return conn.preparedQuery(RISK_USAGE).execute(Tuple.of(beneficiaries.toArray(Long[]::new))).map(DispatchRepository::rows);
    }

    /** The stored policies of the given companies' currencies (pairs by index), keyed {@code companyId|currency}. */
    Uni<Map<String, PaymentPolicy>> policies(SqlConnection conn, List<Long> companyIds, List<String> currencies) {
        return conn.preparedQuery(POLICIES).execute(Tuple.of(companyIds.toArray(Long[]::new), currencies.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, PaymentPolicy> m = new HashMap<>();
                    rows(rows).forEach(r -> {
                        PaymentPolicy p = PaymentPolicyService.parse(r.getString(1));
                        m.put(r.getLong(0) + "|" + p.currency(), p);
                    });
                    return m;
                });
    }

    Uni<List<Row>> lockForRecord(SqlConnection conn, Collection<Long> ids) {
        return conn.preparedQuery(LOCK_FOR_RECORD).execute(Tuple.of(ids.toArray(Long[]::new))).map(DispatchRepository::rows);
    }

    Uni<Row> lockOrder(SqlConnection conn, long id) {
        return conn.preparedQuery(LOCK_ORDER).execute(Tuple.of(id)).map(rows -> rows.iterator().hasNext() ? rows.iterator().next() : null);
    }

    Uni<List<Row>> claimPollById(Duration after, int limit) {
        return pool.preparedQuery(CLAIM_POLL_BY_ID).execute(Tuple.of(after.toMillis(), limit)).map(DispatchRepository::rows);
    }

    Uni<List<Row>> claimSearch(Duration after, int limit, Duration within) {
        return pool.preparedQuery(CLAIM_SEARCH).execute(Tuple.of(after.toMillis(), limit, within.toMillis())).map(DispatchRepository::rows);
    }

    static List<Row> rows(RowSet<Row> set) {
        List<Row> list = new ArrayList<>();
        set.forEach(list::add);
        return list;
    }
}
