package io.walletrecon.dispatch;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends scheduled payments exactly once.
 *
 * <ol>
 * <li><b>Claim</b> (one transaction): due jobs are taken with {@code FOR UPDATE SKIP LOCKED} together with their
 * orders, so concurrent dispatchers never take the same job. Under per-account and per-beneficiary advisory locks
 * the balance and risk checks run for the whole batch; orders that pass become SUBMITTED and their job is leased
 * ({@code in_flight}, {@code lease_until}); the others are held.</li>
 * <li><b>Send</b> (no transaction open): each order goes to the provider with its payment id as idempotency key.</li>
 * <li><b>Record</b> (one transaction): attempts, provider ids, retries with backoff, final failures.</li>
 * </ol>
 * A dispatcher that dies between send and record leaves a leased job; once the lease runs out another dispatcher
 * claims it and sends again with the same key, and the provider answers with the first result.
 */
@ApplicationScoped
public class DispatchService {

    private static final Logger LOG = Logger.getLogger(DispatchService.class);
    private static final int ACCOUNT_LOCKS = 0x64697370;   // "disp"
    private static final int BENEFICIARY_LOCKS = 0x62656e65; // "bene"

    static final String CLAIM = """
            select j.payment_id, j.status as job_status, j.attempts, p.state, p.hold_reason, p.account_id, p.amount_minor, p.currency,
                   p.beneficiary_id, p.risk_cleared, p.type, p.reference, p.refund_of, p.execute_on, b.beneficiary_key, b.name as ben_name,
                   b.account_ciphertext, b.bank_code, a.code as account_code, a.name as account_name, a.time_zone
            from dispatch_jobs j join payment_orders p on p.id = j.payment_id join beneficiaries b on b.id = p.beneficiary_id
                 join accounts a on a.id = p.account_id
            where j.channel = $1 and ((j.status = 'pending' and j.due_at <= now()) or (j.status = 'in_flight' and j.lease_until < now()))
            order by j.due_at, j.payment_id limit $2
            for update of j, p skip locked
            """;

    /**
     * Available balance of each account: the closing balance of its latest statement, plus the net of succeeded
     * transactions valued after that statement's period end, less orders SUBMITTED (sent, not final), less orders
     * COMPLETED since the statement that no transaction row shows yet. No statement means no known balance.
     */
    static final String BALANCES = """
            with acct as (select unnest($1::bigint[]) as account_id),
            st as (select distinct on (s.account_id) s.account_id, s.closing_balance_minor, s.period_end
                   from statements s join acct on acct.account_id = s.account_id
                   where s.closing_balance_minor is not null and s.period_end is not null
                   order by s.account_id, s.period_end desc, s.imported_at desc)
            select acct.account_id, st.closing_balance_minor is not null as known,
                   coalesce(st.closing_balance_minor, 0)
                   + coalesce((select sum(case when t.direction = 'in' then t.amount_minor - coalesce(t.fee_minor, 0) - t.refunded_minor
                                               else -(t.amount_minor + coalesce(t.fee_minor, 0)) end)
                               from transactions t where t.account_id = acct.account_id and t.value_date > st.period_end
                                 and t.status in ('succeeded', 'refunded', 'partially_refunded')), 0)
                   - coalesce((select sum(p.amount_minor) from payment_orders p where p.account_id = acct.account_id
                                 and (p.state = 'submitted'
                                      or (p.state = 'completed' and p.submitted_at >= ((st.period_end + 1)::timestamp at time zone a.time_zone)
                                          and not exists (select 1 from transactions t where t.account_id = p.account_id
                                                          and t.provider_txn_id = p.provider_payment_id)))), 0) as available
            from acct join accounts a on a.id = acct.account_id left join st on st.account_id = acct.account_id
            """;

    static final String RISK_USAGE = """
            select p.beneficiary_id, p.currency, sum(p.amount_minor) as amount, count(*) as n
            from payment_orders p join accounts a on a.id = p.account_id
            where p.beneficiary_id = any($1) and p.state in ('submitted', 'completed')
              and p.submitted_at >= (date_trunc('day', now() at time zone a.time_zone) at time zone a.time_zone)
            group by p.beneficiary_id, p.currency
            """;

    static final String UPDATE_ORDERS = """
            update payment_orders p set state = u.state, hold_reason = u.hold,
                submitted_at = case when u.state = 'submitted' and p.state <> 'submitted' then now() else p.submitted_at end,
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

    private final Pool pool;
    private final PaymentProvider provider;
    private final AlertService alerts;
    private final BankFileService bankFiles;
    private final DispatchConfig config;
    private final String worker = "dispatcher-" + UUID.randomUUID().toString().substring(0, 8);

    public DispatchService(Pool pool, PaymentProvider provider, AlertService alerts, BankFileService bankFiles, DispatchConfig config) {
        this.pool = pool;
        this.provider = provider;
        this.alerts = alerts;
        this.bankFiles = bankFiles;
        this.config = config;
    }

    /** What one dispatcher run did. */
    @RegisterForReflection
    public record DispatchRun(int claimed, int sent, int accepted, int retrying, int failed, int held, int bankFiles) {

        public DispatchRun plus(DispatchRun o) {
            return new DispatchRun(claimed + o.claimed, sent + o.sent, accepted + o.accepted, retrying + o.retrying,
                    failed + o.failed, held + o.held, bankFiles + o.bankFiles);
        }
    }

    /** One claimed order and what the claim decided for it. */
    public record Claimed(Row row, long paymentId, int attemptNo, boolean resend, OutboundPayment payment) {
    }

    /** The orders a claim took that must now be sent, and how many it held. */
    public record Claim(List<Claimed> toSend, int claimed, int held) {
    }

    /** Claims and sends one batch of HTTP-provider orders, then one batch of bank-file orders. */
    public Uni<DispatchRun> dispatchDue() {
        return claim("stripe", config.batchSize())
                .chain(claim -> send(claim.toSend()).chain(results -> record(claim.toSend(), results))
                        .map(run -> new DispatchRun(claim.claimed(), claim.toSend().size(), run.accepted(), run.retrying(), run.failed(), claim.held(), 0)))
                .chain(run -> bankFiles.buildDue(this).map(files -> run.plus(files)))
                .chain(run -> bankFiles.handOver().replaceWith(run));
    }

    /** Step 1: claim due jobs of a channel and run the pre-send checks, in one transaction. */
    public Uni<Claim> claim(String channel, int limit) {
        return pool.withTransaction(conn -> claimIn(conn, channel, limit, null));
    }

    /**
     * Claims in {@code conn}'s transaction; {@code onSubmit}, if given, runs in the same transaction with the orders
     * that became SUBMITTED (the bank file adapter builds its file there).
     */
    Uni<Claim> claimIn(SqlConnection conn, String channel, int limit, java.util.function.Function<List<Claimed>, Uni<Void>> onSubmit) {
        return conn.preparedQuery(CLAIM).execute(Tuple.of(channel, limit)).chain(rows -> {
            List<Row> claimed = new ArrayList<>();
            rows.forEach(claimed::add);
            if (claimed.isEmpty()) {
                return Uni.createFrom().item(new Claim(List.of(), 0, 0));
            }
            TreeSet<Long> accounts = new TreeSet<>();
            TreeSet<Long> beneficiaries = new TreeSet<>();
            claimed.forEach(r -> {
                accounts.add(r.getLong("account_id"));
                beneficiaries.add(r.getLong("beneficiary_id"));
            });
            // Serialise balance and risk decisions per account and beneficiary across dispatchers; always the same
            // order (accounts, then beneficiaries, ascending) so that two dispatchers cannot deadlock.
            return conn.preparedQuery("select count(pg_advisory_xact_lock($1, x)) from (select unnest($2::int[]) as x order by 1) s")
                    .execute(Tuple.of(ACCOUNT_LOCKS, accounts.stream().map(Long::intValue).toArray(Integer[]::new)))
                    .chain(() -> conn.preparedQuery("select count(pg_advisory_xact_lock($1, x)) from (select unnest($2::int[]) as x order by 1) s")
                            .execute(Tuple.of(BENEFICIARY_LOCKS, beneficiaries.stream().map(Long::intValue).toArray(Integer[]::new))))
                    .chain(() -> conn.preparedQuery(BALANCES).execute(Tuple.of(accounts.toArray(Long[]::new))))
                    .chain(balanceRows -> conn.preparedQuery(RISK_USAGE).execute(Tuple.of(beneficiaries.toArray(Long[]::new)))
                            .chain(riskRows -> conn.preparedQuery("select " + "currency || '|' || auto_limit_minor || '|' || dual_limit_minor || '|' || coalesce(beneficiary_daily_amount_minor::text, '')"
                                            + " || '|' || coalesce(beneficiary_daily_count::text, '') || '|' || coalesce(large_amount_minor::text, '') from payment_policies where currency = any($1)")
                                    .execute(Tuple.of(claimed.stream().map(r -> r.getString("currency")).distinct().toArray(String[]::new)))
                                    .chain(policyRows -> decide(conn, channel, claimed, balanceRows, riskRows, policyRows, onSubmit))));
        });
    }

    private Uni<Claim> decide(SqlConnection conn, String channel, List<Row> claimed, io.vertx.mutiny.sqlclient.RowSet<Row> balanceRows,
                              io.vertx.mutiny.sqlclient.RowSet<Row> riskRows, io.vertx.mutiny.sqlclient.RowSet<Row> policyRows,
                              java.util.function.Function<List<Claimed>, Uni<Void>> onSubmit) {
        Map<Long, Long> available = new HashMap<>();
        Map<Long, Boolean> known = new HashMap<>();
        balanceRows.forEach(r -> {
            available.put(r.getLong("account_id"), r.getLong("available"));
            known.put(r.getLong("account_id"), r.getBoolean("known"));
        });
        Map<String, long[]> usage = new HashMap<>();
        riskRows.forEach(r -> usage.put(r.getLong("beneficiary_id") + "|" + r.getString("currency"),
                new long[]{r.getLong("amount"), r.getLong("n")}));
        Map<String, PaymentPolicy> policies = new HashMap<>();
        policyRows.forEach(r -> {
            PaymentPolicy p = PaymentPolicyService.parse(r.getString(0));
            policies.put(p.currency(), p);
        });

        Changes ch = new Changes();
        List<Claimed> toSend = new ArrayList<>();
        List<AlertService.NewAlert> newAlerts = new ArrayList<>();
        int held = 0;
        String actor = worker;
        for (Row r : claimed) {
            long id = r.getLong("payment_id");
            PaymentState state = PaymentState.of(r.getString("state"));
            String hold = r.getString("hold_reason");
            int attemptNo = r.getInteger("attempts") + 1;
            boolean leaseExpired = "in_flight".equals(r.getString("job_status"));
            if (state == PaymentState.SUBMITTED) {
                // Sent before by a dispatcher that never recorded the answer: send again with the same key.
                if (leaseExpired) {
                    ch.attempt(id, attemptNo - 1, "crashed", null, null,
                            "no result recorded before the lease ran out; re-sent with the same idempotency key", Instant.now());
                }
                ch.job(id, "in_flight", null, 1, null);
                toSend.add(claimedOf(r, id, attemptNo, true));
                continue;
            }
            if (state != PaymentState.SCHEDULED && !(state == PaymentState.HELD && "LOW_BALANCE".equals(hold))) {
                ch.job(id, "done", null, 0, "order is " + state.code() + "; nothing to send");
                continue;
            }
            long amount = r.getLong("amount_minor");
            String currency = r.getString("currency");
            long beneficiary = r.getLong("beneficiary_id");
            PaymentPolicy policy = policies.get(currency);
            long[] used = usage.computeIfAbsent(beneficiary + "|" + currency, k -> new long[2]);
            if (!r.getBoolean("risk_cleared") && policy != null && exceedsRisk(policy, used, amount)) {
                String why = "beneficiary " + r.getString("ben_name") + " would receive " + io.walletrecon.money.Money.ofMinor(used[0] + amount, currency)
                        + " in " + (used[1] + 1) + " payments today, over the daily limit of "
                        + (policy.beneficiaryDailyAmountMinor() == null ? "-" : io.walletrecon.money.Money.ofMinor(policy.beneficiaryDailyAmountMinor(), currency))
                        + " / " + (policy.beneficiaryDailyCount() == null ? "-" : policy.beneficiaryDailyCount()) + " payments";
                ch.order(id, state, PaymentState.HELD, "RISK", null, null, null, null, actor, "RISK: " + why);
                ch.job(id, "blocked", null, 0, why);
                newAlerts.add(new AlertService.NewAlert("RISK_LIMIT", id, "Payment " + id + " is held: " + why));
                held++;
                continue;
            }
            long account = r.getLong("account_id");
            long avail = available.getOrDefault(account, 0L);
            if (avail < amount) {
                String why = Boolean.TRUE.equals(known.get(account))
                        ? "account " + r.getString("account_code") + " has " + io.walletrecon.money.Money.ofMinor(avail, currency) + " available, "
                        + io.walletrecon.money.Money.ofMinor(amount, currency) + " needed"
                        : "account " + r.getString("account_code") + " has no statement with a closing balance yet";
                if (state != PaymentState.HELD) {
                    ch.order(id, state, PaymentState.HELD, "LOW_BALANCE", null, null, null, null, actor, "LOW_BALANCE: " + why);
                    newAlerts.add(new AlertService.NewAlert("LOW_BALANCE", id, "Payment " + id + " is held: " + why));
                }
                ch.job(id, "pending", config.balanceRecheck().toMillis(), 0, why);
                held++;
                continue;
            }
            available.put(account, avail - amount);
            used[0] += amount;
            used[1] += 1;
            ch.order(id, state, PaymentState.SUBMITTED, null, null, null, null, null, actor,
                    state == PaymentState.HELD ? "balance now sufficient; handed to " + r.getString("type") + " adapter" : "handed to the provider adapter");
            ch.job(id, "in_flight", null, 1, null);
            toSend.add(claimedOf(r, id, attemptNo, false));
        }
        int heldCount = held;
        return ch.apply(conn, config.lease(), worker)
                .chain(() -> alerts.raise(conn, newAlerts))
                .chain(() -> onSubmit == null ? Uni.createFrom().voidItem() : onSubmit.apply(toSend))
                .replaceWith(() -> new Claim(toSend, claimed.size(), heldCount));
    }

    private static boolean exceedsRisk(PaymentPolicy policy, long[] used, long amount) {
        return (policy.beneficiaryDailyAmountMinor() != null && used[0] + amount > policy.beneficiaryDailyAmountMinor())
                || (policy.beneficiaryDailyCount() != null && used[1] + 1 > policy.beneficiaryDailyCount());
    }

    private static Claimed claimedOf(Row r, long id, int attemptNo, boolean resend) {
        return new Claimed(r, id, attemptNo, resend, new OutboundPayment(id, r.getString("type"), r.getLong("amount_minor"),
                r.getString("currency"), r.getString("reference"), r.getString("beneficiary_key"), r.getString("refund_of")));
    }

    /** Step 2: the provider calls, {@code concurrency} at a time, outside any transaction. */
    public Uni<List<ProviderResult>> send(List<Claimed> toSend) {
        if (toSend.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<ProviderResult> results = new ArrayList<>(java.util.Collections.nCopies(toSend.size(), null));
        return Multi.createFrom().range(0, toSend.size())
                .onItem().transformToUni(i -> provider.send(toSend.get(i).payment()).invoke(res -> results.set(i, res)))
                .merge(Math.max(1, config.concurrency()))
                .collect().last()
                .replaceWith(() -> results);
    }

    /** Step 3: record what the provider said, for the whole batch in one transaction. */
    public Uni<DispatchRun> record(List<Claimed> sent, List<ProviderResult> results) {
        if (sent.isEmpty()) {
            return Uni.createFrom().item(new DispatchRun(0, 0, 0, 0, 0, 0, 0));
        }
        Instant started = Instant.now();
        return pool.withTransaction(conn -> conn.preparedQuery("select id, state from payment_orders where id = any($1) for update")
                .execute(Tuple.of(sent.stream().map(Claimed::paymentId).toArray(Long[]::new)))
                .chain(rows -> {
                    Map<Long, PaymentState> current = new HashMap<>();
                    rows.forEach(r -> current.put(r.getLong("id"), PaymentState.of(r.getString("state"))));
                    Changes ch = new Changes();
                    List<AlertService.NewAlert> newAlerts = new ArrayList<>();
                    int accepted = 0;
                    int retrying = 0;
                    int failed = 0;
                    for (int i = 0; i < sent.size(); i++) {
                        Claimed c = sent.get(i);
                        ProviderResult res = results.get(i);
                        PaymentState now = current.get(c.paymentId());
                        boolean stillSubmitted = now == PaymentState.SUBMITTED;
                        if (res instanceof ProviderResult.Accepted a) {
                            accepted++;
                            ch.attempt(c.paymentId(), c.attemptNo(), "accepted", a.httpStatus(), a.providerPaymentId(), null, started);
                            ch.job(c.paymentId(), "done", null, 0, null);
                            PaymentState to = stillSubmitted && a.outcome() != null ? a.outcome().state() : now;
                            ch.order(c.paymentId(), now, to, null, a.providerPaymentId(), a.processedMinor(),
                                    a.outcome() == ProviderOutcome.FAILED ? "provider status " + a.providerStatus() : null, null, worker,
                                    "provider " + a.providerPaymentId() + " status " + a.providerStatus());
                        } else if (res instanceof ProviderResult.Transient t) {
                            ch.attempt(c.paymentId(), c.attemptNo(), "retry", t.httpStatus(), null, t.error(), started);
                            if (c.attemptNo() >= config.maxAttempts()) {
                                failed++;
                                String why = "gave up after " + c.attemptNo() + " attempts; last: " + t.error();
                                ch.job(c.paymentId(), "done", null, 0, why);
                                if (stillSubmitted) {
                                    ch.order(c.paymentId(), now, PaymentState.FAILED, null, null, null, why, null, worker, why);
                                    newAlerts.add(new AlertService.NewAlert("PAYMENT_FAILED", c.paymentId(), "Payment " + c.paymentId() + " failed: " + why));
                                }
                            } else {
                                retrying++;
                                ch.job(c.paymentId(), "pending", backoff(c.attemptNo(), t.retryAfter()).toMillis(), 0, t.error());
                            }
                        } else if (res instanceof ProviderResult.Rejected x) {
                            failed++;
                            ch.attempt(c.paymentId(), c.attemptNo(), "rejected", x.httpStatus(), null, x.error(), started);
                            ch.job(c.paymentId(), "done", null, 0, x.error());
                            if (stillSubmitted) {
                                ch.order(c.paymentId(), now, PaymentState.FAILED, null, null, null, "provider refused: " + x.error(), null, worker,
                                        "provider refused: " + x.error());
                                newAlerts.add(new AlertService.NewAlert("PAYMENT_FAILED", c.paymentId(), "Payment " + c.paymentId() + " was refused: " + x.error()));
                            }
                        }
                    }
                    int a = accepted;
                    int r = retrying;
                    int f = failed;
                    return ch.apply(conn, config.lease(), worker).chain(() -> alerts.raise(conn, newAlerts))
                            .replaceWith(new DispatchRun(0, 0, a, r, f, 0, 0));
                }));
    }

    /** Exponential backoff with full jitter over the upper half, never sooner than the provider's Retry-After. */
    Duration backoff(int attemptNo, Duration retryAfter) {
        long base = config.backoffBase().toMillis();
        long cap = config.backoffMax().toMillis();
        long exp = Math.min(cap, base * (1L << Math.min(20, attemptNo - 1)));
        long jittered = exp / 2 + ThreadLocalRandom.current().nextLong(exp / 2 + 1);
        long ms = retryAfter == null ? jittered : Math.max(jittered, retryAfter.toMillis());
        return Duration.ofMillis(ms);
    }

    /** Set-based writes of one claim or record step: every list becomes one array parameter. */
    static final class Changes {
        final List<Long> oid = new ArrayList<>();
        final List<String> ostate = new ArrayList<>();
        final List<String> ohold = new ArrayList<>();
        final List<String> oprov = new ArrayList<>();
        final List<Long> oproc = new ArrayList<>();
        final List<String> ofail = new ArrayList<>();
        final List<Long> ofile = new ArrayList<>();
        final List<Long> hid = new ArrayList<>();
        final List<String> hfrom = new ArrayList<>();
        final List<String> hto = new ArrayList<>();
        final List<String> hactor = new ArrayList<>();
        final List<String> hreason = new ArrayList<>();
        final List<Long> jid = new ArrayList<>();
        final List<String> jstatus = new ArrayList<>();
        final List<Long> jdelay = new ArrayList<>();
        final List<Integer> jinc = new ArrayList<>();
        final List<String> jerr = new ArrayList<>();
        final List<Long> aid = new ArrayList<>();
        final List<Integer> ano = new ArrayList<>();
        final List<String> aout = new ArrayList<>();
        final List<Integer> ahttp = new ArrayList<>();
        final List<String> aprov = new ArrayList<>();
        final List<String> aerr = new ArrayList<>();
        final List<OffsetDateTime> astart = new ArrayList<>();

        void order(long id, PaymentState from, PaymentState to, String hold, String providerId, Long processed, String failure,
                   Long bankFile, String actor, String reason) {
            if (from != to) {
                PaymentStateMachine.require(id, from, to);
                hid.add(id);
                hfrom.add(from.code());
                hto.add(to.code());
                hactor.add(actor);
                hreason.add(reason);
            }
            oid.add(id);
            ostate.add(to.code());
            ohold.add(hold);
            oprov.add(providerId);
            oproc.add(processed);
            ofail.add(failure);
            ofile.add(bankFile);
        }

        void job(long id, String status, Long delayMs, int inc, String error) {
            jid.add(id);
            jstatus.add(status);
            jdelay.add(delayMs);
            jinc.add(inc);
            jerr.add(error);
        }

        void attempt(long id, int no, String outcome, Integer http, String providerId, String error, Instant started) {
            aid.add(id);
            ano.add(no);
            aout.add(outcome);
            ahttp.add(http);
            aprov.add(providerId);
            aerr.add(error);
            astart.add(started.atOffset(ZoneOffset.UTC));
        }

        Uni<Void> apply(SqlConnection conn, Duration lease, String worker) {
            Uni<Void> u = Uni.createFrom().voidItem();
            if (!oid.isEmpty()) {
                u = u.chain(() -> conn.preparedQuery(UPDATE_ORDERS).execute(Tuple.tuple(List.of(oid.toArray(Long[]::new), ostate.toArray(String[]::new),
                        ohold.toArray(String[]::new), oprov.toArray(String[]::new), oproc.toArray(Long[]::new), ofail.toArray(String[]::new),
                        ofile.toArray(Long[]::new)))).replaceWithVoid());
            }
            if (!hid.isEmpty()) {
                u = u.chain(() -> conn.preparedQuery(INSERT_HISTORY).execute(Tuple.of(hid.toArray(Long[]::new), hfrom.toArray(String[]::new),
                        hto.toArray(String[]::new), hactor.toArray(String[]::new), hreason.toArray(String[]::new))).replaceWithVoid());
            }
            if (!jid.isEmpty()) {
                u = u.chain(() -> conn.preparedQuery(UPDATE_JOBS).execute(Tuple.tuple(List.of(jid.toArray(Long[]::new), jstatus.toArray(String[]::new),
                        jdelay.toArray(Long[]::new), jinc.toArray(Integer[]::new), lease.toMillis(), worker, jerr.toArray(String[]::new)))).replaceWithVoid());
            }
            if (!aid.isEmpty()) {
                u = u.chain(() -> conn.preparedQuery(INSERT_ATTEMPTS).execute(Tuple.tuple(List.of(aid.toArray(Long[]::new), ano.toArray(Integer[]::new),
                        aout.toArray(String[]::new), ahttp.toArray(Integer[]::new), aprov.toArray(String[]::new), aerr.toArray(String[]::new),
                        astart.toArray(OffsetDateTime[]::new)))).replaceWithVoid());
            }
            return u;
        }
    }
}
