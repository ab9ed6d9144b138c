package io.walletrecon.statements;

import io.walletrecon.money.Money;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO 20022 camt.053 bank-to-customer statement, versions .001.02, .04, .06, .08 and .13, read with StAX (one
 * entry in memory at a time). Balances OPBD (or PRCD) and CLBD; booked entries ({@code Sts} BOOK) with booking and
 * value dates, amount and credit/debit mark, AcctSvcrRef, and per transaction ({@code NtryDtls/TxDtls}) the
 * end-to-end id, related parties and remittance information. A batch entry ({@code Btch}, several TxDtls)
 * becomes one line per transaction, whose amounts must add up to the entry's. Other message types (camt.052,
 * camt.054, pain.*) and unknown versions are rejected rather than read as an empty statement.
 */
public class Camt053Parser implements StatementParser {

    static final Pattern NAMESPACE = Pattern.compile("urn:iso:std:iso:20022:tech:xsd:(\\w+\\.\\d{3})\\.(\\d{3}\\.\\d{2})");
    static final Set<String> VERSIONS = Set.of("001.02", "001.04", "001.06", "001.08", "001.13");

    @Override
    public String format() {
        return "camt053";
    }

    @Override
    public boolean detects(String head) {
        return head.contains("urn:iso:std:iso:20022:tech:xsd:camt.");
    }

    @Override
    public StatementHeader parse(InputStream in, Charset charset, ZoneId zone, Consumer<StatementLine> lines) {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader r;
        try {
            r = factory.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new StatementFormatException(1, "not XML: " + e.getMessage());
        }
        Reader state = new Reader(r, zone, lines);
        try {
            return state.read();
        } catch (XMLStreamException e) {
            long line = e.getLocation() != null ? e.getLocation().getLineNumber() : r.getLocation().getLineNumber();
            throw new StatementFormatException(Math.max(1, line), "malformed XML: " + e.getMessage().replaceAll("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", ""));
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing left to release
            }
        }
    }

    private static final class Reader {
        final XMLStreamReader r;
        final ZoneId zone;
        final Consumer<StatementLine> lines;
        final Deque<String> path = new ArrayDeque<>();
        final StringBuilder text = new StringBuilder();

        String stmtId;
        String account;
        String currency;
        LocalDate from;
        LocalDate to;
        int statements;
        Long opening;
        Long precedingClosing;
        Long closing;
        // balance being read
        String balCode;
        String balAmount;
        String balCcy;
        String balSign;
        int balLine;
        // entry being read
        Entry entry;
        Tx tx;
        int entries;

        Reader(XMLStreamReader r, ZoneId zone, Consumer<StatementLine> lines) {
            this.r = r;
            this.zone = zone;
            this.lines = lines;
        }

        StatementHeader read() throws XMLStreamException {
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
                        text.setLength(0);
                        start(name);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(r.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        end(r.getLocalName(), text.toString().strip());
                        path.pop();
                        text.setLength(0);
                    }
                    default -> { }
                }
            }
            if (statements == 0) {
                throw new StatementFormatException(1, "the document has no statement (BkToCstmrStmt/Stmt)");
            }
            if (opening == null) {
                opening = precedingClosing;
            }
            if (opening == null || closing == null) {
                throw new StatementFormatException(1, "the statement lacks its " + (opening == null ? "opening (OPBD)" : "closing (CLBD)") + " booked balance");
            }
            return new StatementHeader(stmtId, account, currency, from, to, opening, closing);
        }

        void checkMessageType(String rootName, String ns) {
            Matcher m = NAMESPACE.matcher(ns == null ? "" : ns);
            if (!rootName.equals("Document") || !m.matches()) {
                throw new StatementFormatException(line(), "not an ISO 20022 document (root " + rootName + " in namespace '" + ns + "')");
            }
            if (!m.group(1).equals("camt.053")) {
                throw new StatementFormatException(line(), "message type " + m.group(1) + "." + m.group(2)
                        + " is not a bank-to-customer statement; only camt.053 is imported here");
            }
            if (!VERSIONS.contains(m.group(2))) {
                throw new StatementFormatException(line(), "camt.053 version " + m.group(2) + " is not supported (supported: "
                        + String.join(", ", VERSIONS.stream().sorted().toList()) + ")");
            }
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
            switch (name) {
                case "Stmt" -> {
                    statements++;
                    if (statements > 1) {
                        throw new StatementFormatException(line(), "the document holds more than one statement; upload one account's statement per file");
                    }
                }
                case "Bal" -> {
                    balCode = null;
                    balAmount = null;
                    balCcy = null;
                    balSign = null;
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
                default -> { }
            }
        }

        void end(String name, String value) {
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
                case "AddtlNtryInf" -> entry.info = value;
                default -> { }
            }
        }

        void statementLevel(String name, String value) {
            switch (name) {
                case "Id" -> {
                    if (under("Stmt", "Id")) {
                        stmtId = value;
                    } else if (under("Stmt", "Acct", "Id", "Othr", "Id") && account == null) {
                        account = value;
                    }
                }
                case "IBAN" -> {
                    if (under("Stmt", "Acct", "Id", "IBAN")) {
                        account = value;
                    }
                }
                case "Ccy" -> {
                    if (under("Stmt", "Acct", "Ccy")) {
                        currency = Amounts.currency(value, line());
                    }
                }
                case "FrDtTm" -> from = date(value);
                case "ToDtTm" -> to = date(value);
                case "Cd" -> {
                    if (within("Bal") && within("Tp")) {
                        balCode = value;
                    }
                }
                case "Amt" -> {
                    if (within("Bal")) {
                        balAmount = value;
                    }
                }
                case "CdtDbtInd" -> {
                    if (within("Bal")) {
                        balSign = value;
                    }
                }
                case "Bal" -> finishBalance();
                default -> { }
            }
        }

        void finishBalance() {
            if (balCode == null || balAmount == null) {
                throw new StatementFormatException(balLine, "a balance (Bal) without type code or amount");
            }
            String ccy = Amounts.currency(balCcy, balLine);
            currency = currency == null ? ccy : currency;
            long minor = Amounts.minor(balAmount, ccy, balLine, "balance " + balCode);
            if ("DBIT".equals(balSign)) {
                minor = -minor;
            } else if (!"CRDT".equals(balSign)) {
                throw new StatementFormatException(balLine, "balance " + balCode + " has CdtDbtInd '" + balSign + "', not CRDT or DBIT");
            }
            switch (balCode) {
                case "OPBD" -> opening = minor;
                case "PRCD" -> precedingClosing = minor;
                case "CLBD" -> closing = minor;
                default -> { }
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
                    } else if (within("CdtrAcct") && (name.equals("IBAN") || within("Othr")) && tx.creditorAccount == null) {
                        tx.creditorAccount = value;
                    }
                }
                case "Ustrd" -> tx.remittance = tx.remittance == null ? value : tx.remittance + " " + value;
                case "Ref" -> {
                    if (within("CdtrRefInf")) {
                        tx.creditorRef = value;
                    }
                }
                default -> { }
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
            long entryAmount = signed(Amounts.minor(e.amount, ccy, e.line, "entry amount"), e.sign, e.line);
            LocalDate value = e.value != null ? e.value : e.booking;
            if (value == null) {
                throw new StatementFormatException(e.line, "an entry without value date (ValDt) or booking date (BookgDt)");
            }
            String baseKey = "camt053:" + (e.ref != null ? e.ref : stmtId + ":" + entries);
            if (e.txs.size() <= 1) {
                Tx t = e.txs.isEmpty() ? new Tx() : e.txs.get(0);
                lines.accept(line(e, t, entryAmount, ccy, value, baseKey, e.line));
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
                    throw new StatementFormatException(t.line, "batch transaction in " + tccy + " inside an entry in " + ccy);
                }
                long amount = signed(Amounts.minor(t.amount, ccy, t.line, "transaction amount"), t.sign != null ? t.sign : e.sign, t.line);
                sum += amount;
                batch.add(line(e, t, amount, ccy, value, baseKey + "#" + (i + 1), t.line));
            }
            if (sum != entryAmount) {
                throw new StatementFormatException(e.line, "the batch entry's transactions add up to " + Money.ofMinor(sum, ccy).toDecimalString()
                        + " but the entry says " + Money.ofMinor(entryAmount, ccy).toDecimalString());
            }
            if (e.batchCount != null && !e.batchCount.equals(String.valueOf(e.txs.size()))) {
                throw new StatementFormatException(e.line, "the batch declares " + e.batchCount + " transactions (NbOfTxs) but lists " + e.txs.size());
            }
            batch.forEach(lines);
        }

        StatementLine line(Entry e, Tx t, long amount, String ccy, LocalDate value, String key, int lineNo) {
            boolean credit = amount >= 0;
            String party = credit ? t.debtor : t.creditor;
            String partyAccount = credit ? t.debtorAccount : t.creditorAccount;
            String remittance = t.remittance != null ? t.remittance : (t.creditorRef != null ? t.creditorRef : e.info);
            return new StatementLine(lineNo, key, "payment", value, e.booking, amount, null, ccy, party, partyAccount,
                    t.ref != null ? t.ref : e.ref, t.e2e, null, t.creditorRef, null, remittance, null);
        }

        long signed(long amount, String sign, int line) {
            return switch (sign) {
                case "CRDT" -> amount;
                case "DBIT" -> -amount;
                default -> throw new StatementFormatException(line, "CdtDbtInd '" + sign + "' is not CRDT or DBIT");
            };
        }

        LocalDate date(String value) {
            try {
                return value.length() == 10 ? LocalDate.parse(value)
                        : OffsetDateTime.parse(value.length() == 19 ? value + "Z" : value).atZoneSameInstant(zone).toLocalDate();
            } catch (DateTimeParseException e) {
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
    }
}
