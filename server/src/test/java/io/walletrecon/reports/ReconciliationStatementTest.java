package io.walletrecon.reports;

import io.walletrecon.reports.statements.ReportResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.TestJwt;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-made data with known answers (CNY, minor units):
 * statement to 02-27 closes at 100000; 02-28 +5000 (ours) -> opening 105000.
 * 03-01 in 20000 fee 120 (confirmed match), 03-01 in 3000 pending (left out), 03-02 out 7000,
 * 03-03 in 15000 fee 90, 03-05 in 10000 fee 60 (only a suggested match), 03-05 in 999 failed (left out).
 * Inflows 45000, outflows 7000, fees 270, closing 142730. A bank statement for 03-01..03-03 reports 133000
 * where ours is 132790 on that day: difference -210.
 */
@QuarkusTest
class ReconciliationStatementTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");
    private String account;

    @BeforeEach
    void plant() {
        long a = ReportFixtures.account("recon", "standard", "CNY", "Asia/Shanghai");
        account = ReportFixtures.code(a);
        ReportFixtures.statement(a, "CNY", "2026-02-01", "2026-02-27", 100000);
        ReportFixtures.txn(a, "in", 5000, null, "CNY", "succeeded", "2026-02-28", null);
        long matched = ReportFixtures.txn(a, "in", 20000, 120L, "CNY", "succeeded", "2026-03-01", null);
        ReportFixtures.txn(a, "in", 3000, null, "CNY", "pending", "2026-03-01", null);
        ReportFixtures.txn(a, "out", 7000, null, "CNY", "succeeded", "2026-03-02", null);
        ReportFixtures.txn(a, "in", 15000, 90L, "CNY", "succeeded", "2026-03-03", null);
        long suggested = ReportFixtures.txn(a, "in", 10000, 60L, "CNY", "succeeded", "2026-03-05", null);
        ReportFixtures.txn(a, "in", 999, null, "CNY", "failed", "2026-03-05", null);
        ReportFixtures.txn(a, "in", 1, null, "CNY", "succeeded", "2026-03-06", null);
        ReportFixtures.match(a, matched, 20000, "CNY", "confirmed");
        ReportFixtures.match(a, suggested, 10000, "CNY", "suggested");
        ReportFixtures.statement(a, "CNY", "2026-03-01", "2026-03-03", 133000);
    }

    private io.restassured.specification.RequestSpecification request(String accept) {
        return given().header("Authorization", FINANCE).accept(accept)
                .queryParam("account", account).queryParam("from", "2026-03-01").queryParam("to", "2026-03-05");
    }

    @Test
    void figuresAddUpAndMatchTheDailyLines() {
        JsonPath json = request("application/json").when().get("/reports/reconciliation")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> f = json.getMap("figures");
        assertEquals(105000, f.get("openingBalanceMinor"));
        assertEquals("1050.00", f.get("openingBalance"));
        assertEquals(45000, f.get("inflowsMinor"));
        assertEquals(7000, f.get("outflowsMinor"));
        assertEquals(270, f.get("feesMinor"));
        assertEquals(142730, f.get("closingBalanceMinor"));
        assertEquals("1427.30", f.get("closingBalance"));
        assertEquals("2026-03-03", f.get("reportedAsOf"));
        assertEquals(133000, f.get("reportedClosingBalanceMinor"));
        assertEquals(132790, f.get("computedAtReportedMinor"));
        assertEquals(-210, f.get("differenceMinor"));
        assertEquals(4, f.get("movements"));
        assertEquals(1, f.get("matchedCount"));
        assertEquals(20000, f.get("matchedAmountMinor"));
        assertEquals(3, f.get("unmatchedCount"));
        assertEquals(32000, f.get("unmatchedAmountMinor"));

        List<Map<String, Object>> days = json.getList("days.items");
        assertEquals(5, json.getInt("days.total"));
        assertEquals(List.of("2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"),
                days.stream().map(d -> d.get("day")).toList());
        assertEquals(List.of(124880, 117880, 132790, 132790, 142730),
                days.stream().map(d -> d.get("balanceMinor")).toList());
        // opening + the sum of the daily nets is the closing balance, and the last running balance is it too
        int net = days.stream().mapToInt(d -> (Integer) d.get("netMinor")).sum();
        assertEquals(142730, 105000 + net);
        assertEquals(45000, days.stream().mapToInt(d -> (Integer) d.get("inflowsMinor")).sum());
        assertEquals(270, days.stream().mapToInt(d -> (Integer) d.get("feesMinor")).sum());
    }

    @Test
    void withoutAnEarlierStatementTheOpeningBalanceIsOurOwnMovementsFromZero() {
        long a = ReportFixtures.account("recon0", "standard", "JPY", "Asia/Tokyo");
        ReportFixtures.txn(a, "in", 500, null, "JPY", "succeeded", "2026-01-10", null);
        ReportFixtures.txn(a, "in", 700, 7L, "JPY", "succeeded", "2026-01-11", null);
        JsonPath json = given().header("Authorization", FINANCE).accept("application/json")
                .queryParam("account", ReportFixtures.code(a)).queryParam("from", "2026-01-11")
                .queryParam("to", "2026-01-11")
                .when().get("/reports/reconciliation").then().statusCode(200).extract().jsonPath();
        assertEquals(500, json.getInt("figures.openingBalanceMinor"));
        assertEquals("500", json.getString("figures.openingBalance"));
        assertEquals(1193, json.getInt("figures.closingBalanceMinor"));
        assertNull(json.get("figures.reportedClosingBalanceMinor"));
        assertNull(json.get("figures.differenceMinor"));
    }

    @Test
    void csvIsUtf8WithBomAndReadsBackToTheSameLines() throws Exception {
        byte[] body = request("text/csv").when().get("/reports/reconciliation")
                .then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"reconciliation_2026-03-01_2026-03-05.csv\"")
                .extract().asByteArray();
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(body, 3));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(body, 3, body.length - 3, StandardCharsets.UTF_8))).getRecords();
        assertEquals(5, rows.size());
        assertEquals("2026-03-01", rows.get(0).get("day"));
        assertEquals("198.80", rows.get(0).get("net"));
        assertEquals("1248.80", rows.get(0).get("balance"));
        assertEquals("1427.30", rows.get(4).get("balance"));
        BigDecimal nets = rows.stream().map(r -> new BigDecimal(r.get("net"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("1427.30"), new BigDecimal("1050.00").add(nets));
    }

    @Test
    void workbookHasATotalsSheetAndADetailSheetWithNumericAmounts() throws Exception {
        byte[] body = request(ReportResource.XLSX).when().get("/reports/reconciliation").then().statusCode(200)
                .extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(body),
                new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertEquals(List.of("Totals", "Days"), sheets.stream().map(Sheet::getName).toList());
            List<Row> totals = sheets.get(0).read();
            Row header = totals.stream().filter(r -> "Currency".equals(r.getCellText(0))).findFirst().orElseThrow();
            Row values = totals.get(totals.indexOf(header) + 1);
            int closing = indexOf(header, "Closing balance");
            assertEquals(new BigDecimal("1427.3"), values.getCellAsNumber(closing).orElseThrow().stripTrailingZeros());
            assertEquals("#,##0.00", values.getCell(closing).getDataFormatString());
            List<Row> days = sheets.get(1).read();
            assertEquals(6, days.size());
            assertEquals(new BigDecimal("1248.8"),
                    days.get(1).getCellAsNumber(indexOf(days.get(0), "Balance")).orElseThrow().stripTrailingZeros());
            assertEquals("2026-03-01", days.get(1).getCellAsDate(0).orElseThrow().toLocalDate().toString());
        }
    }

    @Test
    void pdfCarriesCompanyPeriodFiguresAndFooter() throws Exception {
        byte[] body = request("application/pdf").when().get("/reports/reconciliation").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument pdf = Loader.loadPDF(body)) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Acme Trading Co"), text);
            assertTrue(text.contains("Reconciliation statement"), text);
            assertTrue(text.contains("Period: 2026-03-01 to 2026-03-05"), text);
            assertTrue(text.contains("1,427.30"), text);
            assertTrue(text.contains("-2.10"), text);
            assertTrue(text.contains("page 1"), text);
        }
    }

    @Test
    void filesAskedForInChineseCarryChineseLabelsNotFieldNames() throws Exception {
        byte[] pdf = request("application/pdf").queryParam("lang", "zh-CN").when().get("/reports/reconciliation")
                .then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            for (String label : List.of("对账单", "期间: 2026-03-01 至 2026-03-05", "期初余额", "期末余额", "手续费")) {
                assertTrue(text.contains(label), label + " in\n" + text);
            }
            for (String field : List.of("openingBalance", "computedAtReported", "unmatchedAmount")) {
                assertTrue(!text.contains(field), field + " in\n" + text);
            }
        }
        String csv = new String(request("text/csv").header("Accept-Language", "zh-CN").when()
                .get("/reports/reconciliation").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF日期,"), csv);
    }

    @Test
    void anUnknownLanguageIsRefused() {
        request("application/pdf").queryParam("lang", "fr").when().get("/reports/reconciliation")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("lang"));
    }

    @Test
    void reconciliationNeedsAnAccountAndAPeriod() {
        given().header("Authorization", FINANCE).accept("application/json").queryParam("from", "2026-03-01")
                .when().get("/reports/reconciliation")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("to", "account"));
    }

    private static int indexOf(Row header, String name) {
        for (int i = 0; i < header.getCellCount(); i++) {
            if (name.equals(header.getCellText(i))) {
                return i;
            }
        }
        throw new AssertionError("no column " + name);
    }
}
