package io.walletrecon.statements;

import io.walletrecon.money.Money;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Stripe's balance summary report ({@code balance.summary.1}, Dashboard → Reports → Balance → Summary, CSV): the
 * columns {@code category, description, net_amount, currency} and per currency the rows {@code starting_balance},
 * the activity of the period ({@code activity}, or rows per kind of activity such as charges, refunds and fees),
 * {@code payouts} and {@code ending_balance}; amounts are decimals in the major unit. Each currency is one statement
 * with opening = starting balance, closing = ending balance and no lines ({@link StatementHeader#balancesOnly}); its
 * period is the one the uploader gives ({@code from}/{@code to}), as the report does not state it. A currency whose
 * starting balance plus activity plus payouts is not its ending balance is refused on its {@code ending_balance} row.
 * Where an {@code activity} row is present, {@code activity_gross} and {@code activity_fee} are its breakdown and
 * not counted again; without it, every row other than the balances counts as activity.
 */
public class StripeSummaryParser implements StatementParser {

    public static final String FORMAT = "stripe-summary";

    private static final UnaryOperator<String> HEADER = s -> s.strip().toLowerCase(Locale.ROOT);
    private static final UnaryOperator<String> VALUE = String::strip;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean statesPeriod() {
        return false;
    }

    @Override
    public boolean detects(String head) {
        List<String> columns;
        try {
            columns = Csv.split(head.lines().findFirst().orElse("")).stream().map(HEADER).toList();
        } catch (IllegalArgumentException e) {
            return false;
        }
        return columns.contains("category") && columns.contains("net_amount") && columns.contains("currency")
                && !columns.contains("balance_transaction_id");
    }

    /** What one currency's rows say, in minor units. */
    private static final class Summary {
        Long starting;
        Long ending;
        long endingLine;
        Long activity;
        long payouts;
        long breakdown;
        long other;

        long movement() {
            return (activity != null ? activity : breakdown + other) + payouts;
        }
    }

    @Override
    public void parse(InputStream in, Charset charset, AccountZones zones, StatementSink sink) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset));
            String headerLine = reader.readLine();
            if (headerLine == null) {
                throw new StatementFormatException(1, "the file is empty");
            }
            Columns c = new Columns(Csv.split(headerLine), 1, HEADER);
            c.require("category");
            c.require("net_amount");
            c.require("currency");
            Map<String, Summary> byCurrency = new LinkedHashMap<>();
            int lineNo = 1;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> v = Csv.cells(line, lineNo);
                if (v.size() != c.size()) {
                    throw new StatementFormatException(lineNo,
                            "has " + v.size() + " values, the header names " + c.size() + " columns");
                }
                String category = c.get(v, VALUE, "category");
                if (category == null) {
                    throw new StatementFormatException(lineNo, "the category is empty");
                }
                String currency = Amounts.currency(String.valueOf(c.get(v, VALUE, "currency")).toUpperCase(Locale.ROOT),
                        lineNo);
                String amount = c.get(v, VALUE, "net_amount");
                if (amount == null) {
                    throw new StatementFormatException(lineNo, "net_amount is empty");
                }
                long minor = Amounts.minor(amount, currency, lineNo, "net_amount");
                Summary s = byCurrency.computeIfAbsent(currency, k -> new Summary());
                switch (category.toLowerCase(Locale.ROOT)) {
                    case "starting_balance" -> {
                        if (s.starting != null) {
                            throw new StatementFormatException(lineNo, "a second starting_balance for " + currency);
                        }
                        s.starting = minor;
                    }
                    case "ending_balance" -> {
                        if (s.ending != null) {
                            throw new StatementFormatException(lineNo, "a second ending_balance for " + currency);
                        }
                        s.ending = minor;
                        s.endingLine = lineNo;
                    }
                    case "activity" -> s.activity = minor;
                    case "activity_gross", "activity_fee" -> s.breakdown += minor;
                    case "payouts", "payout" -> s.payouts += minor;
                    default -> s.other += minor;
                }
            }
            if (byCurrency.isEmpty()) {
                throw new StatementFormatException(1, "the report holds no balances");
            }
            for (Map.Entry<String, Summary> e : byCurrency.entrySet()) {
                String currency = e.getKey();
                Summary s = e.getValue();
                if (s.starting == null || s.ending == null) {
                    throw new StatementFormatException(s.ending == null ? lineNo : s.endingLine,
                            "the report states no " + (s.starting == null ? "starting_balance" : "ending_balance")
                                    + " for " + currency);
                }
                if (s.starting + s.movement() != s.ending) {
                    throw new StatementFormatException(s.endingLine, "the summary does not add up: starting balance "
                            + Money.ofMinor(s.starting, currency) + " plus activity and payouts "
                            + Money.ofMinor(s.movement(), currency) + " is "
                            + Money.ofMinor(s.starting + s.movement(), currency) + " but the ending balance is "
                            + Money.ofMinor(s.ending, currency));
                }
                sink.statement(StatementHeader.balancesOnly(FORMAT, currency, s.starting, s.ending, s.endingLine));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
