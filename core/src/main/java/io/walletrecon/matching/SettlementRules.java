package io.walletrecon.matching;

import io.walletrecon.data.Provider;
import io.walletrecon.matching.MatchRulesRepository.Steps;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import static io.walletrecon.matching.MatchRulesRepository.KIND_SETTLEMENT;
import static io.walletrecon.matching.MatchRulesRepository.exec;

/**
 * Settlements to the bank: a provider payout against the sum of its transactions, then against the bank statement
 * credit line that carries it (by payout id or reference, else by amount and date as a suggestion); several
 * candidates either way are ambiguous; in a full run, payouts not at the bank after the configured days, once the
 * bank's statements of those days are in.
 */
@ApplicationScoped
class SettlementRules {

    /** A bank line {@code b} that names payout {@code p}: by payout id, bank reference, end-to-end id or remittance. */
    private static final String NAMES_PAYOUT = """
            p.pid is not null and (b.payout_id = p.pid or b.bank_reference = p.pid or b.end_to_end_id = p.pid
                 or strpos(coalesce(b.remittance_info, ''), p.pid) > 0)""";

    private final MatchWriter writer;

    SettlementRules(MatchWriter writer) {
        this.writer = writer;
    }

    void settlements(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        String bankAccounts = ctx.settlementAccountId() != null
                ? "l.account_id = " + ctx.settlementAccountId()
                : "l.account_id in (select id from accounts where provider = 'bank' and currency = '" + ctx.currency()
                        + "' and company_id = " + ctx.companyId() + ")";
        // The payout against the sum of its transactions less fees and refunds, before it is looked for at the bank.
        steps.add(() -> writer.exceptions(s, counts,
                """
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
                        order by p.grp"""
                        .formatted(ctx.accountId(), ctx.runId(), ctx.tol("p.amt"))));
        steps.add(() -> exec(s,
                """
                        create temp table mr_bank on commit drop as
                        select l.id, l.amount_minor, l.currency, l.value_date, l.payout_id, l.bank_reference, l.end_to_end_id, l.remittance_info
                        from statement_lines l
                        where %s and l.amount_minor > 0 and l.kind = 'payment'
                          and l.value_date >= coalesce((select min(value_date) from mr_payout), date '9999-12-31') - %d
                          and not exists (select 1 from match_items mi where mi.match_kind = 'settlement_bank'
                                          and mi.item_type = 'statement_line' and mi.item_id = l.id and mi.live)"""
                        .formatted(bankAccounts, ctx.window())));
        // By the payout's id on the bank line: several lines carrying one payout's id (or one line carrying several)
        // are for a person to untangle, and those payouts and lines stay out of the amount + date pass.
        pass(s, ctx, counts, steps, "mr_setr", "b.currency = p.currency and " + NAMES_PAYOUT,
                "'payout_reference', 1, 'confirmed'", "by its id");
        steps.add(() -> writer.exceptions(s, counts,
                """
                        insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, actual_minor, difference_minor,
                            transaction_id, statement_line_id, business_date, detail, dedupe_key)
                        select %d, %d, 'settlement_difference', currency, amt, bamt, bamt - amt,
                               case when item_type = 'transaction' then item_id end, bid, value_date,
                               'The bank credited ' || bamt || ' for payout ' || pid || ' of ' || amt,
                               'settlement_difference:bank:' || item_type || ':' || item_id
                        from mr_setr where abs(bamt - amt) > %s order by grp"""
                        .formatted(ctx.accountId(), ctx.runId(), ctx.tol("amt"))));
        steps.add(() -> exec(s, "delete from mr_payout p using mr_setr x where x.grp = p.grp"));
        steps.add(() -> exec(s, "delete from mr_bank b using mr_setr x where x.bid = b.id"));
        crossCurrency(s, ctx, counts, steps);
        pass(s, ctx, counts, steps, "mr_setd",
                """
                        b.currency = p.currency and b.amount_minor between p.amt - %1$s and p.amt + %1$s
                        and b.value_date between p.value_date and p.value_date + %2$d"""
                        .formatted(ctx.tol("p.amt"), ctx.window()),
                "'payout_amount_date', 0.6, 'suggested'", "by amount and date");
        steps.add(() -> exec(s, "delete from mr_payout p using mr_setd x where x.grp = p.grp"));
        if (ctx.full()) {
            steps.add(() -> writer.exceptions(s, counts,
                    """
                            insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, actual_minor, difference_minor,
                                transaction_id, statement_line_id, business_date, detail, dedupe_key)
                            select %d, %d, 'settlement_not_arrived', currency, amt, 0, -amt,
                                   case when item_type = 'transaction' then item_id end, case when item_type = 'statement_line' then item_id end,
                                   value_date, 'Payout ' || coalesce(pid, '(no id)') || ' of ' || amt || ' has not reached the bank after %d days',
                                   'settlement_not_arrived:' || item_type || ':' || item_id
                            from mr_payout where value_date <= date '%s' - %d and %s order by grp"""
                            .formatted(ctx.accountId(), ctx.runId(), ctx.config().settlementAfterDays(), ctx.asOf(),
                                    ctx.config().settlementAfterDays(), bankStatementsIn(ctx))));
        }
    }

    /**
     * A payout credited in another currency (a USD payout into a EUR account), found by its id on the bank line.
     * Converted at the account's reference rate for the pair ({@code fxRates}, either direction), a credit within
     * {@code fxToleranceBps} of the converted amount is a confirmed match; outside it, or without a reference rate, a
     * suggestion for a person, outside it also an {@code fx_difference} exception with both amounts. Either way the
     * payout arrived: it is never "not arrived". The match shows the rate the two amounts imply, the reference rate
     * and the FX difference (the credit less the converted payout, in the bank's currency): the reconciling item.
     * Minor units convert with each currency's exponent (JPY 0, CNY 2, KWD 3), in exact numeric arithmetic.
     */
    private void crossCurrency(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        String candidates = """
                select p.grp, p.item_type, p.item_id, p.pid, p.amt, p.currency, p.value_date, b.id as bid,
                       b.amount_minor as bamt, b.currency as bcur,
                       count(*) over (partition by p.grp) as n_p, count(*) over (partition by b.id) as n_b
                from mr_payout p
                join mr_bank b on b.currency <> p.currency and %s
                where p.amt > 0 and not exists (select 1 from mr_blocked x where x.kind = 'settlement_bank'
                                                and x.left_id = p.item_id and x.right_id = b.id)"""
                .formatted(NAMES_PAYOUT);
        steps.add(() -> exec(s, "create temp table mr_setx_c on commit drop as " + candidates));
        settlementAmbiguity(s, ctx, counts, steps, "mr_setx_c", "by its id in another currency");
        String rates = FxRates.valuesSql(ctx.config().fxRates());
        steps.add(() -> exec(s,
                """
                        create temp table mr_setx on commit drop as
                        select y.*,
                               case when y.expected is null then 'none'
                                    when abs(cast(y.bamt - y.expected as numeric)) * 10000 <= cast(y.expected as numeric) * %3$d then 'within' else 'outside' end as fit
                        from (
                          select c.*, coalesce(d.rate, 1 / i.rate) as ref_rate,
                                 round(cast(c.bamt as numeric) / c.amt * power(cast(10 as numeric), ep.exponent - eb.exponent), 10) as implied,
                                 cast(round(c.amt * coalesce(d.rate, 1 / i.rate) * power(cast(10 as numeric), eb.exponent - ep.exponent)) as bigint) as expected
                          from mr_setx_c c
                          join %1$s as ep (currency, exponent) on ep.currency = c.currency
                          join %1$s as eb (currency, exponent) on eb.currency = c.bcur
                          left join %2$s as d (base, quote, rate) on d.base = c.currency and d.quote = c.bcur
                          left join %2$s as i (base, quote, rate) on i.base = c.bcur and i.quote = c.currency
                          where c.n_p = 1 and c.n_b = 1
                        ) y"""
                        .formatted(FxRates.EXPONENTS_SQL, rates, ctx.config().fxToleranceBps())));
        steps.add(() -> exec(s,
                """
                        insert into mr_m (grp, rule, confidence, status, currency, left_total, right_total)
                        select grp, 'payout_reference_fx', case when fit = 'within' then 1 else 0.6 end,
                               case when fit = 'within' then 'confirmed' else 'suggested' end, currency, amt, bamt
                        from mr_setx"""));
        steps.add(() -> exec(s, """
                insert into mr_i (grp, side, item_type, item_id, amount)
                select grp, 'left', item_type, item_id, amt from mr_setx
                union all
                select grp, 'right', 'statement_line', bid, bamt from mr_setx"""));
        steps.add(() -> writer.persist(s, ctx, KIND_SETTLEMENT, counts));
        // Amounts in two currencies have no difference of their own: the FX difference is in the bank's currency.
        steps.add(() -> exec(s,
                """
                        update matches m set counter_currency = x.bcur, fx_rate = x.implied, fx_reference_rate = x.ref_rate,
                               fx_difference_minor = x.bamt - x.expected, difference_minor = 0
                        from mr_setx x
                        join match_items mi on mi.match_kind = 'settlement_bank' and mi.item_type = 'statement_line'
                             and mi.item_id = x.bid and mi.live
                        where m.id = mi.match_id and m.run_id = %d"""
                        .formatted(ctx.runId())));
        steps.add(() -> writer.exceptions(s, counts,
                """
                        insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, actual_minor, difference_minor,
                            transaction_id, statement_line_id, business_date, detail, dedupe_key)
                        select %d, %d, 'fx_difference', bcur, expected, bamt, bamt - expected,
                               case when item_type = 'transaction' then item_id end, bid, value_date,
                               'Payout ' || pid || ' of ' || amt || ' ' || currency || ' was credited as ' || bamt || ' ' || bcur
                                   || ' (rate ' || trim(trailing '.' from trim(trailing '0' from cast(implied as text)))
                                   || '); at the reference rate ' || trim(trailing '.' from trim(trailing '0' from cast(ref_rate as text)))
                                   || ' it converts to ' || expected || ' ' || bcur || ', more than %d basis points apart',
                               'fx_difference:' || item_type || ':' || item_id
                        from mr_setx where fit = 'outside' order by grp"""
                        .formatted(ctx.accountId(), ctx.runId(), ctx.config().fxToleranceBps())));
        steps.add(() -> exec(s, "delete from mr_payout p using mr_setx x where x.grp = p.grp"));
        steps.add(() -> exec(s, "delete from mr_bank b using mr_setx x where x.bid = b.id"));
    }

    /**
     * SQL: the statements of the bank account(s) the payout of {@code mr_payout} arrives in are in for every day from
     * its payout to the day it should have arrived by: before that, "not arrived" is not known.
     */
    private static String bankStatementsIn(RunContext ctx) {
        String deadline = "value_date + " + ctx.config().settlementAfterDays();
        return ctx.settlementAccountId() != null
                ? SourcesIn.everyDay(String.valueOf(ctx.settlementAccountId()), "value_date", deadline)
                : SourcesIn.everyAccount(
                        "src_a.company_id = " + ctx.companyId() + " and src_a.provider = '" + Provider.BANK.code()
                                + "' and src_a.currency = '"
                                + ctx.currency() + "'",
                        "value_date", deadline, false);
    }

    /**
     * One pass of payouts against bank credits: the pairs {@code fits} accepts go to {@code <table>_c} with their
     * counts both ways; the pairs unique both ways to {@code <table>}, matched as {@code match} (rule, confidence,
     * status); the rest are ambiguous.
     */
    private void pass(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps, String table, String fits,
            String match, String how) {
        steps.add(() -> exec(s,
                """
                        create temp table %1$s_c on commit drop as
                        select p.grp, p.item_type, p.item_id, p.pid, p.amt, p.currency, p.value_date, b.id as bid, b.amount_minor as bamt,
                               count(*) over (partition by p.grp) as n_p, count(*) over (partition by b.id) as n_b
                        from mr_payout p
                        join mr_bank b on %2$s
                        where not exists (select 1 from mr_blocked x where x.kind = 'settlement_bank' and x.left_id = p.item_id and x.right_id = b.id)"""
                        .formatted(table, fits)));
        steps.add(
                () -> exec(s, "create temp table %1$s on commit drop as select * from %1$s_c where n_p = 1 and n_b = 1"
                        .formatted(table)));
        settlementAmbiguity(s, ctx, counts, steps, table + "_c", how);
        steps.add(() -> exec(s, """
                insert into mr_m (grp, rule, confidence, status, currency, left_total, right_total)
                select grp, %s, currency, amt, bamt from %s""".formatted(match, table)));
        steps.add(() -> exec(s, """
                insert into mr_i (grp, side, item_type, item_id, amount)
                select grp, 'left', item_type, item_id, amt from %1$s
                union all
                select grp, 'right', 'statement_line', bid, bamt from %1$s""".formatted(table)));
        steps.add(() -> writer.persist(s, ctx, KIND_SETTLEMENT, counts));
    }

    /**
     * Raises an {@code ambiguous} exception for every payout of {@code candidates} (rows of payout x bank line with
     * their counts n_p, n_b) that has several bank lines, or whose bank line fits several payouts, listing its lines;
     * then takes those payouts and lines out of the later passes (and out of "not arrived": something did arrive).
     */
    private void settlementAmbiguity(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps, String candidates,
            String how) {
        steps.add(() -> writer.exceptions(s, counts,
                """
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
                        group by item_type, item_id order by min(grp)"""
                        .formatted(ctx.accountId(), ctx.runId(), how, candidates)));
        steps.add(() -> exec(s, "delete from mr_bank b using %s x where x.bid = b.id and (x.n_p > 1 or x.n_b > 1)"
                .formatted(candidates)));
        steps.add(() -> exec(s, "delete from mr_payout p using %s x where x.grp = p.grp and (x.n_p > 1 or x.n_b > 1)"
                .formatted(candidates)));
    }
}
