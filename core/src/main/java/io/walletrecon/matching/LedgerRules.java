package io.walletrecon.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.walletrecon.matching.MatchRulesRepository.Steps;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;

import static io.walletrecon.matching.MatchRulesRepository.MATCHES_ID_SEQ;
import static io.walletrecon.matching.MatchRulesRepository.exec;
import static io.walletrecon.matching.MatchRulesRepository.text;

/**
 * The company's bank journal (银行日记账, {@code ledger_entries}) against the bank account's own statement lines, in
 * a run over a bank account: every kind of line (payments, fees, interest: the journal books them all). Amounts are
 * signed as the bank sees them and must be equal to the cent. In order of confidence, each rule reading what the
 * previous left:
 * <ol>
 * <li>reference: the entry's voucher number or reference (letters and digits only, at least
 * {@link #MIN_REFERENCE} of them) found in the line's bank reference, end-to-end id, remittance text or provider
 * ids, same amount; one entry to one line, confirmed;</li>
 * <li>amount + date: same amount within the date window; one entry to one line when each is the other's only
 * candidate (several: left for people, nothing guessed); confirmed on the same day, a suggestion otherwise;</li>
 * <li>many-to-one and one-to-many: several entries of one day summing exactly to one line of that day (a booking
 * split into vouchers), or one entry to several lines (the bank charging a transfer and its fee apart); a bounded
 * search ({@link #SUBSET_MAX_CANDIDATES} candidates), one set only, confirmed.</li>
 * </ol>
 * What is left on either side is no exception: it is the reconciling items of the bank reconciliation statement
 * ({@code GET /ledger-entries/unreconciled}). Every match records its evidence. Items under a live match stay out,
 * and a pair a person rejected or unmatched ({@code mr_blocked}) is never proposed again, so a rerun changes
 * nothing. The statements are named constants with binds.
 */
@ApplicationScoped
class LedgerRules {

    static final String KIND_LEDGER = "ledger_bank";
    /** A reference shorter than this (letters and digits) proves nothing: "12" is in every remittance text. */
    static final int MIN_REFERENCE = 5;
    /** A line or entry with more same-day candidates than this is not searched: 2^12 subsets at most. */
    static final int SUBSET_MAX_CANDIDATES = 12;
    /** How far back an incremental run looks for entries and lines that are still open. */
    static final int INCREMENTAL_LOOKBACK_DAYS = 45;

    private static final String CREATE_ENTRIES = """
            create temp table lg_entry (id bigint primary key, amt bigint not null, currency text not null, d date not null,
                vref text, rref text, vraw text, rraw text) on commit drop""";
    private static final String CREATE_LINES = """
            create temp table lg_line (id bigint primary key, amt bigint not null, currency text not null, d date not null,
                bref text, e2e text, rinfo text, txt text not null) on commit drop""";
    private static final String CREATE_MATCHES = """
            create temp table lg_m (grp bigint primary key, rule text not null, confidence numeric(4,3) not null,
                status text not null, currency text not null, left_total bigint not null, right_total bigint not null,
                evidence jsonb not null) on commit drop""";
    private static final String CREATE_ITEMS = """
            create temp table lg_i (grp bigint not null, side text not null, item_type text not null, item_id bigint not null,
                amount bigint not null) on commit drop""";
    private static final String CREATE_CANDIDATES = """
            create temp table lg_c (eid bigint not null, lid bigint not null, amt bigint not null, currency text not null,
                ed date not null, ld date not null, efield text, evalue text, lfield text, n_e bigint not null,
                n_l bigint not null) on commit drop""";
    private static final String CREATE_SUBSET_CANDIDATES = """
            create temp table lg_sc (owner_id bigint not null, owner_amt bigint not null, sgn bigint not null,
                currency text not null, d date not null, member_id bigint not null, member_amt bigint not null,
                k bigint not null) on commit drop""";
    private static final String CREATE_SUBSETS = """
            create temp table lg_subs (owner_id bigint not null, ids bigint[] not null, n_sets bigint not null) on commit drop""";
    private static final String CREATE_CHOSEN = """
            create temp table lg_subm (owner_id bigint not null, owner_amt bigint not null, sgn bigint not null,
                currency text not null, d date not null, member_id bigint not null, member_amt bigint not null) on commit drop""";

    /** ?1 account, ?2 first day, ?3 last day: the account's entries no live match claims. */
    private static final String STAGE_ENTRIES = """
            insert into lg_entry (id, amt, currency, d, vref, rref, vraw, rraw)
            select e.id, e.amount_minor, e.currency, e.entry_date,
                   nullif(upper(regexp_replace(e.voucher_no, '[^0-9A-Za-z]', '', 'g')), ''),
                   nullif(upper(regexp_replace(e.reference, '[^0-9A-Za-z]', '', 'g')), ''), e.voucher_no, e.reference
            from ledger_entries e
            where e.account_id = ?1 and e.entry_date between ?2 and ?3
              and not exists (select 1 from match_items mi where mi.match_kind = 'ledger_bank' and mi.item_type = 'ledger_entry'
                              and mi.item_id = e.id and mi.live)""";
    /**
     * ?1 account, ?2 first day, ?3 last day: the account's lines no live match of the journal claims, with their
     * references normalised ({@code txt}: all of them, '|' between, so that no reference straddles two fields).
     */
    private static final String STAGE_LINES = """
            insert into lg_line (id, amt, currency, d, bref, e2e, rinfo, txt)
            select l.id, l.amount_minor, l.currency, l.value_date, x.bref, x.e2e, x.rinfo,
                   concat_ws('|', x.bref, x.e2e, x.rinfo, x.other)
            from statement_lines l
            cross join lateral (select upper(regexp_replace(l.bank_reference, '[^0-9A-Za-z]', '', 'g')) as bref,
                                       upper(regexp_replace(l.end_to_end_id, '[^0-9A-Za-z]', '', 'g')) as e2e,
                                       upper(regexp_replace(l.remittance_info, '[^0-9A-Za-z]', '', 'g')) as rinfo,
                                       upper(regexp_replace(concat_ws('|', l.merchant_reference, l.provider_txn_id, l.payout_id),
                                                            '[^0-9A-Za-z|]', '', 'g')) as other) x
            where l.account_id = ?1 and l.value_date between ?2 and ?3 and l.amount_minor <> 0
              and not exists (select 1 from match_items mi where mi.match_kind = 'ledger_bank' and mi.item_type = 'statement_line'
                              and mi.item_id = l.id and mi.live)""";

    /** ?1 shortest reference: entry x line pairs of the same amount whose line carries the entry's reference. */
    private static final String REFERENCE_CANDIDATES = """
            insert into lg_c (eid, lid, amt, currency, ed, ld, efield, evalue, lfield, n_e, n_l)
            select j.*, count(*) over (partition by j.eid), count(*) over (partition by j.lid)
            from (
              select distinct on (e.id, l.id) e.id, l.id, e.amt, e.currency, e.d, l.d, v.efield, v.raw,
                     case when strpos(coalesce(l.bref, ''), v.r) > 0 then 'bankReference'
                          when strpos(coalesce(l.e2e, ''), v.r) > 0 then 'endToEndId'
                          when strpos(coalesce(l.rinfo, ''), v.r) > 0 then 'remittanceInfo' else 'providerReference' end
              from lg_entry e
              cross join lateral (values ('voucher', e.vref, e.vraw), ('reference', e.rref, e.rraw)) as v (efield, r, raw)
              join lg_line l on l.currency = e.currency and l.amt = e.amt and strpos(l.txt, v.r) > 0
              where v.r is not null and length(v.r) >= cast(?1 as integer)
                and not exists (select 1 from mr_blocked b where b.kind = 'ledger_bank' and b.left_id = e.id and b.right_id = l.id)
              order by e.id, l.id, v.efield desc
            ) j (eid, lid, amt, currency, ed, ld, efield, evalue, lfield)""";
    private static final String REFERENCE_MATCHES = """
            insert into lg_m (grp, rule, confidence, status, currency, left_total, right_total, evidence)
            select eid, 'ledger_reference', 1, 'confirmed', currency, amt, amt,
                   jsonb_build_object('rule', 'ledger_reference', 'entryField', efield, 'value', evalue, 'lineField', lfield,
                                      'amountMinor', amt)
            from lg_c where n_e = 1 and n_l = 1""";

    /** ?1 date window in days: entry x line pairs of the same amount within it. */
    private static final String AMOUNT_DATE_CANDIDATES = """
            insert into lg_c (eid, lid, amt, currency, ed, ld, n_e, n_l)
            select e.id, l.id, e.amt, e.currency, e.d, l.d, count(*) over (partition by e.id), count(*) over (partition by l.id)
            from lg_entry e
            join lg_line l on l.currency = e.currency and l.amt = e.amt
                 and l.d between e.d - cast(?1 as integer) and e.d + cast(?1 as integer)
            where not exists (select 1 from mr_blocked b where b.kind = 'ledger_bank' and b.left_id = e.id and b.right_id = l.id)""";
    private static final String AMOUNT_DATE_MATCHES = """
            insert into lg_m (grp, rule, confidence, status, currency, left_total, right_total, evidence)
            select eid, 'ledger_amount_date', case when ed = ld then 0.9 else 0.7 end,
                   case when ed = ld then 'confirmed' else 'suggested' end, currency, amt, amt,
                   jsonb_build_object('rule', 'ledger_amount_date', 'amountMinor', amt, 'entryDate', ed, 'lineDate', ld,
                                      'daysApart', ld - ed)
            from lg_c where n_e = 1 and n_l = 1""";
    private static final String ONE_TO_ONE_ITEMS = """
            insert into lg_i (grp, side, item_type, item_id, amount)
            select eid, 'left', 'ledger_entry', eid, amt from lg_c where n_e = 1 and n_l = 1
            union all
            select eid, 'right', 'statement_line', lid, amt from lg_c where n_e = 1 and n_l = 1""";

    /** ?1 most candidates: for each line, the entries of its day and direction that are smaller. */
    private static final String MANY_ENTRIES_CANDIDATES = """
            insert into lg_sc (owner_id, owner_amt, sgn, currency, d, member_id, member_amt, k)
            select owner_id, owner_amt, sgn, currency, d, member_id, member_amt, k from (
              select l.id as owner_id, abs(l.amt) as owner_amt, sign(l.amt) as sgn, l.currency, l.d, e.id as member_id,
                     abs(e.amt) as member_amt, row_number() over (partition by l.id order by e.id) as k,
                     count(*) over (partition by l.id) as n
              from lg_line l
              join lg_entry e on e.currency = l.currency and e.d = l.d and sign(e.amt) = sign(l.amt) and abs(e.amt) < abs(l.amt)
              where not exists (select 1 from mr_blocked b where b.kind = 'ledger_bank' and b.left_id = e.id and b.right_id = l.id)
            ) c where n between 2 and cast(?1 as integer)""";
    /** ?1 most candidates: for each entry, the lines of its day and direction that are smaller. */
    private static final String MANY_LINES_CANDIDATES = """
            insert into lg_sc (owner_id, owner_amt, sgn, currency, d, member_id, member_amt, k)
            select owner_id, owner_amt, sgn, currency, d, member_id, member_amt, k from (
              select e.id as owner_id, abs(e.amt) as owner_amt, sign(e.amt) as sgn, e.currency, e.d, l.id as member_id,
                     abs(l.amt) as member_amt, row_number() over (partition by e.id order by l.id) as k,
                     count(*) over (partition by e.id) as n
              from lg_entry e
              join lg_line l on l.currency = e.currency and l.d = e.d and sign(l.amt) = sign(e.amt) and abs(l.amt) < abs(e.amt)
              where not exists (select 1 from mr_blocked b where b.kind = 'ledger_bank' and b.left_id = e.id and b.right_id = l.id)
            ) c where n between 2 and cast(?1 as integer)""";
    /**
     * Every set of two or more members whose sum is exactly the owner's amount: extended in member order, pruned as
     * soon as the sum passes the amount (all amounts positive here).
     */
    private static final String SUBSETS = """
            insert into lg_subs (owner_id, ids, n_sets)
            with recursive sub (owner_id, amt, last_k, total, ids) as (
              select owner_id, owner_amt, k, member_amt, array[member_id] from lg_sc where member_amt <= owner_amt
              union all
              select sub.owner_id, sub.amt, c.k, sub.total + c.member_amt, sub.ids || c.member_id
              from sub join lg_sc c on c.owner_id = sub.owner_id and c.k > sub.last_k
              where sub.total + c.member_amt <= sub.amt
            )
            select owner_id, ids, count(*) over (partition by owner_id) from sub
            where cardinality(ids) >= 2 and total = amt""";
    /** Owners with exactly one set, unless a member of it is in another owner's set too. */
    private static final String CHOSEN = """
            insert into lg_subm (owner_id, owner_amt, sgn, currency, d, member_id, member_amt)
            with chosen as (
              select c.owner_id, c.owner_amt, c.sgn, c.currency, c.d, c.member_id, c.member_amt
              from lg_subs x join lg_sc c on c.owner_id = x.owner_id and c.member_id = any (x.ids)
              where x.n_sets = 1
            ), contested as (
              select distinct owner_id from (select owner_id, count(*) over (partition by member_id) as n from chosen) y where n > 1
            )
            select * from chosen where owner_id not in (select owner_id from contested)""";
    private static final String MANY_ENTRIES_MATCHES = """
            insert into lg_m (grp, rule, confidence, status, currency, left_total, right_total, evidence)
            select owner_id, 'ledger_many_to_one', 0.8, 'confirmed', min(currency), sum(sgn * member_amt), min(sgn * owner_amt),
                   jsonb_build_object('rule', 'ledger_many_to_one', 'date', min(d), 'entries', count(*),
                                      'amountMinor', min(sgn * owner_amt))
            from lg_subm group by owner_id""";
    private static final String MANY_ENTRIES_ITEMS = """
            insert into lg_i (grp, side, item_type, item_id, amount)
            select owner_id, 'left', 'ledger_entry', member_id, sgn * member_amt from lg_subm
            union all
            select distinct owner_id, 'right', 'statement_line', owner_id, sgn * owner_amt from lg_subm""";
    private static final String MANY_LINES_MATCHES = """
            insert into lg_m (grp, rule, confidence, status, currency, left_total, right_total, evidence)
            select owner_id, 'ledger_one_to_many', 0.8, 'confirmed', min(currency), min(sgn * owner_amt), sum(sgn * member_amt),
                   jsonb_build_object('rule', 'ledger_one_to_many', 'date', min(d), 'lines', count(*),
                                      'amountMinor', min(sgn * owner_amt))
            from lg_subm group by owner_id""";
    private static final String MANY_LINES_ITEMS = """
            insert into lg_i (grp, side, item_type, item_id, amount)
            select distinct owner_id, 'left', 'ledger_entry', owner_id, sgn * owner_amt from lg_subm
            union all
            select owner_id, 'right', 'statement_line', member_id, sgn * member_amt from lg_subm""";

    private static final String COUNT_BY_RULE = """
            select coalesce(cast(json_object_agg(rule, n) as text), '{}') from (select rule, count(*) as n from lg_m group by rule) x""";
    private static final String MATCH_IDS = "create temp table lg_ids on commit drop as select grp, nextval("
            + MATCHES_ID_SEQ + ") as id from (select grp from lg_m order by grp) g";
    /** ?1 account, ?2 run. */
    private static final String INSERT_MATCHES = """
            insert into matches (id, account_id, run_id, kind, rule, confidence, status, currency, left_total_minor,
                right_total_minor, difference_minor, created_by, evidence)
            select i.id, ?1, ?2, 'ledger_bank', m.rule, m.confidence, m.status, m.currency, m.left_total, m.right_total,
                   m.left_total - m.right_total, 'matching', m.evidence
            from lg_m m join lg_ids i on i.grp = m.grp order by i.id""";
    private static final String INSERT_ITEMS = """
            insert into match_items (match_id, match_kind, side, item_type, item_id, amount_minor)
            select i.id, 'ledger_bank', x.side, x.item_type, x.item_id, x.amount
            from lg_i x join lg_ids i on i.grp = x.grp order by i.id, x.side, x.item_id""";
    private static final String CLAIMED_ENTRIES = "delete from lg_entry e using lg_i x where x.item_type = 'ledger_entry' and x.item_id = e.id";
    private static final String CLAIMED_LINES = "delete from lg_line l using lg_i x where x.item_type = 'statement_line' and x.item_id = l.id";

    private final ObjectMapper json;

    LedgerRules(ObjectMapper json) {
        this.json = json;
    }

    /** Adds the bank journal's rules to a run over a bank account. */
    void ledger(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        LedgerScope scope = LedgerScope.of(ctx);
        for (String ddl : new String[]{CREATE_ENTRIES, CREATE_LINES, CREATE_MATCHES, CREATE_ITEMS, CREATE_CANDIDATES,
                CREATE_SUBSET_CANDIDATES, CREATE_SUBSETS, CREATE_CHOSEN}) {
            steps.add(() -> exec(s, ddl));
        }
        steps.add(() -> bound(s, STAGE_ENTRIES, ctx.accountId(), scope.from(), scope.to()));
        steps.add(() -> bound(s, STAGE_LINES, ctx.accountId(), scope.from(), scope.to()));
        steps.add(() -> exec(s, "analyze lg_entry"));
        steps.add(() -> exec(s, "analyze lg_line"));
        if (ctx.on("reference")) {
            steps.add(() -> bound(s, REFERENCE_CANDIDATES, MIN_REFERENCE));
            steps.add(() -> exec(s, REFERENCE_MATCHES));
            steps.add(() -> exec(s, ONE_TO_ONE_ITEMS));
            steps.add(() -> persist(s, ctx, counts));
            steps.add(() -> exec(s, "truncate lg_c"));
        }
        if (ctx.on("amount_date")) {
            steps.add(() -> bound(s, AMOUNT_DATE_CANDIDATES, ctx.window()));
            steps.add(() -> exec(s, AMOUNT_DATE_MATCHES));
            steps.add(() -> exec(s, ONE_TO_ONE_ITEMS));
            steps.add(() -> persist(s, ctx, counts));
        }
        if (ctx.on("one_to_many")) {
            subsets(s, ctx, counts, steps, MANY_ENTRIES_CANDIDATES, MANY_ENTRIES_MATCHES, MANY_ENTRIES_ITEMS);
            subsets(s, ctx, counts, steps, MANY_LINES_CANDIDATES, MANY_LINES_MATCHES, MANY_LINES_ITEMS);
        }
    }

    private void subsets(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps, String candidates,
            String matches, String items) {
        steps.add(() -> exec(s, "truncate lg_sc, lg_subs, lg_subm"));
        steps.add(() -> bound(s, candidates, SUBSET_MAX_CANDIDATES));
        steps.add(() -> exec(s, SUBSETS));
        steps.add(() -> exec(s, CHOSEN));
        steps.add(() -> exec(s, matches));
        steps.add(() -> exec(s, items));
        steps.add(() -> persist(s, ctx, counts));
    }

    /** lg_m/lg_i -> matches/match_items, ids drawn in group order; the claimed items leave the staging tables. */
    private Uni<Void> persist(Mutiny.Session s, RunContext ctx, RunCounts counts) {
        return text(s, COUNT_BY_RULE).invoke(c -> counts.addMatches(json, c))
                .chain(() -> exec(s, MATCH_IDS))
                .chain(() -> bound(s, INSERT_MATCHES, ctx.accountId(), ctx.runId()))
                .chain(() -> exec(s, INSERT_ITEMS))
                .chain(() -> exec(s, CLAIMED_ENTRIES))
                .chain(() -> exec(s, CLAIMED_LINES))
                .chain(() -> exec(s, "drop table lg_ids"))
                .chain(() -> exec(s, "truncate lg_m, lg_i"));
    }

    private static Uni<Void> bound(Mutiny.Session s, String sql, Object... binds) {
        return MatchRulesRepository.execBound(s, sql, binds);
    }

    /**
     * The dates a run looks at: a full run its period widened by the date window both ways (an entry of the last day
     * may reach the bank two days later); an incremental run the last {@link #INCREMENTAL_LOOKBACK_DAYS} days.
     */
    record LedgerScope(LocalDate from, LocalDate to) {
        static LedgerScope of(RunContext ctx) {
            LocalDate to = ctx.periodEnd().plusDays(ctx.window());
            LocalDate from = ctx.full()
                    ? ctx.periodStart().minusDays(ctx.window())
                    : ctx.periodEnd().minusDays(INCREMENTAL_LOOKBACK_DAYS);
            // Nothing of a locked period: its entries and lines stay as they were confirmed.
            return new LedgerScope(ctx.openFrom(from), to);
        }
    }
}
