package io.walletrecon.reports.overview;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.walletrecon.balances.BalanceRepository;
import io.walletrecon.data.Provider;
import io.walletrecon.dispatch.PaymentState;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The overview's SQL: one set-based statement per table, {@code $1} the first and {@code $2} the last business date,
 * {@code $3} a company's code (null: every company), binds only. The balances are {@link BalanceRepository}'s
 * expressions, so the overview, the reconciliation statement
 * and dispatch state one definition of each.
 */
@ApplicationScoped
public class OverviewRepository {

    /** The account {@code acc} is of the company whose code is bind {@code $n}, or that bind is null. */
    static String inCompany(int n) {
        return "($%1$d::text is null or acc.company_id = (select c.id from companies c where c.code = $%1$d::text))"
                .formatted(n);
    }

    /** $1 company code: whether there is such a company. */
    static final String COMPANY_EXISTS = "select exists (select 1 from companies where code = $1) as found";

    /** An exception a person still has to work: open, or in review. */
    static final String OPEN = "x.status in ('open', 'in_review')";

    /**
     * Per account and currency (the account's own, and every other one its statements or period's transactions are
     * in): the reported balance at the end of the period, the book balance then and at the reported date, the last
     * statement's period end, the share of the period's items a confirmed match reconciles (a bank's lines, a
     * wallet's counted transactions) and the period's open exceptions.
     */
    static final String ACCOUNTS = """
            with pairs as (
              select acc.id as account_id, acc.currency from accounts acc
              union
              select s.account_id, s.currency from statements s
              union
              select t.account_id, t.currency from transactions t where t.value_date between $1::date and $2::date
            ),
            lines as (
              select pr.account_id, pr.currency, acc.code, acc.name, acc.provider, acc.provider = '%1$s' as bank,
                     rep.balance as reported, rep.period_end as reported_as_of,
                     (select max(s.period_end) from statements s where s.account_id = pr.account_id and s.currency = pr.currency)
                         as last_statement
              from pairs pr join accounts acc on acc.id = pr.account_id and %12$s
              left join lateral (%2$s) rep on true
            )
            select pr.code, pr.name, pr.provider, pr.currency,
                   case when pr.bank and %3$s is not null then 'ledger_entries'
                        when pr.bank then 'reconciled_lines' else 'transactions' end as book_source,
                   pr.reported, pr.reported_as_of,
                   (case when pr.bank then %4$s else %5$s end)::bigint as book,
                   (case when pr.reported is null then null
                         when pr.bank then %6$s - pr.reported else %7$s - pr.reported end)::bigint as difference,
                   pr.last_statement,
                   coalesce(items.n, 0) as items, coalesce(items.matched, 0) as matched,
                   (select count(*) from recon_exceptions x where x.account_id = pr.account_id and x.currency = pr.currency
                      and %8$s and x.business_date between $1::date and $2::date) as open_exceptions
            from lines pr
            left join lateral (
              select sum(n) as n, sum(matched) as matched from (
                select count(*) as n, count(*) filter (where %9$s) as matched from statement_lines l
                where pr.bank and l.account_id = pr.account_id and l.currency = pr.currency
                  and l.value_date between $1::date and $2::date
                union all
                select count(*), count(*) filter (where %10$s) from transactions t
                where not pr.bank and t.account_id = pr.account_id and t.currency = pr.currency and %11$s
                  and t.value_date between $1::date and $2::date) c) items on true
            order by pr.code, pr.currency"""
            .formatted(Provider.BANK.code(), BalanceRepository.reportedBy("pr.account_id", "pr.currency", "$2::date"),
                    BalanceRepository.journalStart("pr.account_id", "pr.currency"),
                    BalanceRepository.bankBookAtEnd("pr.account_id", "pr.currency", "$2::date"),
                    BalanceRepository.walletBookAtEnd("pr.account_id", "pr.currency", "$2::date"),
                    BalanceRepository.bankBookAtEnd("pr.account_id", "pr.currency", "pr.reported_as_of"),
                    BalanceRepository.walletBookAtEnd("pr.account_id", "pr.currency", "pr.reported_as_of"), OPEN,
                    BalanceRepository.RECONCILED_LINE, BalanceRepository.RECONCILED_TRANSACTION,
                    BalanceRepository.COUNTED, inCompany(3));

    /**
     * The period's open exceptions per account, type and currency, counted by age: days from the business date to
     * today (in UTC), in the buckets 0–1, 2–3, 4–7 and more than 7 days.
     */
    static final String EXCEPTION_AGES = """
            select acc.code, x.type, x.currency,
                   count(*) filter (where g.age <= 1) as age_0_1,
                   count(*) filter (where g.age between 2 and 3) as age_2_3,
                   count(*) filter (where g.age between 4 and 7) as age_4_7,
                   count(*) filter (where g.age > 7) as age_over_7,
                   count(*) as total
            from recon_exceptions x join accounts acc on acc.id = x.account_id
            cross join lateral (select (now() at time zone 'UTC')::date - x.business_date as age) g
            where %s and x.business_date between $1::date and $2::date and %s
            group by acc.code, x.type, x.currency
            order by acc.code, x.type, x.currency""".formatted(OPEN, inCompany(3));

    /**
     * Per currency: the period's open unidentified receipts (bank credits nobody has claimed, by their amount) and
     * settlements that have not arrived (by the amount expected).
     */
    static final String OPEN_BY_TYPE = """
            select x.currency, count(*) as n,
                   coalesce(sum(case when x.type = 'unidentified_receipt' then x.actual_minor else x.expected_minor end), 0)::bigint
                       as amount
            from recon_exceptions x join accounts acc on acc.id = x.account_id
            where x.type = $4 and %s and x.business_date between $1::date and $2::date and %s
            group by x.currency order by x.currency"""
            .formatted(OPEN, inCompany(3));

    /** Per currency: the orders waiting for approval now, whatever the period. */
    static final String AWAITING_APPROVAL = """
            select p.currency, count(*) as n, coalesce(sum(p.amount_minor), 0)::bigint as amount
            from payment_orders p join accounts acc on acc.id = p.account_id
            where p.state = '%s' and %s
            group by p.currency order by p.currency""".formatted(PaymentState.PENDING_APPROVAL.code(), inCompany(1));

    private final Pool pool;

    public OverviewRepository(Pool pool) {
        this.pool = pool;
    }

    /** One account in one currency. */
    record AccountRow(String code, String name, String provider, String currency, String bookSource, Long reported,
            LocalDate reportedAsOf, long book, Long difference, LocalDate lastStatement, long items, long matched,
            long openExceptions) {
    }

    /** The open exceptions of one account, type and currency by age. */
    record AgeRow(String account, String type, String currency, long age0To1, long age2To3, long age4To7,
            long ageOver7, long total) {
    }

    /** A count and an amount in one currency. */
    record TotalRow(String currency, long count, long amountMinor) {
    }

    Uni<Boolean> companyExists(String code) {
        return pool.preparedQuery(COMPANY_EXISTS).execute(Tuple.of(code))
                .map(rows -> rows.iterator().next().getBoolean("found"));
    }

    Uni<List<AccountRow>> accounts(LocalDate from, LocalDate to, String company) {
        return rows(ACCOUNTS, Tuple.of(from, to, company), r -> new AccountRow(r.getString("code"), r.getString("name"),
                r.getString("provider"), r.getString("currency"), r.getString("book_source"), r.getLong("reported"),
                r.getLocalDate("reported_as_of"), r.getLong("book"), r.getLong("difference"),
                r.getLocalDate("last_statement"), r.getLong("items"), r.getLong("matched"),
                r.getLong("open_exceptions")));
    }

    Uni<List<AgeRow>> exceptionAges(LocalDate from, LocalDate to, String company) {
        return rows(EXCEPTION_AGES, Tuple.of(from, to, company),
                r -> new AgeRow(r.getString("code"), r.getString("type"),
                        r.getString("currency"), r.getLong("age_0_1"), r.getLong("age_2_3"), r.getLong("age_4_7"),
                        r.getLong("age_over_7"), r.getLong("total")));
    }

    /** The open exceptions of {@code type} in the period, per currency. */
    Uni<List<TotalRow>> openOfType(LocalDate from, LocalDate to, String company, String type) {
        return rows(OPEN_BY_TYPE, Tuple.of(from, to, company, type), OverviewRepository::total);
    }

    Uni<List<TotalRow>> awaitingApproval(String company) {
        return rows(AWAITING_APPROVAL, Tuple.of(company), OverviewRepository::total);
    }

    private static TotalRow total(Row r) {
        return new TotalRow(r.getString("currency"), r.getLong("n"), r.getLong("amount"));
    }

    private <T> Uni<List<T>> rows(String sql, Tuple args, Function<Row, T> map) {
        return pool.preparedQuery(sql).execute(args).map((RowSet<Row> rows) -> {
            List<T> out = new ArrayList<>(rows.size());
            rows.forEach(r -> out.add(map.apply(r)));
            return out;
        });
    }
}
