package io.walletrecon.matching;

import io.walletrecon.data.Provider;
import io.walletrecon.statements.IntradayReports;
import io.walletrecon.statements.StripeSummaryParser;

/**
 * Whether the sources of a period are in: the one home of the decision every absence exception waits for
 * ({@code missing_in_provider}, {@code unpaid_receivable}, {@code settlement_not_arrived}, and any other "it is not
 * there" rule). Something is only known to be missing once every statement or bill that could have shown it has
 * been imported: a day counts as in for an account when one of its statements covers it ({@code period_start} ..
 * {@code period_end}) or one of its lines is dated that day. A balance summary (Stripe's {@code stripe-summary},
 * opening and closing balance without lines) does not count: it shows no payment, so it cannot tell one is missing.
 * Nor does a line that only an intraday report (camt.052/054, MT942) brought: the day's statement may still bring
 * more; once the statement has taken the line over, it counts.
 *
 * <p>These are SQL fragments for the rules' statements; their arguments are SQL expressions built by the rules from
 * numbers, dates and aliases (never values from a request).
 */
final class SourcesIn {

    private SourcesIn() {
    }

    /**
     * True when account {@code account} has its statements or bills in for every day from {@code from} to {@code to}
     * (SQL date expressions); an empty range is in.
     */
    static String everyDay(String account, String from, String to) {
        return """
                not exists (select 1 from generate_series(cast(%2$s as timestamp), cast(%3$s as timestamp), interval '1 day') as src (day)
                            where not exists (select 1 from statements src_st where src_st.account_id = %1$s
                                              and src_st.format <> '%4$s'
                                              and cast(src.day as date) between src_st.period_start and src_st.period_end)
                              and not exists (select 1 from statement_lines src_l join statements src_ls on src_ls.id = src_l.statement_id
                                              where src_l.account_id = %1$s and src_l.value_date = cast(src.day as date)
                                                and src_ls.format not in (%5$s)))"""
                .formatted(account, from, to, StripeSummaryParser.FORMAT, IntradayReports.SQL_LIST);
    }

    /**
     * True when the run's account's records of day {@code day} (an SQL date expression) can be declared absent from
     * its bills, or its bill lines of that day declared unknown to us: the bills of the day and of the account's
     * grace days after it are in, and the last of those days is no later than the end of the run's period.
     */
    static String dayClosed(RunContext ctx, String day) {
        int grace = ctx.config().graceDays();
        return "(" + day + " + " + grace + " <= date '" + ctx.asOf() + "' and "
                + everyDay(String.valueOf(ctx.accountId()), day, day + " + " + grace) + ")";
    }

    /**
     * True when every account {@code src_a} with {@code accountsWhere} (a condition on alias {@code src_a}) that is a
     * source has its statements or bills in from {@code from} to {@code to}, extended by that account's grace days
     * ({@link MatchingConfig#graceDays()}) when {@code withGrace}: a payment of the last day may be on a later bill.
     * Banks and the wallets whose providers issue bills are sources; a {@code standard} (generic webhook) account only
     * once a statement of it was imported, as many never get one.
     */
    static String everyAccount(String accountsWhere, String from, String to, boolean withGrace) {
        String until = withGrace
                ? "(" + to + ") + coalesce(src_c.grace_days, " + MatchingConfig.DEFAULT_GRACE_DAYS + ")"
                : to;
        return """
                not exists (select 1 from accounts src_a left join matching_config src_c on src_c.account_id = src_a.id
                            where %s and not %s
                              and (src_a.provider <> '%s' or exists (select 1 from statements src_any where src_any.account_id = src_a.id)))"""
                .formatted(accountsWhere, everyDay("src_a.id", from, until), Provider.STANDARD.code());
    }

    /**
     * True when every account {@code rec_a} with {@code accountsWhere} (a condition on alias {@code rec_a}) other
     * than {@code running} that has statements or transactions has been reconciled over {@code from} to {@code to}:
     * a full run of it (manual or day-end) covering those days succeeded, and started after its latest statement was
     * imported. Its receipts are then matched, including those it could only learn from a bill, so an invoice they
     * paid is no longer open. The running account is being reconciled by the run that asks.
     */
    static String reconciledBesides(long running, String accountsWhere, String from, String to) {
        return """
                not exists (select 1 from accounts rec_a
                            where %2$s and rec_a.id <> %1$d
                              and (exists (select 1 from statements rec_s where rec_s.account_id = rec_a.id)
                                   or exists (select 1 from transactions rec_t where rec_t.account_id = rec_a.id))
                              and not exists (select 1 from match_runs rec_r
                                              where rec_r.account_id = rec_a.id and rec_r.state = '%5$s'
                                                and rec_r.kind in ('%6$s', '%7$s')
                                                and rec_r.period_start <= %3$s and rec_r.period_end >= %4$s
                                                and rec_r.started_at >= coalesce((select max(rec_s.imported_at) from statements rec_s
                                                                                   where rec_s.account_id = rec_a.id), '-infinity')))"""
                .formatted(running, accountsWhere, from, to, RunState.SUCCEEDED.code(), RunKind.MANUAL.code(),
                        RunKind.DAY_END.code());
    }
}
