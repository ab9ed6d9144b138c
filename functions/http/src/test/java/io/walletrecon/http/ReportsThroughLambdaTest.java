package io.walletrecon.http;

import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reports function: the same resources, reached as API Gateway events through the Lambda HTTP mock, in every
 * format it answers with (binary ones travel base64-encoded in the event). {@code ReportsThroughLambdaIT} runs them
 * against the native executable, where PDF fonts, AWT charts and QR images are what can break.
 */
@QuarkusTest
class ReportsThroughLambdaTest {

    private static final String FINANCE = TestJwt.bearer("lambda-fiona", "finance");
    private String account;

    @BeforeEach
    void plant() {
        account = TestData.unique("lambda-rep");
        TestDb.update(
                "insert into accounts (company_id, code, provider, name, currency, time_zone) values ((select id from companies where code = 'default'), ?, 'wechatpay', '微信 商户', 'CNY', 'Asia/Shanghai')",
                account);
        long id = TestDb.count("select id from accounts where code = ?", account);
        TestDb.update(
                "insert into statements (account_id, format, period_start, period_end, currency, closing_balance_minor, file_sha256, imported_by) "
                        + "values (?, 'wechat-bill', '2026-04-01', '2026-04-30', 'CNY', 50000, ?, 'test')",
                id, TestData.unique("sha"));
        TestDb.update(
                "insert into transactions (account_id, provider_txn_id, direction, amount_minor, fee_minor, currency, status, occurred_at, value_date) "
                        + "values (?, 'w1', 'in', 12345, 74, 'CNY', 'succeeded', '2026-05-02T02:00:00Z', '2026-05-02'), "
                        + "(?, 'w2', 'out', 2000, null, 'CNY', 'succeeded', '2026-05-03T02:00:00Z', '2026-05-03')",
                id, id);
    }

    @Test
    void reconciliationStatementAsJsonThroughTheLambdaAdapter() {
        given().header("Authorization", FINANCE).accept("application/json")
                .queryParam("account", account).queryParam("from", "2026-05-01").queryParam("to", "2026-05-03")
                .when().get("/reports/reconciliation")
                .then().statusCode(200)
                .body("figures.openingBalance", equalTo("500.00"))
                .body("figures.closingBalance", equalTo("602.71"))
                .body("days.total", equalTo(3))
                .body("days.items[2].balance", equalTo("602.71"));
    }

    @Test
    void reconciliationStatementAsCsvThroughTheLambdaAdapter() throws Exception {
        byte[] body = given().header("Authorization", FINANCE).accept("text/csv")
                .queryParam("account", account).queryParam("from", "2026-05-01").queryParam("to", "2026-05-03")
                .when().get("/reports/reconciliation")
                .then().statusCode(200).extract().asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertEquals(List.of("500.00", "622.71", "602.71"), rows.stream().map(r -> r.get("balance")).toList());
    }

    @Test
    void exportJobIsStartedAndPolledThroughTheLambdaAdapter() throws Exception {
        String id = given().header("Authorization", FINANCE).queryParam("format", "csv")
                .queryParam("account", account).queryParam("from", "2026-05-01").queryParam("to", "2026-05-03")
                .when().post("/reports/reconciliation/exports")
                .then().statusCode(202).extract().path("id");
        String state = "queued";
        for (int i = 0; i < 100 && List.of("queued", "running").contains(state); i++) {
            Thread.sleep(100);
            state = given().header("Authorization", FINANCE).when().get("/reports/exports/" + id).then().statusCode(200)
                    .extract().path("state");
        }
        assertEquals("succeeded", state);
    }

    @Test
    void reconciliationStatementAsXlsxThroughTheLambdaAdapter() throws Exception {
        byte[] body = given().header("Authorization", FINANCE)
                .accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .queryParam("account", account).queryParam("from", "2026-05-01").queryParam("to", "2026-05-03")
                .when().get("/reports/reconciliation")
                .then().statusCode(200).extract().asByteArray();
        // read through the central directory: the entries are streamed with data descriptors
        Path file = Files.createTempFile("reconciliation", ".xlsx");
        List<String> entries;
        try {
            Files.write(file, body);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                entries = zip.stream().map(ZipEntry::getName).toList();
            }
        } finally {
            Files.delete(file);
        }
        assertTrue(entries.contains("xl/workbook.xml"), entries.toString());
        assertTrue(entries.stream().filter(n -> n.startsWith("xl/worksheets/")).count() >= 2, entries.toString());
    }

    @Test
    void reconciliationStatementAsPdfThroughTheLambdaAdapter() {
        byte[] body = given().header("Authorization", FINANCE).accept("application/pdf")
                .queryParam("account", account).queryParam("from", "2026-05-01").queryParam("to", "2026-05-03")
                .when().get("/reports/reconciliation")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertArrayEquals("%PDF-".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(body, 5));
        assertTrue(new String(body, StandardCharsets.ISO_8859_1).contains("+NotoSansCJKsc-Regular"),
                "the CJK font read from its class-path resource, embedded as a subset");
    }

    @Test
    void fundFlowChartAsPngAndSvgThroughTheLambdaAdapter() throws Exception {
        byte[] png = given().header("Authorization", FINANCE).accept("image/png")
                .queryParam("account", account).queryParam("from", "2026-05-01").queryParam("to", "2026-05-03")
                .when().get("/reports/fund-flow")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(900, image.getWidth());
        assertEquals(450, image.getHeight());

        String svg = given().header("Authorization", FINANCE).accept("image/svg+xml")
                .queryParam("account", account).queryParam("from", "2026-05-01").queryParam("to", "2026-05-03")
                .when().get("/reports/fund-flow")
                .then().statusCode(200).contentType("image/svg+xml").extract().asString();
        assertTrue(svg.contains("<svg") && svg.contains("Inflow") && svg.contains("Outflow"), svg);
    }

    @Test
    void collectionCodeQrImagesThroughTheLambdaAdapter() throws Exception {
        int id = given().header("Authorization", TestJwt.bearer("lambda-admin", "admin"))
                .contentType("application/json")
                .body(Map.of("name", "二维码 客户")).when().post("/customers")
                .then().statusCode(201).extract().path("id");

        byte[] png = given().header("Authorization", FINANCE).accept("image/png")
                .when().get("/customers/{id}/collection-code", id)
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertNotNull(ImageIO.read(new ByteArrayInputStream(png)), "a PNG that decodes");
        given().header("Authorization", FINANCE).accept("image/svg+xml")
                .when().get("/customers/{id}/collection-code", id)
                .then().statusCode(200).contentType("image/svg+xml").body(startsWith("<"));
    }
}
