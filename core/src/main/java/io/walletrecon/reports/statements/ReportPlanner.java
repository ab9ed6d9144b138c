package io.walletrecon.reports.statements;

import io.smallrye.mutiny.Uni;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.Validation;
import io.walletrecon.reports.Column;
import io.walletrecon.reports.statements.ReportPlan.SqlQuery;
import io.walletrecon.reports.statements.ReportRepository.AccountRef;
import io.walletrecon.reports.statements.ReportRepository.CompanyRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static io.walletrecon.reports.Column.date;
import static io.walletrecon.reports.Column.integer;
import static io.walletrecon.reports.Column.money;
import static io.walletrecon.reports.Column.text;
import static io.walletrecon.reports.Column.timestamp;

/**
 * Turns a request into the plan of its report: the {@link ReportSql} statements of its tables and their binds.
 * Definitions the reports share, all from {@link io.walletrecon.balances.Balances} (the SQL fragments of
 * {@link io.walletrecon.balances.BalanceRepository}), so that a report and dispatch's balance check never disagree:
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

    static final Set<String> PERIODS = Set.of("day", "week", "month");
    static final Set<String> GROUPS = Set.of("account", "channel", "customer");
    static final long MAX_DAYS = 3700;

    private final ReportRepository repository;

    public ReportPlanner(ReportRepository repository) {
        this.repository = repository;
    }

    public Uni<ReportPlan> plan(String name, ReportQuery q) {
        ReportName report = ReportName.of(name).orElseThrow(
                () -> ApiException.notFound("No report named '" + name + "'; reports are " + ReportName.names()));
        List<ProblemError> errors = new ArrayList<>();
        checkPeriod(q.from(), q.to(), errors);
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
        Uni<CompanyRef> company = blank(q.company())
                ? Uni.createFrom().nullItem()
                : repository.company(q.company())
                        .map(c -> c.orElseThrow(
                                () -> ApiException.unprocessable("No company with code '" + q.company() + "'",
                                        List.of(ProblemError.field("company", "names no company")))));
        Uni<AccountRef> account = blank(q.account())
                ? Uni.createFrom().nullItem()
                : repository.account(q.account())
                        .map(a -> a.orElseThrow(() -> ApiException.notFound("No account '" + q.account() + "'")));
        return company.chain(
                co -> account.invoke(a -> sameCompany(co, "account", q.account(), a == null ? null : a.companyId()))
                        .chain(a -> switch (report) {
                            case RECONCILIATION -> Uni.createFrom().item(reconciliation(q, a));
                            case DIFFERENCES -> Uni.createFrom().item(differences(q, a, co));
                            case FUND_FLOW -> Uni.createFrom().item(fundFlow(q, a, co));
                            case CUSTOMER_STATEMENT -> repository.customer(q.customer())
                                    .map(c -> c.orElseThrow(
                                            () -> ApiException.notFound("No customer with id " + q.customer())))
                                    .invoke(c -> sameCompany(co, "customer", String.valueOf(c.id()), c.companyId()))
                                    .map(c -> customerStatement(q, c));
                        }));
    }

    /** A report's period: both dates given, in order, at most {@link #MAX_DAYS} apart. */
    public static void checkPeriod(java.time.LocalDate from, java.time.LocalDate to, List<ProblemError> errors) {
        if (from == null) {
            errors.add(ProblemError.field("from", "is required (yyyy-MM-dd, inclusive)"));
        }
        if (to == null) {
            errors.add(ProblemError.field("to", "is required (yyyy-MM-dd, inclusive)"));
        }
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(ProblemError.field("from", "must not be after to"));
        }
        if (from != null && to != null && ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            errors.add(ProblemError.field("to", "the period may span at most " + MAX_DAYS + " days"));
        }
    }

    /** A report scoped to a company covers only its accounts and customers: naming another company's is a mistake. */
    private static void sameCompany(CompanyRef company, String field, String named, Long companyId) {
        if (company != null && companyId != null && companyId != company.id()) {
            throw ApiException.unprocessable(
                    "The " + field + " " + named + " belongs to another company than " + company.code(),
                    List.of(ProblemError.field(field, "is not of company " + company.code())));
        }
    }

    private static String scopeLabel(AccountRef a, CompanyRef company) {
        return a != null
                ? a.code() + " " + a.name()
                : company != null ? "all accounts of " + company.code() + " " + company.name() : "all accounts";
    }

    // --- 对账单 -------------------------------------------------------------------------------------------------

    ReportPlan reconciliation(ReportQuery q, AccountRef a) {
        return a.bank() ? bankReconciliation(q, a) : walletReconciliation(q, a);
    }

    private static final List<Column> DAY_COLUMNS = List.of(date("day"), text("currency"), money("inflows"),
            money("outflows"), money("fees"), money("net"), money("balance"), integer("movements"));

    /**
     * A bank account's statement: its book is the bank journal where the company imports one (the reconciling items
     * are then what one side has and the other lacks), else the bank's own lines checked against its balances.
     */
    ReportPlan bankReconciliation(ReportQuery q, AccountRef a) {
        List<Object> args = List.of(a.id(), q.from(), q.to(), a.currency());
        List<Column> figureColumns = List.of(text("currency"), text("bookSource"), money("openingBalance"),
                money("inflows"), money("outflows"), money("fees"), money("closingBalance"), date("reportedAsOf"),
                money("reportedClosingBalance"), money("computedAtReported"), money("difference"),
                integer("reconcilingItems"), money("explained"), money("unexplained"), integer("movements"),
                integer("matchedCount"), money("matchedAmount"), integer("unmatchedCount"), money("unmatchedAmount"));
        List<Column> itemColumns = List.of(integer("exceptionId"), date("businessDate"), text("type"),
                text("itemType"), integer("itemId"), text("detail"), text("currency"), money("amount"),
                money("effect"));
        return new ReportPlan(ReportName.RECONCILIATION, q.asMap(), a.code() + " " + a.name(), a.currency(),
                List.of(new SqlQuery("figures", figureColumns, ReportSql.BANK_RECONCILIATION_FIGURES, args),
                        new SqlQuery("reconcilingItems", itemColumns, ReportSql.BANK_RECONCILING_ITEMS, args)),
                new SqlQuery("days", DAY_COLUMNS, ReportSql.BANK_RECONCILIATION_DAYS, args));
    }

    private ReportPlan walletReconciliation(ReportQuery q, AccountRef a) {
        List<Object> args = List.of(a.id(), q.from(), q.to(), a.currency());
        List<Column> figureColumns = List.of(text("currency"), money("openingBalance"), money("inflows"),
                money("outflows"),
                money("fees"), money("closingBalance"), date("reportedAsOf"), money("reportedClosingBalance"),
                money("computedAtReported"), money("difference"), integer("movements"), integer("matchedCount"),
                money("matchedAmount"), integer("unmatchedCount"), money("unmatchedAmount"));
        return new ReportPlan(ReportName.RECONCILIATION, q.asMap(), a.code() + " " + a.name(), a.currency(),
                List.of(new SqlQuery("figures", figureColumns, ReportSql.RECONCILIATION_FIGURES, args),
                        new SqlQuery("reconcilingItems", List.of(integer("exceptionId"), date("businessDate"),
                                text("type"), text("detail"), text("currency"), money("effect")),
                                ReportSql.RECONCILING_ITEMS, args)),
                new SqlQuery("days", DAY_COLUMNS, ReportSql.RECONCILIATION_DAYS, args));
    }

    // --- 差异报告 -----------------------------------------------------------------------------------------------

    ReportPlan differences(ReportQuery q, AccountRef a, CompanyRef company) {
        List<Object> args = scope(q, a, company);
        List<Column> totalColumns = List.of(text("type"), text("currency"), integer("exceptions"),
                integer("unresolved"),
                money("expected"), money("actual"), money("difference"));
        List<Column> detailColumns = List.of(integer("id"), text("account"), date("businessDate"), text("type"),
                text("status"),
                text("currency"), money("expected"), money("actual"), money("difference"), integer("ageDays"),
                text("assignee"),
                text("annotations"), timestamp("detectedAt"));
        return new ReportPlan(ReportName.DIFFERENCES, q.asMap(), scopeLabel(a, company),
                a == null ? q.currency() : a.currency(),
                List.of(new SqlQuery("totalsByType", totalColumns, ReportSql.DIFFERENCE_TOTALS, args)),
                new SqlQuery("exceptions", detailColumns, ReportSql.DIFFERENCE_DETAIL, args));
    }

    /**
     * The binds of a cross-account report: from, to, and the company, account and currency it is limited to (or null).
     */
    private static List<Object> scope(ReportQuery q, AccountRef a, CompanyRef company) {
        return Arrays.asList(q.from(), q.to(), company == null ? null : company.id(), a == null ? null : a.id(),
                q.currency());
    }

    // --- Fund flow ------------------------------------------------------------------------------------------------

    ReportPlan fundFlow(ReportQuery q, AccountRef a, CompanyRef company) {
        String period = q.period() == null ? "day" : q.period();
        String group = q.groupBy() == null ? "account" : q.groupBy();
        List<Object> args = scope(q, a, company);
        List<Object> seriesArgs = concat(args, List.of(period));
        List<Object> detailArgs = concat(args, List.of(period, group));
        List<Column> sumColumns = List.of(money("inflow"), money("outflow"), money("fees"), money("net"),
                integer("movements"));
        List<Column> totalColumns = concat(List.of(text("currency")), sumColumns);
        List<Column> seriesColumns = concat(List.of(date("periodStart"), text("currency")), sumColumns);
        List<Column> topColumns = List.of(integer("customerId"), text("customer"), text("currency"), money("inflow"),
                integer("movements"));
        List<Column> detailColumns = concat(List.of(date("periodStart"), text(group), text("label"), text("currency")),
                sumColumns);
        var params = q.asMap();
        params.put("period", period);
        params.put("groupBy", group);
        return new ReportPlan(ReportName.FUND_FLOW, params, scopeLabel(a, company),
                a == null ? q.currency() : a.currency(),
                List.of(new SqlQuery("totals", totalColumns, ReportSql.FLOW_TOTALS, args),
                        new SqlQuery("series", seriesColumns, ReportSql.FLOW_SERIES, seriesArgs),
                        new SqlQuery("topCustomers", topColumns, ReportSql.FLOW_TOP_CUSTOMERS, args)),
                new SqlQuery("flows", detailColumns, ReportSql.FLOW_DETAIL, detailArgs));
    }

    // --- Customer statement (客户对账单) ---------------------------------------------------------------------------

    ReportPlan customerStatement(ReportQuery q, ReportRepository.CustomerRef c) {
        List<Object> args = List.of(c.id(), q.from(), q.to());
        List<Column> lineColumns = List.of(text("lineType"), integer("lineId"), date("date"), text("reference"),
                text("description"),
                text("currency"), money("amount"), money("paid"), money("outstanding"), date("dueDate"));
        List<Column> totalColumns = List.of(text("currency"), money("payments"), integer("paymentCount"),
                money("outstanding"),
                integer("openReceivables"));
        List<Column> balanceColumns = List.of(text("currency"), money("opening"), money("invoiced"), money("paid"),
                money("closing"));
        return new ReportPlan(ReportName.CUSTOMER_STATEMENT, q.asMap(),
                c.name() + (c.externalId() == null ? "" : " (" + c.externalId() + ")"), null,
                List.of(new SqlQuery("totals", totalColumns, ReportSql.CUSTOMER_TOTALS, args),
                        new SqlQuery("balances", balanceColumns, ReportSql.CUSTOMER_BALANCES, args)),
                new SqlQuery("lines", lineColumns, ReportSql.CUSTOMER_LINES, args));
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
