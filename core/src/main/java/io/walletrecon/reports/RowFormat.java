package io.walletrecon.reports;

import io.walletrecon.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the values of a table's rows are shown: money with its currency's decimals, dates as ISO-8601. */
public final class RowFormat {

    private final List<Column> columns;
    private final int[] currencyIndex;

    public RowFormat(List<Column> columns) {
        this.columns = columns;
        this.currencyIndex = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            currencyIndex[i] = -1;
            Column c = columns.get(i);
            if (c.kind() == Column.Kind.MONEY) {
                for (int j = 0; j < columns.size(); j++) {
                    if (columns.get(j).name().equals(c.currencyColumn())) {
                        currencyIndex[i] = j;
                    }
                }
                if (currencyIndex[i] < 0) {
                    throw new IllegalStateException("money column " + c.name() + " has no currency column");
                }
            }
        }
    }

    public List<Column> columns() {
        return columns;
    }

    public String currencyOf(Object[] row, int i) {
        return (String) row[currencyIndex[i]];
    }

    /** The exact decimal amount of a MONEY cell (null stays null). */
    public BigDecimal decimal(Object[] row, int i) {
        Object v = row[i];
        return v == null ? null : Money.ofMinor((Long) v, currencyOf(row, i)).toDecimal();
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, Integer> DECIMALS = new java.util.concurrent.ConcurrentHashMap<>();

    public static int decimals(String currency) {
        return DECIMALS.computeIfAbsent(currency, c -> Money.zero(c).exponent());
    }

    /** Minor units as a plain decimal string ("-0.50", "1427.30", "500") without a BigDecimal per cell. */
    public static String plain(long minor, String currency) {
        int decimals = decimals(currency);
        if (decimals == 0) {
            return Long.toString(minor);
        }
        String digits = Long.toString(Math.abs(minor));
        if (digits.length() <= decimals) {
            digits = "0".repeat(decimals - digits.length() + 1) + digits;
        }
        int point = digits.length() - decimals;
        return (minor < 0 ? "-" : "") + digits.substring(0, point) + "." + digits.substring(point);
    }

    /** The cell as text, the same in CSV, PDF and JSON. */
    public String text(Object[] row, int i) {
        Object v = row[i];
        if (v == null) {
            return "";
        }
        return switch (columns.get(i).kind()) {
            case MONEY -> plain((Long) v, currencyOf(row, i));
            case TIMESTAMP -> v instanceof Instant t ? t.toString() : v.toString();
            default -> v.toString();
        };
    }

    /**
     * The cell as people read it on paper: {@link #text}, with money grouped by thousands ("1,427.30", "-12,000").
     */
    public String display(Object[] row, int i) {
        Object v = row[i];
        if (v != null && columns.get(i).kind() == Column.Kind.MONEY) {
            return grouped((Long) v, currencyOf(row, i));
        }
        return text(row, i);
    }

    /** Minor units as a decimal with a comma between thousands: "1,234,567.89", "-0.50", "12,000" (JPY). */
    public static String grouped(long minor, String currency) {
        String plain = plain(minor, currency);
        int start = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        int end = point < 0 ? plain.length() : point;
        StringBuilder sb = new StringBuilder(plain.length() + 8).append(plain, 0, start);
        for (int i = start; i < end; i++) {
            if (i > start && (end - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(plain.charAt(i));
        }
        return sb.append(plain, end, plain.length()).toString();
    }

    /**
     * The cell as a spreadsheet (CSV, XLSX) shows it: {@link #text}, with text values that a spreadsheet would run as
     * a formula neutralised ({@link SpreadsheetText}).
     */
    public String spreadsheetText(Object[] row, int i) {
        String text = text(row, i);
        return columns.get(i).kind() == Column.Kind.TEXT ? SpreadsheetText.neutralise(text) : text;
    }

    /** The row as JSON: money as an exact decimal string plus {@code <name>Minor} in minor units. */
    public Map<String, Object> json(Object[] row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            Object v = row[i];
            switch (c.kind()) {
                case MONEY -> {
                    out.put(c.name(), v == null ? null : decimal(row, i).toPlainString());
                    out.put(c.name() + "Minor", v);
                }
                case DATE -> out.put(c.name(), v == null ? null : ((LocalDate) v).toString());
                case TIMESTAMP -> out.put(c.name(), v == null ? null : v.toString());
                default -> out.put(c.name(), v);
            }
        }
        return out;
    }
}
