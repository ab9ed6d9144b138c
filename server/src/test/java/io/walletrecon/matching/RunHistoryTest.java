package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static io.walletrecon.matching.Fixtures.FINANCE;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** GET /matching/runs: the history of runs, narrowed by company, account, state and kind. */
@QuarkusTest
class RunHistoryTest {

    @Test
    void theHistoryListsAnAccountsRunsLatestFirstAndNarrowsByStateKindAndCompany() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        Fixtures other = Fixtures.in(f.company, "alipay", "CNY");
        long first = f.run(0, 3).getLong("id");
        long second = f.run(4, 6).getLong("id");
        long elsewhere = other.run(0, 3).getLong("id");

        JsonPath page = list("account=" + f.code);
        assertEquals(List.of(second, first), ids(page), "the account's runs, the latest requested first");
        assertEquals(2, page.getLong("total"));
        assertEquals("succeeded", page.getString("items[0].state"));
        assertEquals(f.code, page.getString("items[0].account"));
        assertEquals(f.day(4).toString(), page.getString("items[0].periodStart"));

        assertEquals(List.of(elsewhere, second, first), ids(list("company=" + f.company.code())),
                "both accounts of the company");
        assertEquals(List.of(second, first), ids(list("account=" + f.code + "&state=succeeded&kind=manual")));
        assertEquals(List.of(), ids(list("account=" + f.code + "&state=failed")));
        assertEquals(List.of(second), ids(list("account=" + f.code + "&size=1")), "paged");
    }

    @Test
    void anUnknownStateOrKindIsRefusedNamingTheKnownOnes() {
        given().header("Authorization", FINANCE).when().get("/matching/runs?state=done&kind=nightly").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'state' }.message",
                        containsString("queued, running, succeeded, failed, refused, abandoned"))
                .body("errors.find { it.field == 'kind' }.message", containsString("manual, incremental, day_end"));
        given().header("Authorization", FINANCE).when().get("/matching/runs?account=no-such-account").then()
                .statusCode(404);
    }

    private static JsonPath list(String query) {
        return given().header("Authorization", FINANCE).when().get("/matching/runs?" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<Long> ids(JsonPath page) {
        return page.getList("items.id", Long.class);
    }
}
