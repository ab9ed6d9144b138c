package io.walletrecon.reports;

import io.walletrecon.reports.statements.ReportResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.TestJwt;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Four exceptions in KWD (3 decimals) in the period and one outside it: two amount mismatches (one resolved three
 * days after its business date), one unmatched receipt ten days old and open, one duplicate payment.
 */
@QuarkusTest
class DifferenceReportTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");
    private String account;
    private final LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
    private long open;

    @BeforeEach
    void plant() {
        long a = ReportFixtures.account("diff", "bank", "KWD", "Asia/Kuwait");
        account = ReportFixtures.code(a);
        String d10 = today.minusDays(10).toString();
        String d20 = today.minusDays(20).toString();
        long mismatch = ReportFixtures.exception(a, "amount_mismatch", "open", "KWD", 10000L, 9500L, -500L, d20, "王小明");
        ReportFixtures.annotate(mismatch, "li", "customer paid less, \"short\" by 0.500", "2026-01-01T10:00:00Z");
        ReportFixtures.annotate(mismatch, "wang", "asked for the rest", "2026-01-02T10:00:00Z");
        ReportFixtures.exception(a, "amount_mismatch", "resolved", "KWD", 2000L, 2500L, 500L, d20, null);
        open = ReportFixtures.exception(a, "unmatched_receipt", "open", "KWD", null, 1234L, null, d10, "ops");
        ReportFixtures.exception(a, "duplicate_payment", "in_review", "KWD", 700L, 1400L, 700L, d10, null);
        ReportFixtures.exception(a, "duplicate_payment", "open", "KWD", 1L, 2L, 1L, today.minusDays(40).toString(),
                null);
    }

    private io.restassured.specification.RequestSpecification request(String accept) {
        return given().header("Authorization", FINANCE).accept(accept).queryParam("account", account)
                .queryParam("from", today.minusDays(30).toString()).queryParam("to", today.toString());
    }

    @Test
    void totalsByTypeAgreeWithTheListedExceptions() {
        JsonPath json = request("application/json").queryParam("size", 100).when().get("/reports/differences")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> totals = json.getList("totalsByType");
        assertEquals(List.of("amount_mismatch", "duplicate_payment", "unmatched_receipt"),
                totals.stream().map(t -> t.get("type")).toList());
        Map<String, Object> mismatch = totals.get(0);
        assertEquals(2, mismatch.get("exceptions"));
        assertEquals(1, mismatch.get("unresolved"));
        assertEquals(12000, mismatch.get("expectedMinor"));
        assertEquals("12.000", mismatch.get("expected"));
        assertEquals(0, mismatch.get("differenceMinor"));
        assertEquals(1234, totals.get(2).get("actualMinor"));

        List<Map<String, Object>> items = json.getList("exceptions.items");
        assertEquals(4, json.getInt("exceptions.total"));
        for (Map<String, Object> t : totals) {
            long listed = items.stream().filter(i -> i.get("type").equals(t.get("type"))).count();
            assertEquals(((Number) t.get("exceptions")).longValue(), listed);
            long sum = items.stream().filter(i -> i.get("type").equals(t.get("type")) && i.get("actualMinor") != null)
                    .mapToLong(i -> ((Number) i.get("actualMinor")).longValue()).sum();
            assertEquals(((Number) t.get("actualMinor")).longValue(), sum);
        }
        Map<String, Object> first = items.get(0);
        assertEquals("amount_mismatch", first.get("type"));
        assertEquals("-0.500", first.get("difference"));
        assertEquals(20, first.get("ageDays"));
        assertEquals("王小明", first.get("assignee"));
        assertEquals("li: customer paid less, \"short\" by 0.500 | wang: asked for the rest", first.get("annotations"));
        Map<String, Object> resolved = items.get(1);
        assertEquals("resolved", resolved.get("status"));
        assertEquals(3, resolved.get("ageDays"));
        Map<String, Object> unmatched = items.stream().filter(i -> ((Number) i.get("id")).longValue() == open)
                .findFirst().orElseThrow();
        assertEquals(10, unmatched.get("ageDays"));
        assertEquals(null, unmatched.get("expected"));
    }

    @Test
    void detailIsPaged() {
        request("application/json").queryParam("size", 3).queryParam("page", 1).when().get("/reports/differences")
                .then().statusCode(200)
                .body("exceptions.total", org.hamcrest.Matchers.equalTo(4))
                .body("exceptions.items.type", org.hamcrest.Matchers.contains("duplicate_payment"));
    }

    @Test
    void csvQuotesCommasAndQuotesAndKeepsChineseNames() throws Exception {
        byte[] body = request("text/csv").when().get("/reports/differences").then().statusCode(200).extract()
                .asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertEquals(4, rows.size());
        assertEquals("王小明", rows.get(0).get("assignee"));
        assertEquals("li: customer paid less, \"short\" by 0.500 | wang: asked for the rest",
                rows.get(0).get("annotations"));
        assertEquals("10.000", rows.get(0).get("expected"));
        assertEquals("", rows.get(2).get("expected"));
        assertEquals(List.of("id", "account", "businessDate", "type", "status", "currency", "expected", "actual",
                "difference",
                "ageDays", "assignee", "annotations", "detectedAt"), rows.get(0).getParser().getHeaderNames());
    }

    @Test
    void workbookAmountsUseTheCurrencysThreeDecimals() throws Exception {
        byte[] body = request(ReportResource.XLSX).when().get("/reports/differences").then().statusCode(200).extract()
                .asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(body),
                new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertEquals(List.of("Totals", "Exceptions"), sheets.stream().map(Sheet::getName).toList());
            List<Row> rows = sheets.get(1).read();
            assertEquals(5, rows.size());
            assertEquals(0, new BigDecimal("10.000").compareTo(rows.get(1).getCellAsNumber(6).orElseThrow()));
            assertEquals("#,##0.000", rows.get(1).getCell(6).getDataFormatString());
            assertEquals("王小明", rows.get(1).getCellText(10));
        }
    }

    @Test
    void differenceReportHasNoPdf() {
        request("application/pdf").when().get("/reports/differences")
                .then().statusCode(406).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo(
                        "PDF is available for reconciliation and customer-statement; differences answers application/json, text/csv and XLSX"));
    }

    @Test
    void unknownReportIsNotFoundAndOtherRolesAreForbidden() {
        request("application/json").when().get("/reports/balance-sheet").then().statusCode(404)
                .body("detail", org.hamcrest.Matchers.equalTo(
                        "No report named 'balance-sheet'; reports are reconciliation, differences, fund-flow, customer-statement"));
        given().header("Authorization", TestJwt.bearer("ann", "approver")).accept("application/json")
                .queryParam("from", "2026-01-01").queryParam("to", "2026-01-02")
                .when().get("/reports/differences").then().statusCode(403);
    }
}
