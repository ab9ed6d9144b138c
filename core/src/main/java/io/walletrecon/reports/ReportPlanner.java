package io.walletrecon.reports;

import io.smallrye.mutiny.Uni;
import io.walletrecon.balances.BalanceRepository;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.Validation;
import io.walletrecon.reports.ReportPlan.SqlQuery;
import io.walletrecon.reports.ReportRepository.AccountRef;
import io.walletrecon.reports.ReportRepository.CompanyRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.walletrecon.reports.Column.date;
import static io.walletrecon.reports.Column.integer;
import static io.walletrecon.reports.Column.money;
import static io.walletrecon.reports.Column.text;
import static io.walletrecon.reports.Column.timestamp;

/**
 * Turns a request into the SQL of its report. Definitions the reports share, all from
 * {@link io.walletrecon.balances.Balances} (the SQL fragments of {@link BalanceRepository}), so that a report and
 * dispatch's balance check never disagree:
 * <ul>
 * <li>A movement is a transaction whose money moved ({@link io.walletrecon.balances.Balances#COUNTED}). Its inflow,
 * outflow and fee are the book's: a refund counts once, as its own outgoing row or, where the provider gives only the
 * payment's refunded total, as an outflow of the payment.</li>
 * <li>Net movement = inflows - outflows - fees, per business date ({@code value_date}, the account's time zone).</li>
 * <li>Opening balance of a period = the reported balance the day before it (the latest statement ending before the
 * period; 0 when there is none) plus the book effect of our transactions after that statement's end and before the
 * period: the same sum dispatch's available balance starts from.</li>
 * </ul>
 */
@ApplicationScoped
public class ReportPlanner {

    static final String MOVED = BalanceRepository.COUNTED;
    static final Set<String> PERIODS = Set.of("day", "week", "month");
    static final Set<String> GROUPS = Set.of("account", "channel", "customer");
    static final long MAX_DAYS = 3700;

    private final ReportRepository repository;

    public ReportPlanner(ReportRepository repository) {
        this.repository = repository;
    }

    public Uni<ReportPlan> plan(String name, ReportQuery q) {
        ReportName report = ReportName.of(name).orElseThrow(() ->
                ApiException.notFound("No report named '" + name + "'; reports are " + ReportName.names()));
        List<ProblemError> errors = new ArrayList<>();
        if (q.from() == null) {
            errors.add(ProblemError.field("from", "is required (yyyy-MM-dd, inclusive)"));
        }
        if (q.to() == null) {
            errors.add(ProblemError.field("to", "is required (yyyy-MM-dd, inclusive)"));
        }
        if (q.from() != null && q.to() != null && q.from().isAfter(q.to())) {
            errors.add(ProblemError.field("from", "must not be after to"));
        }
        if (q.from() != null && q.to() != null && ChronoUnit.DAYS.between(q.from(), q.to()) > MAX_DAYS) {
            errors.add(ProblemError.field("to", "the period may span at most " + MAX_DAYS + " days"));
        }
        if (report == ReportName.RECONCILIATION && blank(q.account())) {
            errors.add(ProblemError.field("account", "is required for the reconciliation statement"));
        }
        if (report == ReportName.CUSTOMER_STATEMENT && q.customer() == null) {
            errors.add(ProblemError.field("customer", "is required for the customer statement (the customer's id)"));
        }
        if (report == ReportName.FUND_FLOW && q.period() != null && !PERIODS.contains(q.period())) {
            errors.add(ProblemError.field("period", "must be one of day, week, month"));
        }
        if (report == ReportName.FUND_FLOW && q.groupBy() != null && !GROUPS.contains(q.groupBy())) {
            errors.add(ProblemError.field("groupBy", "must be one of account, channel, customer"));
        }
        if (q.currency() != null && !q.currency().matches("[A-Z]{3}")) {
            errors.add(ProblemError.field("currency", "must be an ISO 4217 code such as CNY"));
        }
        Validation.refuseIfAny(errors);
        Uni<CompanyRef> company = blank(q.company()) ? Uni.createFrom().nullItem()
                : repository.company(q.company()).map(c -> c.orElseThrow(() -> ApiException.unprocessable("No company with code '" + q.company() + "'",
                        List.of(ProblemError.field("company", "names no company")))));
        Uni<AccountRef> account = blank(q.account()) ? Uni.createFrom().nullItem()
                : repository.account(q.account()).map(a -> a.orElseThrow(() -> ApiException.notFound("No account '" + q.account() + "'")));
        return company.chain(co -> account.invoke(a -> sameCompany(co, "account", q.account(), a == null ? null : a.companyId()))
                .chain(a -> switch (report) {
                    case RECONCILIATION -> Uni.createFrom().item(reconciliation(q, a));
                    case DIFFERENCES -> Uni.createFrom().item(differences(q, a, co));
                    case FUND_FLOW -> Uni.createFrom().item(fundFlow(q, a, co));
                    case CUSTOMER_STATEMENT -> repository.customer(q.customer())
                            .map(c -> c.orElseThrow(() -> ApiException.notFound("No customer with id " + q.customer())))
                            .invoke(c -> sameCompany(co, "customer", String.valueOf(c.id()), c.companyId()))
                            .map(c -> customerStatement(q, c));
                }));
    }

    /** A report scoped to a company covers only its accounts and customers: naming another company's is a mistake. */
    private static void sameCompany(CompanyRef company, String field, String named, Long companyId) {
        if (company != null && companyId != null && companyId != company.id()) {
            throw ApiException.unprocessable("The " + field + " " + named + " belongs to another company than " + company.code(),
                    List.of(ProblemError.field(field, "is not of company " + company.code())));
        }
    }

    /** Where a cross-account report scoped to {@code company} adds {@code column in (that company's accounts)}. */
    private static void scope(CompanyRef company, String column, List<Object> args, StringBuilder where) {
        if (company != null) {
            args.add(company.id());
            where.append(" and ").append(column).append(" in (select id from accounts where company_id = $").append(args.size()).append(')');
        }
    }

    private static String scopeLabel(AccountRef a, CompanyRef company) {
        return a != null ? a.code() + " " + a.name() : company != null ? "all accounts of " + company.code() + " " + company.name() : "all accounts";
    }

    // --- 对账单 -------------------------------------------------------------------------------------------------

    /** $1 account id, $2 from, $3 to, $4 currency. */
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
            )""".formatted(BalanceRepository.LATEST_STATEMENT_FIRST, BalanceRepository.BOOK_EFFECT, MOVED);

    ReportPlan reconciliation(ReportQuery q, AccountRef a) {
        List<Object> args = List.of(a.id(), q.from(), q.to(), a.currency());
        String figures = """
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
                """.formatted(OPENING, MOVED, BalanceRepository.INFLOW, BalanceRepository.OUTFLOW, BalanceRepository.FEE,
                BalanceRepository.LATEST_STATEMENT_FIRST);
        List<Column> figureColumns = List.of(text("currency"), money("openingBalance"), money("inflows"), money("outflows"),
                money("fees"), money("closingBalance"), date("reportedAsOf"), money("reportedClosingBalance"),
                money("computedAtReported"), money("difference"), integer("movements"), integer("matchedCount"),
                money("matchedAmount"), integer("unmatchedCount"), money("unmatchedAmount"));
        String days = """
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
                order by l.day""".formatted(OPENING, MOVED, BalanceRepository.INFLOW, BalanceRepository.OUTFLOW, BalanceRepository.FEE);
        List<Column> dayColumns = List.of(date("day"), text("currency"), money("inflows"), money("outflows"), money("fees"),
                money("net"), money("balance"), integer("movements"));
        return new ReportPlan(ReportName.RECONCILIATION, q.asMap(), a.code() + " " + a.name(), a.currency(),
                List.of(new SqlQuery("figures", figureColumns, figures, args)),
                new SqlQuery("days", dayColumns, days, args));
    }

    // --- 差异报告 -----------------------------------------------------------------------------------------------

    ReportPlan differences(ReportQuery q, AccountRef a, CompanyRef company) {
        List<Object> args = new ArrayList<>(List.of(q.from(), q.to()));
        StringBuilder where = new StringBuilder("e.business_date between $1::date and $2::date");
        scope(company, "e.account_id", args, where);
        if (a != null) {
            args.add(a.id());
            where.append(" and e.account_id = $").append(args.size());
        }
        if (q.currency() != null) {
            args.add(q.currency());
            where.append(" and e.currency = $").append(args.size());
        }
        String totals = """
                select e.type, e.currency, count(*) as exceptions,
                       count(*) filter (where e.status in ('open', 'in_review')) as unresolved,
                       coalesce(sum(e.expected_minor), 0)::bigint as expected, coalesce(sum(e.actual_minor), 0)::bigint as actual,
                       coalesce(sum(e.difference_minor), 0)::bigint as difference
                from recon_exceptions e
                where %s
                group by e.type, e.currency
                order by e.type, e.currency""".formatted(where);
        List<Column> totalColumns = List.of(text("type"), text("currency"), integer("exceptions"), integer("unresolved"),
                money("expected"), money("actual"), money("difference"));
        // Age: days from the business date to its resolution, or to today while it is still open.
        String detail = """
                select e.id, a.code as account, e.business_date, e.type, e.status, e.currency,
                       e.expected_minor, e.actual_minor, e.difference_minor,
                       (coalesce((e.resolved_at at time zone 'UTC')::date, current_date) - e.business_date) as age_days,
                       e.assignee,
                       (select string_agg(n.author || ': ' || n.body, ' | ' order by n.created_at, n.id)
                        from exception_annotations n where n.exception_id = e.id) as annotations,
                       e.detected_at
                from recon_exceptions e join accounts a on a.id = e.account_id
                where %s
                order by e.business_date, e.id""".formatted(where);
        List<Column> detailColumns = List.of(integer("id"), text("account"), date("businessDate"), text("type"), text("status"),
                text("currency"), money("expected"), money("actual"), money("difference"), integer("ageDays"), text("assignee"),
                text("annotations"), timestamp("detectedAt"));
        return new ReportPlan(ReportName.DIFFERENCES, q.asMap(), scopeLabel(a, company),
                a == null ? q.currency() : a.currency(),
                List.of(new SqlQuery("totalsByType", totalColumns, totals, args)),
                new SqlQuery("exceptions", detailColumns, detail, args));
    }

    // --- Fund flow ------------------------------------------------------------------------------------------------

    /** Inflow, outflow, fees and net of the transactions {@code t} of a group, by the book's definition. */
    private static final String FLOW_SUMS = """
            coalesce(sum(%1$s), 0)::bigint as inflow,
            coalesce(sum(%2$s), 0)::bigint as outflow,
            coalesce(sum(%3$s), 0)::bigint as fees,
            coalesce(sum(%4$s), 0)::bigint as net,
            count(*) as movements""".formatted(BalanceRepository.INFLOW, BalanceRepository.OUTFLOW, BalanceRepository.FEE,
            BalanceRepository.BOOK_EFFECT);

    ReportPlan fundFlow(ReportQuery q, AccountRef a, CompanyRef company) {
        String period = q.period() == null ? "day" : q.period();
        String group = q.groupBy() == null ? "account" : q.groupBy();
        List<Object> args = new ArrayList<>(List.of(q.from(), q.to()));
        StringBuilder where = new StringBuilder("t.value_date between $1::date and $2::date and " + MOVED);
        scope(company, "t.account_id", args, where);
        if (a != null) {
            args.add(a.id());
            where.append(" and t.account_id = $").append(args.size());
        }
        if (q.currency() != null) {
            args.add(q.currency());
            where.append(" and t.currency = $").append(args.size());
        }
        String key = switch (group) {
            case "account" -> "a.code";
            case "channel" -> "a.provider";
            default -> "coalesce(c.id::text, '-')";
        };
        String label = switch (group) {
            case "account" -> "a.name";
            case "channel" -> "a.provider";
            default -> "coalesce(c.name, '(no customer)')";
        };
        // period and group come from the whitelists above, never from the caller's text.
        String bucket = "date_trunc('" + period + "', t.value_date)::date";
        String from = "from transactions t join accounts a on a.id = t.account_id left join customers c on c.id = t.customer_id";
        String sums = FLOW_SUMS;
        List<Column> sumColumns = List.of(money("inflow"), money("outflow"), money("fees"), money("net"), integer("movements"));
        String totals = "select t.currency, " + sums + " " + from + " where " + where + " group by t.currency order by t.currency";
        String series = "select " + bucket + " as period_start, t.currency, " + sums + " " + from + " where " + where
                + " group by 1, 2 order by 1, 2";
        String top = """
                select c.id as customer_id, c.name as customer, t.currency,
                       coalesce(sum(t.amount_minor) filter (where t.direction = 'in'), 0)::bigint as inflow, count(*) as movements
                %s where %s and t.customer_id is not null
                group by c.id, c.name, t.currency
                order by inflow desc, c.id limit 10""".formatted(from, where);
        String detail = "select " + bucket + " as period_start, " + key + " as group_key, " + label + " as group_label, t.currency, "
                + sums + " " + from + " where " + where + " group by 1, 2, 3, 4 order by 1, 2, 4";
        List<Column> totalColumns = concat(List.of(text("currency")), sumColumns);
        List<Column> seriesColumns = concat(List.of(date("periodStart"), text("currency")), sumColumns);
        List<Column> topColumns = List.of(integer("customerId"), text("customer"), text("currency"), money("inflow"), integer("movements"));
        List<Column> detailColumns = concat(List.of(date("periodStart"), text(group), text("label"), text("currency")), sumColumns);
        var params = q.asMap();
        params.put("period", period);
        params.put("groupBy", group);
        return new ReportPlan(ReportName.FUND_FLOW, params, scopeLabel(a, company),
                a == null ? q.currency() : a.currency(),
                List.of(new SqlQuery("totals", totalColumns, totals, args), new SqlQuery("series", seriesColumns, series, args),
                        new SqlQuery("topCustomers", topColumns, top, args)),
                new SqlQuery("flows", detailColumns, detail, args));
    }

    // --- Customer statement (客户对账单) ---------------------------------------------------------------------------

    ReportPlan customerStatement(ReportQuery q, ReportRepository.CustomerRef c) {
        List<Object> args = List.of(c.id(), q.from(), q.to());
        // Payments received from the customer in the period, and what the customer still owes at its end.
        String lines = """
                select * from (
                  select 'payment' as line_type, t.id as line_id, t.value_date as date,
                         coalesce(t.merchant_reference, t.provider_txn_id) as reference, t.description, t.currency,
                         t.amount_minor as amount, null::bigint as paid, null::bigint as outstanding, null::date as due_date
                  from transactions t
                  where t.customer_id = $1 and t.direction = 'in' and %s and t.value_date between $2::date and $3::date
                  union all
                  select 'receivable', r.id, r.issue_date, r.reference, r.status, r.currency,
                         r.amount_minor, r.paid_minor, r.amount_minor - r.paid_minor, r.due_date
                  from receivables r
                  where r.customer_id = $1 and r.status in ('open', 'partially_paid') and r.issue_date <= $3::date
                ) l
                order by l.date, l.line_type, l.line_id""".formatted(MOVED);
        List<Column> lineColumns = List.of(text("lineType"), integer("lineId"), date("date"), text("reference"), text("description"),
                text("currency"), money("amount"), money("paid"), money("outstanding"), date("dueDate"));
        String totals = """
                select currency, sum(payments)::bigint as payments, sum(payment_count)::bigint as payment_count,
                       sum(outstanding)::bigint as outstanding, sum(open_count)::bigint as open_receivables
                from (
                  select t.currency, t.amount_minor as payments, 1 as payment_count, 0 as outstanding, 0 as open_count
                  from transactions t
                  where t.customer_id = $1 and t.direction = 'in' and %s and t.value_date between $2::date and $3::date
                  union all
                  select r.currency, 0, 0, r.amount_minor - r.paid_minor, 1
                  from receivables r
                  where r.customer_id = $1 and r.status in ('open', 'partially_paid') and r.issue_date <= $3::date
                ) x
                group by currency order by currency""".formatted(MOVED);
        List<Column> totalColumns = List.of(text("currency"), money("payments"), integer("paymentCount"), money("outstanding"),
                integer("openReceivables"));
        // The customer's account per currency (期初余额 / 本期应收 / 本期收款 / 期末余额): invoiced = receivables issued
        // (cancelled and written-off ones are not owed), paid = payments received net of what was refunded;
        // opening = invoiced - paid before the period, closing = opening + invoiced - paid in it.
        String balances = """
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
                  where t.customer_id = $1 and t.direction = 'in' and %s and t.value_date <= $3::date
                ) x
                group by currency order by currency""".formatted(MOVED);
        List<Column> balanceColumns = List.of(text("currency"), money("opening"), money("invoiced"), money("paid"), money("closing"));
        return new ReportPlan(ReportName.CUSTOMER_STATEMENT, q.asMap(),
                c.name() + (c.externalId() == null ? "" : " (" + c.externalId() + ")"), null,
                List.of(new SqlQuery("totals", totalColumns, totals, args), new SqlQuery("balances", balanceColumns, balances, args)),
                new SqlQuery("lines", lineColumns, lines, args));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

}
