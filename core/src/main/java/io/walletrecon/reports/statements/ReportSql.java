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
            last_statement as (%1$s),
            opening as (
              select coalesce((select balance from last_statement), 0)
                   + coalesce((select sum(%2$s)
                               from transactions t
                               where t.account_id = $1 and t.currency = $4 and %3$s and t.value_date < $2::date
                                 and t.value_date > coalesce((select period_end from last_statement), '-infinity'::date)), 0)
                   as balance
            )"""
            .formatted(BalanceRepository.reportedBy("$1", "$4", "($2::date - 1)"), BalanceRepository.BOOK_EFFECT,
                    MOVED);

    /** The reported balance of the period: the latest statement with a closing balance whose period ends in it. */
    private static final String REPORTED_IN_PERIOD = """
            reported as (
              select s.closing_balance_minor as balance, s.period_end
              from statements s
              where s.account_id = $1 and s.currency = $4 and s.closing_balance_minor is not null
                and s.period_end between $2::date and $3::date
              order by %s limit 1
            )""".formatted(BalanceRepository.LATEST_STATEMENT_FIRST);

    /**
     * The figures every reconciliation statement ends with, from {@code opening o} (the opening balance),
     * {@code sums s}
     * (the period's inflows, outflows, fees and the net movement up to the reported date) and {@code reported} (the
     * statement's reported balance): opening, movements, closing as computed, the reported balance and its date, the
     * closing computed at that date and the difference. A select-list fragment ending with a comma.
     */
    private static final String STATEMENT_FIGURES = """
            o.balance::bigint as opening_balance, s.inflows, s.outflows, s.fees,
            (o.balance + s.inflows - s.outflows - s.fees)::bigint as closing_balance,
            (select period_end from reported) as reported_as_of,
            (select balance from reported) as reported_closing_balance,
            case when exists (select 1 from reported) then (o.balance + s.net_to_reported)::bigint end as computed_at_reported,
            case when exists (select 1 from reported)
                 then (o.balance + s.net_to_reported - (select balance from reported))::bigint end as difference,""";

    static final Statement RECONCILIATION_FIGURES = Statement
            .of("""
                    with %1$s,
                    movements as (
                      select t.id, t.amount_minor, %3$s as inflow, %4$s as outflow, %5$s as fee, t.value_date,
                             %7$s as matched
                      from transactions t
                      where t.account_id = $1 and t.currency = $4 and %2$s and t.value_date between $2::date and $3::date
                    ),
                    %6$s,
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
                    select $4::text as currency, %8$s
                           s.movements, s.matched_count, s.matched_amount, s.unmatched_count, s.unmatched_amount
                    from opening o cross join sums s
                    """
                    .formatted(OPENING, MOVED, BalanceRepository.INFLOW, BalanceRepository.OUTFLOW,
                            BalanceRepository.FEE, REPORTED_IN_PERIOD, BalanceRepository.RECONCILED_TRANSACTION,
                            STATEMENT_FIGURES),
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

    /**
     * The day lines of a period, $2 to $3 in currency $4, from the CTEs {@code opening (balance)} and
     * {@code daily (d, inflows, outflows, fees, movements)}: every day, with its net and the running balance.
     */
    private static final String DAY_LINES = """
            lines as (
              select g::date as day, coalesce(daily.inflows, 0)::bigint as inflows, coalesce(daily.outflows, 0)::bigint as outflows,
                     coalesce(daily.fees, 0)::bigint as fees, coalesce(daily.movements, 0) as movements
              from generate_series($2::date, $3::date, interval '1 day') g
              left join daily on daily.d = g::date
            )
            select l.day, $4::text as currency, l.inflows, l.outflows, l.fees, (l.inflows - l.outflows - l.fees)::bigint as net,
                   ((select balance from opening) + sum(l.inflows - l.outflows - l.fees) over (order by l.day))::bigint as balance,
                   l.movements
            from lines l
            order by l.day""";

    static final Statement RECONCILIATION_DAYS = Statement
            .of("""
                    with %1$s,
                    daily as (
                      select t.value_date as d,
                             sum(%3$s) as inflows,
                             sum(%4$s) as outflows,
                             sum(%5$s) as fees,
                             count(*) as movements
                      from transactions t
                      where t.account_id = $1 and t.currency = $4 and %2$s and t.value_date between $2::date and $3::date
                      group by t.value_date
                    ),
                    %6$s"""
                    .formatted(OPENING, MOVED, BalanceRepository.INFLOW, BalanceRepository.OUTFLOW,
                            BalanceRepository.FEE, DAY_LINES),
                    4);

    // --- 对账单 of a bank account: $1 account id, $2 from, $3 to, $4 currency -----------------------------------------

    /** The day a bank statement's reconciling items stand on: the reported date, else the period's end. */
    private static final String RECONCILING_DAY = "coalesce((select period_end from reported), $3::date)";

    /**
     * A bank account's book and movements. With a bank journal (银行日记账) the book is the journal: opening = the
     * journal's book at the start of the period, movements = its entries (fees are not told apart: the journal books
     * them as payments). Without one, the statement checks the bank's own lines against its balances: opening = the
     * bank's balance at the start of the period, movements = the lines. {@code items} are the reconciling items of a
     * journal (empty without one): the bank's lines and the journal's entries from the first day of the journal's
     * reconciliation ({@code BalanceRepository.journalReconciledFrom}) to the reported date that are not reconciled on
     * that date ({@code BalanceRepository.journalReconciledOn}, the rule of the 余额调节表), each with its effect on the
     * book less the bank's balance and the open exception raised on the line, if any. For statements that chain they
     * add up to the difference.
     */
    private static final String BANK_BOOK = """
            journal as (select j.start, case when j.start is not null then %11$s end as reconciled_from from (select %1$s as start) j),
            opening as (
              select coalesce(%2$s, %3$s, 0) as balance
            ),
            moves as (
              select l.value_date as d, %4$s as inflow, %5$s as outflow, %6$s as fee, abs(l.amount_minor) as amount,
                     %7$s as matched
              from statement_lines l
              where l.account_id = $1 and l.currency = $4 and l.value_date between $2::date and $3::date
                and (select start from journal) is null
              union all
              select e.entry_date, greatest(e.amount_minor, 0)::numeric, greatest(-e.amount_minor, 0)::numeric, 0::numeric,
                     abs(e.amount_minor), %12$s
              from ledger_entries e
              where e.account_id = $1 and e.currency = $4 and e.entry_date between $2::date and $3::date
            ),
            %9$s,
            items as (
              select case when l.amount_minor > 0 then 'bankReceivedNotBooked' else 'bankPaidNotBooked' end as grp,
                     'statement_line' as item_type, l.id as item_id, l.value_date as d, l.amount_minor as amount,
                     coalesce(l.bank_reference, l.end_to_end_id) as reference, l.counterparty_name as counterparty,
                     coalesce(l.remittance_info, l.kind) as memo,
                     (select x.id from recon_exceptions x where x.statement_line_id = l.id and x.status in ('open', 'in_review')
                      order by x.id desc limit 1) as exception_id,
                     -%10$s as effect
              from statement_lines l
              where l.account_id = $1 and l.currency = $4 and l.amount_minor <> 0
                and l.value_date >= (select reconciled_from from journal)
                and l.value_date <= %14$s and not %8$s
              union all
              select case when e.amount_minor > 0 then 'bookedReceivedNotInBank' else 'bookedPaidNotInBank' end,
                     'ledger_entry', e.id, e.entry_date, e.amount_minor, coalesce(e.voucher_no, e.reference), e.counterparty,
                     e.memo, null::bigint, e.amount_minor::numeric
              from ledger_entries e
              where e.account_id = $1 and e.currency = $4 and e.entry_date >= (select reconciled_from from journal)
                and e.entry_date <= %14$s and not %13$s
            )"""
            .formatted(BalanceRepository.journalStart("$1", "$4"),
                    BalanceRepository.journalBookAtStart("$1", "$4", "$2::date"),
                    BalanceRepository.bankBalanceAtStart("$1", "$4", "$2::date"),
                    BalanceRepository.LINE_INFLOW, BalanceRepository.LINE_OUTFLOW, BalanceRepository.LINE_FEE,
                    BalanceRepository.RECONCILED_LINE,
                    BalanceRepository.journalReconciledOn("statement_line", "l.id", RECONCILING_DAY),
                    REPORTED_IN_PERIOD, BalanceRepository.LINE_EFFECT,
                    BalanceRepository.journalReconciledFrom("$1", "$4"),
                    BalanceRepository.journalReconciledOn("ledger_entry", "e.id", "$3::date"),
                    BalanceRepository.journalReconciledOn("ledger_entry", "e.id", RECONCILING_DAY), RECONCILING_DAY);

    static final Statement BANK_RECONCILIATION_FIGURES = Statement
            .of("""
                    with %1$s,
                    sums as (
                      select coalesce(sum(inflow), 0)::bigint as inflows, coalesce(sum(outflow), 0)::bigint as outflows,
                             coalesce(sum(fee), 0)::bigint as fees, count(*) as movements,
                             coalesce(sum(amount) filter (where matched), 0)::bigint as matched_amount,
                             count(*) filter (where matched) as matched_count,
                             coalesce(sum(amount) filter (where not matched), 0)::bigint as unmatched_amount,
                             count(*) filter (where not matched) as unmatched_count,
                             coalesce(sum(inflow - outflow - fee) filter (where d <= (select period_end from reported)), 0)
                                 as net_to_reported
                      from moves
                    ),
                    explained as (select coalesce(sum(effect), 0) as total, count(*) as n from items)
                    select $4::text as currency,
                           case when (select start from journal) is null then 'statement_lines' else 'ledger_entries' end as book_source,
                           %2$s
                           x.n as reconciling_items, x.total::bigint as explained,
                           case when exists (select 1 from reported)
                                then (o.balance + s.net_to_reported - (select balance from reported) - x.total)::bigint end as unexplained,
                           s.movements, s.matched_count, s.matched_amount, s.unmatched_count, s.unmatched_amount
                    from opening o cross join sums s cross join explained x
                    """
                    .formatted(BANK_BOOK, STATEMENT_FIGURES), 4);

    static final Statement BANK_RECONCILING_ITEMS = Statement.of("""
            with %s
            select i.exception_id, i.d as business_date, i.grp as type, i.item_type, i.item_id,
                   concat_ws(' / ', i.reference, i.counterparty, i.memo) as detail, $4::text as currency,
                   i.amount, i.effect::bigint as effect
            from items i
            order by i.d, i.item_type, i.item_id""".formatted(BANK_BOOK), 4);

    static final Statement BANK_RECONCILIATION_DAYS = Statement
            .of("""
                    with %s,
                    daily as (
                      select d, sum(inflow) as inflows, sum(outflow) as outflows, sum(fee) as fees, count(*) as movements
                      from moves group by d
                    ),
                    %s"""
                    .formatted(BANK_BOOK, DAY_LINES), 4);

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
     * (cancelled and written-off ones are not owed), paid = payments received net of what was refunded (the balances'
     * refunded total: refund rows or the payment's refunded total, counted once);
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
                      select t.currency, 0, case when t.value_date < $2::date then t.amount_minor - %2$s else 0 end,
                             0, case when t.value_date >= $2::date then t.amount_minor - %2$s else 0 end
                      from transactions t
                      where t.customer_id = $1 and t.direction = 'in' and %1$s and t.value_date <= $3::date
                      union all
                      select l.currency, 0, case when l.value_date < $2::date then l.amount_minor else 0 end,
                             0, case when l.value_date >= $2::date then l.amount_minor else 0 end
                      from statement_lines l
                      where l.id in (%3$s) and l.value_date <= $3::date
                    ) x
                    group by currency order by currency"""
                    .formatted(MOVED, BalanceRepository.REFUNDED, BANK_RECEIPTS), 3);
}
