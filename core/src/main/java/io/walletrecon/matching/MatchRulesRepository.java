package io.walletrecon.matching;

import io.walletrecon.customers.CollectionCodeService;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The matching rules as set-based SQL over temp tables, run inside the caller's transaction (which holds the
 * account's advisory lock). Each rule reads what the previous ones left, writes its matches into {@code mr_m}
 * (one row per match, keyed by {@code grp}) and {@code mr_i} (its items), and {@link #persist} turns those into
 * {@code matches}/{@code match_items} in two INSERT ... SELECT statements. Window functions decide uniqueness
 * (a receipt with several candidates, or a receivable wanted by several receipts, is never matched silently).
 * Everything is ordered by ids, so the same input gives the same matches.
 */
@ApplicationScoped
public class MatchRulesRepository {

    static final String KIND_RECEIPT = "receipt_receivable";
    static final String KIND_RECORD = "record_statement";
    static final String KIND_SETTLEMENT = "settlement_bank";
    /** Resolved once per statement (an InitPlan), not per row: pg_get_serial_sequence per row cost ~2 s at 1M matches. */
    private static final String MATCHES_ID_SEQ = "(select cast(pg_get_serial_sequence('matches', 'id') as regclass))";

    private final ObjectMapper json;

    public MatchRulesRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Runs every enabled rule for {@code ctx}; {@code progress} receives items processed so far. */
    Uni<RunCounts> run(Mutiny.Session s, RunContext ctx, Progress progress) {
        RunCounts counts = new RunCounts();
        Steps steps = new Steps();
        long[] sizes = new long[3];

        // The rules hash-join and sort whole tables; the default 4 MB work_mem would spill them to disk (at 1M rows
        // the reference candidates sort ~140 MB). JIT compiles each of these one-off statements (0.8 s for the
        // reference candidates at 1M rows) and wins nothing back. Both local to this transaction.
        steps.add(() -> exec(s, "set local work_mem = '256MB'"));
        steps.add(() -> exec(s, "set local jit = off"));
        steps.add(() -> exec(s, "create temp table mr_m (grp bigint primary key, rule text not null, confidence numeric(4,3) not null, "
                + "status text not null, currency text not null, left_total bigint not null, right_total bigint not null) on commit drop"));
        steps.add(() -> exec(s, "create temp table mr_i (grp bigint not null, side text not null, item_type text not null, "
                + "item_id bigint not null, amount bigint not null) on commit drop"));
        // A person's rejection or unmatch blocks that pair for good; a live suggestion holds its receivable.
        steps.add(() -> exec(s, """
                create temp table mr_blocked on commit drop as
                select distinct m.kind, l.item_id as left_id, r.item_id as right_id
                from matches m
                join match_items l on l.match_id = m.id and l.side = 'left'
                join match_items r on r.match_id = m.id and r.side = 'right'
                where m.account_id = %d and m.status in ('rejected', 'unmatched')""".formatted(ctx.accountId())));
        steps.add(() -> exec(s, "analyze mr_blocked"));
        steps.add(() -> exec(s, """
                create temp table mr_held on commit drop as
                select distinct mi.item_id as id from match_items mi join matches m on m.id = mi.match_id
                where mi.live and mi.item_type = 'receivable' and m.status = 'suggested'"""));
        steps.add(() -> exec(s, "create unique index on mr_held (id)"));
        steps.add(() -> exec(s, "analyze mr_held"));
        // Usually both are empty; then the reference rule leaves out its two anti-joins (0.8 s at 1M receipts).
        long[] decisions = new long[1];
        steps.add(() -> count(s, "select (select count(*) from mr_held) + (select count(*) from mr_blocked)")
                .invoke(n -> decisions[0] = n).replaceWithVoid());

        // Left sides, built up front so that the run knows its total.
        steps.add(() -> exec(s, """
                create temp table mr_receipt on commit drop as
                select t.id, t.amount_minor as amt, t.currency, t.merchant_reference as ref,
                       case when strpos(upper(coalesce(t.merchant_reference, '') || ' ' || coalesce(t.description, '')), 'WR') > 0
                            then substring(upper(coalesce(t.merchant_reference, '') || ' ' || coalesce(t.description, '')) from '%s') end as code,
                       t.payer_identity, t.value_date,
                       t.occurred_at, coalesce(t.customer_id, pi.customer_id) as customer_id, %s as tol
                from transactions t
                left join payer_identities pi on pi.kind = t.payer_kind and pi.identity_key = t.payer_identity
                where t.account_id = %d and t.kind = 'payment' and t.direction = 'in'
                  and t.status in ('succeeded', 'partially_refunded') and %s
                  and not exists (select 1 from match_items mi where mi.match_kind = 'receipt_receivable'
                                  and mi.item_type = 'transaction' and mi.item_id = t.id and mi.live)"""
                .formatted(CollectionCodeService.SQL_CODE_PATTERN, ctx.tol("t.amount_minor"), ctx.accountId(), ctx.txnScope("t"))));
        steps.add(() -> exec(s, "create unique index on mr_receipt (id)"));
        steps.add(() -> exec(s, "analyze mr_receipt"));
        steps.add(() -> exec(s, """
                create temp table mr_rec on commit drop as
                select t.id, t.provider_txn_id, t.kind, t.currency, t.value_date,
                       case when t.direction = 'in' then t.amount_minor else -t.amount_minor end as signed
                from transactions t
                where t.account_id = %d and %s and t.source = 'webhook' and t.kind in ('payment', 'refund')
                  and t.status not in ('pending', 'failed') and %s
                  and not exists (select 1 from match_items mi where mi.match_kind = 'record_statement'
                                  and mi.item_type = 'transaction' and mi.item_id = t.id and mi.live)"""
                .formatted(ctx.accountId(), ctx.walletAccount() && ctx.on("record_statement"), ctx.txnScope("t"))));
        steps.add(() -> exec(s, """
                create temp table mr_payout on commit drop as
                select row_number() over (order by item_type desc, item_id) as grp, p.*
                from (
                  select 'transaction' as item_type, t.id as item_id, coalesce(t.payout_id, t.provider_txn_id) as pid,
                         t.amount_minor as amt, t.currency, t.value_date
                  from transactions t
                  where t.account_id = %1$d and t.kind = 'payout' and t.status <> 'failed' and %2$s
                    and not exists (select 1 from match_items mi where mi.match_kind = 'settlement_bank'
                                    and mi.item_type = 'transaction' and mi.item_id = t.id and mi.live)
                  union all
                  select 'statement_line', l.id, coalesce(l.payout_id, l.provider_txn_id), abs(l.amount_minor), l.currency, l.value_date
                  from statement_lines l
                  where l.account_id = %1$d and l.kind = 'payout' and %3$s
                    and not exists (select 1 from match_items mi where mi.match_kind = 'settlement_bank'
                                    and mi.item_type = 'statement_line' and mi.item_id = l.id and mi.live)
                    and not exists (select 1 from transactions t2 where t2.account_id = %1$d and t2.kind = 'payout'
                                    and coalesce(t2.payout_id, t2.provider_txn_id) = coalesce(l.payout_id, l.provider_txn_id))
                ) p
                where %4$s"""
                .formatted(ctx.accountId(), ctx.txnScope("t"), ctx.lineScope("l"), ctx.walletAccount() && ctx.on("settlement"))));
        steps.add(() -> count(s, "select (select count(*) from mr_receipt) + (select count(*) from mr_rec) + (select count(*) from mr_payout)")
                .chain(n -> {
                    sizes[0] = n;
                    return progress.total(n);
                }));

        // 1. Receipts to receivables.
        if (ctx.on("reference")) {
            reference(s, ctx, counts, steps, decisions);
        }
        if (ctx.on("payer_amount")) {
            payerAmount(s, ctx, counts, steps);
        }
        steps.add(() -> exec(s, """
                create temp table mr_open on commit drop as
                select r.id, r.customer_id, r.currency, r.amount_minor - r.paid_minor as outstanding, r.due_date
                from receivables r
                where r.status in ('open', 'partially_paid') and r.currency in (select distinct currency from mr_receipt)
                  and not exists (select 1 from mr_held h where h.id = r.id)"""));
        steps.add(() -> exec(s, "create index on mr_open (customer_id)"));
        steps.add(() -> exec(s, "create index on mr_open (currency, outstanding, due_date)"));
        steps.add(() -> exec(s, "analyze mr_open"));
        if (ctx.on("one_to_many")) {
            oneToMany(s, ctx, counts, steps);
        }
        if (ctx.on("amount_date")) {
            amountDate(s, ctx, counts, steps);
        }
        if (ctx.full()) {
            receiptAbsence(s, ctx, counts, steps);
        }
        steps.add(() -> count(s, "select (select count(*) from mr_rec) + (select count(*) from mr_payout)")
                .chain(rest -> progress.processed(sizes[0] - rest)));

        // 2. Our records to the provider's bill.
        if (ctx.walletAccount() && ctx.on("record_statement")) {
            records(s, ctx, counts, steps);
        }
        steps.add(() -> count(s, "select count(*) from mr_payout").chain(rest -> progress.processed(sizes[0] - rest)));

        // 3. Settlements to the bank.
        if (ctx.walletAccount() && ctx.on("settlement")) {
            settlements(s, ctx, counts, steps);
        }
        autoResolve(s, ctx, steps);
        steps.add(() -> progress.processed(sizes[0]));
        return steps.run().replaceWith(counts);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reference and partial payments: the payment carries the receivable's collection code or reference.

    private void reference(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps, long[] decisions) {
        // Candidates through either code, kept only where the receipt names exactly one receivable. Paid
        // receivables take part so that a second payment of one is recognised as a duplicate.
        Supplier<String> candidates = () -> """
                with j as (
                  select t.id as tid, r.id as rid, t.amt, t.currency, t.ref, t.payer_identity, t.value_date, t.occurred_at,
                         r.customer_id, r.amount_minor as r_amt, r.paid_minor as r_paid
                  from mr_receipt t join receivables r on r.collection_code = t.ref and r.currency = t.currency
                  where r.status in ('open', 'partially_paid', 'paid')
                  union all
                  -- collection_code in (ref, code) as two equi-joins (hashable; an OR is an index probe per receipt).
                  -- collection_code is unique, so the second branch only adds a row when the code differs from ref.
                  select t.id, r.id, t.amt, t.currency, t.ref, t.payer_identity, t.value_date, t.occurred_at,
                         r.customer_id, r.amount_minor, r.paid_minor
                  from mr_receipt t join receivables r on r.collection_code = t.code and r.currency = t.currency
                  where r.status in ('open', 'partially_paid', 'paid') and t.code is not null and t.code <> t.ref
                  union all
                  select t.id, r.id, t.amt, t.currency, t.ref, t.payer_identity, t.value_date, t.occurred_at,
                         r.customer_id, r.amount_minor, r.paid_minor
                  from mr_receipt t join receivables r on r.reference = t.ref and r.currency = t.currency
                  where r.status in ('open', 'partially_paid', 'paid') and r.collection_code is distinct from t.ref
                    and (t.code is null or r.collection_code is distinct from t.code)
                ), c as (
                  select j.*, count(*) over (partition by j.tid) as n_t from j
                  where %s
                )
                select c.tid, c.rid, c.amt, c.currency, c.ref, c.payer_identity, c.value_date, c.customer_id, c.r_amt, c.r_paid,
                       %s as r_tol,
                       c.r_paid + coalesce(sum(c.amt) over (partition by c.rid order by c.occurred_at, c.tid
                                           rows between unbounded preceding and 1 preceding), 0) as base,
                       row_number() over (partition by c.rid, c.amt, coalesce(c.payer_identity, '') order by c.occurred_at, c.tid) as dup_rank,
                       count(*) over (partition by c.rid) as n_r
                from c
                where c.n_t = 1""".formatted(decisions[0] == 0 ? "true" : """
                not exists (select 1 from mr_held h where h.id = j.rid)
                and not exists (select 1 from mr_blocked b where b.kind = 'receipt_receivable' and b.left_id = j.tid and b.right_id = j.rid)""",
                ctx.tol("c.r_amt"));
        // Classify: a receipt that finds its receivable still owing is applied (whole: reference; part: partial
        // payment, many-to-one); one that finds it already covered is a duplicate (same payer, amount and
        // reference as an earlier payment) or an overpayment. A match gets its id here, in the same pass.
        steps.add(() -> exec(s, """
                create temp table mr_refx on commit drop as
                select y.*, case when y.cls = 'match' then nextval(%s) end as mid,
                       case when y.rule = 'reference' then y.r_amt - y.base else y.applied end as right_total
                from (
                  select x.*,
                         case when x.r_amt - x.base > x.r_tol then 'match'
                              when x.dup_rank > 1 or exists (
                                   select 1 from match_items l join match_items r on r.match_id = l.match_id and r.side = 'right'
                                          and r.item_type = 'receivable' and r.item_id = x.rid and r.live
                                   join transactions t2 on t2.id = l.item_id
                                   where l.side = 'left' and l.item_type = 'transaction' and l.live and l.item_id <> x.tid
                                     and t2.amount_minor = x.amt and coalesce(t2.payer_identity, '') = coalesce(x.payer_identity, ''))
                              then 'duplicate' else 'extra' end as cls,
                         case when x.base = 0 and abs(x.amt - x.r_amt) <= x.r_tol then 'reference' else 'partial_payment' end as rule,
                         least(x.amt, x.r_amt - x.base) as applied
                  from (%s) x
                ) y""".formatted(MATCHES_ID_SEQ, candidates.get())));
        persistReferenceMatches(s, ctx, counts, steps);
        steps.add(() -> exceptions(s, counts, """
                insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, actual_minor, difference_minor,
                    transaction_id, receivable_id, customer_id, business_date, detail, dedupe_key)
                select %1$d, %2$d, 'duplicate_payment', currency, 0, amt, amt, tid, rid, customer_id, value_date,
                       'Payment of ' || amt || ' with reference ' || ref || ' repeats an earlier payment of a receivable that is already paid',
                       'duplicate_payment:txn:' || tid
                from mr_refx where cls = 'duplicate'
                union all
                select %1$d, %2$d, 'amount_mismatch', currency, greatest(r_amt - base, 0), amt, amt - greatest(r_amt - base, 0), tid, rid, customer_id, value_date,
                       'Overpayment: received ' || amt || ' for ' || ref || ' which owed ' || greatest(r_amt - base, 0),
                       'amount_mismatch:txn:' || tid
                from mr_refx where cls = 'extra' or (cls = 'match' and amt - (r_amt - base) > r_tol)
                order by 1""".formatted(ctx.accountId(), ctx.runId())));
        // Most receipts are settled here: keeping the rest is cheaper than deleting the settled ones.
        steps.add(() -> exec(s, """
                create temp table mr_receipt_rest on commit drop as
                select t.* from mr_receipt t where not exists (select 1 from mr_refx x where x.tid = t.id)"""));
        steps.add(() -> exec(s, "drop table mr_receipt"));
        steps.add(() -> exec(s, "alter table mr_receipt_rest rename to mr_receipt"));
        steps.add(() -> exec(s, "create unique index on mr_receipt (id)"));
        steps.add(() -> exec(s, "analyze mr_receipt"));
    }

    /**
     * The reference rule settles most receipts of a run (90% in the benchmark), so its matches go from its own
     * staging table straight into matches, match_items and receivables, ids already assigned: the generic path
     * through mr_m/mr_i/mr_ids would write every match three more times.
     */
    private void persistReferenceMatches(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        steps.add(() -> text(s, """
                select coalesce(cast(json_object_agg(rule, n) as text), '{}')
                from (select rule, count(*) as n from mr_refx where cls = 'match' group by rule) x""")
                .invoke(c -> counts.addMatches(json, c)).replaceWithVoid());
        steps.add(() -> exec(s, """
                update receivables r
                set paid_minor = r.paid_minor + a.applied,
                    status = case when r.paid_minor + a.applied >= r.amount_minor - %s then 'paid' else 'partially_paid' end,
                    updated_at = now(), version = r.version + 1
                from (
                  -- Only receivables several receipts pay (partial payments) need adding up: 0.75 s saved at 1M.
                  select rid, applied from mr_refx where cls = 'match' and n_r = 1
                  union all
                  select rid, cast(sum(applied) as bigint) from mr_refx where cls = 'match' and n_r > 1 group by rid
                ) a
                where r.id = a.rid""".formatted(ctx.tol("r.amount_minor"))));
        // mr_refx is in id order (ids were drawn as it was written), so both inserts append to their indexes.
        steps.add(() -> exec(s, """
                insert into matches (id, account_id, run_id, kind, rule, confidence, status, currency, left_total_minor,
                    right_total_minor, difference_minor, created_by)
                select mid, %d, %d, '%s', rule, 1, 'confirmed', currency, amt, right_total, amt - right_total, 'matching'
                from mr_refx where cls = 'match'""".formatted(ctx.accountId(), ctx.runId(), KIND_RECEIPT)));
        steps.add(() -> exec(s, """
                insert into match_items (match_id, match_kind, side, item_type, item_id, amount_minor)
                select x.mid, '%s', v.side, v.item_type, v.item_id, v.amount
                from mr_refx x
                cross join lateral (values ('left', 'transaction', x.tid, x.amt), ('right', 'receivable', x.rid, x.applied))
                     as v (side, item_type, item_id, amount)
                where x.cls = 'match'""".formatted(KIND_RECEIPT)));
    }

    private void payerAmount(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        steps.add(() -> exec(s, """
                create temp table mr_pay on commit drop as
                select * from (
                  select t.id as tid, r.id as rid, t.amt, t.currency, r.amount_minor - r.paid_minor as outstanding,
                         count(*) over (partition by t.id) as n_t, count(*) over (partition by r.id) as n_r
                  from mr_receipt t
                  join receivables r on r.customer_id = t.customer_id and r.currency = t.currency
                       and r.status in ('open', 'partially_paid') and r.amount_minor - r.paid_minor = t.amt
                  where t.customer_id is not null
                    and not exists (select 1 from mr_held h where h.id = r.id)
                    and not exists (select 1 from mr_blocked b where b.kind = 'receipt_receivable' and b.left_id = t.id and b.right_id = r.id)
                ) c where n_t = 1 and n_r = 1"""));
        steps.add(() -> exec(s, """
                insert into mr_m (grp, rule, confidence, status, currency, left_total, right_total)
                select tid, 'payer_amount', 0.9, 'confirmed', currency, amt, outstanding from mr_pay"""));
        steps.add(() -> exec(s, """
                insert into mr_i (grp, side, item_type, item_id, amount)
                select tid, 'left', 'transaction', tid, amt from mr_pay
                union all
                select tid, 'right', 'receivable', rid, outstanding from mr_pay"""));
        persistReceipts(s, ctx, counts, steps);
        steps.add(() -> exec(s, "delete from mr_receipt t using mr_pay x where x.tid = t.id"));
    }

    private void oneToMany(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        // Subset sum is exponential; what finance teams do is settle a customer's oldest open receivables first.
        // So the candidate sets are the due-date-ordered prefixes of the customer's open receivables (due no later
        // than the payment's date plus the window); the shortest prefix of two or more whose sum equals the payment
        // within tolerance wins. A receivable two receipts both want is left to people.
        steps.add(() -> exec(s, """
                create temp table mr_otm on commit drop as
                with c as (
                  select t.id as tid, t.amt, t.tol, t.currency, o.id as rid, o.outstanding,
                         sum(o.outstanding) over (partition by t.id order by o.due_date, o.id) as run_sum,
                         row_number() over (partition by t.id order by o.due_date, o.id) as k
                  from mr_receipt t
                  join mr_open o on o.customer_id = t.customer_id and o.currency = t.currency and o.due_date <= t.value_date + %d
                  where t.customer_id is not null
                    and not exists (select 1 from mr_blocked b where b.kind = 'receipt_receivable' and b.left_id = t.id and b.right_id = o.id)
                ), hit as (
                  select tid, min(k) as kk from c where k >= 2 and abs(run_sum - amt) <= tol group by tid
                ), chosen as (
                  select c.* from c join hit on hit.tid = c.tid and c.k <= hit.kk
                ), contested as (
                  select distinct tid from (select tid, count(*) over (partition by rid) as n_r from chosen) x where n_r > 1
                )
                select * from chosen where tid not in (select tid from contested)""".formatted(ctx.window())));
        oneToManyMatches(s, ctx, counts, steps, "mr_otm");
        subsets(s, ctx, counts, steps);
    }

    /** Confirms the one-to-many matches of {@code chosen} (tid, amt, currency, rid, outstanding: one row per receivable). */
    private void oneToManyMatches(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps, String chosen) {
        steps.add(() -> exec(s, """
                insert into mr_m (grp, rule, confidence, status, currency, left_total, right_total)
                select tid, 'one_to_many', 0.85, 'confirmed', min(currency), min(amt), sum(outstanding) from %s group by tid"""
                .formatted(chosen)));
        steps.add(() -> exec(s, """
                insert into mr_i (grp, side, item_type, item_id, amount)
                select distinct tid, 'left', 'transaction', tid, amt from %1$s
                union all
                select tid, 'right', 'receivable', rid, outstanding from %1$s""".formatted(chosen)));
        persistReceipts(s, ctx, counts, steps);
        steps.add(() -> exec(s, "delete from mr_receipt t using %s x where x.tid = t.id".formatted(chosen)));
        steps.add(() -> exec(s, "delete from mr_open o using %s x where x.rid = o.id".formatted(chosen)));
    }

    /** A customer with more candidate receivables than this is not searched: 2^12 subsets per receipt at most. */
    static final int SUBSET_MAX_CANDIDATES = 12;

    /**
     * One-to-many beyond the oldest-first prefixes: for a receipt still unmatched, every subset of two or more of its
     * customer's candidate receivables (the prefix pass's filters) whose sum equals the payment within tolerance.
     * A recursive CTE extends subsets in receivable-id order and prunes any whose sum already exceeds the payment
     * (outstanding amounts are positive), bounded by {@link #SUBSET_MAX_CANDIDATES}. One subset is a match; several
     * are an ambiguous exception listing them; a receivable two receipts' unique subsets both want is left to people.
     */
    private void subsets(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        steps.add(() -> exec(s, """
                create temp table mr_subc on commit drop as
                select * from (
                  select t.id as tid, t.amt, t.tol, t.currency, t.value_date, t.customer_id, o.id as rid, o.outstanding,
                         row_number() over (partition by t.id order by o.id) as k, count(*) over (partition by t.id) as n
                  from mr_receipt t
                  join mr_open o on o.customer_id = t.customer_id and o.currency = t.currency and o.due_date <= t.value_date + %d
                  where t.customer_id is not null and o.outstanding > 0
                    and not exists (select 1 from mr_blocked b where b.kind = 'receipt_receivable' and b.left_id = t.id and b.right_id = o.id)
                ) c where n between 2 and %d""".formatted(ctx.window(), SUBSET_MAX_CANDIDATES)));
        steps.add(() -> exec(s, "create index on mr_subc (tid, k)"));
        steps.add(() -> exec(s, """
                create temp table mr_subs on commit drop as
                with recursive sub (tid, amt, tol, last_k, total, rids) as (
                  select tid, amt, tol, k, outstanding, array[rid] from mr_subc where outstanding <= amt + tol
                  union all
                  select sub.tid, sub.amt, sub.tol, c.k, sub.total + c.outstanding, sub.rids || c.rid
                  from sub join mr_subc c on c.tid = sub.tid and c.k > sub.last_k
                  where sub.total + c.outstanding <= sub.amt + sub.tol
                )
                select tid, rids, total, count(*) over (partition by tid) as n_sets
                from sub where cardinality(rids) >= 2 and abs(total - amt) <= tol"""));
        steps.add(() -> exec(s, """
                create temp table mr_subm on commit drop as
                with chosen as (
                  select c.tid, c.amt, c.currency, c.rid, c.outstanding
                  from mr_subs x join mr_subc c on c.tid = x.tid and c.rid = any (x.rids)
                  where x.n_sets = 1
                ), contested as (
                  select distinct tid from (select tid, count(*) over (partition by rid) as n_r from chosen) y where n_r > 1
                )
                select * from chosen where tid not in (select tid from contested)"""));
        oneToManyMatches(s, ctx, counts, steps, "mr_subm");
        steps.add(() -> exceptions(s, counts, """
                insert into recon_exceptions (account_id, run_id, type, currency, actual_minor, transaction_id, customer_id,
                    candidates, business_date, detail, dedupe_key)
                select %d, %d, 'ambiguous', min(c.currency), min(c.amt), x.tid, min(c.customer_id),
                       cast(json_agg(to_json(x.rids) order by x.rids) as text), min(c.value_date),
                       'Receipt of ' || min(c.amt) || ' equals the sum of ' || count(*) || ' different sets of its customer''s open receivables',
                       'ambiguous:txn:' || x.tid
                from mr_subs x join mr_subc c on c.tid = x.tid and c.k = 1
                where x.n_sets > 1
                group by x.tid order by x.tid""".formatted(ctx.accountId(), ctx.runId())));
        steps.add(() -> exec(s, "delete from mr_receipt t using mr_subs x where x.tid = t.id and x.n_sets > 1"));
    }

    private void amountDate(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        steps.add(() -> exec(s, """
                create temp table mr_ad on commit drop as
                select t.id as tid, t.amt, t.currency, t.value_date, t.customer_id, o.id as rid, o.outstanding,
                       count(*) over (partition by t.id) as n_t, count(*) over (partition by o.id) as n_r
                from mr_receipt t
                join mr_open o on o.currency = t.currency and o.outstanding between t.amt - t.tol and t.amt + t.tol
                     and o.due_date between t.value_date - %1$d and t.value_date + %1$d
                where not exists (select 1 from mr_blocked b where b.kind = 'receipt_receivable' and b.left_id = t.id and b.right_id = o.id)"""
                .formatted(ctx.window())));
        // A unique candidate is only a suggestion: amount and date alone do not prove who paid.
        steps.add(() -> exec(s, """
                insert into mr_m (grp, rule, confidence, status, currency, left_total, right_total)
                select tid, 'amount_date', 0.6, 'suggested', currency, amt, outstanding from mr_ad where n_t = 1 and n_r = 1"""));
        steps.add(() -> exec(s, """
                insert into mr_i (grp, side, item_type, item_id, amount)
                select tid, 'left', 'transaction', tid, amt from mr_ad where n_t = 1 and n_r = 1
                union all
                select tid, 'right', 'receivable', rid, outstanding from mr_ad where n_t = 1 and n_r = 1"""));
        persistReceipts(s, ctx, counts, steps);
        steps.add(() -> exceptions(s, counts, """
                insert into recon_exceptions (account_id, run_id, type, currency, actual_minor, transaction_id, customer_id,
                    candidates, business_date, detail, dedupe_key)
                select %d, %d, 'ambiguous', min(currency), min(amt), tid, min(customer_id),
                       cast(json_agg(json_build_object('receivableId', rid, 'outstandingMinor', outstanding) order by rid) as text),
                       min(value_date), 'Receipt of ' || min(amt) || ' fits ' || count(*) || ' open receivables by amount and date',
                       'ambiguous:txn:' || tid
                from mr_ad where not (n_t = 1 and n_r = 1)
                group by tid order by tid""".formatted(ctx.accountId(), ctx.runId())));
        steps.add(() -> exec(s, "delete from mr_receipt t using mr_ad x where x.tid = t.id"));
        // This run's suggestions hold their receivables too (read by the past-due check).
        steps.add(() -> exec(s, "insert into mr_held select rid from mr_ad where n_t = 1 and n_r = 1 on conflict do nothing"));
    }

    private void receiptAbsence(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        steps.add(() -> exceptions(s, counts, """
                insert into recon_exceptions (account_id, run_id, type, currency, actual_minor, difference_minor, transaction_id,
                    customer_id, business_date, detail, dedupe_key)
                select %d, %d, 'unmatched_receipt', currency, amt, amt, id, customer_id, value_date,
                       'Receipt of ' || amt || coalesce(' with reference ' || ref, '') || ' matches no open receivable',
                       'unmatched_receipt:txn:' || id
                from mr_receipt order by id""".formatted(ctx.accountId(), ctx.runId())));
        // Past due once the date window has passed too (a payment may still be in flight); receivables carry no
        // account, so each is raised by a run of an account in its currency, once (dedupe key).
        steps.add(() -> exceptions(s, counts, """
                insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, actual_minor, difference_minor,
                    receivable_id, customer_id, business_date, detail, dedupe_key)
                select %1$d, %2$d, case when r.paid_minor = 0 then 'unpaid_receivable' else 'amount_mismatch' end, r.currency,
                       r.amount_minor, r.paid_minor, r.paid_minor - r.amount_minor, r.id, r.customer_id, r.due_date,
                       case when r.paid_minor = 0 then 'Receivable ' || r.reference || ' of ' || r.amount_minor || ' is past due and unpaid'
                            else 'Underpayment: receivable ' || r.reference || ' received ' || r.paid_minor || ' of ' || r.amount_minor || ' and is past due' end,
                       case when r.paid_minor = 0 then 'unpaid_receivable:rcv:' || r.id else 'amount_mismatch:rcv:' || r.id end
                from receivables r
                where r.status in ('open', 'partially_paid') and r.currency = '%3$s'
                  and r.due_date < date '%4$s' - %5$d and r.due_date >= date '%6$s' - %5$d - 30
                  and not exists (select 1 from mr_held h where h.id = r.id)
                order by r.id""".formatted(ctx.accountId(), ctx.runId(), ctx.currency(), ctx.asOf(), ctx.window(), ctx.periodStart())));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Our records to the provider's bill, by provider transaction id.

    private void records(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        steps.add(() -> exec(s, """
                create temp table mr_recp on commit drop as
                select * from (
                  select t.id as tid, l.id as lid, t.signed, l.amount_minor as lamt, t.currency, t.value_date,
                         count(*) over (partition by t.id) as n_t, count(*) over (partition by l.id) as n_l
                  from mr_rec t
                  join statement_lines l on l.account_id = %d and l.provider_txn_id = t.provider_txn_id and l.kind = t.kind
                  where not exists (select 1 from match_items mi where mi.match_kind = 'record_statement'
                                    and mi.item_type = 'statement_line' and mi.item_id = l.id and mi.live)
                    and not exists (select 1 from mr_blocked b where b.kind = 'record_statement' and b.left_id = t.id and b.right_id = l.id)
                ) x where n_t = 1 and n_l = 1""".formatted(ctx.accountId())));
        steps.add(() -> exec(s, """
                insert into mr_m (grp, rule, confidence, status, currency, left_total, right_total)
                select tid, 'provider_txn_id', 1, 'confirmed', currency, signed, lamt from mr_recp"""));
        steps.add(() -> exec(s, """
                insert into mr_i (grp, side, item_type, item_id, amount)
                select tid, 'left', 'transaction', tid, signed from mr_recp
                union all
                select tid, 'right', 'statement_line', lid, lamt from mr_recp"""));
        steps.add(() -> persist(s, ctx, KIND_RECORD, counts));
        steps.add(() -> exceptions(s, counts, """
                insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, actual_minor, difference_minor,
                    transaction_id, statement_line_id, business_date, detail, dedupe_key)
                select %d, %d, 'amount_mismatch', currency, signed, lamt, lamt - signed, tid, lid, value_date,
                       'The provider booked ' || lamt || ' for a transaction we recorded as ' || signed,
                       'amount_mismatch:record:txn:' || tid
                from mr_recp where signed <> lamt order by tid""".formatted(ctx.accountId(), ctx.runId())));
        if (ctx.full()) {
            // Missing from the bill only once the bill of that day is in: before that, we do not know.
            steps.add(() -> exceptions(s, counts, """
                    insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, actual_minor, difference_minor,
                        transaction_id, business_date, detail, dedupe_key)
                    select %1$d, %2$d, 'missing_in_provider', t.currency, t.signed, 0, -t.signed, t.id, t.value_date,
                           'Transaction ' || t.provider_txn_id || ' was notified but is not in the provider''s bill of ' || t.value_date,
                           'missing_in_provider:txn:' || t.id
                    from mr_rec t
                    where not exists (select 1 from mr_recp p where p.tid = t.id)
                      and t.value_date in (
                        -- Whether a day's bill is in is asked once per day, not once per transaction.
                        select d.value_date from (select distinct value_date from mr_rec) d
                        where exists (select 1 from statement_lines l where l.account_id = %1$d and l.value_date = d.value_date)
                           or exists (select 1 from statements st where st.account_id = %1$d
                                      and d.value_date between st.period_start and st.period_end))
                    order by t.id""".formatted(ctx.accountId(), ctx.runId())));
            steps.add(() -> exceptions(s, counts, """
                    insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, actual_minor, difference_minor,
                        statement_line_id, business_date, detail, dedupe_key)
                    select %1$d, %2$d, 'missing_in_records', l.currency, 0, l.amount_minor, l.amount_minor, l.id, l.value_date,
                           'The provider''s bill has ' || l.provider_txn_id || ' which was never notified to us',
                           'missing_in_records:line:' || l.id
                    from statement_lines l
                    where l.account_id = %1$d and l.kind in ('payment', 'refund') and l.provider_txn_id is not null and %3$s
                      and not exists (select 1 from mr_recp p where p.lid = l.id)
                      and not exists (select 1 from match_items mi where mi.match_kind = 'record_statement'
                                      and mi.item_type = 'statement_line' and mi.item_id = l.id and mi.live)
                      and not exists (select 1 from transactions t where t.account_id = %1$d and t.provider_txn_id = l.provider_txn_id)
                    order by l.id""".formatted(ctx.accountId(), ctx.runId(), ctx.lineScope("l"))));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Settlements: a provider payout to the bank statement credit line that carries it.

    private void settlements(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        String bankAccounts = ctx.settlementAccountId() != null
                ? "l.account_id = " + ctx.settlementAccountId()
                : "l.account_id in (select id from accounts where provider = 'bank' and currency = '" + ctx.currency() + "')";
        // The payout against the sum of its transactions less fees and refunds, before it is looked for at the bank.
        steps.add(() -> exceptions(s, counts, """
                insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, actual_minor, difference_minor,
                    transaction_id, statement_line_id, business_date, detail, dedupe_key)
                select %1$d, %2$d, 'settlement_difference', p.currency, n.net, p.amt, p.amt - n.net,
                       case when p.item_type = 'transaction' then p.item_id end, case when p.item_type = 'statement_line' then p.item_id end,
                       p.value_date, 'Payout ' || p.pid || ' of ' || p.amt || ' differs from the net ' || n.net || ' of its ' || n.n || ' transactions',
                       'settlement_difference:sum:%1$d:' || p.pid
                from mr_payout p
                join (select payout_id, count(*) as n,
                             sum(case when direction = 'in' then amount_minor else -amount_minor end - coalesce(fee_minor, 0)) as net
                      from transactions where account_id = %1$d and kind <> 'payout' and status <> 'failed'
                        and payout_id in (select pid from mr_payout)
                      group by payout_id) n on n.payout_id = p.pid
                where abs(p.amt - n.net) > %3$s
                order by p.grp""".formatted(ctx.accountId(), ctx.runId(), ctx.tol("p.amt"))));
        steps.add(() -> exec(s, """
                create temp table mr_bank on commit drop as
                select l.id, l.amount_minor, l.currency, l.value_date, l.payout_id, l.bank_reference, l.end_to_end_id, l.remittance_info
                from statement_lines l
                where %s and l.amount_minor > 0 and l.kind <> 'payout'
                  and l.value_date >= coalesce((select min(value_date) from mr_payout), date '9999-12-31') - %d
                  and not exists (select 1 from match_items mi where mi.match_kind = 'settlement_bank'
                                  and mi.item_type = 'statement_line' and mi.item_id = l.id and mi.live)"""
                .formatted(bankAccounts, ctx.window())));
        steps.add(() -> exec(s, """
                create temp table mr_setr_c on commit drop as
                select p.grp, p.item_type, p.item_id, p.pid, p.amt, p.currency, p.value_date, b.id as bid, b.amount_minor as bamt,
                       count(*) over (partition by p.grp) as n_p, count(*) over (partition by b.id) as n_b
                from mr_payout p
                join mr_bank b on b.currency = p.currency and p.pid is not null
                     and (b.payout_id = p.pid or b.bank_reference = p.pid or b.end_to_end_id = p.pid
                          or strpos(coalesce(b.remittance_info, ''), p.pid) > 0)
                where not exists (select 1 from mr_blocked x where x.kind = 'settlement_bank' and x.left_id = p.item_id and x.right_id = b.id)"""));
        steps.add(() -> exec(s, "create temp table mr_setr on commit drop as select * from mr_setr_c where n_p = 1 and n_b = 1"));
        // Several bank lines carrying one payout's id (or one line carrying several) is for a person to untangle:
        // the payout and those lines stay out of the amount + date pass.
        settlementAmbiguity(s, ctx, counts, steps, "mr_setr_c", "by its id");
        steps.add(() -> exec(s, """
                insert into mr_m (grp, rule, confidence, status, currency, left_total, right_total)
                select grp, 'payout_reference', 1, 'confirmed', currency, amt, bamt from mr_setr"""));
        steps.add(() -> exec(s, """
                insert into mr_i (grp, side, item_type, item_id, amount)
                select grp, 'left', item_type, item_id, amt from mr_setr
                union all
                select grp, 'right', 'statement_line', bid, bamt from mr_setr"""));
        steps.add(() -> persist(s, ctx, KIND_SETTLEMENT, counts));
        steps.add(() -> exceptions(s, counts, """
                insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, actual_minor, difference_minor,
                    transaction_id, statement_line_id, business_date, detail, dedupe_key)
                select %d, %d, 'settlement_difference', currency, amt, bamt, bamt - amt,
                       case when item_type = 'transaction' then item_id end, bid, value_date,
                       'The bank credited ' || bamt || ' for payout ' || pid || ' of ' || amt,
                       'settlement_difference:bank:' || item_type || ':' || item_id
                from mr_setr where abs(bamt - amt) > %s order by grp""".formatted(ctx.accountId(), ctx.runId(), ctx.tol("amt"))));
        steps.add(() -> exec(s, "delete from mr_payout p using mr_setr x where x.grp = p.grp"));
        steps.add(() -> exec(s, "delete from mr_bank b using mr_setr x where x.bid = b.id"));
        steps.add(() -> exec(s, """
                create temp table mr_setd_c on commit drop as
                select p.grp, p.item_type, p.item_id, p.pid, p.amt, p.currency, p.value_date, b.id as bid, b.amount_minor as bamt,
                       count(*) over (partition by p.grp) as n_p, count(*) over (partition by b.id) as n_b
                from mr_payout p
                join mr_bank b on b.currency = p.currency and b.amount_minor between p.amt - %1$s and p.amt + %1$s
                     and b.value_date between p.value_date and p.value_date + %2$d
                where not exists (select 1 from mr_blocked x where x.kind = 'settlement_bank' and x.left_id = p.item_id and x.right_id = b.id)"""
                .formatted(ctx.tol("p.amt"), ctx.window())));
        steps.add(() -> exec(s, "create temp table mr_setd on commit drop as select * from mr_setd_c where n_p = 1 and n_b = 1"));
        settlementAmbiguity(s, ctx, counts, steps, "mr_setd_c", "by amount and date");
        steps.add(() -> exec(s, """
                insert into mr_m (grp, rule, confidence, status, currency, left_total, right_total)
                select grp, 'payout_amount_date', 0.6, 'suggested', currency, amt, bamt from mr_setd"""));
        steps.add(() -> exec(s, """
                insert into mr_i (grp, side, item_type, item_id, amount)
                select grp, 'left', item_type, item_id, amt from mr_setd
                union all
                select grp, 'right', 'statement_line', bid, bamt from mr_setd"""));
        steps.add(() -> persist(s, ctx, KIND_SETTLEMENT, counts));
        steps.add(() -> exec(s, "delete from mr_payout p using mr_setd x where x.grp = p.grp"));
        if (ctx.full()) {
            steps.add(() -> exceptions(s, counts, """
                    insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, actual_minor, difference_minor,
                        transaction_id, statement_line_id, business_date, detail, dedupe_key)
                    select %d, %d, 'settlement_not_arrived', currency, amt, 0, -amt,
                           case when item_type = 'transaction' then item_id end, case when item_type = 'statement_line' then item_id end,
                           value_date, 'Payout ' || coalesce(pid, '(no id)') || ' of ' || amt || ' has not reached the bank after %d days',
                           'settlement_not_arrived:' || item_type || ':' || item_id
                    from mr_payout where value_date <= date '%s' - %d order by grp"""
                    .formatted(ctx.accountId(), ctx.runId(), ctx.config().settlementAfterDays(), ctx.asOf(),
                            ctx.config().settlementAfterDays())));
        }
    }

    /**
     * Raises an {@code ambiguous} exception for every payout of {@code candidates} (rows of payout x bank line with
     * their counts n_p, n_b) that has several bank lines, or whose bank line fits several payouts, listing its lines;
     * then takes those payouts and lines out of the later passes (and out of "not arrived": something did arrive).
     */
    private void settlementAmbiguity(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps, String candidates, String how) {
        steps.add(() -> exceptions(s, counts, """
                insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, transaction_id, statement_line_id,
                    candidates, business_date, detail, dedupe_key)
                select %1$d, %2$d, 'ambiguous', min(currency), min(amt),
                       case when item_type = 'transaction' then item_id end, case when item_type = 'statement_line' then item_id end,
                       cast(json_agg(json_build_object('statementLineId', bid, 'amountMinor', bamt) order by bid) as text),
                       min(value_date),
                       'Payout ' || coalesce(min(pid), '(no id)') || ' of ' || min(amt) || case when count(*) > 1
                           then ' fits ' || count(*) || ' bank lines %3$s'
                           else ' shares the bank line it fits %3$s with another payout' end,
                       'ambiguous:settlement:' || item_type || ':' || item_id
                from %4$s
                where grp in (select grp from %4$s where n_p > 1 or n_b > 1)
                group by item_type, item_id order by min(grp)""".formatted(ctx.accountId(), ctx.runId(), how, candidates)));
        steps.add(() -> exec(s, "delete from mr_bank b using %s x where x.bid = b.id and (x.n_p > 1 or x.n_b > 1)".formatted(candidates)));
        steps.add(() -> exec(s, "delete from mr_payout p using %s x where x.grp = p.grp and (x.n_p > 1 or x.n_b > 1)".formatted(candidates)));
    }

    /**
     * Exceptions whose subject a later run (or a person) has since matched are closed, with the run as reason.
     * What this run raised is still open by definition, and leaving it out keeps the candidates few.
     */
    private void autoResolve(Mutiny.Session s, RunContext ctx, Steps steps) {
        steps.add(() -> exec(s, """
                update recon_exceptions e set status = 'resolved', resolved_by = 'matching', resolved_at = now(), updated_at = now(),
                       resolution_reason = 'Matched by run %2$d'
                where e.account_id = %1$d and e.status = 'open' and e.run_id is distinct from %2$d and (
                   (e.type in ('unmatched_receipt', 'ambiguous') and exists (select 1 from match_items mi where mi.match_kind = 'receipt_receivable'
                        and mi.item_type = 'transaction' and mi.item_id = e.transaction_id and mi.live))
                or (e.type = 'missing_in_provider' and exists (select 1 from match_items mi where mi.match_kind = 'record_statement'
                        and mi.item_type = 'transaction' and mi.item_id = e.transaction_id and mi.live))
                or (e.type in ('settlement_not_arrived', 'ambiguous') and exists (select 1 from match_items mi where mi.match_kind = 'settlement_bank'
                        and mi.item_id = coalesce(e.transaction_id, e.statement_line_id)
                        and mi.item_type = case when e.transaction_id is not null then 'transaction' else 'statement_line' end and mi.live))
                or (e.type = 'unpaid_receivable' and exists (select 1 from receivables r where r.id = e.receivable_id and r.status = 'paid')))"""
                .formatted(ctx.accountId(), ctx.runId())));
    }

    // ---------------------------------------------------------------------------------------------------------

    private void persistReceipts(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        // Fresh statistics, so that the planner hash-joins a large batch instead of looping over an index.
        steps.add(() -> exec(s, "analyze mr_m"));
        steps.add(() -> exec(s, "analyze mr_i"));
        steps.add(() -> applyToReceivables(s, ctx));
        steps.add(() -> persist(s, ctx, KIND_RECEIPT, counts));
    }

    /** Confirmed receipt matches pay their receivables: partially paid, then paid once within tolerance of the amount. */
    private Uni<Void> applyToReceivables(Mutiny.Session s, RunContext ctx) {
        return exec(s, """
                update receivables r
                set paid_minor = r.paid_minor + a.applied,
                    status = case when r.paid_minor + a.applied >= r.amount_minor - %s then 'paid' else 'partially_paid' end,
                    updated_at = now(), version = r.version + 1
                from (select x.item_id, sum(x.amount) as applied from mr_i x join mr_m m on m.grp = x.grp
                      where x.item_type = 'receivable' and m.status = 'confirmed' group by x.item_id) a
                where r.id = a.item_id""".formatted(ctx.tol("r.amount_minor")));
    }

    /** mr_m/mr_i -> matches/match_items with pre-allocated ids (two INSERT ... SELECT), then empties the staging tables. */
    private Uni<Void> persist(Mutiny.Session s, RunContext ctx, String kind, RunCounts counts) {
        return text(s, "select coalesce(cast(json_object_agg(rule, n) as text), '{}') from (select rule, count(*) as n from mr_m group by rule) x")
                .invoke(c -> counts.addMatches(json, c))
                .chain(() -> exec(s, """
                        create temp table mr_ids on commit drop as
                        select grp, nextval(%s) as id from (select grp from mr_m order by grp) g""".formatted(MATCHES_ID_SEQ)))
                .chain(() -> exec(s, "analyze mr_ids"))
                .chain(() -> exec(s, """
                        insert into matches (id, account_id, run_id, kind, rule, confidence, status, currency, left_total_minor,
                            right_total_minor, difference_minor, created_by)
                        select i.id, %d, %d, '%s', m.rule, m.confidence, m.status, m.currency, m.left_total, m.right_total,
                               m.left_total - m.right_total, 'matching'
                        from mr_m m join mr_ids i on i.grp = m.grp order by i.id""".formatted(ctx.accountId(), ctx.runId(), kind)))
                .chain(() -> exec(s, """
                        insert into match_items (match_id, match_kind, side, item_type, item_id, amount_minor)
                        select i.id, '%s', x.side, x.item_type, x.item_id, x.amount
                        from mr_i x join mr_ids i on i.grp = x.grp order by i.id, x.side, x.item_id""".formatted(kind)))
                .chain(() -> exec(s, "drop table mr_ids"))
                .chain(() -> exec(s, "truncate mr_m, mr_i"));
    }

    /** Runs an INSERT into recon_exceptions (idempotent by dedupe key) and adds what it inserted to the counts by type. */
    private Uni<Void> exceptions(Mutiny.Session s, RunCounts counts, String insert) {
        String sql = "with ins as (" + insert + " on conflict (dedupe_key) do nothing returning type) "
                + "select coalesce(cast(json_object_agg(type, n) as text), '{}') from (select type, count(*) as n from ins group by type) x";
        return text(s, sql).invoke(c -> counts.addExceptions(json, c)).replaceWithVoid();
    }

    static Uni<Void> exec(Mutiny.Session s, String sql) {
        return s.createNativeQuery(sql).executeUpdate().replaceWithVoid();
    }

    static Uni<Long> count(Mutiny.Session s, String sql) {
        return s.createNativeQuery(sql, Long.class).getSingleResult();
    }

    static Uni<String> text(Mutiny.Session s, String sql) {
        return s.createNativeQuery(sql, String.class).getSingleResult();
    }

    /** Where a run reports how far it is; written outside the run's transaction so that readers see it move. */
    interface Progress {
        Uni<Void> total(long items);

        Uni<Void> processed(long items);
    }

    /** A sequence of statements on one session, run one after the other. */
    static final class Steps {
        private final List<Supplier<Uni<Void>>> steps = new ArrayList<>();

        void add(Supplier<Uni<Void>> step) {
            steps.add(step);
        }

        Uni<Void> run() {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Supplier<Uni<Void>> step : steps) {
                chain = chain.chain(() -> step.get());
            }
            return chain;
        }
    }
}
