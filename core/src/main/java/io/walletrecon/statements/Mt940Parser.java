package io.walletrecon.statements;

import io.walletrecon.money.Money;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SWIFT MT940 customer statements, and MT942 interim transaction reports, as banks actually deliver them. A file
 * holds one or more messages: {@code :20:} reference, {@code :25:} account, {@code :28C:} number,
 * {@code :60F:/:60M:} opening, repeated {@code :61:} lines each with an optional multi-line {@code :86:},
 * {@code :62F:/:62M:} closing, optional {@code :64:/:65:}. Each message is one statement and must add up from its
 * opening to its closing balance (C/D mark, D = negative; decimal comma). MT942 has no balances: {@code :34F:} floor
 * limit (its currency), {@code :13D:} time, lines, and {@code :90D:/:90C:} number and sum of debits and credits,
 * which must match the lines.
 *
 * <p>Accepted around and inside the messages: SWIFT blocks {@code {1:}{2:}{3:}{4:} ... -}{5:}}, bank header lines
 * before a message ({@code :940:}, ABN AMRO's {@code ABNANL2A / 940}, ING's {@code 0000 01INGBNL2AXXXX00001}),
 * SOH/ETX control characters, {@code -} or {@code -XXX} trailers, fields wrapped onto following lines (also a line
 * that is just {@code -} inside an {@code :86:}), {@code :61:} lines without the transaction type code or reference,
 * with a funds code, or with padded type codes ({@code S   }), and bank-specific fields ({@code :NS:}) kept with
 * the line. {@code :86:} subfields are parsed by {@link Mt940Details}.
 *
 * <p>Our own parser, not Prowide's pw-swift-core (Apache-2.0, on Maven Central), chosen by running both over the
 * conformance corpus: pw-swift-core's {@code MT940.parse} reads a message only inside SWIFT's {@code {1:}{2:}{4:}}
 * envelope and only the first message of a file, so 7 of the 11 bank files there (Rabobank {@code :940:}, ABN AMRO
 * and ING header lines, Deutsche Bank's 26-message file, mBank's SOH/ETX, Sberbank's {@code :NS:} fields) gave no
 * statement at all, and the envelope files gave one day of 31 (ASN). Making it read them means doing the envelope,
 * header, splitting and wrapping work here anyway; its field classes are instantiated by reflection (a native-image
 * configuration for ~1,900 classes, a 5.5 MB jar) and it parses whole messages in memory, where this reads a file
 * of any size as a stream.
 */
public class Mt940Parser implements StatementParser {

    private static final Pattern TAG = Pattern.compile("^:(\\d{2}[A-Z]?|NS):(.*)$", Pattern.DOTALL);
    private static final Pattern TRAILER = Pattern.compile("^-(?:\\}.*|[A-Z]{0,3})$");
    private static final Pattern BALANCE = Pattern.compile("^([CD])(\\d{6})([A-Z]{3})(\\d{1,15}[,.]\\d{0,3})$");
    private static final Pattern FLOOR = Pattern.compile("^([A-Z]{3})([CD])?(\\d{1,15}[,.]?\\d{0,3})$");
    private static final Pattern TOTAL = Pattern.compile("^(\\d{1,5})([A-Z]{3})(\\d{1,15}[,.]\\d{0,3})$");
    private static final Pattern LINE = Pattern.compile(
            "^(\\d{6})(\\d{4})?(RC|RD|EC|ED|C|D)([A-Z])?(\\d{1,15}[,.]\\d{0,3})([NFS][A-Z0-9 ]{3})?(.*?)(?://(.*))?$");

    private final boolean interim;

    public Mt940Parser() {
        this(false);
    }

    private Mt940Parser(boolean interim) {
        this.interim = interim;
    }

    /** The MT942 interim transaction report reader. */
    public static Mt940Parser mt942() {
        return new Mt940Parser(true);
    }

    @Override
    public String format() {
        return interim ? "mt942" : "mt940";
    }

    @Override
    public boolean detects(String head) {
        boolean swift = head.contains(":20:") && head.contains(":25:");
        boolean balances = head.contains(":60F:") || head.contains(":60M:");
        if (interim) {
            return swift && !balances && (head.contains(":34F:") || head.contains(":13D:") || head.contains(":90D:")
                    || head.contains(":90C:"));
        }
        return swift && balances;
    }

    @Override
    public void parse(InputStream in, Charset charset, AccountZones zones, StatementSink sink) {
        Reader r = new Reader(sink);
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
            String raw;
            int lineNo = 0;
            while ((raw = reader.readLine()) != null) {
                lineNo++;
                r.line(clean(raw), lineNo);
            }
            r.end(lineNo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SOH/ETX and other control characters around a line are transport, not content. */
    private static String clean(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && raw.charAt(start) < 0x20 && raw.charAt(start) != '\t') {
            start++;
        }
        while (end > start && raw.charAt(end - 1) < 0x20) {
            end--;
        }
        return raw.substring(start, end);
    }

    private final class Reader {
        final StatementSink sink;
        // the field being read
        String tag;
        StringBuilder value = new StringBuilder();
        int fieldLine;
        // the message being read
        boolean inMessage;
        int messageLine;
        String reference;
        String sequence;
        String account;
        String currency;
        Long opening;
        Long closing;
        LocalDate openingDate;
        LocalDate closingDate;
        long running;
        long debits;
        long credits;
        long debitCount;
        long creditCount;
        Map<String, Integer> seen = new HashMap<>();
        /** A :61: waiting to see whether an :86: follows. */
        Pending pending;

        Reader(StatementSink sink) {
            this.sink = sink;
        }

        void line(String line, int lineNo) {
            if (line.startsWith("{")) {
                int body = line.indexOf("{4:");
                if (body < 0) {
                    endField();
                    return;
                }
                line = line.substring(body + 3);
                if (line.isEmpty()) {
                    return;
                }
            }
            if (TRAILER.matcher(line).matches() && (line.startsWith("-}") || !"86".equals(tag) || closing != null)) {
                endField();
                endMessage(lineNo);
                return;
            }
            Matcher m = TAG.matcher(line);
            if (m.matches()) {
                endField();
                tag = m.group(1);
                value.setLength(0);
                value.append(m.group(2));
                fieldLine = lineNo;
                if (tag.equals("20")) {
                    startMessage(lineNo);
                } else if (!inMessage) {
                    throw new StatementFormatException(lineNo,
                            "field :" + tag + ": outside a message: a message begins with its reference (:20:)");
                }
            } else if (tag != null) {
                value.append('\n').append(line);
            }
            // Anything else outside a message is a bank's header or envelope line ("940", "ABNANL2A", "{1:...}").
        }

        void end(int lastLine) {
            endField();
            endMessage(lastLine);
            if (messageLine == 0) {
                throw new StatementFormatException(1,
                        "no " + (interim ? "MT942" : "MT940") + " message (:20: ... ) in the file");
            }
        }

        void startMessage(int lineNo) {
            if (inMessage) {
                endMessage(lineNo);
            }
            inMessage = true;
            messageLine = lineNo;
            reference = null;
            sequence = null;
            account = null;
            currency = null;
            opening = null;
            closing = null;
            openingDate = null;
            closingDate = null;
            running = 0;
            debits = 0;
            credits = 0;
            debitCount = 0;
            creditCount = 0;
            seen.clear();
        }

        void endMessage(int lineNo) {
            if (!inMessage) {
                return;
            }
            flushPending();
            inMessage = false;
            if (interim) {
                if (currency == null) {
                    throw new StatementFormatException(messageLine,
                            "the report that begins here has no floor limit (:34F:) naming its currency");
                }
                sink.statement(new StatementHeader("mt942", reference, sequence, account, currency, null, null, null,
                        null, messageLine));
                return;
            }
            if (opening == null) {
                throw new StatementFormatException(messageLine,
                        "the statement that begins here has no opening balance (:60F:)");
            }
            if (closing == null) {
                throw new StatementFormatException(messageLine, "the statement that begins here ends (line " + lineNo
                        + ") without its closing balance (:62F:)");
            }
            sink.statement(new StatementHeader("mt940", reference, sequence, account, currency, openingDate,
                    closingDate, opening, closing,
                    messageLine));
        }

        void endField() {
            if (tag == null) {
                return;
            }
            String t = tag;
            String v = value.toString();
            tag = null;
            if (!t.equals("86") && !t.equals("NS")) {
                flushPending();
            }
            switch (t) {
                case "20" -> reference = Amounts.emptyToNull(v.replace("\n", ""));
                case "25" -> account = Amounts.emptyToNull(v.replace("\n", ""));
                case "28C", "28" -> sequence = Amounts.emptyToNull(v.replace("\n", ""));
                case "60F", "60M" -> opening(balance(v, fieldLine, ":" + t + ":"));
                case "61" -> {
                    requireCurrency(":61:");
                    pending = statementLine(v, fieldLine);
                }
                case "86" -> {
                    if (pending != null && pending.info == null) {
                        pending.info = v;
                    }
                }
                case "NS" -> {
                    if (pending != null) {
                        pending.extra = pending.extra == null ? v : pending.extra + "\n" + v;
                    }
                }
                case "62F", "62M" -> closing(balance(v, fieldLine, ":" + t + ":"), t);
                case "64", "65" -> balance(v, fieldLine, ":" + t + ":");
                case "34F" -> floorLimit(v);
                case "90D", "90C" -> total(v, t.equals("90D"));
                case "13D", "21", "23" -> {
                }
                default -> throw new StatementFormatException(fieldLine,
                        "field :" + t + ": is not part of an " + (interim ? "MT942" : "MT940") + " message");
            }
        }

        void opening(Balance b) {
            if (interim) {
                throw new StatementFormatException(fieldLine,
                        "an MT942 interim report has no opening balance; this is an MT940 statement");
            }
            if (opening != null) {
                throw new StatementFormatException(fieldLine, "a second opening balance in one statement");
            }
            currency = b.currency;
            opening = b.minor;
            openingDate = b.date;
            running = b.minor;
        }

        void closing(Balance b, String t) {
            if (interim) {
                throw new StatementFormatException(fieldLine,
                        "an MT942 interim report has no closing balance; this is an MT940 statement");
            }
            requireCurrency(":" + t + ":");
            if (closing != null) {
                throw new StatementFormatException(fieldLine, "a second closing balance in one statement");
            }
            if (!b.currency.equals(currency)) {
                throw new StatementFormatException(fieldLine,
                        "closing currency " + b.currency + " differs from opening " + currency);
            }
            if (running != b.minor) {
                throw new StatementFormatException(fieldLine,
                        "the statement lines do not add up: opening plus lines is "
                                + Money.ofMinor(running, currency).toDecimalString() + " but the closing balance is "
                                + Money.ofMinor(b.minor, currency).toDecimalString()
                                + " (difference " + Money.ofMinor(b.minor - running, currency).toDecimalString() + ")");
            }
            closing = b.minor;
            closingDate = b.date;
        }

        void floorLimit(String v) {
            Matcher m = FLOOR.matcher(v.replace("\n", "").strip());
            if (!m.matches()) {
                throw new StatementFormatException(fieldLine, ":34F: is not 'currency [D|C] amount': " + v.strip());
            }
            String ccy = Amounts.currency(m.group(1), fieldLine);
            if (currency != null && !currency.equals(ccy)) {
                throw new StatementFormatException(fieldLine, "currency " + ccy + " differs from " + currency);
            }
            currency = ccy;
        }

        void total(String v, boolean debit) {
            Matcher m = TOTAL.matcher(v.replace("\n", "").strip());
            if (!m.matches()) {
                throw new StatementFormatException(fieldLine,
                        ":90" + (debit ? "D" : "C") + ": is not 'count currency amount': " + v.strip());
            }
            flushPending();
            String ccy = Amounts.currency(m.group(2), fieldLine);
            long count = Long.parseLong(m.group(1));
            long sum = Amounts.swift(m.group(3), ccy, fieldLine, ":90" + (debit ? "D" : "C") + ":");
            long actualCount = debit ? debitCount : creditCount;
            long actualSum = debit ? debits : credits;
            if (count != actualCount || sum != actualSum) {
                throw new StatementFormatException(fieldLine,
                        (debit ? "debits" : "credits") + " declared as " + count + " for "
                                + Money.ofMinor(sum, ccy).toDecimalString() + " but the lines are " + actualCount
                                + " for "
                                + Money.ofMinor(actualSum, ccy).toDecimalString());
            }
        }

        void requireCurrency(String what) {
            if (currency == null) {
                throw new StatementFormatException(fieldLine,
                        what + " before " + (interim ? "the floor limit (:34F:)" : "an opening balance (:60F:)"));
            }
            if (!interim && closing != null) {
                throw new StatementFormatException(fieldLine, what + " after the closing balance (:62F:)");
            }
        }

        Pending statementLine(String v, int line) {
            int nl = v.indexOf('\n');
            String first = (nl < 0 ? v : v.substring(0, nl)).stripTrailing();
            String supplementary = nl < 0 ? null : Amounts.emptyToNull(v.substring(nl + 1).replace('\n', ' '));
            Matcher m = LINE.matcher(first);
            if (!m.matches()) {
                throw new StatementFormatException(line,
                        ":61: is not 'YYMMDD[MMDD]C|D|RC|RD amount [type] [reference][//bank reference]': " + first);
            }
            LocalDate valueDate = yymmdd(m.group(1), line);
            LocalDate entryDate = m.group(2) == null ? null : entryDate(m.group(2), valueDate, line);
            long amount = Amounts.swift(m.group(5), currency, line, ":61: amount");
            String mark = m.group(3);
            long signed = mark.equals("C") || mark.equals("RD") || mark.equals("EC") ? amount : -amount;
            String ownerRef = Amounts.emptyToNull(m.group(7));
            if ("NONREF".equals(ownerRef)) {
                ownerRef = null;
            }
            String bankRef = Amounts.emptyToNull(m.group(8));
            if ("NONREF".equals(bankRef)) {
                bankRef = null;
            }
            String type = m.group(6) == null ? null : Amounts.emptyToNull(m.group(6));
            return new Pending(line, valueDate, entryDate, signed, type, m.group(4), ownerRef, bankRef, supplementary,
                    v);
        }

        void flushPending() {
            if (pending == null) {
                return;
            }
            Pending p = pending;
            pending = null;
            try {
                running = Math.addExact(running, p.amount);
                if (p.amount < 0) {
                    debits = Math.subtractExact(debits, p.amount);
                    debitCount++;
                } else {
                    credits = Math.addExact(credits, p.amount);
                    creditCount++;
                }
            } catch (ArithmeticException e) {
                throw new StatementFormatException(p.line, "the amounts add up beyond what an account can hold");
            }
            Mt940Details.Parsed info = Mt940Details.parse(p.info);
            String remittance = info.remittance() != null ? info.remittance() : p.supplementary;
            Map<String, String> details = info.details();
            if (p.type != null) {
                details.put("TYPE", p.type);
            }
            if (p.funds != null) {
                details.put("FUNDS", p.funds);
            }
            if (p.supplementary != null) {
                details.put("SUPP", p.supplementary);
            }
            if (p.extra != null) {
                details.put("NS", p.extra);
            }
            String kind = LineKinds.ofSwiftType(p.type);
            String raw = ":61:" + p.raw + (p.info == null ? "" : "\n:86:" + p.info)
                    + (p.extra == null ? "" : "\n:NS:" + p.extra);
            lines(p, kind, remittance, info, details, raw);
        }

        private void lines(Pending p, String kind, String remittance, Mt940Details.Parsed info,
                Map<String, String> details, String raw) {
            String key;
            if (p.bankRef != null) {
                key = "mt940:" + p.bankRef + ":" + p.valueDate;
            } else {
                // No bank reference: the line is known by what it says; identical lines of one message are numbered.
                String content = "mt940:" + p.valueDate + ":" + p.amount + ":" + digest(raw);
                int n = seen.merge(content, 1, Integer::sum);
                key = content + "#" + n;
            }
            sink.line(new StatementLine(p.line, key, kind, p.valueDate, p.entryDate == null ? p.valueDate : p.entryDate,
                    p.amount, null,
                    currency, info.counterpartyName(), info.counterpartyAccount(), p.bankRef, info.endToEndId(), null,
                    p.ownerRef, null,
                    remittance, raw, null, details));
        }
    }

    private static String digest(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate entryDate(String mmdd, LocalDate valueDate, int line) {
        int month = Integer.parseInt(mmdd.substring(0, 2));
        int day = Integer.parseInt(mmdd.substring(2));
        int year = valueDate.getYear();
        if (month - valueDate.getMonthValue() > 6) {
            year--;
        } else if (valueDate.getMonthValue() - month > 6) {
            year++;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new StatementFormatException(line, "entry date " + mmdd + " is not a date");
        }
    }

    private static Balance balance(String v, int line, String what) {
        String joined = v.replace("\n", "").strip();
        Matcher m = BALANCE.matcher(joined);
        if (!m.matches()) {
            String first = v.lines().findFirst().orElse("").strip();
            m = BALANCE.matcher(first);
            if (!m.matches()) {
                throw new StatementFormatException(line, what + " is not 'C|D YYMMDD currency amount': " + first);
            }
        }
        String currency = Amounts.currency(m.group(3), line);
        long minor = Amounts.swift(m.group(4), currency, line, what);
        return new Balance(m.group(1).equals("D") ? -minor : minor, yymmdd(m.group(2), line), currency);
    }

    static LocalDate yymmdd(String s, int line) {
        try {
            return LocalDate.of(2000 + Integer.parseInt(s.substring(0, 2)), Integer.parseInt(s.substring(2, 4)),
                    Integer.parseInt(s.substring(4, 6)));
        } catch (DateTimeException e) {
            throw new StatementFormatException(line, "'" + s + "' is not a date (YYMMDD)");
        }
    }

    private record Balance(long minor, LocalDate date, String currency) {
    }

    private static final class Pending {
        final int line;
        final LocalDate valueDate;
        final LocalDate entryDate;
        final long amount;
        final String type;
        final String funds;
        final String ownerRef;
        final String bankRef;
        final String supplementary;
        final String raw;
        String info;
        String extra;

        Pending(int line, LocalDate valueDate, LocalDate entryDate, long amount, String type, String funds,
                String ownerRef, String bankRef,
                String supplementary, String raw) {
            this.line = line;
            this.valueDate = valueDate;
            this.entryDate = entryDate;
            this.amount = amount;
            this.type = type;
            this.funds = funds;
            this.ownerRef = ownerRef;
            this.bankRef = bankRef;
            this.supplementary = supplementary;
            this.raw = raw;
        }
    }
}
