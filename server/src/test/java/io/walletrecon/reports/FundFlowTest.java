package io.walletrecon.reports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two CNY accounts (alipay, wechatpay) and a USD one, in the ISO weeks of 2026-03-02 and 2026-03-09.
 * Each test filters by its own currency or account so other tests' rows never count.
 */
@QuarkusTest
class FundFlowTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");
    private String alipay;
    private String wechat;
    private String usd;
    private long zhang;
    private long li;

    @BeforeEach
    void plant() {
        long a = ReportFixtures.account("ali", "alipay", "CNY", "Asia/Shanghai");
        long w = ReportFixtures.account("wx", "wechatpay", "CNY", "Asia/Shanghai");
        long u = ReportFixtures.account("usd", "stripe", "USD", "America/New_York");
        alipay = ReportFixtures.code(a);
        wechat = ReportFixtures.code(w);
        usd = ReportFixtures.code(u);
        zhang = ReportFixtures.customer("张三贸易");
        li = ReportFixtures.customer("Li Hardware");
        ReportFixtures.txn(a, "in", 10000, 60L, "CNY", "succeeded", "2026-03-02", zhang);
        ReportFixtures.txn(a, "in", 5000, 30L, "CNY", "succeeded", "2026-03-04", li);
        ReportFixtures.txn(a, "out", 2000, null, "CNY", "succeeded", "2026-03-10", zhang);
        ReportFixtures.txn(w, "in", 30000, 180L, "CNY", "succeeded", "2026-03-11", li);
        ReportFixtures.txn(w, "in", 99999, null, "CNY", "failed", "2026-03-11", li);
        ReportFixtures.txn(u, "in", 4200, 150L, "USD", "succeeded", "2026-03-03", null);
    }

    @Test
    void weeklyFlowsByAccountAddUpToTheTotals() {
        JsonPath json = given().header("Authorization", FINANCE).accept("application/json")
                .queryParam("account", alipay).queryParam("from", "2026-03-01").queryParam("to", "2026-03-15")
                .queryParam("period", "week").queryParam("groupBy", "account")
                .when().get("/reports/fund-flow").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> flows = json.getList("flows.items");
        assertEquals(2, flows.size());
        assertEquals("2026-03-02", flows.get(0).get("periodStart"));
        assertEquals(15000, flows.get(0).get("inflowMinor"));
        assertEquals(14910, flows.get(0).get("netMinor"));
        assertEquals("2026-03-09", flows.get(1).get("periodStart"));
        assertEquals(2000, flows.get(1).get("outflowMinor"));
        assertEquals(-2000, flows.get(1).get("netMinor"));
        Map<String, Object> total = json.getList("totals", Map.class).get(0);
        assertEquals(15000, total.get("inflowMinor"));
        assertEquals(2000, total.get("outflowMinor"));
        assertEquals(90, total.get("feesMinor"));
        assertEquals(12910, total.get("netMinor"));
        assertEquals(flows.stream().mapToInt(f -> (Integer) f.get("netMinor")).sum(), total.get("netMinor"));
    }

    @Test
    void byChannelSplitsProvidersAndTopCustomersRankByInflow() {
        JsonPath json = given().header("Authorization", FINANCE).accept("application/json")
                .queryParam("currency", "CNY").queryParam("from", "2026-03-01").queryParam("to", "2026-03-15")
                .queryParam("period", "month").queryParam("groupBy", "channel").queryParam("size", 1000)
                .when().get("/reports/fund-flow").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> flows = json.getList("flows.items");
        Map<String, Object> wx = flows.stream().filter(f -> "wechatpay".equals(f.get("channel"))).findFirst()
                .orElseThrow();
        assertTrue(((Number) wx.get("inflowMinor")).longValue() >= 30000);
        List<Map<String, Object>> top = json.getList("topCustomers");
        // Other runs of this class plant customers too (each test gets its own); ours must rank, in inflow order.
        Map<String, Object> liRow = top.stream().filter(t -> ((Number) t.get("customerId")).longValue() == li)
                .findFirst().orElseThrow();
        assertEquals(35000, liRow.get("inflowMinor"));
        assertEquals("Li Hardware", liRow.get("customer"));
        List<Integer> inflows = top.stream().map(t -> (Integer) t.get("inflowMinor")).toList();
        assertEquals(inflows.stream().sorted(java.util.Comparator.reverseOrder()).toList(), inflows);
    }

    @Test
    void byCustomerNamesTheCustomer() {
        JsonPath json = given().header("Authorization", FINANCE).accept("application/json")
                .queryParam("account", alipay).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                .queryParam("period", "month").queryParam("groupBy", "customer")
                .when().get("/reports/fund-flow").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> flows = json.getList("flows.items");
        Map<String, Object> z = flows.stream().filter(f -> "张三贸易".equals(f.get("label"))).findFirst().orElseThrow();
        assertEquals(10000, z.get("inflowMinor"));
        assertEquals(2000, z.get("outflowMinor"));
        assertEquals(String.valueOf(zhang), z.get("customer"));
    }

    @Test
    void pngChartDecodes() throws Exception {
        byte[] png = given().header("Authorization", FINANCE).accept("image/png")
                .queryParam("account", alipay).queryParam("from", "2026-03-01").queryParam("to", "2026-03-15")
                .when().get("/reports/fund-flow").then().statusCode(200).contentType("image/png").extract()
                .asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(900, image.getWidth());
        assertEquals(450, image.getHeight());
    }

    @Test
    void svgChartParsesAsXmlWithTheSeriesNames() throws Exception {
        byte[] svg = given().header("Authorization", FINANCE).accept("image/svg+xml")
                .queryParam("account", wechat).queryParam("from", "2026-03-01").queryParam("to", "2026-03-15")
                .when().get("/reports/fund-flow").then().statusCode(200).contentType("image/svg+xml").extract()
                .asByteArray();
        Document doc = svg(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("Fund-flow summary 2026-03-01 to 2026-03-15 · by day") && text.contains("Inflow")
                && text.contains("Outflow") && text.contains("Period"), text);
        assertTrue(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").getLength() >= 2,
                "the two series are drawn as paths");
    }

    /** The SVG as a DOM. JFreeSVG writes the SVG 1.1 DOCTYPE; the parser must not fetch the DTD (no network). */
    private static Document svg(byte[] svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    }

    @Test
    void theChartsTitleAxesAndLegendAreInTheLanguageAskedFor() throws Exception {
        byte[] svg = given().header("Authorization", FINANCE).accept("image/svg+xml").queryParam("lang", "zh-CN")
                .queryParam("account", wechat).queryParam("from", "2026-03-01").queryParam("to", "2026-03-15")
                .when().get("/reports/fund-flow").then().statusCode(200).contentType("image/svg+xml").extract()
                .asByteArray();
        String text = svg(svg).getDocumentElement().getTextContent();
        for (String label : List.of("资金流量汇总 2026-03-01 至 2026-03-15 · 按日", "期间", "流入", "流出")) {
            assertTrue(text.contains(label), label + " in " + text);
        }
        assertTrue(!text.contains("Inflow") && !text.contains("Period"), text);
    }

    @Test
    void aChartOfSeveralCurrenciesAsksForOne() {
        given().header("Authorization", FINANCE).accept("image/png")
                .queryParam("from", "2026-03-01").queryParam("to", "2026-03-15")
                .when().get("/reports/fund-flow").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("currency"));
        given().header("Authorization", FINANCE).accept("image/png")
                .queryParam("account", usd).queryParam("from", "2026-03-01").queryParam("to", "2026-03-15")
                .when().get("/reports/fund-flow").then().statusCode(200);
    }

    @Test
    void invalidBreakdownIsRejected() {
        given().header("Authorization", FINANCE).accept("application/json")
                .queryParam("from", "2026-03-01").queryParam("to", "2026-03-15").queryParam("groupBy", "planet")
                .queryParam("period", "year")
                .when().get("/reports/fund-flow").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("groupBy", "period"));
    }
}
