package io.walletrecon.reports;

import io.walletrecon.console.Language;
import io.walletrecon.reports.statements.ReportPlan;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A workbook with a "Totals" sheet (every summary table of the report) and a detail sheet, written by fastexcel,
 * which streams: detail rows are flushed to the output every {@value #FLUSH_EVERY} rows, so memory stays flat.
 * Amounts are numeric cells formatted with their currency's decimals (0 for JPY, 2 for CNY, 3 for KWD); text cells
 * that a spreadsheet would run as a formula are neutralised ({@link SpreadsheetText}).
 */
public final class XlsxWriter {

    /** Rows per sheet allowed by the file format, header included. */
    static final int MAX_ROWS = 1_048_576;
    static final int FLUSH_EVERY = 1000;

    private XlsxWriter() {
    }

    /** Writes the workbook of a report plan in English; returns the number of detail rows written. */
    public static long write(OutputStream out, ReportPlan plan, List<Table> summaries, Iterable<Object[]> detail)
            throws IOException {
        return write(out, plan, summaries, detail, Language.EN);
    }

    /** Writes the workbook of a report plan labelled in {@code lang}; returns the number of detail rows written. */
    public static long write(OutputStream out, ReportPlan plan, List<Table> summaries, Iterable<Object[]> detail,
            Language lang) throws IOException {
        return write(out, ReportLabels.of(plan.name().path, lang), plan.parameters(), summaries,
                plan.detail().name(), plan.detail().columns(), detail, lang);
    }

    /**
     * Writes a workbook: a Totals sheet with the title, the parameters and every summary table, and a detail sheet
     * whose header row stays in view (frozen) while scrolling. Column and sheet names print as their
     * {@link ReportLabels}; columns are as wide as their labels and amounts need. Returns the detail rows written.
     */
    public static long write(OutputStream out, String title, Map<String, String> parameters, List<Table> summaries,
            String detailName, List<Column> detailColumns, Iterable<Object[]> detail, Language lang)
            throws IOException {
        Workbook wb = new Workbook(out, "walletrecon", "1.0");
        Worksheet totals = wb.newWorksheet(ReportLabels.of("totals", lang));
        int r = 0;
        totals.value(r, 0, title);
        totals.style(r, 0).bold().set();
        r++;
        int widest = 1;
        for (var p : parameters.entrySet()) {
            totals.value(r, 0, ReportLabels.of(p.getKey(), lang));
            totals.value(r, 1, SpreadsheetText.neutralise(p.getValue()));
            r++;
        }
        for (Table t : summaries) {
            r++;
            totals.value(r, 0, ReportLabels.of(t.name(), lang));
            totals.style(r, 0).bold().set();
            r++;
            r = header(totals, r, t.columns(), lang);
            widest = Math.max(widest, t.columns().size());
            RowFormat f = new RowFormat(t.columns());
            for (Object[] row : t.rows()) {
                cells(totals, r++, f, row);
            }
        }
        for (int c = 0; c < widest; c++) {
            totals.width(c, TOTALS_WIDTH);
        }
        totals.finish();

        Worksheet sheet = wb.newWorksheet(sheetName(ReportLabels.of(detailName, lang)));
        RowFormat f = new RowFormat(detailColumns);
        int row = header(sheet, 0, detailColumns, lang);
        sheet.freezePane(0, 1);
        for (int c = 0; c < detailColumns.size(); c++) {
            sheet.width(c, width(detailColumns.get(c), lang));
        }
        long written = 0;
        for (Object[] values : detail) {
            if (row == MAX_ROWS - 1) {
                // The format ends here; the CSV has no such limit. Say so in the file rather than drop rows silently.
                sheet.value(row, 0, ReportLabels.of("truncated", lang).formatted(MAX_ROWS));
                break;
            }
            cells(sheet, row++, f, values);
            written++;
            if (written % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }
        sheet.finish();
        wb.finish();
        return written;
    }

    /** Width of the Totals sheet's columns, in characters: long labels and amounts fit. */
    static final double TOTALS_WIDTH = 24;

    /**
     * A detail column's width in characters: its label (a Chinese character counts two) or its values, whichever is
     * wider.
     */
    static double width(Column c, Language lang) {
        String label = ReportLabels.of(c.name(), lang);
        int w = 0;
        for (int i = 0; i < label.length(); i++) {
            w += label.charAt(i) > 0x2E80 ? 2 : 1;
        }
        int values = switch (c.kind()) {
            case MONEY -> 16;
            case DATE -> 11;
            case TIMESTAMP -> 21;
            case INTEGER -> 10;
            case TEXT -> 18;
        };
        return Math.min(Math.max(w + 2, values), 60);
    }

    private static int header(Worksheet ws, int r, List<Column> columns, Language lang) {
        for (int c = 0; c < columns.size(); c++) {
            ws.value(r, c, ReportLabels.of(columns.get(c).name(), lang));
            ws.style(r, c).bold().set();
        }
        return r + 1;
    }

    private static void cells(Worksheet ws, int r, RowFormat f, Object[] row) {
        List<Column> columns = f.columns();
        for (int c = 0; c < row.length; c++) {
            Object v = row[c];
            if (v == null) {
                continue;
            }
            switch (columns.get(c).kind()) {
                case MONEY -> {
                    ws.value(r, c, f.decimal(row, c));
                    ws.style(r, c).format(numberFormat(RowFormat.decimals(f.currencyOf(row, c)))).set();
                }
                case INTEGER -> ws.value(r, c, (Long) v);
                case DATE -> {
                    ws.value(r, c, (LocalDate) v);
                    ws.style(r, c).format("yyyy-mm-dd").set();
                }
                default -> ws.value(r, c, f.spreadsheetText(row, c));
            }
        }
    }

    static String numberFormat(int decimals) {
        return decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
    }

    /** A sheet name as Excel allows it: at most 31 characters, none of []:*?/\\, capitalised. */
    private static String sheetName(String s) {
        String clean = s.replaceAll("[\\[\\]:*?/\\\\]", " ");
        clean = Character.toUpperCase(clean.charAt(0)) + clean.substring(1);
        return clean.length() > 31 ? clean.substring(0, 31) : clean;
    }
}
