package io.walletrecon.reports;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RowFormatTest {

    @Test
    void minorUnitsPrintWithTheCurrencysDecimals() {
        assertEquals("1427.30", RowFormat.plain(142730, "CNY"));
        assertEquals("-0.50", RowFormat.plain(-50, "CNY"));
        assertEquals("0.05", RowFormat.plain(5, "USD"));
        assertEquals("0.00", RowFormat.plain(0, "EUR"));
        assertEquals("-0.500", RowFormat.plain(-500, "KWD"));
        assertEquals("12.345", RowFormat.plain(12345, "KWD"));
        assertEquals("500", RowFormat.plain(500, "JPY"));
        assertEquals("-92233720368547758.07", RowFormat.plain(Long.MIN_VALUE + 1, "CNY"));
    }

    @Test
    void amountsOnPaperAreGroupedByThousands() {
        assertEquals("1,234,567.89", RowFormat.grouped(123456789, "CNY"));
        assertEquals("-1,000.00", RowFormat.grouped(-100000, "EUR"));
        assertEquals("999.99", RowFormat.grouped(99999, "EUR"));
        assertEquals("-0.50", RowFormat.grouped(-50, "CNY"));
        assertEquals("12,000", RowFormat.grouped(12000, "JPY"));
        assertEquals("1,234.567", RowFormat.grouped(1234567, "KWD"));
        assertEquals("-92,233,720,368,547,758.07", RowFormat.grouped(Long.MIN_VALUE + 1, "CNY"));
    }

    @Test
    void plainTextAgreesWithTheExactDecimal() {
        RowFormat f = new RowFormat(List.of(Column.text("currency"), Column.money("amount")));
        for (long minor : new long[]{-100001, -1, 0, 7, 99, 100, 123456789}) {
            for (String ccy : List.of("CNY", "JPY", "KWD")) {
                Object[] row = {ccy, minor};
                assertEquals(f.decimal(row, 1).toPlainString(), f.text(row, 1));
                assertEquals(0, new BigDecimal(f.text(row, 1)).compareTo(f.decimal(row, 1)));
            }
        }
    }

    @Test
    void csvQuotesOnlyWhatRfc4180Requires() {
        StringBuilder sb = new StringBuilder();
        CsvFormat.field(sb, "plain 王");
        sb.append('|');
        CsvFormat.field(sb, "a,b");
        sb.append('|');
        CsvFormat.field(sb, "say \"hi\"");
        sb.append('|');
        CsvFormat.field(sb, "two\r\nlines");
        assertEquals("plain 王|\"a,b\"|\"say \"\"hi\"\"\"|\"two\r\nlines\"", sb.toString());
    }

    @Test
    void textThatASpreadsheetWouldRunIsWrittenAsText() {
        for (String formula : List.of("=HYPERLINK(\"http://evil.example\",\"pay\")", "+1+1", "-2+3", "@SUM(A1:A9)",
                "\t=1+1", "\r=1+1")) {
            assertEquals("'" + formula, SpreadsheetText.neutralise(formula));
        }
        assertEquals("张三贸易", SpreadsheetText.neutralise("张三贸易"));
        assertEquals("a=b", SpreadsheetText.neutralise("a=b"));
        assertEquals("", SpreadsheetText.neutralise(""));
    }

    @Test
    void csvNeutralisesFormulaTextButKeepsNegativeAmountsNumbers() {
        RowFormat f = new RowFormat(List.of(Column.text("customer"), Column.text("currency"), Column.money("amount"),
                Column.integer("count")));
        StringBuilder sb = new StringBuilder();
        CsvFormat.line(sb, f, new Object[]{"=HYPERLINK(\"http://evil.example\",\"pay\")", "CNY", -50L, -3L});
        assertEquals("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"pay\"\")\",CNY,-0.50,-3\r\n", sb.toString());
    }
}
