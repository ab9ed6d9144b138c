package io.walletrecon.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletrecon.receivables.ReceivableRepository;
import io.walletrecon.matching.MatchRulesRepository.Steps;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

import static io.walletrecon.matching.MatchRulesRepository.KIND_RECEIPT;
import static io.walletrecon.matching.MatchRulesRepository.MATCHES_ID_SEQ;
import static io.walletrecon.matching.MatchRulesRepository.exec;
import static io.walletrecon.matching.MatchRulesRepository.text;

/**
 * Receipts to receivables of the account's company, in order of confidence: reference (and partial payments), payer +
 * amount, one-to-many
 * (oldest-first prefixes, then a bounded subset search), amount + date (a suggestion); then, in a full run, what is
 * left: unmatched receipts and past-due receivables. Each reads the receipts the previous one left in
 * {@code mr_receipt}. Window functions decide uniqueness: a receipt with several candidates, or a receivable wanted
 * by several receipts, is never matched silently.
 */
@ApplicationScoped
class ReceiptRules {

    private final MatchWriter writer;
    private final ObjectMapper json;

    ReceiptRules(MatchWriter writer, ObjectMapper json) {
        this.writer = writer;
        this.json = json;
    }

    /**
     * A wallet run's reference candidates: the receipt's merchant reference or the collection code in its text
     * equals a receivable's collection code or reference. Columns: the receipt's, the receivable's, and the evidence
     * (the field and value that named the receivable).
     */
    private static final String WALLET_CANDIDATES = """
            with j as (
              select t.id as tid, r.id as rid, t.amt, t.currency, t.ref, t.payer_identity, t.value_date, t.occurred_at,
                     r.customer_id, r.amount_minor as r_amt, r.paid_minor as r_paid,
                     'merchant_reference' as field, t.ref as val, cast(null as jsonb) as ev
              from mr_receipt t join receivables r on r.collection_code = t.ref and r.currency = t.currency
              where r.company_id = %1$d and r.status in ('open', 'partially_paid', 'paid')
              union all
              -- collection_code in (ref, code) as two equi-joins (hashable; an OR is an index probe per receipt).
              -- collection_code is unique, so the second branch only adds a row when the code differs from ref.
              select t.id, r.id, t.amt, t.currency, t.ref, t.payer_identity, t.value_date, t.occurred_at,
                     r.customer_id, r.amount_minor, r.paid_minor, 'description', t.code, cast(null as jsonb)
              from mr_receipt t join receivables r on r.collection_code = t.code and r.currency = t.currency
              where r.company_id = %1$d and r.status in ('open', 'partially_paid', 'paid') and t.code is not null and t.code <> t.ref
              union all
              select t.id, r.id, t.amt, t.currency, t.ref, t.payer_identity, t.value_date, t.occurred_at,
                     r.customer_id, r.amount_minor, r.paid_minor, 'merchant_reference', t.ref, cast(null as jsonb)
              from mr_receipt t join receivables r on r.reference = t.ref and r.currency = t.currency
              where r.company_id = %1$d and r.status in ('open', 'partially_paid', 'paid') and r.collection_code is distinct from t.ref
                and (t.code is null or r.collection_code is distinct from t.code)
            )""";

    /**
     * A bank run's reference candidates: a candidate key of the line ({@code mr_rkey}) equals the reference key of a
     * receivable's reference or collection code ({@code %3$s}: {@link #PROBED_CANDIDATES} or
     * {@link #STAGED_CANDIDATES}); one row per line and receivable, from the line's field of highest priority (the
     * receivable's reference before its collection code). Staged, because the lines that name several receivables
     * are looked at again.
     */
    private static final String BANK_CANDIDATES = """
            create temp table mr_refcand on commit drop as
            select distinct on (u.tid, u.rid) u.* from (%3$s) u
            where %2$s
            order by u.tid, u.rid, u.prio, u.by_code""";

    /** The columns of a candidate: the line's, the receivable's and the evidence. */
    private static final String CANDIDATE_COLUMNS = """
            t.id as tid, r.id as rid, t.amt, t.currency, t.ref, t.payer_identity, t.value_date, t.occurred_at,
            r.customer_id, r.amount_minor as r_amt, r.paid_minor as r_paid, r.status as r_status, k.field, k.value as val""";

    /**
     * Through the expression indexes on {@code reference_key(...)} of the receivables, a probe per candidate key: the
     * cheaper way when the lines name fewer keys than the company has receivables in play (an incremental run).
     */
    private static final String PROBED_CANDIDATES = """
            select {columns}, jsonb_build_object('receivable', r.reference) as ev, k.prio, false as by_code
            from mr_receipt t join mr_rkey k on k.tid = t.id
            join receivables r on r.company_id = %1$d and reference_key(r.reference) = k.key and r.currency = t.currency
            where r.status in ('open', 'partially_paid', 'paid')
            union all
            select {columns}, jsonb_build_object('collectionCode', r.collection_code, 'receivable', r.reference), k.prio, true
            from mr_receipt t join mr_rkey k on k.tid = t.id
            join receivables r on r.company_id = %1$d and reference_key(r.collection_code) = k.key and r.currency = t.currency
            where r.collection_code is not null and r.status in ('open', 'partially_paid', 'paid')"""
            .replace("{columns}", CANDIDATE_COLUMNS);

    /**
     * The company's receivables in play keyed once ({@code mr_rcvkey}, by reference and by collection code) and
     * hash-joined with every candidate key: the cheaper way when the lines name more keys than the company has
     * receivables in play (a day-end run over a full statement), where a probe per key costs about ten times a key
     * computed once per receivable.
     */
    private static final String STAGE_RECEIVABLE_KEYS = """
            create temp table mr_rcvkey on commit drop as
            select * from (
              select reference_key(r.reference) as key, false as by_code, {columns} from receivables r
              where r.company_id = %1$d and r.status in ('open', 'partially_paid', 'paid')
              union all
              select reference_key(r.collection_code), true, {columns} from receivables r
              where r.company_id = %1$d and r.collection_code is not null and r.status in ('open', 'partially_paid', 'paid')
            ) r where r.key is not null"""
            .replace("{columns}",
                    "r.id, r.customer_id, r.amount_minor, r.paid_minor, r.status, r.currency, r.reference, "
                            + "r.collection_code");
    private static final String STAGED_CANDIDATES = """
            select %s,
                   case when r.by_code then jsonb_build_object('collectionCode', r.collection_code, 'receivable', r.reference)
                        else jsonb_build_object('receivable', r.reference) end as ev, k.prio, r.by_code
            from mr_receipt t join mr_rkey k on k.tid = t.id
            join mr_rcvkey r on r.key = k.key and r.currency = t.currency"""
            .formatted(CANDIDATE_COLUMNS);

    /**
     * How the candidates read the receivables: {@code staged} when the company has no more receivables in play than
     * the lines name candidate keys (counted up to that number only, so that a small run never counts a large
     * history), else {@code probed}.
     */
    private static final String CANDIDATE_SOURCE = """
            with k as (select cast(count(*) as bigint) as n from mr_rkey)
            select case when (select count(*) from (select 1 from receivables r
                                where r.company_id = %1$d and r.status in ('open', 'partially_paid', 'paid')
                                limit (select n from k) + 1) x) <= (select n from k)
                        then 'staged' else 'probed' end""";

    /** The decisions of people that keep a pair {@code j} (tid, rid) out of the reference rule. */
    private static final String NOT_DECIDED = """
            not exists (select 1 from mr_held h where h.id = j.rid)
            and not exists (select 1 from mr_blocked b where b.kind = 'receipt_receivable' and b.left_id = j.tid and b.right_id = j.rid)""";

    /** An earlier live receipt {@code l} of the same amount from the same payer as {@code x}: a wallet's. */
    private static final String EARLIER_TRANSACTION = """
            join transactions t2 on t2.id = l.item_id
            where l.side = 'left' and l.item_type = 'transaction' and l.live and l.item_id <> x.tid
              and t2.amount_minor = x.amt and coalesce(t2.payer_identity, '') = coalesce(x.payer_identity, ''))""";
    /** The same for a bank line: the payer is its ordering account, normalised as the run stages it. */
    private static final String EARLIER_LINE = """
            join statement_lines t2 on t2.id = l.item_id
            where l.side = 'left' and l.item_type = 'statement_line' and l.live and l.item_id <> x.tid
              and t2.amount_minor = x.amt
              and coalesce(upper(regexp_replace(t2.counterparty_account, '[[:space:].-]', '', 'g')), '') = coalesce(x.payer_identity, ''))""";

    void reference(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps, long[] decisions) {
        // Candidates through either code, kept only where the receipt names exactly one receivable. Paid
        // receivables take part so that a second payment of one is recognised as a duplicate.
        if (!ctx.walletAccount()) {
            String[] source = {PROBED_CANDIDATES.formatted(ctx.companyId())};
            steps.add(() -> text(s, CANDIDATE_SOURCE.formatted(ctx.companyId())).chain(how -> {
                if (!"staged".equals(how)) {
                    return Uni.createFrom().voidItem();
                }
                source[0] = STAGED_CANDIDATES;
                return exec(s, STAGE_RECEIVABLE_KEYS.formatted(ctx.companyId()))
                        .chain(() -> exec(s, "analyze mr_rcvkey"));
            }));
            steps.add(() -> exec(s, BANK_CANDIDATES.formatted(ctx.companyId(),
                    decisions[0] == 0 ? "true" : NOT_DECIDED.replace("j.", "u."), source[0])));
            steps.add(() -> exec(s, "analyze mr_refcand"));
        }
        Supplier<String> candidates = () -> (ctx.walletAccount()
                ? WALLET_CANDIDATES.formatted(ctx.companyId())
                : "with j as (select * from mr_refcand)")
                + """
                        , c as (
                          select j.*, count(*) over (partition by j.tid) as n_t from j
                          where %1$s
                        )
                        select c.tid, c.rid, c.amt, c.currency, c.ref, c.payer_identity, c.value_date, c.customer_id, c.r_amt, c.r_paid,
                               c.field, c.val, c.ev, %2$s as r_tol,
                               c.r_paid + coalesce(sum(c.amt) over (partition by c.rid order by c.occurred_at, c.tid
                                                   rows between unbounded preceding and 1 preceding), 0) as base,
                               row_number() over (partition by c.rid, c.amt, coalesce(c.payer_identity, '') order by c.occurred_at, c.tid) as dup_rank,
                               count(*) over (partition by c.rid) as n_r
                        from c
                        where c.n_t = 1"""
                        .formatted(decisions[0] == 0 || !ctx.walletAccount() ? "true" : NOT_DECIDED,
                                ctx.tol("c.r_amt"));
        // Classify: a receipt that finds its receivable still owing is applied (whole: reference; part: partial
        // payment, many-to-one); one that finds it already covered is a duplicate (same payer, amount and
        // reference as an earlier payment) or an overpayment. A match gets its id here, in the same pass.
        steps.add(() -> exec(s,
                """
                        create temp table mr_refx on commit drop as
                        select y.*, case when y.cls = 'match' then nextval(%s) end as mid,
                               case when y.rule = 'reference' then y.r_amt - y.base else y.applied end as right_total
                        from (
                          select x.*,
                                 case when x.r_amt - x.base > x.r_tol then 'match'
                                      when x.dup_rank > 1 or exists (
                                           select 1 from match_items l join match_items r on r.match_id = l.match_id and r.side = 'right'
                                                  and r.item_type = 'receivable' and r.item_id = x.rid and r.live
                                           %s
                                      then 'duplicate' else 'extra' end as cls,
                                 case when x.base = 0 and abs(x.amt - x.r_amt) <= x.r_tol then 'reference' else 'partial_payment' end as rule,
                                 least(x.amt, x.r_amt - x.base) as applied
                          from (%s) x
                        ) y"""
                        .formatted(MATCHES_ID_SEQ, ctx.walletAccount() ? EARLIER_TRANSACTION : EARLIER_LINE,
                                candidates.get())));
        persistReferenceMatches(s, ctx, counts, steps);
        steps.add(() -> writer.exceptions(s, counts,
                """
                        insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, actual_minor, difference_minor,
                            %3$s, receivable_id, customer_id, business_date, detail, dedupe_key)
                        select %1$d, %2$d, 'duplicate_payment', currency, 0, amt, amt, tid, rid, customer_id, value_date,
                               'Payment of ' || amt || ' with reference ' || ref || ' repeats an earlier payment of a receivable that is already paid',
                               'duplicate_payment:%4$s:' || tid
                        from mr_refx where cls = 'duplicate'
                        union all
                        select %1$d, %2$d, 'amount_mismatch', currency, greatest(r_amt - base, 0), amt, amt - greatest(r_amt - base, 0), tid, rid, customer_id, value_date,
                               'Overpayment: received ' || amt || ' for ' || ref || ' which owed ' || greatest(r_amt - base, 0),
                               'amount_mismatch:%4$s:' || tid
                        from mr_refx where cls = 'extra' or (cls = 'match' and amt - (r_amt - base) > r_tol)
                        order by 1"""
                        .formatted(ctx.accountId(), ctx.runId(), ctx.receiptColumn(), ctx.receiptTag())));
        // Most receipts are settled here: keeping the rest is cheaper than deleting the settled ones.
        steps.add(() -> exec(s, """
                create temp table mr_receipt_rest on commit drop as
                select t.* from mr_receipt t where not exists (select 1 from mr_refx x where x.tid = t.id)"""));
        steps.add(() -> exec(s, "drop table mr_receipt"));
        steps.add(() -> exec(s, "alter table mr_receipt_rest rename to mr_receipt"));
        steps.add(() -> exec(s, "create unique index on mr_receipt (id)"));
        steps.add(() -> exec(s, "analyze mr_receipt"));
        if (!ctx.walletAccount()) {
            referenceNamesSeveral(s, ctx, counts, steps);
        }
    }

    /**
     * A bank line whose texts name several receivables ("INV-4001 INV-4002") pays them all when their outstanding
     * amounts add up to the credit within tolerance, none is paid already and no other line of the run wants one of
     * them; otherwise it is an ambiguous exception listing them, never a guess, and no later rule looks at it.
     */
    private void referenceNamesSeveral(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        steps.add(() -> exec(s,
                """
                        create temp table mr_refm on commit drop as
                        select * from (
                          select c.*, c.r_amt - c.r_paid as outstanding,
                                 sum(c.r_amt - c.r_paid) over (partition by c.tid) as total, count(*) over (partition by c.tid) as n,
                                 bool_and(c.r_status <> 'paid') over (partition by c.tid) as all_open
                          from mr_refcand c where exists (select 1 from mr_receipt t where t.id = c.tid)
                        ) m where n > 1"""));
        steps.add(() -> exec(s,
                """
                        create temp table mr_refmm on commit drop as
                        select m.* from mr_refm m
                        where m.all_open and abs(m.total - m.amt) <= %s
                          and not exists (select 1 from mr_refx x where x.cls = 'match' and x.rid = m.rid)
                          and m.tid not in (select tid from (select tid, count(*) over (partition by rid) as k from mr_refm) z where k > 1)"""
                        .formatted(ctx.tol("m.amt"))));
        steps.add(() -> exec(s, """
                insert into mr_m (grp, rule, confidence, status, currency, left_total, right_total, evidence)
                select tid, 'reference', 1, 'confirmed', min(currency), min(amt), sum(outstanding),
                       jsonb_build_object('rule', 'reference', 'confidence', 1, 'field', min(field),
                                          'value', string_agg(val, ' ' order by rid),
                                          'receivables', jsonb_agg(ev->>'receivable' order by rid))
                from mr_refmm group by tid"""));
        steps.add(() -> exec(s, """
                insert into mr_i (grp, side, item_type, item_id, amount)
                select distinct tid, 'left', '%s', tid, amt from mr_refmm
                union all
                select tid, 'right', 'receivable', rid, outstanding from mr_refmm""".formatted(ctx.receiptType())));
        writer.persistReceipts(s, ctx, counts, steps);
        steps.add(() -> writer.exceptions(s, counts,
                """
                        insert into recon_exceptions (account_id, run_id, type, currency, actual_minor, statement_line_id, customer_id,
                            candidates, business_date, detail, dedupe_key)
                        select %d, %d, 'ambiguous', min(currency), min(amt), tid, min(customer_id),
                               cast(json_agg(json_build_object('receivableId', rid, 'reference', ev->>'receivable',
                                   'outstandingMinor', outstanding) order by rid) as text),
                               min(value_date), 'Bank credit of ' || min(amt) || ' names ' || count(*) || ' receivables ('
                               || string_agg(ev->>'receivable', ', ' order by rid) || ') that it does not pay exactly',
                               'ambiguous:line:' || tid
                        from mr_refm m where not exists (select 1 from mr_refmm x where x.tid = m.tid)
                        group by tid order by tid"""
                        .formatted(ctx.accountId(), ctx.runId())));
        steps.add(() -> exec(s, "delete from mr_receipt t where t.id in (select tid from mr_refm)"));
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
        // Only receivables several receipts pay (partial payments) need adding up: 0.75 s saved at 1M.
        steps.add(() -> writer.payReceivables(s, ctx, STAGE_REFERENCE_PAYMENTS));
        // The receipt is its receivable's customer's payment, when nothing named its customer before. A bank line
        // has no customer of its own: its match says whose it is.
        if (ctx.walletAccount()) {
            steps.add(() -> exec(s, """
                    update transactions t set customer_id = r.customer_id, updated_at = now(), version = t.version + 1
                    from mr_refx x join receivables r on r.id = x.rid
                    where x.cls = 'match' and t.id = x.tid and t.customer_id is null"""));
        }
        // mr_refx is in id order (ids were drawn as it was written), so both inserts append to their indexes.
        steps.add(() -> exec(s,
                """
                        insert into matches (id, account_id, run_id, kind, rule, confidence, status, currency, left_total_minor,
                            right_total_minor, difference_minor, created_by, evidence)
                        select mid, %d, %d, '%s', rule, 1, 'confirmed', currency, amt, right_total, amt - right_total, 'matching',
                               jsonb_build_object('rule', rule, 'confidence', 1, 'field', field, 'value', val) || coalesce(ev, '{}')
                        from mr_refx where cls = 'match'"""
                        .formatted(ctx.accountId(), ctx.runId(), KIND_RECEIPT)));
        steps.add(() -> exec(s,
                """
                        insert into match_items (match_id, match_kind, side, item_type, item_id, amount_minor)
                        select x.mid, '%s', v.side, v.item_type, v.item_id, v.amount
                        from mr_refx x
                        cross join lateral (values ('left', '%s', x.tid, x.amt), ('right', 'receivable', x.rid, x.applied))
                             as v (side, item_type, item_id, amount)
                        where x.cls = 'match'"""
                        .formatted(KIND_RECEIPT, ctx.receiptType())));
    }

    /** The receivables the reference rule's matches pay, one row per receivable. */
    static final String STAGE_REFERENCE_PAYMENTS = "insert into " + ReceivableRepository.STAGED_PAYMENTS
            + " (rid, applied) "
            + "select rid, applied from mr_refx where cls = 'match' and n_r = 1 "
            + "union all select rid, cast(sum(applied) as bigint) from mr_refx where cls = 'match' and n_r > 1 group by rid";

    void payerAmount(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        steps.add(() -> exec(s,
                """
                        create temp table mr_pay on commit drop as
                        select * from (
                          select t.id as tid, r.id as rid, t.amt, t.currency, r.amount_minor - r.paid_minor as outstanding,
                                 t.payer_identity, t.customer_id,
                                 count(*) over (partition by t.id) as n_t, count(*) over (partition by r.id) as n_r
                          from mr_receipt t
                          join receivables r on r.customer_id = t.customer_id and r.currency = t.currency and r.company_id = %d
                               and r.status in ('open', 'partially_paid') and r.amount_minor - r.paid_minor = t.amt
                          where t.customer_id is not null
                            and not exists (select 1 from mr_held h where h.id = r.id)
                            and not exists (select 1 from mr_blocked b where b.kind = 'receipt_receivable' and b.left_id = t.id and b.right_id = r.id)
                        ) c where n_t = 1 and n_r = 1"""
                        .formatted(ctx.companyId())));
        steps.add(() -> exec(s,
                """
                        insert into mr_m (grp, rule, confidence, status, currency, left_total, right_total, evidence)
                        select tid, 'payer_amount', 0.9, 'confirmed', currency, amt, outstanding,
                               jsonb_build_object('rule', 'payer_amount', 'confidence', 0.9, 'field', '%s', 'value', payer_identity,
                                                  'customer', customer_id, 'amountMinor', amt)
                        from mr_pay"""
                        .formatted(ctx.walletAccount() ? "payer_identity" : "counterparty_account")));
        steps.add(() -> exec(s, """
                insert into mr_i (grp, side, item_type, item_id, amount)
                select tid, 'left', '%s', tid, amt from mr_pay
                union all
                select tid, 'right', 'receivable', rid, outstanding from mr_pay""".formatted(ctx.receiptType())));
        writer.persistReceipts(s, ctx, counts, steps);
        steps.add(() -> exec(s, "delete from mr_receipt t using mr_pay x where x.tid = t.id"));
    }

    void oneToMany(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        // Subset sum is exponential; what finance teams do is settle a customer's oldest open receivables first.
        // So the candidate sets are the due-date-ordered prefixes of the customer's open receivables (due no later
        // than the payment's date plus the window); the shortest prefix of two or more whose sum equals the payment
        // within tolerance wins. A receivable two receipts both want is left to people.
        steps.add(() -> exec(s,
                """
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
                        select * from chosen where tid not in (select tid from contested)"""
                        .formatted(ctx.window())));
        oneToManyMatches(s, ctx, counts, steps, "mr_otm");
        subsets(s, ctx, counts, steps);
    }

    /**
     * Confirms the one-to-many matches of {@code chosen} (tid, amt, currency, rid, outstanding: one row per
     * receivable).
     */
    private void oneToManyMatches(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps, String chosen) {
        steps.add(() -> exec(s,
                """
                        insert into mr_m (grp, rule, confidence, status, currency, left_total, right_total, evidence)
                        select tid, 'one_to_many', 0.85, 'confirmed', min(currency), min(amt), sum(outstanding),
                               jsonb_build_object('rule', 'one_to_many', 'confidence', 0.85, 'field', 'amount',
                                                  'value', min(amt), 'receivables', count(*))
                        from %s group by tid"""
                        .formatted(chosen)));
        steps.add(() -> exec(s, """
                insert into mr_i (grp, side, item_type, item_id, amount)
                select distinct tid, 'left', '%2$s', tid, amt from %1$s
                union all
                select tid, 'right', 'receivable', rid, outstanding from %1$s""".formatted(chosen, ctx.receiptType())));
        writer.persistReceipts(s, ctx, counts, steps);
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
        steps.add(() -> exec(s,
                """
                        create temp table mr_subc on commit drop as
                        select * from (
                          select t.id as tid, t.amt, t.tol, t.currency, t.value_date, t.customer_id, o.id as rid, o.outstanding,
                                 row_number() over (partition by t.id order by o.id) as k, count(*) over (partition by t.id) as n
                          from mr_receipt t
                          join mr_open o on o.customer_id = t.customer_id and o.currency = t.currency and o.due_date <= t.value_date + %d
                          where t.customer_id is not null and o.outstanding > 0
                            and not exists (select 1 from mr_blocked b where b.kind = 'receipt_receivable' and b.left_id = t.id and b.right_id = o.id)
                        ) c where n between 2 and %d"""
                        .formatted(ctx.window(), SUBSET_MAX_CANDIDATES)));
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
        steps.add(() -> exec(s,
                """
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
        steps.add(() -> writer.exceptions(s, counts,
                """
                        insert into recon_exceptions (account_id, run_id, type, currency, actual_minor, %3$s, customer_id,
                            candidates, business_date, detail, dedupe_key)
                        select %1$d, %2$d, 'ambiguous', min(c.currency), min(c.amt), x.tid, min(c.customer_id),
                               cast(json_agg(to_json(x.rids) order by x.rids) as text), min(c.value_date),
                               'Receipt of ' || min(c.amt) || ' equals the sum of ' || count(*) || ' different sets of its customer''s open receivables',
                               'ambiguous:%4$s:' || x.tid
                        from mr_subs x join mr_subc c on c.tid = x.tid and c.k = 1
                        where x.n_sets > 1
                        group by x.tid order by x.tid"""
                        .formatted(ctx.accountId(), ctx.runId(), ctx.receiptColumn(), ctx.receiptTag())));
        steps.add(() -> exec(s, "delete from mr_receipt t using mr_subs x where x.tid = t.id and x.n_sets > 1"));
    }

    void amountDate(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        steps.add(() -> exec(s,
                """
                        create temp table mr_ad on commit drop as
                        select t.id as tid, t.amt, t.currency, t.value_date, t.customer_id, o.id as rid, o.outstanding,
                               count(*) over (partition by t.id) as n_t, count(*) over (partition by o.id) as n_r
                        from mr_receipt t
                        join mr_open o on o.currency = t.currency and o.outstanding between t.amt - t.tol and t.amt + t.tol
                             and o.due_date between t.value_date - %1$d and t.value_date + %1$d
                        where not exists (select 1 from mr_blocked b where b.kind = 'receipt_receivable' and b.left_id = t.id and b.right_id = o.id)"""
                        .formatted(ctx.window())));
        // A unique candidate is only a suggestion: amount and date alone do not prove who paid.
        steps.add(() -> exec(s,
                """
                        insert into mr_m (grp, rule, confidence, status, currency, left_total, right_total, evidence)
                        select tid, 'amount_date', 0.6, 'suggested', currency, amt, outstanding,
                               jsonb_build_object('rule', 'amount_date', 'confidence', 0.6, 'field', 'amount', 'value', amt,
                                                  'dateWindowDays', %d)
                        from mr_ad where n_t = 1 and n_r = 1"""
                        .formatted(ctx.window())));
        steps.add(() -> exec(s, """
                insert into mr_i (grp, side, item_type, item_id, amount)
                select tid, 'left', '%s', tid, amt from mr_ad where n_t = 1 and n_r = 1
                union all
                select tid, 'right', 'receivable', rid, outstanding from mr_ad where n_t = 1 and n_r = 1"""
                .formatted(ctx.receiptType())));
        writer.persistReceipts(s, ctx, counts, steps);
        steps.add(() -> writer.exceptions(s, counts,
                """
                        insert into recon_exceptions (account_id, run_id, type, currency, actual_minor, %3$s, customer_id,
                            candidates, business_date, detail, dedupe_key)
                        select %1$d, %2$d, 'ambiguous', min(currency), min(amt), tid, min(customer_id),
                               cast(json_agg(json_build_object('receivableId', rid, 'outstandingMinor', outstanding) order by rid) as text),
                               min(value_date), 'Receipt of ' || min(amt) || ' fits ' || count(*) || ' open receivables by amount and date',
                               'ambiguous:%4$s:' || tid
                        from mr_ad where not (n_t = 1 and n_r = 1)
                        group by tid order by tid"""
                        .formatted(ctx.accountId(), ctx.runId(), ctx.receiptColumn(), ctx.receiptTag())));
        steps.add(() -> exec(s, "delete from mr_receipt t using mr_ad x where x.tid = t.id"));
        // This run's suggestions hold their receivables too (read by the past-due check).
        steps.add(() -> exec(s,
                "insert into mr_held select rid from mr_ad where n_t = 1 and n_r = 1 on conflict do nothing"));
    }

    /**
     * A bank credit no rule attributes is an unidentified receipt (待认领款项) when its payer is unknown, an unmatched
     * receipt of the customer when its ordering account is a known payer identity: the payer's name and account are in
     * its detail, for the person who claims it.
     */
    private static final String UNIDENTIFIED = """
            insert into recon_exceptions (account_id, run_id, type, currency, actual_minor, difference_minor, statement_line_id,
                customer_id, business_date, detail, dedupe_key)
            select %d, %d, x.type, t.currency, t.amt, t.amt, t.id, t.customer_id, t.value_date,
                   'Bank credit of ' || t.amt || coalesce(' from ' || l.counterparty_name, '')
                   || coalesce(' (account ' || l.counterparty_account || ')', '')
                   || coalesce(' with remittance ' || t.ref, '') || ' matches no open receivable',
                   x.type || ':line:' || t.id
            from mr_receipt t join statement_lines l on l.id = t.id
            cross join lateral (select case when t.customer_id is null then 'unidentified_receipt' else 'unmatched_receipt' end as type) x
            order by t.id""";

    void receiptAbsence(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        if (!ctx.walletAccount()) {
            steps.add(() -> writer.exceptions(s, counts, UNIDENTIFIED.formatted(ctx.accountId(), ctx.runId())));
        } else {
            steps.add(() -> writer.exceptions(s, counts,
                    """
                            insert into recon_exceptions (account_id, run_id, type, currency, actual_minor, difference_minor, transaction_id,
                                customer_id, business_date, detail, dedupe_key)
                            select %d, %d, 'unmatched_receipt', currency, amt, amt, id, customer_id, value_date,
                                   'Receipt of ' || amt || coalesce(' with reference ' || ref, '') || ' matches no open receivable',
                                   'unmatched_receipt:txn:' || id
                            from mr_receipt order by id"""
                            .formatted(ctx.accountId(), ctx.runId())));
        }
        // Past due once the date window has passed too (a payment may still be in flight), and only once every
        // account of the company in its currency has its bills and bank statements in up to the end of the window
        // and the account's grace days (a payment there would have paid it), and every other such account has been
        // reconciled since (its receipts matched: a payment we only learn from its bill pays the invoice in its run);
        // asked once per due date. Receivables
        // carry no account, so each is raised by a run of an account of its company in its currency, once (dedupe key).
        steps.add(() -> writer.exceptions(s, counts,
                """
                        insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, actual_minor, difference_minor,
                            receivable_id, customer_id, business_date, detail, dedupe_key)
                        select %1$d, %2$d, case when r.paid_minor = 0 then 'unpaid_receivable' else 'amount_mismatch' end, r.currency,
                               r.amount_minor, r.paid_minor, r.paid_minor - r.amount_minor, r.id, r.customer_id, r.due_date,
                               case when r.paid_minor = 0 then 'Receivable ' || r.reference || ' of ' || r.amount_minor || ' is past due and unpaid'
                                    else 'Underpayment: receivable ' || r.reference || ' received ' || r.paid_minor || ' of ' || r.amount_minor || ' and is past due' end,
                               case when r.paid_minor = 0 then 'unpaid_receivable:rcv:' || r.id else 'amount_mismatch:rcv:' || r.id end
                        from receivables r
                        where r.company_id = %7$d and r.status in ('open', 'partially_paid') and r.currency = '%3$s'
                          and r.due_date < date '%4$s' - %5$d and r.due_date >= date '%6$s' - %5$d - 30
                          and %9$s
                          and not exists (select 1 from mr_held h where h.id = r.id)
                          and r.due_date in (
                            select cast(due.day as date)
                            from generate_series(cast(date '%6$s' - %5$d - 30 as timestamp), cast(date '%4$s' - %5$d - 1 as timestamp),
                                                 interval '1 day') as due (day)
                            where %8$s)
                        order by r.id"""
                        .formatted(ctx.accountId(), ctx.runId(), ctx.currency(), ctx.asOf(), ctx.window(),
                                ctx.periodStart(),
                                ctx.companyId(),
                                SourcesIn.everyAccount(
                                        "src_a.company_id = " + ctx.companyId() + " and src_a.currency = '"
                                                + ctx.currency() + "'",
                                        "cast(due.day as date)",
                                        "cast(due.day as date) + " + ctx.window(), true)
                                        + " and " + SourcesIn.reconciledBesides(ctx.accountId(),
                                                "rec_a.company_id = " + ctx.companyId() + " and rec_a.currency = '"
                                                        + ctx.currency() + "'",
                                                "cast(due.day as date)",
                                                "cast(due.day as date) + " + ctx.window()),
                                ctx.open("r.due_date"))));
    }
}
