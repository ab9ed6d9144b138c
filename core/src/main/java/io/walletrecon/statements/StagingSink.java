package io.walletrecon.statements;

import io.walletrecon.money.Money;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Receives a parser's output, checks each line and each statement on its own (one currency, dates the database can
 * hold, lines that add up from the opening to the closing balance) and streams the lines into the staging table.
 * What it keeps per statement is small (counts, sums, a digest of the line keys), so a file of any size passes
 * in constant memory.
 */
final class StagingSink implements StatementSink {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    /**
     * One statement as staged: its header, its lines' count and sum, its identity ({@code key}: which statement it
     * is) and its content ({@code content}: what it says, its lines in any order). A statement with a period is
     * identified by its account, format, currency, sequence number and period, so a re-download (another export time
     * or message id) is the same statement, and one with other lines or balances is a corrected re-issue of it; a
     * report without a period
     * (intraday camt.052/054, MT942) is identified by its content. Neither includes the statement's own id or the
     * file's creation time.
     */
    record Staged(int no, StatementHeader header, String format, String currency, long lines, long sum, String key,
            String content) {
    }

    /** Where staged rows go: a COPY into statement_lines_staging ({@link PgCopy#row}). */
    @FunctionalInterface
    interface RowWriter {
        void row(Object... values);
    }

    private final RowWriter copy;
    private final UUID batch;
    private final String defaultFormat;
    private final Period declared;
    private final boolean statesPeriod;
    private final List<Staged> statements = new ArrayList<>();
    private final MessageDigest lineKey = sha256();
    /** The XOR of the SHA-256 of each line key: the same set of lines in any order gives the same content. */
    private byte[] keys = new byte[32];
    private String lineCurrency;
    private long lines;
    private long sum;
    private int firstLine;

    StagingSink(RowWriter copy, UUID batch, String defaultFormat) {
        this(copy, batch, defaultFormat, null, true);
    }

    /**
     * @param declared the period the uploader says the file covers (for bills that do not state one, such as a WeChat
     *     Pay trade bill or a Stripe balance report), or null
     * @param statesPeriod whether the format states its period ({@link StatementParser#statesPeriod()}); where it
     *     does not, the header's period is that of its lines and the declared one replaces it
     */
    StagingSink(RowWriter copy, UUID batch, String defaultFormat, Period declared, boolean statesPeriod) {
        this.copy = copy;
        this.batch = batch;
        this.defaultFormat = defaultFormat;
        this.declared = declared;
        this.statesPeriod = statesPeriod;
    }

    /** The days a statement covers, first and last included. */
    record Period(LocalDate start, LocalDate end) {
    }

    @Override
    public void line(StatementLine line) {
        check(line);
        checkDeclared(line);
        if (lineCurrency == null) {
            lineCurrency = line.currency();
            firstLine = line.lineNo();
        } else if (!lineCurrency.equals(line.currency())) {
            throw new StatementFormatException(line.lineNo(),
                    "currency " + line.currency() + " differs from " + lineCurrency
                            + " earlier in the statement; one statement holds one currency");
        }
        try {
            sum = Math.addExact(sum, line.amountMinor());
        } catch (ArithmeticException e) {
            throw new StatementFormatException(line.lineNo(), "the amounts add up beyond what an account can hold");
        }
        lines++;
        byte[] digest = lineKey.digest(line.key().getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < keys.length; i++) {
            keys[i] ^= digest[i];
        }
        copy.row(batch, statements.size(), line.lineNo(), line.key(), line.kind(), line.valueDate(), line.bookingDate(),
                line.amountMinor(),
                line.feeMinor(), line.currency(), line.counterpartyName(), line.counterpartyAccount(),
                line.bankReference(),
                line.endToEndId(), line.providerTxnId(), line.merchantReference(), line.payoutId(),
                line.remittanceInfo(), line.raw(),
                line.balanceAfterMinor(), json(line.details()));
    }

    private static void check(StatementLine line) {
        if (line.key() == null || line.key().isBlank()) {
            throw new StatementFormatException(line.lineNo(),
                    "the line has no identity (transaction id or bank reference)");
        }
        if (!LineKinds.ALL.contains(line.kind())) {
            throw new IllegalStateException("parser produced kind " + line.kind());
        }
        checkDate(line.valueDate(), line.lineNo(), "value date");
        if (line.bookingDate() != null) {
            checkDate(line.bookingDate(), line.lineNo(), "booking date");
        }
    }

    /**
     * A line dated after the declared period cannot be on a bill of that period; one dated before it can (a payment
     * at 23:59 booked on the next day's bill).
     */
    private void checkDeclared(StatementLine line) {
        if (declared != null && line.valueDate().isAfter(declared.end())) {
            throw new StatementFormatException(line.lineNo(), "the line is dated " + line.valueDate()
                    + ", after the period " + declared.start() + " to " + declared.end() + " given for this upload");
        }
    }

    private static void checkDate(LocalDate date, long line, String what) {
        if (date == null) {
            throw new StatementFormatException(line, "the " + what + " is missing");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new StatementFormatException(line, "the " + what + " " + date + " is not a plausible date");
        }
    }

    @Override
    public void statement(StatementHeader stated) {
        long line = stated.line() > 0 ? stated.line() : Math.max(1, firstLine);
        StatementHeader h = withDeclaredPeriod(stated, line);
        String currency = h.currency() != null ? h.currency() : lineCurrency;
        if (lineCurrency != null && !lineCurrency.equals(currency)) {
            throw new StatementFormatException(firstLine,
                    "the lines are in " + lineCurrency + " but the statement is in " + currency);
        }
        if (h.periodStart() != null) {
            checkDate(h.periodStart(), line, "period start");
        }
        if (h.periodEnd() != null) {
            checkDate(h.periodEnd(), line, "period end");
        }
        if (h.balancesOnly()) {
            checkBalancesOnly(h, line);
        } else if (h.hasBalances() && h.openingBalanceMinor() + sum != h.closingBalanceMinor()) {
            long difference = h.closingBalanceMinor() - h.openingBalanceMinor() - sum;
            throw new Unbalanced(line,
                    "The lines do not add up: opening " + Money.ofMinor(h.openingBalanceMinor(), currency)
                            + " plus lines " + Money.ofMinor(sum, currency) + " is "
                            + Money.ofMinor(h.openingBalanceMinor() + sum, currency)
                            + " but the closing balance is " + Money.ofMinor(h.closingBalanceMinor(), currency)
                            + " (difference " + Money.ofMinor(difference, currency) + ")");
        }
        String format = h.format() != null ? h.format() : defaultFormat;
        MessageDigest contentDigest = sha256();
        contentDigest.update(keys);
        contentDigest.update(String
                .join("|", format, String.valueOf(h.accountInFile()), String.valueOf(currency),
                        String.valueOf(lines), String.valueOf(h.openingBalanceMinor()),
                        String.valueOf(h.closingBalanceMinor()))
                .getBytes(StandardCharsets.UTF_8));
        String content = "c:" + HexFormat.of().formatHex(contentDigest.digest());
        String key = h.periodEnd() == null
                ? content
                : "p:" + HexFormat.of().formatHex(sha256().digest(String
                        .join("|", format, String.valueOf(h.accountInFile()), String.valueOf(currency),
                                String.valueOf(h.sequence()), String.valueOf(h.periodStart()),
                                String.valueOf(h.periodEnd()))
                        .getBytes(StandardCharsets.UTF_8)));
        statements.add(new Staged(statements.size(), h, format, currency, lines, sum, key, content));
        keys = new byte[32];
        lineCurrency = null;
        lines = 0;
        sum = 0;
        firstLine = 0;
    }

    /**
     * A balances-only report (opening and closing, nothing between) is taken without lines, so it must have none, and
     * it must have both balances and a period: the uploader's, as such a report does not state it.
     */
    private void checkBalancesOnly(StatementHeader h, long line) {
        if (lines > 0) {
            throw new IllegalStateException("the parser delivered lines for a balances-only statement");
        }
        if (!h.hasBalances()) {
            throw new StatementFormatException(line, "the report states no opening or no closing balance");
        }
        if (h.periodEnd() == null) {
            throw new StatementFormatException(line, "a " + h.format() + " report does not state its period:"
                    + " give the first and last day it covers as from and to");
        }
    }

    private StatementHeader withDeclaredPeriod(StatementHeader h, long line) {
        if (declared == null) {
            return h;
        }
        if (h.periodEnd() == null || !statesPeriod) {
            return h.withPeriod(declared.start(), declared.end());
        }
        if (!declared.end().equals(h.periodEnd()) || !declared.start().equals(h.periodStart())) {
            throw new StatementFormatException(line, "the file states its period as " + h.periodStart() + " to "
                    + h.periodEnd() + " but the upload gives " + declared.start() + " to " + declared.end()
                    + "; leave from and to out for a file that states its period");
        }
        return h;
    }

    /** The statements read; a parser that delivered lines after its last statement is a programming error. */
    List<Staged> statements() {
        if (lines > 0) {
            throw new IllegalStateException("the parser delivered " + lines + " lines after its last statement");
        }
        return statements;
    }

    /** Lines that do not add up to the statement's closing balance; the message is the whole problem detail. */
    static final class Unbalanced extends StatementFormatException {
        Unbalanced(long line, String message) {
            super(line, message);
        }
    }

    static String json(Map<String, String> details) {
        if (details == null || details.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder(64).append('{');
        for (Map.Entry<String, String> e : details.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            if (b.length() > 1) {
                b.append(',');
            }
            quote(e.getKey(), b);
            b.append(':');
            quote(e.getValue(), b);
        }
        return b.append('}').toString();
    }

    private static void quote(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
