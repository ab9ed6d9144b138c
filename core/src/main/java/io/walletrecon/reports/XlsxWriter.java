package io.walletrecon.reports;

import io.walletrecon.reports.statements.ReportPlan;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

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

    /** Writes the workbook; returns the number of detail rows written. */
    public static long write(OutputStream out, ReportPlan plan, List<Table> summaries, Iterable<Object[]> detail)
            throws IOException {
        Workbook wb = new Workbook(out, "walletrecon", "1.0");
        Worksheet totals = wb.newWorksheet("Totals");
        int r = 0;
        totals.value(r, 0, plan.name().title);
        totals.style(r, 0).bold().set();
        r++;
        for (var p : plan.parameters().entrySet()) {
            totals.value(r, 0, p.getKey());
            totals.value(r, 1, SpreadsheetText.neutralise(p.getValue()));
            r++;
        }
        for (Table t : summaries) {
            r++;
            totals.value(r, 0, t.name());
            totals.style(r, 0).bold().set();
            r++;
            r = header(totals, r, t.columns());
            RowFormat f = new RowFormat(t.columns());
            for (Object[] row : t.rows()) {
                cells(totals, r++, f, row);
            }
        }
        totals.finish();

        Worksheet sheet = wb.newWorksheet(capitalised(plan.detail().name()));
        RowFormat f = new RowFormat(plan.detail().columns());
        int row = header(sheet, 0, plan.detail().columns());
        long written = 0;
        for (Object[] values : detail) {
            if (row == MAX_ROWS - 1) {
                // The format ends here; the CSV has no such limit. Say so in the file rather than drop rows silently.
                sheet.value(row, 0,
                        "truncated: an XLSX sheet holds at most " + MAX_ROWS + " rows; export CSV for all rows");
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

    private static int header(Worksheet ws, int r, List<Column> columns) {
        for (int c = 0; c < columns.size(); c++) {
            ws.value(r, c, columns.get(c).name());
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

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
