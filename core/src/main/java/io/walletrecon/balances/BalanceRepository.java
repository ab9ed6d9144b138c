package io.walletrecon.balances;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.walletrecon.balances.Balances.BookMovements;
import io.walletrecon.dispatch.PaymentState;
import io.walletrecon.transactions.TransactionStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The balances of {@link Balances} in SQL, on the Vert.x pool (or the caller's connection, inside its transaction).
 * The fragments over {@code transactions t} and {@code statements s} are public so that a report's SQL states the
 * same definition by using them instead of a copy. Every sum is {@code numeric}: no row's size can make it fail.
 */
@ApplicationScoped
public class BalanceRepository {

    /** A transaction {@code t} whose money moved ({@link Balances#COUNTED}). */
    public static final String COUNTED = "t.status in (" + Balances.COUNTED.stream().map(s -> "'" + s.code() + "'")
            .sorted().collect(Collectors.joining(", ")) + ")";

    /** What the succeeded refund rows under a payment {@code t} add up to. */
    static final String REFUND_ROWS = """
            coalesce((select sum(r.amount_minor) from transactions r
                      where r.account_id = t.account_id and r.parent_txn_id = t.provider_txn_id
                        and r.kind = 'refund' and r.status = '%s'), 0)"""
            .formatted(TransactionStatus.SUCCEEDED.code());

    /** The refunded total of a payment {@code t} that its succeeded refund rows do not show. */
    public static final String REFUND_WITHOUT_ROW = """
            case when t.direction = 'in' and t.refunded_minor > 0
                 then greatest(t.refunded_minor - %s, 0)
                 else 0 end""".formatted(REFUND_ROWS);

    /**
     * All that was refunded of a payment {@code t}, however the provider reports it: its refund rows plus the part of
     * its refunded total they do not show ({@link Balances.Movement#refundWithoutRow}), that is the larger of the two.
     */
    public static final String REFUNDED = "greatest(t.refunded_minor, " + REFUND_ROWS + ")";

    /** What a transaction {@code t} brought in. */
    public static final String INFLOW = "(case when t.direction = 'in' then t.amount_minor::numeric else 0 end)";

    /**
     * What a transaction {@code t} took out: an outgoing row's amount, or the refunded part of a payment no refund row
     * shows.
     */
    public static final String OUTFLOW = "(case when t.direction = 'out' then t.amount_minor::numeric else 0 end + "
            + REFUND_WITHOUT_ROW + ")";

    /** The provider's fee on a transaction {@code t}. */
    public static final String FEE = "coalesce(t.fee_minor, 0)::numeric";

    /** What a transaction {@code t} adds to the book balance: inflow − outflow − fee. */
    public static final String BOOK_EFFECT = "(" + INFLOW + " - " + OUTFLOW + " - " + FEE + ")";

    /** The order of statements {@code s}, latest first: the first one is the one whose closing balance is reported. */
    public static final String LATEST_STATEMENT_FIRST = "s.period_end desc, s.imported_at desc, s.id desc";

    /**
     * $1 account, $2 currency, $3 date: the latest statement with a closing balance whose period ends on or before the
     * date.
     */
    static final String REPORTED = reportedBy("$1", "$2", "$3::date");

    /**
     * The reported balance of {@code account} in {@code currency} on {@code day} (SQL expressions) as a query of one
     * row or none: {@code balance}, the statement's closing balance, and {@code period_end}, the day it is reported at.
     */
    public static String reportedBy(String account, String currency, String day) {
        return """
                select s.closing_balance_minor as balance, s.period_end from statements s
                where s.account_id = %s and s.currency = %s and s.closing_balance_minor is not null and s.period_end is not null
                  and s.period_end <= %s
                order by %s limit 1"""
                .formatted(account, currency, day, LATEST_STATEMENT_FIRST);
    }

    /**
     * $1 account, $2 currency, $3 first date (null: from the beginning), $4 last date: the book movements valued
     * between.
     */
    static final String WALLET_MOVEMENTS = """
            select coalesce(sum(%s), 0) as inflows, coalesce(sum(%s), 0) as outflows, coalesce(sum(%s), 0) as fees
            from transactions t
            where t.account_id = $1 and t.currency = $2 and %s and ($3::date is null or t.value_date >= $3::date) and t.value_date <= $4::date
            """
            .formatted(INFLOW, OUTFLOW, FEE, COUNTED);

    /** What a bank statement line {@code l} does to the account's balance: its signed amount less its fee. */
    public static final String LINE_EFFECT = "(l.amount_minor::numeric - coalesce(l.fee_minor, 0))";

    /** A bank line {@code l} that brought money in: a credit that is not one of the bank's fee postings. */
    public static final String LINE_INFLOW = "(case when l.amount_minor > 0 and l.kind <> 'fee' then l.amount_minor::numeric else 0 end)";

    /** A bank line {@code l} that took money out: a debit that is not one of the bank's fee postings. */
    public static final String LINE_OUTFLOW = "(case when l.amount_minor < 0 and l.kind <> 'fee' then -l.amount_minor::numeric else 0 end)";

    /** The bank's fee in a line {@code l}: a fee posting (kind {@code fee}) or the fee it states beside its amount. */
    public static final String LINE_FEE = "(case when l.kind = 'fee' then -l.amount_minor::numeric else 0 end + coalesce(l.fee_minor, 0))";

    /**
     * The bank's balance of account {@code account} in {@code currency} at the start of {@code day} (three SQL
     * expressions), or null when no statement states one: the closing balance of the latest statement ending before
     * the day plus the lines valued after its end and before the day; without such a statement, the opening balance of
     * the account's first statement plus the lines valued before the day.
     */
    public static String bankBalanceAtStart(String account, String currency, String day) {
        return """
                (select b.balance + coalesce((select sum(%4$s) from statement_lines l
                                              where l.account_id = %1$s and l.currency = %2$s and l.value_date < %3$s
                                                and (b.after is null or l.value_date > b.after)), 0)
                 from (select prior.balance::numeric, prior.period_end as after, 0 as pref from (%5$s) prior
                       union all
                       select * from (select s.opening_balance_minor::numeric, null::date, 1
                                      from statements s
                                      where s.account_id = %1$s and s.currency = %2$s and s.opening_balance_minor is not null
                                        and s.period_start is not null
                                      order by s.period_start, s.imported_at, s.id limit 1) first
                       order by pref limit 1) b)"""
                .formatted(account, currency, day, LINE_EFFECT, reportedBy(account, currency, "(" + day + " - 1)"));
    }

    /** The first day of the bank journal of {@code account} in {@code currency} (SQL expressions); null without one. */
    public static String journalStart(String account, String currency) {
        return "(select min(e.entry_date) from ledger_entries e where e.account_id = %s and e.currency = %s)"
                .formatted(account, currency);
    }

    /**
     * The first day the bank's statements of {@code account} in {@code currency} cover (SQL expressions): the period
     * start of the first statement that states an opening balance, the anchor of {@link #bankBalanceAtStart}; null
     * without one.
     */
    public static String firstStatementDay(String account, String currency) {
        return """
                (select min(s.period_start) from statements s
                 where s.account_id = %s and s.currency = %s and s.opening_balance_minor is not null and s.period_start is not null)"""
                .formatted(account, currency);
    }

    /**
     * The first day of the journal's reconciliation with the bank (SQL expressions): the later of the journal's first
     * day and the first day the bank's statements cover. Bank lines and journal entries from that day on are matched
     * or are reconciling items; what came before stands in the opening of the side that covers it.
     */
    public static String journalReconciledFrom(String account, String currency) {
        return "greatest(%s, %s)".formatted(journalStart(account, currency), firstStatementDay(account, currency));
    }

    /**
     * The book balance of a bank account with a journal at the start of {@code day} (SQL expressions): the journal's
     * opening plus its entries dated before {@code day}; null when the account has no journal. The opening is the
     * bank's balance at the start of the journal's first day when the bank's statements cover that day; a journal that
     * begins before them carries its own opening balance as an entry (期初余额, as ERP exports date it: the last day
     * before the period) and opens at 0.
     */
    public static String journalBookAtStart(String account, String currency, String day) {
        return """
                (select case when %5$s >= %6$s then coalesce(%4$s, 0) else 0 end
                        + coalesce((select sum(e.amount_minor::numeric) from ledger_entries e
                                    where e.account_id = %1$s and e.currency = %2$s and e.entry_date < %3$s), 0)
                 where %5$s is not null)"""
                .formatted(account, currency, day,
                        bankBalanceAtStart(account, currency, journalStart(account, currency)),
                        journalStart(account, currency), firstStatementDay(account, currency));
    }

    /**
     * A bank line or journal entry ({@code itemType} {@code statement_line} or {@code ledger_entry}, id
     * {@code itemId}) is reconciled with the journal on {@code day} (SQL expressions) when a confirmed live match of
     * the bank journal ({@code ledger_bank}) claims it and every item of that match is dated on or before the day: a
     * bank line of the 31st matched to an entry booked on the 1st of the next month is still open on the 31st. Not
     * reconciled on the day, it is a reconciling item of the day.
     */
    public static String journalReconciledOn(String itemType, String itemId, String day) {
        return """
                exists (select 1 from match_items mi join matches m on m.id = mi.match_id
                        where mi.match_kind = 'ledger_bank' and mi.item_type = '%1$s' and mi.item_id = %2$s
                          and mi.live and m.status = 'confirmed'
                          and not exists (select 1 from match_items p
                                          left join statement_lines pl on p.item_type = 'statement_line' and pl.id = p.item_id
                                          left join ledger_entries pe on p.item_type = 'ledger_entry' and pe.id = p.item_id
                                          where p.match_id = m.id and p.live and coalesce(pl.value_date, pe.entry_date) > %3$s))"""
                .formatted(itemType, itemId, day);
    }

    /** A statement line {@code l} claimed by a live item of a confirmed match. */
    public static final String RECONCILED_LINE = """
            exists (select 1 from match_items mi join matches m on m.id = mi.match_id
                    where mi.item_type = 'statement_line' and mi.item_id = l.id and mi.live and m.status = 'confirmed')""";

    /** A wallet transaction {@code t} claimed by a live item of a confirmed match. */
    public static final String RECONCILED_TRANSACTION = """
            exists (select 1 from match_items mi join matches m on m.id = mi.match_id
                    where mi.item_type = 'transaction' and mi.item_id = t.id and mi.live and m.status = 'confirmed')""";

    /** The states of an order whose money may have left or has left the account. */
    static final String SUBMITTED_STATES = "("
            + List.of(PaymentState.SUBMITTED, PaymentState.UNKNOWN, PaymentState.COMPLETED).stream()
                    .map(s -> "'" + s.code() + "'").collect(Collectors.joining(", "))
            + ")";

    /**
     * The book balance of bank account {@code account} in {@code currency} at the end of {@code day} (SQL
     * expressions): the journal's book where the account has a journal, else reconciled lines plus submitted orders no
     * reconciled line shows.
     */
    public static String bankBookAtEnd(String account, String currency, String day) {
        return """
                coalesce(%4$s,
                   coalesce((select sum(%5$s) from statement_lines l
                             where l.account_id = %1$s and l.currency = %2$s and l.value_date <= %3$s and %6$s), 0)
                 - coalesce((select sum(p.amount_minor::numeric)
                             from payment_orders p join accounts oa on oa.id = p.account_id
                             where p.account_id = %1$s and p.currency = %2$s and p.state in %7$s
                               and p.submitted_at < ((%3$s + 1)::timestamp at time zone oa.time_zone)
                               and not exists (select 1 from statement_lines l
                                               where l.account_id = p.account_id and l.end_to_end_id = p.provider_payment_id and %6$s)), 0))"""
                .formatted(account, currency, day, journalBookAtStart(account, currency, "(" + day + " + 1)"),
                        LINE_EFFECT, RECONCILED_LINE, SUBMITTED_STATES);
    }

    /** The book balance of wallet {@code account} in {@code currency} at the end of {@code day} (SQL expressions). */
    public static String walletBookAtEnd(String account, String currency, String day) {
        return """
                coalesce((select sum(%4$s) from transactions t
                          where t.account_id = %1$s and t.currency = %2$s and %5$s and t.value_date <= %3$s), 0)"""
                .formatted(account, currency, day, BOOK_EFFECT, COUNTED);
    }

    /** $1 account, $2 currency, $3 date: the journal's book at the end of the date (0 without a journal). */
    static final String JOURNAL_BOOK = "select coalesce(" + journalBookAtStart("$1", "$2", "($3::date + 1)")
            + ", 0) as book";

    /** $1 account, $2 currency: {@link #journalReconciledFrom}. */
    static final String JOURNAL_RECONCILED_FROM = "select " + journalReconciledFrom("$1", "$2") + " as day";

    /** $1 account, $2 currency, $3 date: {@link #bankBookAtEnd}. */
    static final String BANK_BOOK = "select " + bankBookAtEnd("$1", "$2", "$3::date") + " as book";

    /**
     * $1 account ids, $2 currencies (pairs by index): the available balance of each pair, {@code known} false when
     * no statement reports one. Orders completed since the statement count until a transaction row shows them.
     */
    static final String AVAILABLE = """
            with want as (select * from unnest($1::bigint[], $2::text[]) as w(account_id, currency)),
            st as (select distinct on (s.account_id, s.currency) s.account_id, s.currency, s.closing_balance_minor, s.period_end
                   from statements s join want w on w.account_id = s.account_id and w.currency = s.currency
                   where s.closing_balance_minor is not null and s.period_end is not null
                   order by s.account_id, s.currency, %1$s)
            select w.account_id, w.currency, st.closing_balance_minor is not null as known,
                   coalesce(st.closing_balance_minor::numeric, 0)
                   + coalesce((select sum(%2$s) from transactions t
                               where t.account_id = w.account_id and t.currency = w.currency and t.value_date > st.period_end and %3$s), 0)
                   - coalesce((select sum(p.amount_minor::numeric) from payment_orders p where p.account_id = w.account_id and p.currency = w.currency
                                 and (p.state in ('%4$s', '%5$s')
                                      or (p.state = '%6$s' and p.submitted_at >= ((st.period_end + 1)::timestamp at time zone a.time_zone)
                                          and not exists (select 1 from transactions t where t.account_id = p.account_id
                                                          and t.provider_txn_id = p.provider_payment_id)))), 0) as available
            from want w join accounts a on a.id = w.account_id left join st on st.account_id = w.account_id and st.currency = w.currency
            """
            .formatted(LATEST_STATEMENT_FIRST, BOOK_EFFECT, COUNTED, PaymentState.SUBMITTED.code(),
                    PaymentState.UNKNOWN.code(),
                    PaymentState.COMPLETED.code());

    private final Pool pool;

    public BalanceRepository(Pool pool) {
        this.pool = pool;
    }

    /** A statement's closing balance and the day its period ends. */
    public record Reported(long closingMinor, LocalDate asOf) {
    }

    /** The available balance of an account in a currency; {@code known} false (and 0) when no statement reports one. */
    public record Available(long accountId, String currency, boolean known, BigDecimal availableMinor) {
    }

    /** The reported balance of the account in the currency on {@code date}, if a statement reports one. */
    public Uni<Optional<Reported>> reported(long accountId, String currency, LocalDate date) {
        return pool.preparedQuery(REPORTED).execute(Tuple.of(accountId, currency, date)).map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                return Optional.empty();
            }
            Row r = it.next();
            return Optional.of(new Reported(r.getLong(0), r.getLocalDate(1)));
        });
    }

    /**
     * The book movements of a wallet account in a currency valued from {@code from} (null: the beginning) to
     * {@code to}.
     */
    public Uni<BookMovements> walletMovements(long accountId, String currency, LocalDate from, LocalDate to) {
        return pool.preparedQuery(WALLET_MOVEMENTS).execute(Tuple.of(accountId, currency, from, to)).map(rows -> {
            Row r = rows.iterator().next();
            return new BookMovements(integer(r.getBigDecimal(0)), integer(r.getBigDecimal(1)),
                    integer(r.getBigDecimal(2)));
        });
    }

    /** The book balance of a wallet account in a currency at the end of {@code date}. */
    public Uni<BigInteger> walletBook(long accountId, String currency, LocalDate date) {
        return walletMovements(accountId, currency, null, date).map(BookMovements::net);
    }

    /**
     * The balance of the account's bank journal (企业银行存款日记账余额) at the end of {@code date}: its book balance by
     * {@link #journalBookAtStart} of the next day, 0 when it has no journal.
     */
    public Uni<BigInteger> journalBook(long accountId, String currency, LocalDate date) {
        return pool.preparedQuery(JOURNAL_BOOK).execute(Tuple.of(accountId, currency, date))
                .map(rows -> integer(rows.iterator().next().getBigDecimal(0)));
    }

    /**
     * {@link #journalReconciledFrom}: where the journal's reconciling items start, if there is a journal or a
     * statement.
     */
    public Uni<Optional<LocalDate>> journalReconciledFrom(long accountId, String currency) {
        return pool.preparedQuery(JOURNAL_RECONCILED_FROM).execute(Tuple.of(accountId, currency))
                .map(rows -> Optional.ofNullable(rows.iterator().next().getLocalDate(0)));
    }

    /** The book balance of a bank account in a currency at the end of {@code date}. */
    public Uni<BigInteger> bankBook(long accountId, String currency, LocalDate date) {
        return pool.preparedQuery(BANK_BOOK).execute(Tuple.of(accountId, currency, date))
                .map(rows -> integer(rows.iterator().next().getBigDecimal(0)));
    }

    /**
     * The available balance of each (account, currency) pair, on {@code client}: dispatch passes its connection so
     * that the figure is read under the account locks of its claim.
     */
    public Uni<List<Available>> available(SqlClient client, List<Long> accounts, List<String> currencies) {
        return client.preparedQuery(AVAILABLE)
                .execute(Tuple.of(accounts.toArray(Long[]::new), currencies.toArray(String[]::new)))
                .map(rows -> {
                    List<Available> out = new ArrayList<>(rows.size());
                    rows.forEach(r -> out
                            .add(new Available(r.getLong("account_id"), r.getString("currency"), r.getBoolean("known"),
                                    r.getBigDecimal("available"))));
                    return out;
                });
    }

    /** The available balance of one account in one currency, on the pool. */
    public Uni<Available> available(long accountId, String currency) {
        return available(pool, List.of(accountId), List.of(currency)).map(list -> list.get(0));
    }

    private static BigInteger integer(BigDecimal minor) {
        return minor.toBigIntegerExact();
    }
}
