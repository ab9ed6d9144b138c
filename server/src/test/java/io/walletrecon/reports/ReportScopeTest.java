package io.walletrecon.reports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reports across accounts scoped by company: only that company's accounts, customers and exceptions count. */
@QuarkusTest
class ReportScopeTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");
    private TestCompanies.Company east;
    private TestCompanies.Company west;
    private long westAccount;

    @BeforeEach
    void plant() {
        east = TestCompanies.create("east");
        west = TestCompanies.create("west");
        long e = ReportFixtures.account(east.id(), "e", "wechatpay", "CNY", "Asia/Shanghai");
        westAccount = ReportFixtures.account(west.id(), "w", "alipay", "CNY", "Asia/Shanghai");
        ReportFixtures.txn(e, "in", 10000, 60L, "CNY", "succeeded", "2026-05-04",
                ReportFixtures.customer(east.id(), "东方客户"));
        ReportFixtures.txn(westAccount, "in", 77700, null, "CNY", "succeeded", "2026-05-05",
                ReportFixtures.customer(west.id(), "West customer"));
        ReportFixtures.exception(e, "unmatched_receipt", "open", "CNY", null, 100L, 100L, "2026-05-04", null);
        ReportFixtures.exception(westAccount, "unmatched_receipt", "open", "CNY", null, 900L, 900L, "2026-05-04", null);
        ReportFixtures.exception(westAccount, "duplicate_payment", "open", "CNY", 0L, 500L, 500L, "2026-05-05", null);
    }

    private JsonPath report(String name, Map<String, Object> params) {
        return given().header("Authorization", FINANCE).accept("application/json").queryParams(params)
                .queryParam("from", "2026-05-01").queryParam("to", "2026-05-31")
                .when().get("/reports/" + name).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theFundFlowOfACompanyCountsOnlyItsAccountsAndCustomers() {
        JsonPath json = report("fund-flow", Map.of("company", east.code(), "groupBy", "customer"));
        Map<String, Object> total = json.getList("totals", Map.class).get(0);
        assertEquals(10000, total.get("inflowMinor"));
        List<Map<String, Object>> top = json.getList("topCustomers");
        assertEquals(1, top.size());
        assertEquals("东方客户", top.get(0).get("customer"));
    }

    @Test
    void theDifferenceReportOfACompanyListsOnlyItsExceptions() {
        JsonPath json = report("differences", Map.of("company", west.code()));
        assertEquals(2, json.getList("exceptions.items").size());
        assertEquals(1400, json.<Map<String, Object>>getList("exceptions.items").stream()
                .mapToInt(m -> (Integer) m.get("differenceMinor")).sum());
    }

    @Test
    void anAccountOfAnotherCompanyOrAnUnknownCompanyIsRefused() {
        given().header("Authorization", FINANCE).accept("application/json")
                .queryParam("company", east.code()).queryParam("account", ReportFixtures.code(westAccount))
                .queryParam("from", "2026-05-01").queryParam("to", "2026-05-31")
                .when().get("/reports/differences").then().statusCode(422).body("errors[0].field", equalTo("account"));
        given().header("Authorization", FINANCE).accept("application/json")
                .queryParam("company", "no-such-co").queryParam("from", "2026-05-01").queryParam("to", "2026-05-31")
                .when().get("/reports/fund-flow").then().statusCode(422).body("errors[0].field", equalTo("company"));
    }
}
