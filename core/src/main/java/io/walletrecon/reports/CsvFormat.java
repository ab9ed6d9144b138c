package io.walletrecon.reports;

import io.walletrecon.console.Language;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV: CRLF line ends, fields with a comma, quote, CR or LF quoted, quotes doubled. The file starts with a
 * UTF-8 byte order mark, which is what makes spreadsheet programs read Chinese names as UTF-8. Text that a
 * spreadsheet would run as a formula is neutralised ({@link SpreadsheetText}).
 */
public final class CsvFormat {

    public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvFormat() {
    }

    /** The BOM and the header row, each column named by its field name (as in JSON), for programs. */
    public static byte[] header(List<Column> columns) {
        return header(columns, null);
    }

    /**
     * The BOM and the header row, each column named by its {@link ReportLabels label} in {@code language}, or by its
     * field name when {@code language} is null.
     */
    public static byte[] header(List<Column> columns, Language language) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String name = columns.get(i).name();
            field(sb, language == null ? name : ReportLabels.of(name, language));
        }
        sb.append("\r\n");
        byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(text, 0, out, BOM.length, text.length);
        return out;
    }

    public static void line(StringBuilder sb, RowFormat format, Object[] row) {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            field(sb, format.spreadsheetText(row, i));
        }
        sb.append("\r\n");
    }

    public static void field(StringBuilder sb, String value) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            sb.append(value);
            return;
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
