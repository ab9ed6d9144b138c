package io.walletrecon.reports.statements;

import io.walletrecon.balances.BalanceRepository;
import io.walletrecon.matching.CustomerReceipts;

/**
 * The SQL of every report, one named statement per table of a report, {@code $n} binds only; {@link ReportRepository}
 * runs them and {@link ReportPlanner} picks them and binds their values. The balances and movements are
 * {@link BalanceRepository}'s fragments, so a report and dispatch count money the same way. Optional filters are
 * binds that may be null ({@code $n::bigint is null or ...}); the fund-flow bucket and breakdown are binds too
 * ({@code date_trunc($6, ...)}, a {@code case} on {@code $7}), so no value ever becomes SQL text.
 */
final class ReportSql {

    private ReportSql() {
    }

    /**
     * A report query and what the repository runs around it, all composed once here: its row count, a page of it
     * ({@code limit} and {@code offset} bound after its own {@code binds}) and the currencies among its rows.
     */
    record Statement(String sql, String count, String page, String currencies) {

        static Statement of(String sql, int binds) {
            return new Statement(sql, "select count(*) from (" + sql + ") q",
                    sql + " limit $" + (binds + 1) + " offset $" + (binds + 2),
                    "select distinct currency from (" + sql + ") q order by 1");
        }
    }

    static final String MOVED = BalanceRepository.COUNTED;

    // --- 对账单: $1 account id, $2 from, $3 to, $4 currency ---------------------------------------------------------

    /** The reported balance the day before the period plus the book effect of our transactions since that statement. */
    private static final String OPENING = """
            last_statement as (
              select s.closing_balance_minor as balance, s.period_end
              from statements s
              where s.account_id = $1 and s.currency = $4 and s.closing_balance_minor is not null and s.period_end < $2::date
              order by %1$s limit 1
            ),
            opening as (
              select coalesce((select balance from last_statement), 0)
                   + coalesce((select sum(%2$s)
                               from transactions t
                               where t.account_id = $1 and t.currency = $4 and %3$s and t.value_date < $2::date
                                 and t.value_date > coalesce((select period_end from last_statement), '-infinity'::date)), 0)
                   as balance
            )"""
            .formatted(BalanceRepository.LATEST_STATEMENT_FIRST, BalanceRepository.BOOK_EFFECT, MOVED);

    static final Statement RECONCILIATION_FIGURES = Statement
            .of("""
                    with %1$s,
                    movements as (
                      select t.id, t.amount_minor, %3$s as inflow, %4$s as outflow, %5$s as fee, t.value_date,
                             exists (select 1 from match_items mi join matches m on m.id = mi.match_id
                                     where mi.item_type = 'transaction' and mi.item_id = t.id and mi.live
                                       and m.status = 'confirmed') as matched
                      from transactions t
                      where t.account_id = $1 and t.currency = $4 and %2$s and t.value_date between $2::date and $3::date
                    ),
                    reported as (
                      select s.closing_balance_minor as balance, s.period_end
                      from statements s
                      where s.account_id = $1 and s.currency = $4 and s.closing_balance_minor is not null
                        and s.period_end between $2::date and $3::date
                      order by %6$s limit 1
                    ),
                    sums as (
                      select coalesce(sum(inflow), 0)::bigint as inflows,
                             coalesce(sum(outflow), 0)::bigint as outflows,
                             coalesce(sum(fee), 0)::bigint as fees,
                             count(*) as movements,
                             coalesce(sum(amount_minor) filter (where matched), 0)::bigint as matched_amount,
                             count(*) filter (where matched) as matched_count,
                             coalesce(sum(amount_minor) filter (where not matched), 0)::bigint as unmatched_amount,
                             count(*) filter (where not matched) as unmatched_count,
                             coalesce(sum(inflow - outflow - fee)
                                      filter (where value_date <= (select period_end from reported)), 0)::bigint as net_to_reported
                      from movements
                    )
                    select $4::text as currency, o.balance::bigint as opening_balance, s.inflows, s.outflows, s.fees,
                           (o.balance + s.inflows - s.outflows - s.fees)::bigint as closing_balance,
                           (select period_end from reported) as reported_as_of,
                           (select balance from reported) as reported_closing_balance,
                           case when exists (select 1 from reported) then (o.balance + s.net_to_reported)::bigint end as computed_at_reported,
                           case when exists (select 1 from reported)
                                then (o.balance + s.net_to_reported - (select balance from reported))::bigint end as difference,
                           s.movements, s.matched_count, s.matched_amount, s.unmatched_count, s.unmatched_amount
                    from opening o cross join sums s
                    """
                    .formatted(OPENING, MOVED, BalanceRepository.INFLOW, BalanceRepository.OUTFLOW,
                            BalanceRepository.FEE,
                            BalanceRepository.LATEST_STATEMENT_FIRST),
                    4);

    /**
     * The reconciling items behind the difference between our book and the provider's or bank's reported balance:
     * the account's exceptions still open in the period that are a difference of the two sides, each with its effect
     * on the book less the reported balance (the exception's difference turned round: it is the provider's side less
     * ours). A payment the provider booked for another amount; one we recorded that is not on the bill; one on the
     * bill we never recorded (one we recorded from the bill is in the book and is no difference). For a period whose
     * sources agree they add up to the difference.
     */
    static final Statement RECONCILING_ITEMS = Statement.of(
            """
                    select e.id as exception_id, e.business_date, e.type, e.detail, e.currency, (-e.difference_minor)::bigint as effect
                    from recon_exceptions e
                    where e.account_id = $1 and e.currency = $4 and e.business_date between $2::date and $3::date
                      and e.status in ('open', 'in_review')
                      and ((e.type = 'amount_mismatch' and e.transaction_id is not null and e.statement_line_id is not null)
                           or e.type = 'missing_in_provider'
                           or (e.type = 'missing_in_records' and e.transaction_id is null))
                    order by e.business_date, e.id""",
            4);

    static final Statement RECONCILIATION_DAYS = Statement
            .of("""
                    with %1$s,
                    daily as (
                      select t.value_date,
                             sum(%3$s) as inflows,
                             sum(%4$s) as outflows,
                             sum(%5$s) as fees,
                             count(*) as movements
                      from transactions t
                      where t.account_id = $1 and t.currency = $4 and %2$s and t.value_date between $2::date and $3::date
                      group by t.value_date
                    ),
                    lines as (
                      select d::date as day, coalesce(daily.inflows, 0)::bigint as inflows, coalesce(daily.outflows, 0)::bigint as outflows,
                             coalesce(daily.fees, 0)::bigint as fees, coalesce(daily.movements, 0) as movements
                      from generate_series($2::date, $3::date, interval '1 day') d
                      left join daily on daily.value_date = d::date
                    )
                    select l.day, $4::text as currency, l.inflows, l.outflows, l.fees, (l.inflows - l.outflows - l.fees)::bigint as net,
                           ((select balance from opening) + sum(l.inflows - l.outflows - l.fees) over (order by l.day))::bigint as balance,
                           l.movements
                    from lines l
                    order by l.day"""
                    .formatted(OPENING, MOVED, BalanceRepository.INFLOW, BalanceRepository.OUTFLOW,
                            BalanceRepository.FEE),
                    4);

    // --- 差异报告: $1 from, $2 to, $3 company id, $4 account id, $5 currency (the last three may be null) -----------

    private static final String EXCEPTIONS_IN_SCOPE = """
            e.business_date between $1::date and $2::date
              and ($3::bigint is null or e.account_id in (select id from accounts where company_id = $3))
              and ($4::bigint is null or e.account_id = $4)
              and ($5::text is null or e.currency = $5)""";

    static final Statement DIFFERENCE_TOTALS = Statement
            .of("""
                    select e.type, e.currency, count(*) as exceptions,
                           count(*) filter (where e.status in ('open', 'in_review')) as unresolved,
                           coalesce(sum(e.expected_minor), 0)::bigint as expected, coalesce(sum(e.actual_minor), 0)::bigint as actual,
                           coalesce(sum(e.difference_minor), 0)::bigint as difference
                    from recon_exceptions e
                    where %s
                    group by e.type, e.currency
                    order by e.type, e.currency"""
                    .formatted(EXCEPTIONS_IN_SCOPE), 5);

    /** Age: days from the business date to its resolution, or to today while it is still open. */
    static final Statement DIFFERENCE_DETAIL = Statement.of("""
            select e.id, a.code as account, e.business_date, e.type, e.status, e.currency,
                   e.expected_minor, e.actual_minor, e.difference_minor,
                   (coalesce((e.resolved_at at time zone 'UTC')::date, current_date) - e.business_date) as age_days,
                   e.assignee,
                   (select string_agg(n.author || ': ' || n.body, ' | ' order by n.created_at, n.id)
                    from exception_annotations n where n.exception_id = e.id) as annotations,
                   e.detected_at
            from recon_exceptions e join accounts a on a.id = e.account_id
            where %s
            order by e.business_date, e.id""".formatted(EXCEPTIONS_IN_SCOPE), 5);

    // --- Fund flow: $1 from, $2 to, $3 company id, $4 account id, $5 currency (may be null); the series $6 period, ---
    // --- the flows $6 period and $7 breakdown --------------------------------------------------------------------

    private static final String FLOWS_FROM = """
            from transactions t join accounts a on a.id = t.account_id left join customers c on c.id = t.customer_id
            where t.value_date between $1::date and $2::date and %s
              and ($3::bigint is null or t.account_id in (select id from accounts where company_id = $3))
              and ($4::bigint is null or t.account_id = $4)
              and ($5::text is null or t.currency = $5)""".formatted(MOVED);

    /** Inflow, outflow, fees and net of the transactions {@code t} of a group, by the book's definition. */
    private static final String FLOW_SUMS = """
            coalesce(sum(%1$s), 0)::bigint as inflow,
            coalesce(sum(%2$s), 0)::bigint as outflow,
            coalesce(sum(%3$s), 0)::bigint as fees,
            coalesce(sum(%4$s), 0)::bigint as net,
            count(*) as movements""".formatted(BalanceRepository.INFLOW, BalanceRepository.OUTFLOW,
            BalanceRepository.FEE,
            BalanceRepository.BOOK_EFFECT);

    private static final String BUCKET = "date_trunc($6::text, t.value_date)::date";

    static final Statement FLOW_TOTALS = Statement.of("select t.currency, " + FLOW_SUMS + " " + FLOWS_FROM
            + " group by t.currency order by t.currency", 5);

    static final Statement FLOW_SERIES = Statement
            .of("select " + BUCKET + " as period_start, t.currency, " + FLOW_SUMS + " " + FLOWS_FROM
                    + " group by 1, 2 order by 1, 2", 6);

    static final Statement FLOW_TOP_CUSTOMERS = Statement
            .of("""
                    select c.id as customer_id, c.name as customer, t.currency,
                           coalesce(sum(t.amount_minor) filter (where t.direction = 'in'), 0)::bigint as inflow, count(*) as movements
                    %s and t.customer_id is not null
                    group by c.id, c.name, t.currency
                    order by inflow desc, c.id limit 10"""
                    .formatted(FLOWS_FROM), 5);

    static final Statement FLOW_DETAIL = Statement
            .of("""
                    select %1$s as period_start,
                           case $7::text when 'account' then a.code when 'channel' then a.provider else coalesce(c.id::text, '-') end as group_key,
                           case $7::text when 'account' then a.name when 'channel' then a.provider else coalesce(c.name, '(no customer)') end
                               as group_label,
                           t.currency, %2$s
                    %3$s
                    group by 1, 2, 3, 4 order by 1, 2, 4"""
                    .formatted(BUCKET, FLOW_SUMS, FLOWS_FROM), 7);

    // --- Customer statement (客户对账单): $1 customer id, $2 from, $3 to ----------------------------------------------

    /** The bank credits that are customer $1's receipts (their matches say whose they are). */
    private static final String BANK_RECEIPTS = CustomerReceipts.bankLineIds("$1");

    /** Payments received from the customer in the period, and what the customer still owes at its end. */
    static final Statement CUSTOMER_LINES = Statement
            .of("""
                    select * from (
                      select 'payment' as line_type, t.id as line_id, t.value_date as date,
                             coalesce(t.merchant_reference, t.provider_txn_id) as reference, t.description, t.currency,
                             t.amount_minor as amount, null::bigint as paid, null::bigint as outstanding, null::date as due_date
                      from transactions t
                      where t.customer_id = $1 and t.direction = 'in' and %1$s and t.value_date between $2::date and $3::date
                      union all
                      select '%3$s', l.id, l.value_date, coalesce(l.end_to_end_id, l.bank_reference), l.remittance_info, l.currency,
                             l.amount_minor, null, null, null
                      from statement_lines l
                      where l.id in (%2$s) and l.value_date between $2::date and $3::date
                      union all
                      select 'receivable', r.id, r.issue_date, r.reference, r.status, r.currency,
                             r.amount_minor, r.paid_minor, r.amount_minor - r.paid_minor, r.due_date
                      from receivables r
                      where r.customer_id = $1 and r.status in ('open', 'partially_paid') and r.issue_date <= $3::date
                    ) l
                    order by l.date, l.line_type, l.line_id"""
                    .formatted(MOVED, BANK_RECEIPTS, CustomerReceipts.BANK_LINE_TYPE), 3);

    static final Statement CUSTOMER_TOTALS = Statement.of("""
            select currency, sum(payments)::bigint as payments, sum(payment_count)::bigint as payment_count,
                   sum(outstanding)::bigint as outstanding, sum(open_count)::bigint as open_receivables
            from (
              select t.currency, t.amount_minor as payments, 1 as payment_count, 0 as outstanding, 0 as open_count
              from transactions t
              where t.customer_id = $1 and t.direction = 'in' and %1$s and t.value_date between $2::date and $3::date
              union all
              select l.currency, l.amount_minor, 1, 0, 0
              from statement_lines l
              where l.id in (%2$s) and l.value_date between $2::date and $3::date
              union all
              select r.currency, 0, 0, r.amount_minor - r.paid_minor, 1
              from receivables r
              where r.customer_id = $1 and r.status in ('open', 'partially_paid') and r.issue_date <= $3::date
            ) x
            group by currency order by currency""".formatted(MOVED, BANK_RECEIPTS), 3);

    /**
     * The customer's account per currency (期初余额 / 本期应收 / 本期收款 / 期末余额): invoiced = receivables issued
     * (cancelled and written-off ones are not owed), paid = payments received net of what was refunded;
     * opening = invoiced - paid before the period, closing = opening + invoiced - paid in it.
     */
    static final Statement CUSTOMER_BALANCES = Statement
            .of("""
                    select currency, (sum(invoiced_before) - sum(paid_before))::bigint as opening, sum(invoiced)::bigint as invoiced,
                           sum(paid)::bigint as paid, (sum(invoiced_before) - sum(paid_before) + sum(invoiced) - sum(paid))::bigint as closing
                    from (
                      select r.currency, case when r.issue_date < $2::date then r.amount_minor else 0 end as invoiced_before,
                             0::bigint as paid_before, case when r.issue_date >= $2::date then r.amount_minor else 0 end as invoiced,
                             0::bigint as paid
                      from receivables r
                      where r.customer_id = $1 and r.status not in ('cancelled', 'written_off') and r.issue_date <= $3::date
                      union all
                      select t.currency, 0, case when t.value_date < $2::date then t.amount_minor - t.refunded_minor else 0 end,
                             0, case when t.value_date >= $2::date then t.amount_minor - t.refunded_minor else 0 end
                      from transactions t
                      where t.customer_id = $1 and t.direction = 'in' and %1$s and t.value_date <= $3::date
                      union all
                      select l.currency, 0, case when l.value_date < $2::date then l.amount_minor else 0 end,
                             0, case when l.value_date >= $2::date then l.amount_minor else 0 end
                      from statement_lines l
                      where l.id in (%2$s) and l.value_date <= $3::date
                    ) x
                    group by currency order by currency"""
                    .formatted(MOVED, BANK_RECEIPTS), 3);
}
