package io.walletrecon.reports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ExportJobTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");
    private String account;

    @BeforeEach
    void plant() {
        long a = ReportFixtures.account("exp", "bank", "CNY", "Asia/Shanghai");
        account = ReportFixtures.code(a);
        TestDb.update(
                "insert into recon_exceptions (account_id, type, status, currency, expected_minor, actual_minor, difference_minor, "
                        + "business_date, dedupe_key) select ?, 'missing_in_provider', 'open', 'CNY', g, null, null, date '2026-02-01' + (g % 10), "
                        + "'exp-' || ? || '-' || g from generate_series(1, 25000) g",
                a, a);
    }

    private JsonPath awaitDone(String id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            JsonPath job = given().header("Authorization", FINANCE).when().get("/reports/exports/" + id)
                    .then().statusCode(200).extract().jsonPath();
            if (!List.of("queued", "running").contains(job.getString("state"))) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("export " + id + " did not finish");
    }

    @Test
    void csvExportRunsInTheBackgroundAndServesTheFile() throws Exception {
        String id = given().header("Authorization", FINANCE).queryParam("format", "csv").queryParam("account", account)
                .queryParam("from", "2026-02-01").queryParam("to", "2026-02-28")
                .when().post("/reports/differences/exports")
                .then().statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/reports/exports/"))
                .body("report", equalTo("differences")).extract().path("id");
        JsonPath job = awaitDone(id);
        assertEquals("succeeded", job.getString("state"));
        assertEquals(25000, job.getLong("rowsTotal"));
        assertEquals(25000, job.getLong("rowsWritten"));
        assertEquals(100, job.getInt("percent"));
        assertEquals("/reports/exports/" + id + "/file", job.getString("download"));
        assertEquals(1, ReportRecords.audited("report.export.requested", id));

        byte[] file = given().header("Authorization", FINANCE).when().get("/reports/exports/" + id + "/file")
                .then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"differences_2026-02-01_2026-02-28.csv\"")
                .extract().asByteArray();
        assertEquals(job.getLong("bytes"), file.length);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(file, 3, file.length - 3, StandardCharsets.UTF_8))).getRecords();
        assertEquals(25000, rows.size());
        assertEquals(25000L * 25001 / 2,
                rows.stream().mapToLong(r -> Math.round(Double.parseDouble(r.get("expected")) * 100)).sum());
    }

    @Test
    void anExportIsLabelledInTheLanguageItsRequestNames() throws Exception {
        String id = given().header("Authorization", FINANCE).queryParam("format", "csv").queryParam("account", account)
                .queryParam("from", "2026-02-01").queryParam("to", "2026-02-01").queryParam("lang", "zh-CN")
                .when().post("/reports/differences/exports").then().statusCode(202).extract().path("id");
        assertEquals("succeeded", awaitDone(id).getString("state"));
        byte[] file = given().header("Authorization", FINANCE).when().get("/reports/exports/" + id + "/file").then()
                .statusCode(200).extract().asByteArray();
        String header = new String(file, 3, file.length - 3, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        assertTrue(header.contains("币种"), header);
        assertFalse(header.contains("currency"), "labels, not field names: " + header);
    }

    @Test
    void xlsxExportOpensAsAWorkbook() throws Exception {
        String id = given().header("Authorization", FINANCE).queryParam("format", "xlsx").queryParam("account", account)
                .queryParam("from", "2026-02-01").queryParam("to", "2026-02-05")
                .when().post("/reports/differences/exports").then().statusCode(202).extract().path("id");
        assertEquals("succeeded", awaitDone(id).getString("state"));
        byte[] file = given().header("Authorization", FINANCE).when().get("/reports/exports/" + id + "/file").then()
                .statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            long expected = TestDb
                    .count("select count(*) from recon_exceptions e join accounts a on a.id = e.account_id "
                            + "where a.code = ? and e.business_date between '2026-02-01' and '2026-02-05'", account);
            assertEquals(expected + 1, wb.getSheets().toList().get(1).read().size());
        }
    }

    @Test
    void invalidExportsAreRefusedBeforeAnyJobExists() {
        given().header("Authorization", FINANCE).queryParam("format", "docx").queryParam("from", "2026-02-01")
                .queryParam("to", "2026-02-05")
                .when().post("/reports/differences/exports").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("format"));
        given().header("Authorization", FINANCE).queryParam("format", "pdf").queryParam("from", "2026-02-01")
                .queryParam("to", "2026-02-05")
                .when().post("/reports/differences/exports").then().statusCode(406);
        given().header("Authorization", FINANCE).when().get("/reports/exports/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404);
    }
}
