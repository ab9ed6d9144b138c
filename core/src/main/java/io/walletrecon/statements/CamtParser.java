package io.walletrecon.statements;

import io.walletrecon.money.Money;
import io.walletrecon.web.XmlInput;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO 20022 bank-to-customer cash management messages, read with StAX (one entry in memory at a time): camt.053
 * statements, camt.052 intraday account reports and camt.054 debit/credit notifications, every version in use
 * (.001.02 through .001.13) in the ISO namespace ({@code urn:iso:std:iso:20022:tech:xsd:camt.053.001.08}) or a
 * national variant naming the same message (Austria's {@code ISO:camt.053.001.02:APC:STUZZA:payments:003}). Each
 * {@code Stmt} (or {@code Rpt}, {@code Ntfctn}) is one statement: a document may hold several days or accounts.
 *
 * <p>Statements: balances OPBD (or PRCD) and CLBD in the account's currency; booked entries ({@code Sts} BOOK) with
 * booking and value dates, amount and credit/debit mark, AcctSvcrRef, and per transaction ({@code NtryDtls/TxDtls})
 * the end-to-end id, related parties and remittance information. A batch entry ({@code Btch}, several TxDtls)
 * becomes one line per transaction, whose amounts must add up to the entry's. Reports and notifications bring their
 * booked entries without balances or period (they are not the day's statement; their lines share keys with it, so
 * the statement that follows does not repeat them). Other messages (camt.086, pain.*) and unknown versions are
 * rejected rather than read as empty. Elements nested deeper than {@value #MAX_DEPTH} levels are refused at once:
 * no camt message needs more, and a document built to exhaust a parser stops there.
 */
public class CamtParser implements StatementParser {

    static final Pattern NAMESPACE = Pattern.compile("(?:^|[:.])camt\\.(\\d{3})\\.(\\d{3})\\.(\\d{2})(?:$|[:])");
    static final Set<String> TYPES = Set.of("052", "053", "054");
    static final int MAX_DEPTH = 40;

    private final String type;

    /**
     * The camt.053 reader; it also reads camt.052 and camt.054, which {@link #report()} and {@link #notification()}
     * detect.
     */
    public CamtParser() {
        this("053");
    }

    private CamtParser(String type) {
        this.type = type;
    }

    public static CamtParser report() {
        return new CamtParser("052");
    }

    public static CamtParser notification() {
        return new CamtParser("054");
    }

    @Override
    public String format() {
        return "camt" + type;
    }

    /**
     * camt.052 and camt.054 by their namespace; camt.053 also claims other camt messages so that they are refused by
     * name.
     */
    @Override
    public boolean detects(String head) {
        if (!head.contains("camt.")) {
            return false;
        }
        boolean ours = head.contains("camt." + type + ".");
        return type.equals("053")
                ? ours || (head.contains("<Document") && !head.contains("camt.052.") && !head.contains("camt.054."))
                : ours;
    }

    @Override
    public void parse(InputStream in, Charset charset, AccountZones zones, StatementSink sink) {
        XmlInput.read(in, r -> {
            new Reader(r, zones, sink).read();
            return null;
        }, StatementFormatException::new);
    }

    private static final class Reader {
        final XMLStreamReader r;
        final AccountZones zones;
        final StatementSink sink;
        final Deque<String> path = new ArrayDeque<>();
        final StringBuilder text = new StringBuilder();

        String messageType;
        String container;
        int stmtLine;
        String stmtId;
        String sequence;
        String account;
        String currency;
        // FrDtTm and ToDtTm as written: they come before Acct, whose zone they are read in
        String from;
        String to;
        int statements;
        Long opening;
        Long precedingClosing;
        Long closing;
        // balance being read
        String balCode;
        String balAmount;
        String balCcy;
        String balSign;
        LocalDate balDate;
        LocalDate closingDate;
        int balLine;
        // entry being read
        Entry entry;
        Tx tx;
        int entries;

        final Map<String, Integer> seen = new HashMap<>();

        Reader(XMLStreamReader r, AccountZones zones, StatementSink sink) {
            this.r = r;
            this.zones = zones;
            this.sink = sink;
        }

        void read() throws XMLStreamException {
            boolean root = true;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = r.getLocalName();
                        if (root) {
                            root = false;
                            checkMessageType(name, r.getNamespaceURI());
                        }
                        path.push(name);
                        if (path.size() > MAX_DEPTH) {
                            throw new StatementFormatException(line(), "elements are nested deeper than " + MAX_DEPTH
                                    + " levels; no camt message is, so this is not one");
                        }
                        text.setLength(0);
                        start(name);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(r.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        end(r.getLocalName(), text.toString().strip());
                        path.pop();
                        text.setLength(0);
                    }
                    default -> {
                    }
                }
            }
            if (statements == 0) {
                throw new StatementFormatException(1,
                        "the document has no " + (container == null ? "statement (BkToCstmrStmt/Stmt)" : container));
            }
        }

        void startStatement() {
            statements++;
            stmtLine = line();
            stmtId = null;
            sequence = null;
            account = null;
            currency = null;
            from = null;
            to = null;
            opening = null;
            precedingClosing = null;
            closing = null;
            closingDate = null;
            entries = 0;
            seen.clear();
        }

        void endStatement() {
            String format = "camt" + messageType;
            if (!messageType.equals("053")) {
                // A report or notification is not the day's statement: no balances, no period (see the class comment).
                sink.statement(new StatementHeader(format, stmtId, sequence, account, currency, null, null, null, null,
                        stmtLine));
                return;
            }
            Long open = opening != null ? opening : precedingClosing;
            if (open == null || closing == null) {
                throw new StatementFormatException(stmtLine, "the statement that begins here lacks its "
                        + (open == null ? "opening (OPBD)" : "closing (CLBD)") + " booked balance");
            }
            LocalDate end = to != null ? periodEnd(to) : closingDate;
            LocalDate start = from != null ? date(from) : end;
            sink.statement(new StatementHeader(format, stmtId, sequence, account, currency, start, end, open, closing,
                    stmtLine));
        }

        void checkMessageType(String rootName, String ns) {
            Matcher m = NAMESPACE.matcher(ns == null ? "" : ns);
            if (!rootName.equals("Document") || !m.find()) {
                throw new StatementFormatException(line(),
                        "not an ISO 20022 document (root " + rootName + " in namespace '" + ns + "')");
            }
            String message = "camt." + m.group(1) + "." + m.group(2) + "." + m.group(3);
            if (!TYPES.contains(m.group(1))) {
                throw new StatementFormatException(line(),
                        "message type " + message + " is not a bank-to-customer statement, report or "
                                + "notification (camt.052, camt.053, camt.054)");
            }
            int version = Integer.parseInt(m.group(3));
            if (!m.group(2).equals("001") || version < 2 || version > 13) {
                throw new StatementFormatException(line(),
                        "camt." + m.group(1) + " version " + m.group(2) + "." + m.group(3)
                                + " is not supported (supported: 001.02 to 001.13)");
            }
            messageType = m.group(1);
            container = switch (messageType) {
                case "052" -> "Rpt";
                case "054" -> "Ntfctn";
                default -> "Stmt";
            };
        }

        int line() {
            return r.getLocation().getLineNumber();
        }

        boolean under(String... names) {
            // path is innermost-first
            int i = 0;
            for (String p : path) {
                if (i < names.length && p.equals(names[names.length - 1 - i])) {
                    i++;
                } else {
                    return false;
                }
                if (i == names.length) {
                    return true;
                }
            }
            return i == names.length;
        }

        boolean within(String name) {
            return path.contains(name);
        }

        void start(String name) {
            if (name.equals(container) && path.size() == 3) {
                startStatement();
                return;
            }
            switch (name) {
                case "Bal" -> {
                    balCode = null;
                    balAmount = null;
                    balCcy = null;
                    balSign = null;
                    balDate = null;
                    balLine = line();
                }
                case "Ntry" -> {
                    entry = new Entry(line());
                    entries++;
                }
                case "TxDtls" -> {
                    if (entry != null) {
                        tx = new Tx();
                        tx.line = line();
                    }
                }
                case "Amt" -> {
                    String ccy = r.getAttributeValue(null, "Ccy");
                    if (within("Bal") && !within("Ntry")) {
                        balCcy = ccy;
                    } else if (tx != null) {
                        if (under("TxDtls", "Amt") || under("TxDtls", "AmtDtls", "TxAmt", "Amt")) {
                            tx.ccy = ccy;
                        }
                    } else if (entry != null && under("Ntry", "Amt")) {
                        entry.ccy = ccy;
                    }
                }
                default -> {
                }
            }
        }

        void end(String name, String value) {
            if (name.equals(container) && path.size() == 3) {
                endStatement();
                return;
            }
            if (entry == null) {
                statementLevel(name, value);
                return;
            }
            if (tx != null) {
                if (name.equals("TxDtls")) {
                    entry.txs.add(tx);
                    tx = null;
                    return;
                }
                txLevel(name, value);
                return;
            }
            switch (name) {
                case "Ntry" -> {
                    finishEntry();
                    entry = null;
                }
                case "Amt" -> {
                    if (under("Ntry", "Amt")) {
                        entry.amount = value;
                    }
                }
                case "CdtDbtInd" -> {
                    if (under("Ntry", "CdtDbtInd")) {
                        entry.sign = value;
                    }
                }
                case "Sts", "Cd" -> {
                    if (!value.isEmpty() && (under("Ntry", "Sts") || under("Ntry", "Sts", "Cd"))) {
                        entry.status = value;
                    } else if (name.equals("Cd")) {
                        bankTransactionCode(name, value);
                    }
                }
                case "Dt", "DtTm" -> {
                    if (within("BookgDt")) {
                        entry.booking = date(value);
                    } else if (within("ValDt")) {
                        entry.value = date(value);
                    }
                }
                case "AcctSvcrRef" -> {
                    if (under("Ntry", "AcctSvcrRef")) {
                        entry.ref = value;
                    }
                }
                case "NbOfTxs" -> entry.batchCount = value;
                case "NtryRef" -> entry.ntryRef = value;
                case "Prtry", "SubFmlyCd" -> bankTransactionCode(name, value);
                case "AddtlNtryInf" -> entry.info = value;
                default -> {
                }
            }
        }

        void statementLevel(String name, String value) {
            switch (name) {
                case "Id" -> {
                    if (under(container, "Id")) {
                        stmtId = value;
                    } else if (under(container, "Acct", "Id", "Othr", "Id") && account == null) {
                        account = value;
                    }
                }
                case "IBAN" -> {
                    if (under(container, "Acct", "Id", "IBAN")) {
                        account = value;
                    }
                }
                case "ElctrncSeqNb", "LglSeqNb" -> {
                    if (sequence == null && path.size() == 4) {
                        sequence = value;
                    }
                }
                case "Ccy" -> {
                    if (under(container, "Acct", "Ccy")) {
                        currency = Amounts.currency(value, line());
                    }
                }
                case "FrDtTm" -> from = checked(value);
                case "ToDtTm" -> to = checked(value);
                case "Cd" -> {
                    if (within("Bal") && within("Tp") && !within("SubTp")) {
                        balCode = value;
                    }
                }
                case "Amt" -> {
                    if (under("Bal", "Amt")) {
                        balAmount = value;
                    }
                }
                case "CdtDbtInd" -> {
                    if (under("Bal", "CdtDbtInd")) {
                        balSign = value;
                    }
                }
                case "Dt", "DtTm" -> {
                    if (under("Bal", "Dt", name)) {
                        balDate = date(value);
                    }
                }
                case "Bal" -> finishBalance();
                default -> {
                }
            }
        }

        void finishBalance() {
            if (balCode == null || balAmount == null) {
                throw new StatementFormatException(balLine, "a balance (Bal) without type code or amount");
            }
            if (!messageType.equals("053") || !Set.of("OPBD", "PRCD", "CLBD").contains(balCode)) {
                return;
            }
            String ccy = Amounts.currency(balCcy, balLine);
            if (currency != null && !currency.equals(ccy)) {
                throw new StatementFormatException(balLine,
                        "balance " + balCode + " is in " + ccy + " but the statement is in " + currency);
            }
            currency = ccy;
            long minor = Amounts.minor(balAmount, ccy, balLine, "balance " + balCode);
            if ("DBIT".equals(balSign)) {
                minor = -minor;
            } else if (!"CRDT".equals(balSign)) {
                throw new StatementFormatException(balLine,
                        "balance " + balCode + " has CdtDbtInd '" + balSign + "', not CRDT or DBIT");
            }
            switch (balCode) {
                case "OPBD" -> opening = minor;
                case "PRCD" -> precedingClosing = minor;
                default -> {
                    closing = minor;
                    closingDate = balDate;
                }
            }
        }

        void txLevel(String name, String value) {
            switch (name) {
                case "EndToEndId" -> tx.e2e = "NOTPROVIDED".equals(value) ? null : value;
                case "AcctSvcrRef" -> {
                    if (within("Refs")) {
                        tx.ref = value;
                    }
                }
                case "Amt" -> {
                    if (under("TxDtls", "Amt") || under("TxDtls", "AmtDtls", "TxAmt", "Amt")) {
                        tx.amount = value;
                    }
                }
                case "CdtDbtInd" -> {
                    if (under("TxDtls", "CdtDbtInd")) {
                        tx.sign = value;
                    }
                }
                case "Nm" -> {
                    if (within("RltdPties")) {
                        if (within("Dbtr") && !within("DbtrAcct")) {
                            tx.debtor = value;
                        } else if (within("Cdtr") && !within("CdtrAcct")) {
                            tx.creditor = value;
                        }
                    }
                }
                case "IBAN", "Id" -> {
                    if (within("DbtrAcct") && (name.equals("IBAN") || within("Othr")) && tx.debtorAccount == null) {
                        tx.debtorAccount = value;
                    } else if (within("CdtrAcct") && (name.equals("IBAN") || within("Othr"))
                            && tx.creditorAccount == null) {
                        tx.creditorAccount = value;
                    }
                }
                case "Ustrd" -> tx.remittance = tx.remittance == null ? value : tx.remittance + " " + value;
                case "Ref" -> {
                    if (within("CdtrRefInf")) {
                        tx.creditorRef = value;
                    }
                }
                case "MndtId" -> tx.mandate = value;
                default -> {
                }
            }
        }

        void finishEntry() {
            Entry e = entry;
            if (e.status != null && !e.status.equals("BOOK")) {
                return;
            }
            if (e.amount == null || e.sign == null) {
                throw new StatementFormatException(e.line, "an entry (Ntry) without Amt or CdtDbtInd");
            }
            String ccy = Amounts.currency(e.ccy, e.line);
            if (currency != null && !currency.equals(ccy)) {
                throw new StatementFormatException(e.line,
                        "the entry is in " + ccy + " but the statement is in " + currency);
            }
            currency = ccy;
            long entryAmount = signed(Amounts.minor(e.amount, ccy, e.line, "entry amount"), e.sign, e.line);
            LocalDate value = e.value != null ? e.value : e.booking;
            if (value == null) {
                throw new StatementFormatException(e.line,
                        "an entry without value date (ValDt) or booking date (BookgDt)");
            }
            String baseKey = "camt053:" + (e.ref != null ? e.ref : contentKey(e, entryAmount, value));
            if (e.txs.size() <= 1) {
                Tx t = e.txs.isEmpty() ? new Tx() : e.txs.get(0);
                sink.line(line(e, t, entryAmount, ccy, value, baseKey, e.line));
                return;
            }
            long sum = 0;
            List<StatementLine> batch = new ArrayList<>(e.txs.size());
            for (int i = 0; i < e.txs.size(); i++) {
                Tx t = e.txs.get(i);
                if (t.amount == null) {
                    throw new StatementFormatException(t.line, "a transaction of a batch entry without its own amount");
                }
                String tccy = t.ccy == null ? ccy : Amounts.currency(t.ccy, t.line);
                if (!tccy.equals(ccy)) {
                    throw new StatementFormatException(t.line,
                            "batch transaction in " + tccy + " inside an entry in " + ccy);
                }
                long amount = signed(Amounts.minor(t.amount, ccy, t.line, "transaction amount"),
                        t.sign != null ? t.sign : e.sign, t.line);
                sum += amount;
                batch.add(line(e, t, amount, ccy, value, baseKey + "#" + (i + 1), t.line));
            }
            if (sum != entryAmount) {
                throw new StatementFormatException(e.line,
                        "the batch entry's transactions add up to " + Money.ofMinor(sum, ccy).toDecimalString()
                                + " but the entry says " + Money.ofMinor(entryAmount, ccy).toDecimalString());
            }
            if (e.batchCount != null && !e.batchCount.equals(String.valueOf(e.txs.size()))) {
                throw new StatementFormatException(e.line,
                        "the batch declares " + e.batchCount + " transactions (NbOfTxs) but lists " + e.txs.size());
            }
            batch.forEach(sink::line);
        }

        /**
         * An entry without the bank's reference is known by what it says (key shared by the statement, report and
         * notification that carry it); identical entries of one statement are numbered.
         */
        String contentKey(Entry e, long amount, LocalDate value) {
            StringBuilder b = new StringBuilder().append(e.ntryRef).append('|').append(e.booking).append('|')
                    .append(e.info);
            for (Tx t : e.txs) {
                b.append('|').append(t.e2e).append('|').append(t.ref).append('|').append(t.amount).append('|')
                        .append(t.remittance)
                        .append('|').append(t.debtor).append('|').append(t.creditor).append('|').append(t.debtorAccount)
                        .append('|').append(t.creditorAccount);
            }
            String content = value + ":" + amount + ":" + digest(b.toString());
            return content + "#" + seen.merge(content, 1, Integer::sum);
        }

        StatementLine line(Entry e, Tx t, long amount, String ccy, LocalDate value, String key, int lineNo) {
            boolean credit = amount >= 0;
            String party = credit ? t.debtor : t.creditor;
            String partyAccount = credit ? t.debtorAccount : t.creditorAccount;
            String remittance = t.remittance != null ? t.remittance : (t.creditorRef != null ? t.creditorRef : e.info);
            Map<String, String> details = new LinkedHashMap<>();
            if (e.bankCode != null) {
                details.put("BkTxCd", e.bankCode);
            }
            if (e.ntryRef != null) {
                details.put("NtryRef", e.ntryRef);
            }
            if (t.mandate != null) {
                details.put("MndtId", t.mandate);
            }
            if (e.info != null) {
                details.put("AddtlNtryInf", e.info);
            }
            String kind = LineKinds.ofBankCode(e.subFamily, e.proprietary);
            return new StatementLine(lineNo, key, kind, value, e.booking, amount, null, ccy, party, partyAccount,
                    t.ref != null ? t.ref : e.ref, t.e2e, null, t.creditorRef, null, remittance, null, null, details);
        }

        /**
         * Entry-level bank transaction code: domain/family/sub-family codes joined with '/', or the bank's proprietary
         * code.
         */
        void bankTransactionCode(String name, String value) {
            if (!within("BkTxCd") || value.isEmpty() || tx != null) {
                return;
            }
            entry.bankCode = entry.bankCode == null ? value : entry.bankCode + "/" + value;
            if (name.equals("SubFmlyCd")) {
                entry.subFamily = value;
            } else if (name.equals("Cd") && under("Prtry", "Cd") && entry.proprietary == null) {
                entry.proprietary = value;
            }
        }

        long signed(long amount, String sign, int line) {
            return switch (sign) {
                case "CRDT" -> amount;
                case "DBIT" -> -amount;
                default -> throw new StatementFormatException(line, "CdtDbtInd '" + sign + "' is not CRDT or DBIT");
            };
        }

        /** A date, or the date of a date-time in the account's zone ({@link #local}). */
        LocalDate date(String value) {
            return local(value).toLocalDate();
        }

        /**
         * The last day of a period that ends at {@code value} (ToDtTm): a period ending at midnight ends with the day
         * before it ({@code 2026-10-01T00:00:00} closes September), any other time with its own day.
         */
        LocalDate periodEnd(String value) {
            LocalDateTime end = local(value);
            boolean midnight = value.length() > 10 && end.toLocalTime().equals(LocalTime.MIDNIGHT);
            boolean afterStart = from == null || end.isAfter(local(from));
            return midnight && afterStart ? end.toLocalDate().minusDays(1) : end.toLocalDate();
        }

        /** A date-time as written, refused here (with this line) if it is none; read at the statement's end. */
        String checked(String value) {
            local(value);
            return value;
        }

        /**
         * A date (its start), or a date-time as a local time of the statement's account: one with an offset (or Z)
         * is converted into the account's zone, one without is already a local time there.
         */
        LocalDateTime local(String value) {
            try {
                if (value.length() == 10) {
                    return LocalDate.parse(value).atStartOfDay();
                }
                TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parse(value);
                return t.isSupported(ChronoField.OFFSET_SECONDS)
                        ? OffsetDateTime.from(t).atZoneSameInstant(zones.of(account)).toLocalDateTime()
                        : LocalDateTime.from(t);
            } catch (DateTimeException e) {
                throw new StatementFormatException(line(), "'" + value + "' is not an ISO date or date-time");
            }
        }
    }

    private static final class Entry {
        final int line;
        String amount;
        String ccy;
        String sign;
        String status;
        LocalDate booking;
        LocalDate value;
        String ref;
        String batchCount;
        String info;
        String ntryRef;
        String bankCode;
        String subFamily;
        String proprietary;
        final List<Tx> txs = new ArrayList<>();

        Entry(int line) {
            this.line = line;
        }
    }

    private static final class Tx {
        int line;
        String e2e;
        String ref;
        String amount;
        String ccy;
        String sign;
        String debtor;
        String creditor;
        String debtorAccount;
        String creditorAccount;
        String remittance;
        String creditorRef;
        String mandate;
    }

    static String digest(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
