package io.walletrecon.statements;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SWIFT MT940 customer statement: {@code :20:} reference, {@code :25:} account, {@code :28C:} number,
 * {@code :60F:/:60M:} opening, repeated {@code :61:} lines each with an optional multi-line {@code :86:},
 * {@code :62F:/:62M:} closing, optional {@code :64:/:65:}. Several messages may follow each other in one file
 * (one per day); each must add up from its opening to its closing balance, and each opening must equal the
 * previous closing. Balances carry a C/D mark (D = negative); amounts use a decimal comma.
 *
 * <p>Written by hand: Prowide's pw-swift-core is not available in this build's repository mirror. Streams the
 * file field by field; {@code {1:}{2:}{4:} ... -}} envelopes are accepted.
 */
public class Mt940Parser implements StatementParser {

    private static final Pattern TAG = Pattern.compile("^:(\\d{2}[A-Z]?):(.*)$");
    private static final Pattern BALANCE = Pattern.compile("^([CD])(\\d{6})([A-Z]{3})(\\d{1,15},\\d{0,3})$");
    private static final Pattern LINE = Pattern.compile(
            "^(\\d{6})(\\d{4})?(RC|RD|C|D)([A-Z])?(\\d{1,15},\\d{0,3})([NFS][A-Z0-9]{3})([^\\n]*?)(?://([^\\n]{0,16}))?(?:\\n([\\s\\S]*))?$");

    @Override
    public String format() {
        return "mt940";
    }

    @Override
    public boolean detects(String head) {
        return head.contains(":20:") && head.contains(":25:") && (head.contains(":60F:") || head.contains(":60M:"));
    }

    @Override
    public StatementHeader parse(InputStream in, Charset charset, ZoneId zone, Consumer<StatementLine> lines) {
        State st = new State(lines);
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
            String raw;
            int lineNo = 0;
            while ((raw = reader.readLine()) != null) {
                lineNo++;
                String line = raw;
                if (line.startsWith("{")) {
                    int body = line.indexOf("{4:");
                    if (body < 0) {
                        continue;
                    }
                    line = line.substring(body + 3);
                    if (line.isEmpty()) {
                        continue;
                    }
                }
                if (line.equals("-}") || line.equals("-") || line.startsWith("-}")) {
                    st.field(lineNo);
                    continue;
                }
                Matcher m = TAG.matcher(line);
                if (m.matches()) {
                    st.field(lineNo);
                    st.tag = m.group(1);
                    st.value = new StringBuilder(m.group(2));
                    st.fieldLine = lineNo;
                } else if (st.tag != null) {
                    st.value.append('\n').append(line);
                } else if (!line.isBlank()) {
                    throw new StatementFormatException(lineNo, "text before the first field (:20:)");
                }
            }
            st.field(lineNo + 1);
            st.flushPending();
            if (st.opening == null) {
                throw new StatementFormatException(1, "no opening balance (:60F:)");
            }
            if (st.messageOpen) {
                throw new StatementFormatException(lineNo, "the last statement has no closing balance (:62F:)");
            }
            return new StatementHeader(st.firstReference, st.account, st.currency, st.firstDate, st.lastDate, st.opening, st.closing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class State {
        final Consumer<StatementLine> lines;
        String tag;
        StringBuilder value;
        int fieldLine;

        String reference;
        String firstReference;
        String account;
        String currency;
        Long opening;
        Long closing;
        long running;
        boolean messageOpen;
        LocalDate firstDate;
        LocalDate lastDate;
        int lineCounter;

        /** A :61: waiting to see whether an :86: follows. */
        Pending pending;

        State(Consumer<StatementLine> lines) {
            this.lines = lines;
        }

        void field(int nextLine) {
            if (tag == null) {
                return;
            }
            String t = tag;
            String v = value.toString();
            tag = null;
            if (!t.equals("86")) {
                flushPending();
            }
            switch (t) {
                case "20" -> {
                    if (messageOpen) {
                        throw new StatementFormatException(fieldLine, "a new statement (:20:) starts before the previous one's closing balance (:62F:)");
                    }
                    reference = v.strip();
                    firstReference = firstReference == null ? reference : firstReference;
                }
                case "25" -> {
                    String a = v.strip();
                    if (account != null && !account.equals(a)) {
                        throw new StatementFormatException(fieldLine, "account " + a + " differs from " + account + " earlier in the file");
                    }
                    account = a;
                }
                case "28C", "28" -> { }
                case "60F", "60M" -> {
                    Balance b = balance(v, fieldLine, ":" + t + ":");
                    if (currency != null && !currency.equals(b.currency)) {
                        throw new StatementFormatException(fieldLine, "currency " + b.currency + " differs from " + currency);
                    }
                    currency = b.currency;
                    if (closing != null && closing != b.minor) {
                        throw new StatementFormatException(fieldLine, "opening balance " + b.minor + " differs from the previous closing balance "
                                + closing + " (minor units)");
                    }
                    if (opening == null) {
                        opening = b.minor;
                        firstDate = b.date;
                    }
                    running = b.minor;
                    messageOpen = true;
                }
                case "61" -> {
                    requireOpen(":61:");
                    pending = statementLine(v, fieldLine);
                }
                case "86" -> {
                    if (pending != null && pending.info == null) {
                        pending.info = v;
                    }
                }
                case "62F", "62M" -> {
                    requireOpen(":" + t + ":");
                    Balance b = balance(v, fieldLine, ":" + t + ":");
                    if (!b.currency.equals(currency)) {
                        throw new StatementFormatException(fieldLine, "closing currency " + b.currency + " differs from opening " + currency);
                    }
                    if (running != b.minor) {
                        throw new StatementFormatException(fieldLine, "the statement lines do not add up: opening plus lines is "
                                + io.walletrecon.money.Money.ofMinor(running, currency).toDecimalString() + " but the closing balance is "
                                + io.walletrecon.money.Money.ofMinor(b.minor, currency).toDecimalString()
                                + " (difference " + io.walletrecon.money.Money.ofMinor(b.minor - running, currency).toDecimalString() + ")");
                    }
                    closing = b.minor;
                    lastDate = b.date;
                    messageOpen = false;
                }
                case "64", "65", "13D", "34F", "90D", "90C", "21" -> { }
                default -> throw new StatementFormatException(fieldLine, "field :" + t + ": is not part of an MT940 statement");
            }
        }

        void requireOpen(String what) {
            if (!messageOpen) {
                throw new StatementFormatException(fieldLine, what + " before an opening balance (:60F:)");
            }
        }

        Pending statementLine(String v, int line) {
            Matcher m = LINE.matcher(v);
            if (!m.matches()) {
                throw new StatementFormatException(line, ":61: is not 'YYMMDD[MMDD]C|D|RC|RD amount type reference[//bank reference]': " + v.lines().findFirst().orElse(""));
            }
            LocalDate valueDate = yymmdd(m.group(1), line);
            LocalDate entryDate = null;
            if (m.group(2) != null) {
                int month = Integer.parseInt(m.group(2).substring(0, 2));
                int day = Integer.parseInt(m.group(2).substring(2));
                int year = valueDate.getYear();
                if (month - valueDate.getMonthValue() > 6) {
                    year--;
                } else if (valueDate.getMonthValue() - month > 6) {
                    year++;
                }
                try {
                    entryDate = LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    throw new StatementFormatException(line, "entry date " + m.group(2) + " is not a date");
                }
            }
            long amount = Amounts.swift(m.group(5), currency, line, ":61: amount");
            String mark = m.group(3);
            long signed = mark.equals("C") || mark.equals("RD") ? amount : -amount;
            String ownerRef = Amounts.emptyToNull(m.group(7));
            if ("NONREF".equals(ownerRef)) {
                ownerRef = null;
            }
            String bankRef = Amounts.emptyToNull(m.group(8));
            String supplementary = Amounts.emptyToNull(m.group(9));
            return new Pending(line, valueDate, entryDate, signed, m.group(6), ownerRef, bankRef, supplementary, v);
        }

        void flushPending() {
            if (pending == null) {
                return;
            }
            Pending p = pending;
            pending = null;
            lineCounter++;
            running += p.amount;
            String remittance = p.info == null ? p.supplementary : remittance(p.info);
            String name = null;
            String partyAccount = null;
            String e2e = null;
            if (p.info != null && p.info.contains("?")) {
                String joined = p.info.replace("\n", "");
                name = Amounts.emptyToNull(sub(joined, "32") + sub(joined, "33"));
                partyAccount = Amounts.emptyToNull(sub(joined, "31"));
                Matcher e = Pattern.compile("EREF\\+([^?]*)").matcher(remittance == null ? "" : remittance);
                if (e.find()) {
                    e2e = Amounts.emptyToNull(e.group(1));
                }
            }
            String kind = p.type.endsWith("CHG") || p.type.equals("NCOM") ? "fee" : "payment";
            String key = "mt940:" + (p.bankRef != null ? p.bankRef + ":" + p.valueDate : reference + ":" + lineCounter);
            lines.accept(new StatementLine(p.line, key, kind, p.valueDate, p.entryDate == null ? p.valueDate : p.entryDate,
                    p.amount, null, currency, name, partyAccount, p.bankRef, e2e, null, p.ownerRef, null, remittance,
                    ":61:" + p.raw + (p.info == null ? "" : "\n:86:" + p.info)));
        }

        /** Structured :86: (?20..?29 purpose) joins its subfields; free text joins its lines with spaces. */
        static String remittance(String info) {
            if (info.contains("?2")) {
                String joined = info.replace("\n", "");
                StringBuilder purpose = new StringBuilder();
                for (int i = 20; i <= 29; i++) {
                    purpose.append(sub(joined, String.valueOf(i)));
                }
                for (int i = 60; i <= 63; i++) {
                    purpose.append(sub(joined, String.valueOf(i)));
                }
                return Amounts.emptyToNull(purpose.toString());
            }
            return Amounts.emptyToNull(String.join(" ", info.lines().map(String::strip).toList()));
        }

        static String sub(String joined, String code) {
            int i = joined.indexOf("?" + code);
            if (i < 0) {
                return "";
            }
            int end = joined.indexOf('?', i + 3);
            return joined.substring(i + 3, end < 0 ? joined.length() : end);
        }

        static Balance balance(String v, int line, String what) {
            Matcher m = BALANCE.matcher(v.strip());
            if (!m.matches()) {
                throw new StatementFormatException(line, what + " is not 'C|D YYMMDD currency amount': " + v.strip());
            }
            String currency = Amounts.currency(m.group(3), line);
            long minor = Amounts.swift(m.group(4), currency, line, what);
            return new Balance(m.group(1).equals("D") ? -minor : minor, yymmdd(m.group(2), line), currency);
        }

        static LocalDate yymmdd(String s, int line) {
            try {
                return LocalDate.of(2000 + Integer.parseInt(s.substring(0, 2)), Integer.parseInt(s.substring(2, 4)), Integer.parseInt(s.substring(4, 6)));
            } catch (DateTimeException e) {
                throw new StatementFormatException(line, "'" + s + "' is not a date (YYMMDD)");
            }
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
        final String ownerRef;
        final String bankRef;
        final String supplementary;
        final String raw;
        String info;

        Pending(int line, LocalDate valueDate, LocalDate entryDate, long amount, String type, String ownerRef, String bankRef,
                String supplementary, String raw) {
            this.line = line;
            this.valueDate = valueDate;
            this.entryDate = entryDate;
            this.amount = amount;
            this.type = type;
            this.ownerRef = ownerRef;
            this.bankRef = bankRef;
            this.supplementary = supplementary;
            this.raw = raw;
        }
    }
}
