package io.walletrecon.reports.overview;

import io.walletrecon.reports.RowFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@code GET /reports/overview} answers: money as an exact decimal string in its currency plus the same amount
 * in minor units ({@code ...Minor}), as every report does.
 */
public record OverviewView(String title, LocalDate from, LocalDate to, String company, List<AccountLine> accounts,
        List<ExceptionAges> openExceptions, List<Total> unidentifiedReceipts, List<Total> settlementsNotArrived,
        List<Total> paymentsAwaitingApproval) {

    /**
     * One account in one currency: the balance the provider or bank reported last by the end of the period, our book
     * balance at the end of the period, the difference (book less reported, both at the reported date), the period's
     * items (a bank's lines, a wallet's transactions) and how many a confirmed match reconciles.
     */
    public record AccountLine(String account, String name, String provider, String currency, String bookSource,
            String reportedBalance, Long reportedBalanceMinor, LocalDate reportedAsOf, String bookBalance,
            long bookBalanceMinor, String difference, Long differenceMinor, LocalDate lastStatementDate, long items,
            long matchedItems, BigDecimal matchedShare, long openExceptions) {

        static AccountLine from(OverviewRepository.AccountRow r) {
            BigDecimal share = r.items() == 0
                    ? null
                    : BigDecimal.valueOf(r.matched()).divide(BigDecimal.valueOf(r.items()), 4, RoundingMode.HALF_UP);
            return new AccountLine(r.code(), r.name(), r.provider(), r.currency(), r.bookSource(),
                    decimal(r.reported(), r.currency()), r.reported(), r.reportedAsOf(),
                    decimal(r.book(), r.currency()), r.book(), decimal(r.difference(), r.currency()), r.difference(),
                    r.lastStatement(), r.items(), r.matched(), share, r.openExceptions());
        }
    }

    /** The open exceptions of one account, type and currency, by days since their business date. */
    public record ExceptionAges(String account, String type, String currency, long days0To1, long days2To3,
            long days4To7, long over7Days, long total) {

        static ExceptionAges from(OverviewRepository.AgeRow r) {
            return new ExceptionAges(r.account(), r.type(), r.currency(), r.age0To1(), r.age2To3(), r.age4To7(),
                    r.ageOver7(), r.total());
        }
    }

    /** How many, and how much, in one currency. */
    public record Total(String currency, long count, String amount, long amountMinor) {

        static Total from(OverviewRepository.TotalRow r) {
            return new Total(r.currency(), r.count(), decimal(r.amountMinor(), r.currency()), r.amountMinor());
        }
    }

    static String decimal(Long minor, String currency) {
        return minor == null ? null : RowFormat.plain(minor, currency);
    }
}
