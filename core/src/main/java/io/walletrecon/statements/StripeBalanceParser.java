package io.walletrecon.statements;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Stripe balance transactions as CSV: the itemized balance change report ({@code balance_transaction_id,
 * created_utc, available_on_utc, currency, gross, fee, net, reporting_category, source_id, description,
 * automatic_payout_id, ...}) or the Dashboard export ({@code id, Type, Source, Amount, Fee, Net, Currency,
 * Created (UTC), ..., Transfer}). Amounts are decimals in the major unit; gross − fee must equal net on every line.
 * The line amount is the gross, the fee is kept apart: matching compares the gross with what the customer paid.
 * The itemized report's {@code payment_intent_id} and {@code charge_id} are kept in the line's details
 * ({@link ProviderIds}): notifications key a payment by its PaymentIntent, the report by its charge.
 */
public class StripeBalanceParser implements StatementParser {

    private static final UnaryOperator<String> HEADER = s -> s.strip().toLowerCase(Locale.ROOT);
    private static final UnaryOperator<String> VALUE = String::strip;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    @Override
    public boolean statesPeriod() {
        return false;
    }

    @Override
    public String format() {
        return "stripe";
    }

    @Override
    public boolean detects(String head) {
        String first = head.lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
        return first.contains("balance_transaction_id")
                || (first.contains("\"id\"") || first.startsWith("id,")) && first.contains("net")
                        && first.contains("fee") && first.contains("source");
    }

    @Override
    public void parse(InputStream in, Charset charset, AccountZones zones, StatementSink sink) {
        ZoneId zone = zones.of(null);
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
            String headerLine = Csv.headerLine(reader);
            Columns c = new Columns(Csv.split(headerLine), 1, HEADER);
            c.require("balance_transaction_id", "id");
            c.require("gross", "amount");
            c.require("fee");
            c.require("net");
            c.require("currency");
            c.require("created_utc", "created (utc)", "created");
            LocalDate first = null;
            LocalDate last = null;
            String statementCurrency = null;
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
                String id = c.get(v, VALUE, "balance_transaction_id", "id");
                if (id == null) {
                    throw new StatementFormatException(lineNo, "the balance transaction id is empty");
                }
                String currency = Amounts.currency(String.valueOf(c.get(v, VALUE, "currency")).toUpperCase(Locale.ROOT),
                        lineNo);
                statementCurrency = statementCurrency == null ? currency : statementCurrency;
                long gross = Amounts.minor(required(c.get(v, VALUE, "gross", "amount"), lineNo, "gross"), currency,
                        lineNo, "gross");
                long fee = Amounts.minor(required(c.get(v, VALUE, "fee"), lineNo, "fee"), currency, lineNo, "fee");
                long net = Amounts.minor(required(c.get(v, VALUE, "net"), lineNo, "net"), currency, lineNo, "net");
                if (gross - fee != net) {
                    throw new StatementFormatException(lineNo,
                            "gross " + gross + " minus fee " + fee + " is not net " + net + " (minor units)");
                }
                LocalDate date = date(c.get(v, VALUE, "created_utc", "created (utc)", "created"), zone, lineNo);
                first = first == null || date.isBefore(first) ? date : first;
                last = last == null || date.isAfter(last) ? date : last;
                String category = String.valueOf(c.get(v, VALUE, "reporting_category", "type"))
                        .toLowerCase(Locale.ROOT);
                String kind = switch (category) {
                    case "charge", "payment" -> "payment";
                    case "refund", "payment_refund", "refund_failure", "partial_capture_reversal" -> "refund";
                    case "payout", "payout_reversal", "payout_failure" -> "payout";
                    case "fee", "stripe_fee", "network_cost", "tax", "application_fee" -> "fee";
                    default -> "adjustment";
                };
                String source = c.get(v, VALUE, "source_id", "source");
                String payout = c.get(v, VALUE, "automatic_payout_id", "transfer", "payout_id");
                if (payout == null && kind.equals("payout")) {
                    payout = source;
                }
                String reference = c.get(v, VALUE, "payment_metadata[order_id]", "payment_metadata[reference]",
                        "order_id");
                sink.line(new StatementLine(lineNo, "stripe:" + id, kind, date, date, gross, fee, currency, null,
                        c.get(v, VALUE, "customer_id", "customer"), id, null, source != null ? source : id, reference,
                        payout, c.get(v, VALUE, "description"), line, null,
                        ProviderIds.of(ProviderIds.PAYMENT_INTENT_ID, c.get(v, VALUE, "payment_intent_id"),
                                ProviderIds.CHARGE_ID, c.get(v, VALUE, "charge_id"))));
            }
            sink.statement(StatementHeader.bill("stripe", null, statementCurrency, first, last));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String value, long line, String what) {
        if (value == null) {
            throw new StatementFormatException(line, what + " is empty");
        }
        return value;
    }

    /** Stripe writes UTC timestamps ("2026-03-01 08:15:00"); the business date is in the account's zone. */
    private static LocalDate date(String value, ZoneId zone, long line) {
        if (value == null) {
            throw new StatementFormatException(line, "created is empty");
        }
        try {
            if (value.matches("\\d{1,12}")) {
                return java.time.Instant.ofEpochSecond(Long.parseLong(value)).atZone(zone).toLocalDate();
            }
            return LocalDateTime.parse(value.replace('T', ' ').replace("Z", ""), TIMESTAMP).atOffset(ZoneOffset.UTC)
                    .atZoneSameInstant(zone).toLocalDate();
        } catch (java.time.DateTimeException e) {
            throw new StatementFormatException(line, "'" + value + "' is not a timestamp (yyyy-MM-dd HH:mm:ss, UTC)");
        }
    }
}
