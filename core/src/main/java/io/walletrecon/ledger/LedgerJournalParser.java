package io.walletrecon.ledger;

import io.walletrecon.money.Money;
import io.walletrecon.money.MoneyFormatException;
import io.walletrecon.problem.LineErrors;
import io.walletrecon.statements.Csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A company's bank journal (银行日记账) as its ERP exports it: CSV, a header row naming the columns in Chinese or
 * English, one booked entry per row. Columns, by the names ERPs use (case, spaces, underscores and a unit such as
 * "（元）" do not matter):
 * <ul>
 * <li>date: 日期, 记账日期, 业务日期, 凭证日期, 交易日期, date, booking date, posting date;</li>
 * <li>either a signed amount (金额, 发生额, amount; money into the account positive), optionally with a direction
 * column (方向, 借贷方向, direction: 借/debit is in, 贷/credit is out; the amount is then unsigned), or two columns
 * debit and credit (借方金额/借方/收入, debit; 贷方金额/贷方/支出, credit): in the company's books a bank account is
 * an asset, so its debit is money in and its credit money out;</li>
 * <li>optional: voucher (凭证号, 凭证字号, 凭证编号, voucher, voucher no), reference (参考号, 业务参考号, 结算号, 票据号,
 * 单据号, reference), counterparty (对方单位, 对方户名, 对方账户名称, 对方名称, 往来单位, counterparty), memo (摘要, 备注,
 * 用途, memo, description, narrative). Other columns (余额, balance, …) are ignored.</li>
 * </ul>
 * Dates are business dates as written (yyyy-MM-dd, yyyy/M/d, yyyy.MM.dd or yyyyMMdd; a time after the date is a
 * local time of the account and does not move the date). Amounts are exact in the account's currency
 * ({@link Money#parse}); thousands separators are allowed. Every problem is reported with its line and column, and
 * the whole file is refused: the caller stores nothing unless {@link Journal#errors()} is empty.
 *
 * <p>An entry's identity ({@link Entry#key()}) within its account is its voucher number, date and amount when it has
 * a voucher number, else a digest of everything it says; either is numbered among identical rows of the file, so
 * two equal rows are two entries and importing the same file again finds the same keys.
 */
final class LedgerJournalParser {

    private static final int MAX_TEXT = 500;

    private static final Map<String, String> COLUMNS = new HashMap<>();
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})(?:[-/.](\\d{1,2})[-/.](\\d{1,2})|(\\d{2})(\\d{2}))(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)?");
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");

    static {
        columns("date", "日期", "记账日期", "业务日期", "凭证日期", "交易日期", "入账日期", "date", "bookingdate",
                "postingdate", "entrydate");
        columns("amount", "金额", "发生额", "amount", "signedamount");
        columns("direction", "方向", "借贷方向", "借贷", "direction");
        columns("debit", "借方金额", "借方", "收入", "收入金额", "debit", "debitamount");
        columns("credit", "贷方金额", "贷方", "支出", "支出金额", "credit", "creditamount");
        columns("voucher", "凭证号", "凭证字号", "凭证编号", "voucher", "voucherno", "vouchernumber");
        columns("reference", "参考号", "业务参考号", "结算号", "票据号", "单据号", "reference", "ref");
        columns("counterparty", "对方单位", "对方户名", "对方账户名称", "对方名称", "往来单位", "counterparty",
                "counterpartyname");
        columns("memo", "摘要", "备注", "用途", "memo", "description", "narrative");
    }

    private static void columns(String field, String... names) {
        for (String name : names) {
            COLUMNS.put(name, field);
        }
    }

    private LedgerJournalParser() {
    }

    /** One booked entry, money into the account positive. */
    record Entry(int lineNo, String key, LocalDate date, long amountMinor, String voucher, String reference,
            String counterparty, String memo) {
    }

    /** What a file holds: its entries when it has no {@code errors}. */
    record Journal(List<Entry> entries, int rows, LineErrors errors) {
    }

    static Journal parse(BufferedReader in, String currency) throws IOException {
        String headerLine = in.readLine();
        if (headerLine == null || headerLine.isBlank()) {
            return refused(1, null, "the file is empty; the first line must name the columns");
        }
        Header header = Header.of(headerLine.replace("\uFEFF", ""));
        if (header.problem != null) {
            return refused(1, header.problemColumn, header.problem);
        }
        LineErrors errors = new LineErrors();
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int lineNo = 1;
        int rows = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            rows++;
            Entry entry = row(line, lineNo, header, currency, errors);
            if (entry != null) {
                int n = seen.merge(entry.key(), 1, Integer::sum);
                entries.add(new Entry(entry.lineNo(), entry.key() + "#" + n, entry.date(), entry.amountMinor(),
                        entry.voucher(), entry.reference(), entry.counterparty(), entry.memo()));
            }
        }
        if (rows == 0 && errors.count() == 0) {
            return refused(2, null, "the file has a header but no entries");
        }
        return new Journal(errors.count() == 0 ? entries : List.of(), rows, errors);
    }

    private static Journal refused(long line, String column, String message) {
        LineErrors errors = new LineErrors();
        errors.add(line, column, message);
        return new Journal(List.of(), 0, errors);
    }

    private static Entry row(String line, int lineNo, Header h, String currency, LineErrors errors) {
        if (line.indexOf('\0') >= 0) {
            errors.add(lineNo, null, "holds a NUL character (byte 0x00), which is not text; save the file as text");
            return null;
        }
        List<String> v;
        try {
            v = Csv.split(line);
        } catch (IllegalArgumentException e) {
            errors.add(lineNo, null, e.getMessage());
            return null;
        }
        if (v.size() < h.width) {
            errors.add(lineNo, null, "has " + v.size() + " values, the header names " + h.width + " columns");
            return null;
        }
        int before = errors.count();
        LocalDate date = date(h.value(v, "date"), lineNo, h.name("date"), errors);
        Long amount = amount(v, h, currency, lineNo, errors);
        String voucher = text(h.value(v, "voucher"), lineNo, h.name("voucher"), errors);
        String reference = text(h.value(v, "reference"), lineNo, h.name("reference"), errors);
        String counterparty = text(h.value(v, "counterparty"), lineNo, h.name("counterparty"), errors);
        String memo = text(h.value(v, "memo"), lineNo, h.name("memo"), errors);
        if (errors.count() > before) {
            return null;
        }
        String key = voucher != null
                ? "v:" + voucher + "|" + date + "|" + amount
                : "c:" + digest(date + "|" + amount + "|" + reference + "|" + counterparty + "|" + memo);
        return new Entry(lineNo, key, date, amount, voucher, reference, counterparty, memo);
    }

    private static Long amount(List<String> v, Header h, String currency, int lineNo, LineErrors errors) {
        if (h.has("amount")) {
            Long amount = money(h.value(v, "amount"), currency, lineNo, h.name("amount"), errors);
            if (amount == null) {
                return null;
            }
            if (h.has("direction")) {
                String d = h.value(v, "direction");
                String dir = d == null ? "" : d.toLowerCase(Locale.ROOT);
                if (amount < 0) {
                    errors.add(lineNo, h.name("amount"),
                            "must not be negative when the direction column gives the sign");
                    return null;
                }
                if (dir.equals("借") || dir.equals("debit") || dir.equals("dr") || dir.equals("收")) {
                    return nonZero(amount, lineNo, h.name("amount"), errors);
                }
                if (dir.equals("贷") || dir.equals("credit") || dir.equals("cr") || dir.equals("付")) {
                    return nonZero(-amount, lineNo, h.name("amount"), errors);
                }
                errors.add(lineNo, h.name("direction"),
                        "'" + (d == null ? "" : d) + "' is neither 借/debit nor 贷/credit");
                return null;
            }
            return nonZero(amount, lineNo, h.name("amount"), errors);
        }
        String debitText = h.value(v, "debit");
        String creditText = h.value(v, "credit");
        Long debit = debitText == null ? null : money(debitText, currency, lineNo, h.name("debit"), errors);
        Long credit = creditText == null ? null : money(creditText, currency, lineNo, h.name("credit"), errors);
        if ((debitText != null && debit == null) || (creditText != null && credit == null)) {
            return null;
        }
        boolean hasDebit = debit != null && debit != 0;
        boolean hasCredit = credit != null && credit != 0;
        if (hasDebit == hasCredit) {
            errors.add(lineNo, h.name(hasDebit ? "credit" : "debit"),
                    hasDebit
                            ? "and the debit are both filled; an entry is either money in or money out"
                            : "and the credit are both empty or zero; an entry moves money in or out");
            return null;
        }
        long amount = hasDebit ? debit : -credit;
        if ((hasDebit && debit < 0) || (hasCredit && credit < 0)) {
            errors.add(lineNo, h.name(hasDebit ? "debit" : "credit"), "must not be negative");
            return null;
        }
        return amount;
    }

    private static Long nonZero(long amount, int lineNo, String column, LineErrors errors) {
        if (amount == 0) {
            errors.add(lineNo, column, "is zero; an entry moves money in or out");
            return null;
        }
        return amount;
    }

    private static Long money(String text, String currency, int lineNo, String column, LineErrors errors) {
        if (text == null) {
            errors.add(lineNo, column, "is empty");
            return null;
        }
        String plain = GROUPED.matcher(text).matches() ? text.replace(",", "") : text;
        try {
            return Money.parse(plain, currency).minorUnits();
        } catch (MoneyFormatException e) {
            errors.add(lineNo, column, e.getMessage());
            return null;
        }
    }

    private static LocalDate date(String text, int lineNo, String column, LineErrors errors) {
        if (text == null) {
            errors.add(lineNo, column, "is empty");
            return null;
        }
        Matcher m = DATE.matcher(text);
        if (m.matches()) {
            try {
                return m.group(2) != null
                        ? LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3)))
                        : LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(4)),
                                Integer.parseInt(m.group(5)));
            } catch (DateTimeException e) {
                // reported below
            }
        }
        errors.add(lineNo, column, "'" + text + "' is not a date (yyyy-MM-dd, yyyy/M/d or yyyyMMdd)");
        return null;
    }

    private static String text(String value, int lineNo, String column, LineErrors errors) {
        if (value != null && value.length() > MAX_TEXT) {
            errors.add(lineNo, column, "is longer than " + MAX_TEXT + " characters");
            return null;
        }
        return value;
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Which field each column is; a problem with the header row when it cannot be read. */
    private static final class Header {
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, String> names = new HashMap<>();
        final int width;
        String problem;
        String problemColumn;

        private Header(int width) {
            this.width = width;
        }

        static Header of(String line) {
            List<String> cells;
            try {
                cells = Csv.split(line);
            } catch (IllegalArgumentException e) {
                Header h = new Header(0);
                h.problem = e.getMessage();
                return h;
            }
            Header h = new Header(cells.size());
            for (int i = 0; i < cells.size(); i++) {
                String field = COLUMNS.get(normalise(cells.get(i)));
                if (field == null) {
                    continue;
                }
                if (h.index.put(field, i) != null) {
                    h.fail(cells.get(i).strip(), "is a second " + field + " column");
                    return h;
                }
                h.names.put(field, cells.get(i).strip());
            }
            if (!h.has("date")) {
                h.fail("date", "column is missing (日期 or date)");
            } else if (h.has("amount") && (h.has("debit") || h.has("credit"))) {
                h.fail(h.name("amount"), "and debit/credit columns are both given; give one or the other");
            } else if (!h.has("amount") && !(h.has("debit") && h.has("credit"))) {
                h.fail("amount", "column is missing (金额 or amount, or both 借方金额/debit and 贷方金额/credit)");
            } else if (h.has("direction") && !h.has("amount")) {
                h.fail(h.name("direction"), "goes with an amount column (金额 or amount)");
            }
            return h;
        }

        private void fail(String column, String message) {
            problemColumn = column;
            problem = message;
        }

        boolean has(String field) {
            return index.containsKey(field);
        }

        String name(String field) {
            return names.getOrDefault(field, field);
        }

        String value(List<String> v, String field) {
            Integer i = index.get(field);
            if (i == null) {
                return null;
            }
            String s = v.get(i).strip();
            return s.isEmpty() ? null : s;
        }

        private static String normalise(String name) {
            return name.strip().toLowerCase(Locale.ROOT).replaceAll("[（(][^)）]*[)）]", "")
                    .replaceAll("[\\s_\\-.:：]", "");
        }
    }
}
