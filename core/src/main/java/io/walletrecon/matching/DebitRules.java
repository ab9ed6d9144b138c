package io.walletrecon.matching;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.walletrecon.customers.PayerIdentities;
import io.walletrecon.dispatch.AlertService;
import io.walletrecon.dispatch.DispatchChannel;
import io.walletrecon.dispatch.EndToEndId;
import io.walletrecon.dispatch.PaymentState;
import io.walletrecon.dispatch.PaymentStateMachine;
import io.walletrecon.matching.MatchRulesRepository.Steps;
import io.walletrecon.security.KeyService;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.walletrecon.matching.MatchRulesRepository.exec;
import static io.walletrecon.matching.MatchRulesRepository.execBound;
import static io.walletrecon.matching.MatchRulesRepository.text;

/**
 * A bank account's outgoing lines against the payment orders it sent in its pain.001 files (kind
 * {@code debit_payment}: left the statement line, right the order), in passes, each seeing only what the previous
 * left:
 * <ol>
 * <li>end-to-end id: the line's EndToEndId, or one of ours ({@link EndToEndId}) in its remittance text, names the
 * order; the same amount is a confirmed match that completes the order, another amount a
 * {@code debit_amount_mismatch} exception and an alert (the order stays submitted);</li>
 * <li>beneficiary account + amount + execution-date window: the line's counterparty account is the order's
 * beneficiary account (compared by its keyed hash, as the beneficiary is stored), a confirmed match;</li>
 * <li>amount + execution-date window: a suggestion for a person, never completes the order by itself.</li>
 * </ol>
 * Several candidates in a pass are {@code ambiguous}. A credit that names an order's end-to-end id is its return:
 * the order becomes {@code returned}, and the credit is matched to it (kind {@code payment_return}). A debit no order
 * explains is {@code unexpected_debit} at once; a submitted
 * order without its debit after the configured business days, once the account's statements of those days are in,
 * is {@code payment_not_debited} (full runs). Every order changed is in the order's history (actor
 * {@code matching}) and in the run's counts, which the run audits.
 */
@ApplicationScoped
class DebitRules {

    static final String KIND = "debit_payment";
    /** A return credit (left) matched to the order it brings back (right). */
    static final String RETURN_KIND = "payment_return";
    static final String ACTOR = "matching";

    /** The keyed counterparty accounts, {@code id|key} lines in {@code ?1}. */
    private static final String STAGE_KEYS = """
            insert into mr_debit_key (id, bkey)
            select cast(split_part(x, '|', 1) as bigint), split_part(x, '|', 2) from unnest(string_to_array(?1, chr(10))) as x""";

    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };

    private final MatchWriter writer;
    private final KeyService keys;
    private final AlertService alerts;
    private final ObjectMapper json;

    DebitRules(MatchWriter writer, KeyService keys, AlertService alerts, ObjectMapper json) {
        this.writer = writer;
        this.keys = keys;
        this.alerts = alerts;
        this.json = json;
    }

    /** Every debit rule of a run over a bank account, in order. */
    void debits(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        stage(s, ctx, steps);
        endToEnd(s, ctx, counts, steps);
        beneficiary(s, ctx, counts, steps);
        pass(s, ctx, counts, steps, "mr_dbt_amt",
                "mr_debit d join mr_order o on o.currency = d.currency and o.amt = d.amt and "
                        + window(ctx),
                "'amount_date', 0.6, 'suggested'", "by amount and date", null);
        complete(s, ctx, counts, steps);
        returns(s, ctx, counts, steps);
        returnMatches(s, ctx, counts, steps);
        ownAccounts(s, ctx, counts, steps);
        unexpected(s, ctx, counts, steps);
        if (ctx.full()) {
            notDebited(s, ctx, counts, steps);
        }
        autoResolve(s, ctx, steps);
    }

    /** The debits and the submitted orders of the account not yet claimed by a live match. */
    private void stage(Mutiny.Session s, RunContext ctx, Steps steps) {
        steps.add(() -> exec(s,
                """
                        create temp table mr_debit on commit drop as
                        select l.id, -l.amount_minor as amt, l.currency, l.value_date, l.end_to_end_id as e2e,
                               upper(coalesce(l.remittance_info, '')) as rmt, l.counterparty_account as cpty, l.counterparty_name as cname
                        from statement_lines l
                        where l.account_id = %d and l.kind = 'payment' and l.amount_minor < 0 and %s
                          and not exists (select 1 from match_items mi where mi.item_type = 'statement_line' and mi.item_id = l.id
                                          and mi.live and mi.match_kind in ('%s', '%s'))"""
                        .formatted(ctx.accountId(), ctx.lineScope("l"), KIND, MatchRulesRepository.KIND_SETTLEMENT)));
        steps.add(() -> exec(s, "create unique index on mr_debit (id)"));
        steps.add(() -> exec(s,
                """
                        create temp table mr_order on commit drop as
                        select p.id, p.provider_payment_id as e2e, p.amount_minor as amt, p.currency, p.execute_on, b.beneficiary_key as bkey,
                               p.beneficiary_name as bname
                        from payment_orders p join beneficiaries b on b.id = p.beneficiary_id
                        where p.account_id = %d and p.channel = '%s' and p.state = '%s'
                          and not exists (select 1 from match_items mi where mi.match_kind = '%s' and mi.item_type = 'payment_order'
                                          and mi.item_id = p.id and mi.live)"""
                        .formatted(ctx.accountId(), DispatchChannel.BANK_FILE.code(), PaymentState.SUBMITTED.code(),
                                KIND)));
        steps.add(() -> exec(s, "create unique index on mr_order (id)"));
        // The end-to-end ids a debit names: its own, and ours anywhere in its remittance text (banks move it there).
        steps.add(() -> exec(s,
                """
                        create temp table mr_debit_ref on commit drop as
                        select id, e2e from mr_debit where e2e is not null
                        union
                        select d.id, lower(m[1]) from mr_debit d, regexp_matches(d.rmt, '%s', 'g') as m"""
                        .formatted(EndToEndId.IN_TEXT_REGEX)));
        steps.add(() -> exec(s, "analyze mr_debit"));
        steps.add(() -> exec(s, "analyze mr_order"));
    }

    /** SQL: debit {@code d} falls within the date window after order {@code o}'s execution date. */
    private static String window(RunContext ctx) {
        return "d.value_date between o.execute_on and o.execute_on + " + ctx.window();
    }

    private void endToEnd(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        pass(s, ctx, counts, steps, "mr_dbt_e2e",
                "mr_debit d join mr_debit_ref r on r.id = d.id join mr_order o on o.e2e = r.e2e and o.currency = d.currency",
                "'end_to_end_id', 1, 'confirmed'", "by its end-to-end id",
                "'endToEndId', o.e2e, 'lineEndToEndId', d.e2e");
    }

    /**
     * The counterparty accounts of the debits left, keyed as beneficiaries are ({@code KeyService.lookupHash} of the
     * number as given and normalised), so that the account number itself never needs decrypting; then the pass.
     */
    private void beneficiary(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        steps.add(() -> exec(s,
                "create temp table mr_debit_key (id bigint not null, bkey text not null) on commit drop"));
        steps.add(() -> text(s, "select coalesce(string_agg(id || '|' || cpty, chr(10) order by id), '') from mr_debit "
                + "where cpty is not null and length(cpty) < 80")
                .chain(rows -> rows.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : execBound(s, STAGE_KEYS, keyed(rows))));
        pass(s, ctx, counts, steps, "mr_dbt_ben",
                "mr_debit d join mr_debit_key k on k.id = d.id join mr_order o on o.bkey = k.bkey and o.currency = d.currency "
                        + "and o.amt = d.amt and " + window(ctx),
                "'beneficiary_amount_date', 0.9, 'confirmed'", "by beneficiary account, amount and date",
                "'beneficiaryAccount', 'the counterparty account is the order''s beneficiary account'");
    }

    /** {@code id|account} lines to {@code id|key} lines, each account under every form a beneficiary key may have. */
    private String keyed(String rows) {
        StringBuilder out = new StringBuilder();
        for (String row : rows.split("\n")) {
            int bar = row.indexOf('|');
            String id = row.substring(0, bar);
            String account = row.substring(bar + 1).trim();
            Set<String> forms = new LinkedHashSet<>(List.of(account.toUpperCase(Locale.ROOT),
                    PayerIdentities.normaliseAccountNumber(account)));
            for (String form : forms) {
                out.append(out.isEmpty() ? "" : "\n").append(id).append('|').append(keys.lookupHash(form));
            }
        }
        return out.toString();
    }

    /**
     * One pass: the (debit, order) pairs {@code from} yields, with their counts both ways, go to {@code <table>_c};
     * pairs unique both ways are matched as {@code match} (rule, confidence, status), with their {@code evidence}
     * (more pairs of JSON keys and SQL values, or null) when the amounts agree; with other amounts (only the
     * end-to-end pass, which names the order for certain, lets them through) a {@code debit_amount_mismatch}; the
     * rest are ambiguous. Every
     * debit and order of the pass leaves the later ones.
     */
    private void pass(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps, String table, String from,
            String match, String how, String evidence) {
        steps.add(() -> exec(s,
                """
                        create temp table %1$s_c on commit drop as
                        select d.id as lid, d.amt as lamt, d.value_date, d.currency, o.id as oid, o.amt as oamt, o.execute_on,
                               d.e2e, o.e2e as oe2e, jsonb_build_object('rule', %3$s, 'statementLineId', d.id, 'paymentOrderId', o.id,
                                   'amountMinor', d.amt, 'valueDate', d.value_date, 'executeOn', o.execute_on%4$s) as evidence,
                               count(*) over (partition by d.id) as n_l, count(*) over (partition by o.id) as n_o
                        from %2$s
                        where not exists (select 1 from mr_blocked x where x.kind = '%5$s' and x.left_id = d.id and x.right_id = o.id)"""
                        .formatted(table, from, match.substring(0, match.indexOf(',')),
                                evidence == null ? "" : ", " + evidence, KIND)));
        steps.add(() -> exec(s, """
                create temp table %1$s on commit drop as
                select row_number() over (order by lid) as grp, c.* from %1$s_c c
                where n_l = 1 and n_o = 1""".formatted(table)));
        ambiguity(s, ctx, counts, steps, table + "_c", how);
        mismatches(s, ctx, counts, steps, table);
        steps.add(() -> exec(s, """
                insert into mr_m (grp, rule, confidence, status, currency, left_total, right_total)
                select grp, %s, currency, lamt, oamt from %s where lamt = oamt""".formatted(match, table)));
        steps.add(() -> exec(s, """
                insert into mr_i (grp, side, item_type, item_id, amount)
                select grp, 'left', 'statement_line', lid, lamt from %1$s where lamt = oamt
                union all
                select grp, 'right', 'payment_order', oid, oamt from %1$s where lamt = oamt""".formatted(table)));
        steps.add(() -> writer.persist(s, ctx, KIND, counts));
        steps.add(() -> exec(s,
                """
                        update matches m set evidence = x.evidence
                        from %s x join match_items mi on mi.match_kind = '%s' and mi.item_type = 'statement_line' and mi.item_id = x.lid and mi.live
                        where m.id = mi.match_id and m.run_id = %d"""
                        .formatted(table, KIND, ctx.runId())));
        steps.add(() -> exec(s, "delete from mr_debit d using %s_c x where x.lid = d.id".formatted(table)));
        steps.add(() -> exec(s, "delete from mr_order o using %s_c x where x.oid = o.id".formatted(table)));
    }

    /** A debit that fits several orders, or an order several debits fit: for a person, listing the candidates. */
    private void ambiguity(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps, String candidates,
            String how) {
        steps.add(() -> writer.exceptions(s, counts,
                """
                        insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, statement_line_id,
                            candidates, business_date, detail, dedupe_key)
                        select %1$d, %2$d, 'ambiguous', min(currency), min(lamt), lid,
                               cast(json_agg(json_build_object('paymentOrderId', oid, 'amountMinor', oamt) order by oid) as text),
                               min(value_date),
                               'The bank debit of ' || min(lamt) || ' on ' || min(value_date) || ' fits ' || count(*)
                                   || ' payment orders %3$s, or shares its order with another debit',
                               'ambiguous:debit:' || lid
                        from %4$s where lid in (select lid from %4$s where n_l > 1 or n_o > 1)
                        group by lid order by lid"""
                        .formatted(ctx.accountId(), ctx.runId(), how, candidates)));
    }

    /**
     * The bank debited another amount than the order's: an exception naming both (once, by its dedupe key) and, for
     * each new one, an alert; the order is not completed.
     */
    private void mismatches(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps, String table) {
        steps.add(() -> text(s,
                """
                        with ins as (
                          insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, actual_minor, difference_minor,
                              statement_line_id, payment_order_id, business_date, detail, dedupe_key)
                          select %1$d, %2$d, 'debit_amount_mismatch', currency, oamt, lamt, lamt - oamt, lid, oid, value_date,
                                 'The bank debited ' || lamt || ' on ' || value_date || ' for payment order ' || oid || ' of ' || oamt
                                     || ' (end-to-end id ' || oe2e || '): the order stays submitted until a person settles it',
                                 'debit_amount_mismatch:' || lid || ':' || oid
                          from %3$s where lamt <> oamt order by grp
                          on conflict (dedupe_key) do nothing returning type, payment_order_id, detail)
                        select coalesce(cast(json_agg(json_build_object('paymentId', payment_order_id, 'message', detail)
                                                      order by payment_order_id) as text), '[]') from ins"""
                        .formatted(ctx.accountId(), ctx.runId(), table))
                .chain(rows -> raise("DEBIT_AMOUNT_MISMATCH", rows, counts, "debit_amount_mismatch")));
    }

    /** Alerts for each {@code {paymentId, message}} of {@code rows}, in the run's transaction. */
    private Uni<Void> raise(String kind, String rows, RunCounts counts, String exceptionType) {
        List<Map<String, Object>> list = read(rows);
        if (exceptionType != null && !list.isEmpty()) {
            counts.addExceptions(json, "{\"" + exceptionType + "\":" + list.size() + "}");
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map<String, Object> row : list) {
            long id = ((Number) row.get("paymentId")).longValue();
            String message = (String) row.get("message");
            chain = chain.chain(() -> alerts.raise(kind, id, message));
        }
        return chain;
    }

    private List<Map<String, Object>> read(String rows) {
        try {
            return json.readValue(rows, ROWS);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable rows " + rows, e);
        }
    }

    /**
     * The orders the account's live confirmed debit matches name (this run's, and those a person confirmed or made by
     * hand since the last run): submitted → completed, with the processed amount and a line of history naming the
     * statement line and the match. Conditional on the order still being submitted, so an order is completed once.
     */
    private void complete(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        PaymentStateMachine.require(0, PaymentState.SUBMITTED, PaymentState.COMPLETED);
        steps.add(() -> text(s,
                """
                        with x as (
                          select r.item_id as oid, l.item_id as lid, l.amount_minor as amt, m.id as mid
                          from matches m
                          join match_items l on l.match_id = m.id and l.side = 'left' and l.item_type = 'statement_line' and l.live
                          join match_items r on r.match_id = m.id and r.side = 'right' and r.item_type = 'payment_order' and r.live
                          where m.account_id = %6$d and m.kind = '%2$s' and m.status = 'confirmed'),
                        done as (
                          update payment_orders p set state = '%4$s', processed_minor = x.amt, finished_at = now(), updated_at = now(),
                                 version = p.version + 1
                          from x where p.id = x.oid and p.state = '%3$s'
                          returning p.id, x.lid, x.mid),
                        h as (
                          insert into payment_history (payment_id, from_state, to_state, actor, reason)
                          select id, '%3$s', '%4$s', '%5$s', 'Debited on bank statement line ' || lid || ' (match ' || mid || ', run %1$d)'
                          from done)
                        select coalesce(cast(json_agg(id order by id) as text), '[]') from done"""
                        .formatted(ctx.runId(), KIND, PaymentState.SUBMITTED.code(), PaymentState.COMPLETED.code(),
                                ACTOR, ctx.accountId()))
                .invoke(ids -> counts.ordersFromBank("completed", ids)).replaceWithVoid());
    }

    /**
     * A credit naming one of our end-to-end ids ({@link EndToEndId#PREFIX}, so never a customer's own id that happens
     * to equal an old order's bare number) is the money of that order coming back: the order (submitted or completed)
     * becomes returned, with the credit in its history and failure reason, and an alert.
     */
    private void returns(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        PaymentStateMachine.require(0, PaymentState.SUBMITTED, PaymentState.RETURNED);
        PaymentStateMachine.require(0, PaymentState.COMPLETED, PaymentState.RETURNED);
        steps.add(() -> text(s,
                """
                        with c as (
                          select l.id, l.amount_minor, l.value_date, l.end_to_end_id as e2e, upper(coalesce(l.remittance_info, '')) as rmt
                          from statement_lines l
                          where l.account_id = %1$d and l.amount_minor > 0 and %2$s),
                        refs as (
                          select id, e2e from c where e2e is not null
                          union
                          select c.id, lower(m[1]) from c, regexp_matches(c.rmt, '%3$s', 'g') as m),
                        x as (
                          select distinct on (p.id) p.id as oid, p.state as from_state, c.id as lid, c.amount_minor, c.value_date
                          from refs r join c on c.id = r.id
                          join payment_orders p on p.account_id = %1$d and p.channel = '%4$s' and p.provider_payment_id = r.e2e
                          where r.e2e like '%10$s%%' and p.state in ('%5$s', '%6$s')
                          order by p.id, c.id),
                        done as (
                          update payment_orders p set state = '%7$s', finished_at = now(), updated_at = now(), version = p.version + 1,
                                 failure_reason = 'Returned by the bank: credit of ' || x.amount_minor || ' on ' || x.value_date
                                     || ' (bank statement line ' || x.lid || ')'
                          from x where p.id = x.oid and p.state = x.from_state
                          returning p.id, x.from_state, x.lid, p.failure_reason),
                        h as (
                          insert into payment_history (payment_id, from_state, to_state, actor, reason)
                          select id, from_state, '%7$s', '%8$s', failure_reason || ', run %9$d' from done)
                        select coalesce(cast(json_agg(json_build_object('paymentId', id, 'message',
                                           'Payment ' || id || ' returned: ' || failure_reason) order by id) as text), '[]') from done"""
                        .formatted(ctx.accountId(), ctx.lineScope("l"), EndToEndId.IN_TEXT_REGEX,
                                DispatchChannel.BANK_FILE.code(), PaymentState.SUBMITTED.code(),
                                PaymentState.COMPLETED.code(), PaymentState.RETURNED.code(), ACTOR, ctx.runId(),
                                EndToEndId.PREFIX))
                .chain(rows -> {
                    counts.ordersFromBank("returned", ids(rows));
                    return raise("PAYMENT_FAILED", rows, counts, null);
                }));
        steps.add(() -> exec(s,
                "delete from mr_order o where not exists (select 1 from payment_orders p where p.id = o.id "
                        + "and p.state = '" + PaymentState.SUBMITTED.code() + "')"));
    }

    /**
     * The credit that returned an order is matched to it (kind {@code payment_return}, rule
     * {@code return_end_to_end_id}), so the line is explained like every other bank line while the order's debit match
     * stands: each credit in the run's scope naming one of our end-to-end ids (as {@link #returns} reads it) of a
     * returned order of the account, one credit to one order, neither held by a return match yet, never a pair a
     * person rejected. Orders returned by an earlier run are matched too.
     */
    private void returnMatches(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        steps.add(() -> exec(s,
                """
                        create temp table mr_ret on commit drop as
                        with c as (
                          select l.id, l.amount_minor, l.currency, l.value_date, l.end_to_end_id as e2e, upper(coalesce(l.remittance_info, '')) as rmt
                          from statement_lines l
                          where l.account_id = %1$d and l.amount_minor > 0 and %2$s
                            and not exists (select 1 from match_items mi where mi.item_type = 'statement_line' and mi.item_id = l.id
                                            and mi.live and mi.match_kind = '%6$s')),
                        refs as (
                          select id, e2e from c where e2e is not null
                          union
                          select c.id, lower(m[1]) from c, regexp_matches(c.rmt, '%3$s', 'g') as m),
                        pairs as (
                          select distinct c.id as lid, c.amount_minor as lamt, c.currency, c.value_date, p.id as oid, p.amount_minor as oamt,
                                 p.provider_payment_id as oe2e
                          from refs r join c on c.id = r.id
                          join payment_orders p on p.account_id = %1$d and p.channel = '%4$s' and p.provider_payment_id = r.e2e
                                               and p.state = '%5$s' and p.currency = c.currency
                          where r.e2e like '%7$s%%'
                            and not exists (select 1 from match_items mi where mi.item_type = 'payment_order' and mi.item_id = p.id
                                            and mi.live and mi.match_kind = '%6$s')
                            and not exists (select 1 from mr_blocked x where x.kind = '%6$s' and x.left_id = c.id and x.right_id = p.id))
                        select row_number() over (order by lid) as grp, x.* from (
                          select pairs.*, count(*) over (partition by lid) as n_l, count(*) over (partition by oid) as n_o from pairs) x
                        where n_l = 1 and n_o = 1"""
                        .formatted(ctx.accountId(), ctx.lineScope("l"), EndToEndId.IN_TEXT_REGEX,
                                DispatchChannel.BANK_FILE.code(), PaymentState.RETURNED.code(), RETURN_KIND,
                                EndToEndId.PREFIX)));
        steps.add(() -> exec(s,
                """
                        insert into mr_m (grp, rule, confidence, status, currency, left_total, right_total, evidence)
                        select grp, 'return_end_to_end_id', 1, 'confirmed', currency, lamt, oamt,
                               jsonb_build_object('rule', 'return_end_to_end_id', 'confidence', 1, 'statementLineId', lid,
                                                  'paymentOrderId', oid, 'endToEndId', oe2e, 'amountMinor', lamt, 'valueDate', value_date)
                        from mr_ret"""));
        steps.add(() -> exec(s, """
                insert into mr_i (grp, side, item_type, item_id, amount)
                select grp, 'left', 'statement_line', lid, lamt from mr_ret
                union all
                select grp, 'right', 'payment_order', oid, oamt from mr_ret"""));
        steps.add(() -> writer.persist(s, ctx, RETURN_KIND, counts));
    }

    /**
     * Debits to another account of the company ({@link OwnAccounts}) are transfers, not unexpected debits: each is
     * matched to that account's credit of the same amount within the date window (one to one, never a pair a person
     * rejected), kind {@code settlement_bank}; without its credit yet it waits, unmatched and unraised.
     */
    private void ownAccounts(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        steps.add(() -> exec(s,
                """
                        create temp table mr_own on commit drop as
                        select d.id, d.amt, d.currency, d.value_date, %1$s as own
                        from mr_debit d where d.cpty is not null and length(d.cpty) < 80"""
                        .formatted(OwnAccounts.accountOf("d.cpty", ctx.companyId(), ctx.accountId()))));
        steps.add(() -> exec(s, "delete from mr_own where own is null"));
        steps.add(() -> exec(s,
                """
                        create temp table mr_own_c on commit drop as
                        select row_number() over (order by lid) as grp, x.* from (
                          select o.id as lid, o.amt, o.currency, o.value_date, c.id as cid,
                                 count(*) over (partition by o.id) as n_l, count(*) over (partition by c.id) as n_c
                          from mr_own o
                          join statement_lines c on c.account_id = o.own and c.amount_minor = o.amt and c.currency = o.currency
                                                and c.value_date between o.value_date and o.value_date + %1$d
                          where not exists (select 1 from match_items mi where mi.item_type = 'statement_line' and mi.item_id = c.id
                                            and mi.live and mi.match_kind = '%2$s')
                            and not exists (select 1 from mr_blocked x where x.kind = '%2$s' and x.left_id = o.id and x.right_id = c.id)) x
                        where n_l = 1 and n_c = 1"""
                        .formatted(ctx.window(), MatchRulesRepository.KIND_SETTLEMENT)));
        steps.add(() -> exec(s, """
                insert into mr_m (grp, rule, confidence, status, currency, left_total, right_total, evidence)
                select grp, '%1$s', 1, 'confirmed', currency, amt, amt,
                       jsonb_build_object('rule', '%1$s', 'confidence', 1, 'statementLineId', lid, 'creditLineId', cid,
                                          'amountMinor', amt, 'valueDate', value_date)
                from mr_own_c""".formatted(OwnAccounts.RULE)));
        steps.add(() -> exec(s, """
                insert into mr_i (grp, side, item_type, item_id, amount)
                select grp, 'left', 'statement_line', lid, amt from mr_own_c
                union all
                select grp, 'right', 'statement_line', cid, amt from mr_own_c"""));
        steps.add(() -> writer.persist(s, ctx, MatchRulesRepository.KIND_SETTLEMENT, counts));
        steps.add(() -> exec(s, "delete from mr_debit d using mr_own o where o.id = d.id"));
    }

    private String ids(String rows) {
        return read(rows).stream().map(r -> String.valueOf(r.get("paymentId")))
                .reduce((a, b) -> a + "," + b).map(x -> "[" + x + "]").orElse("[]");
    }

    /** Money that left the account without an order: the debits no pass explained. */
    private void unexpected(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        steps.add(() -> writer.exceptions(s, counts,
                """
                        insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, actual_minor, difference_minor,
                            statement_line_id, business_date, detail, dedupe_key)
                        select %d, %d, 'unexpected_debit', currency, 0, amt, amt, id, value_date,
                               'The bank debited ' || amt || ' on ' || value_date || coalesce(' to ' || nullif(cname, ''), '')
                                   || ' without a payment order' || coalesce(' (' || nullif(rmt, '') || ')', ''),
                               'unexpected_debit:' || id
                        from mr_debit order by id"""
                        .formatted(ctx.accountId(), ctx.runId())));
    }

    /**
     * Submitted orders without their debit after the configured business days from their execution date, once the
     * account's statements of every day up to then are in (else absence is not known), and with no debit naming them
     * on any statement of the account (a run over an earlier period must not report a debit a later one will match).
     */
    private void notDebited(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        int days = ctx.config().notDebitedAfterBusinessDays();
        String deadline = BusinessDays.afterSql("o.execute_on", days, ctx.config().bankHolidays());
        steps.add(() -> writer.exceptions(s, counts,
                """
                        insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, actual_minor, difference_minor,
                            payment_order_id, business_date, detail, dedupe_key)
                        select %1$d, %2$d, 'payment_not_debited', o.currency, o.amt, 0, -o.amt, o.id, o.execute_on,
                               'Payment order ' || o.id || ' of ' || o.amt || ' to ' || o.bname || ' (end-to-end id ' || coalesce(o.e2e, '-')
                                   || '), executed on ' || o.execute_on || ', is not debited after %3$d business days',
                               'payment_not_debited:' || o.id
                        from mr_order o
                        where %4$s <= date '%5$s' and %6$s and %7$s
                          and not exists (select 1 from statement_lines l where l.account_id = %1$d and l.amount_minor < 0
                                          and l.end_to_end_id = o.e2e)
                        order by o.id"""
                        .formatted(ctx.accountId(), ctx.runId(), days, deadline, ctx.asOf(),
                                SourcesIn.everyDay(String.valueOf(ctx.accountId()), "o.execute_on", deadline),
                                ctx.open("o.execute_on"))));
    }

    /**
     * Debit exceptions whose subject has since been settled: the order matched to a debit (by a run or a person) or no
     * longer submitted; the unexpected debit matched to an order or found to be a transfer to our own account.
     */
    private void autoResolve(Mutiny.Session s, RunContext ctx, Steps steps) {
        steps.add(() -> exec(s,
                """
                        update recon_exceptions e set status = 'resolved', resolved_by = 'matching', resolved_at = now(), updated_at = now(),
                               resolution_reason = 'Matched by run %2$d'
                        where e.account_id = %1$d and e.status = 'open' and e.run_id is distinct from %2$d
                          and %6$s and (
                           (e.type in ('payment_not_debited', 'debit_amount_mismatch') and (
                                exists (select 1 from match_items mi where mi.match_kind = '%3$s' and mi.item_type = 'payment_order'
                                        and mi.item_id = e.payment_order_id and mi.live)
                             or exists (select 1 from payment_orders p where p.id = e.payment_order_id and p.state <> '%4$s')))
                        or (e.type = 'unexpected_debit' and exists (select 1 from match_items mi where mi.match_kind in ('%3$s', '%5$s')
                                and mi.item_type = 'statement_line' and mi.item_id = e.statement_line_id and mi.live)))"""
                        .formatted(ctx.accountId(), ctx.runId(), KIND, PaymentState.SUBMITTED.code(),
                                MatchRulesRepository.KIND_SETTLEMENT, ctx.open("e.business_date"))));
    }
}
