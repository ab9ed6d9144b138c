package io.walletrecon.foundation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Parameters and bodies no real caller sends are the caller's mistake: 400 naming what is wrong, never 500. */
@QuarkusTest
class OddInputTest {

    static final String ADMIN = TestJwt.bearer("ada", "admin");
    static final String FINANCE = TestJwt.bearer("fiona", "finance");

    @Test
    void pageWhoseOffsetOverflowsIsABadRequestNamingThePage() {
        String account = Accounts.createBank(TestData.unique("bank"), "CNY", "Asia/Shanghai");
        given().header("Authorization", FINANCE).queryParam("account", account)
                .queryParam("page", Integer.MAX_VALUE).queryParam("size", 500)
                .when().get("/transactions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"))
                .body("errors[0].message", equalTo(
                        "must start at most 1000000 rows in (page × size); narrow the filter or export the report to see further"));
        given().header("Authorization", FINANCE).queryParam("page", 2001).queryParam("size", 500)
                .when().get("/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().header("Authorization", FINANCE).queryParam("account", account).queryParam("page", 3)
                .queryParam("size", 500)
                .when().get("/transactions").then().statusCode(200);
    }

    @Test
    void nulCharacterInAJsonStringIsABadRequestNamingTheFieldAndStoresNothing() {
        String external = TestData.unique("erp");
        String body = "{\"externalId\":\"" + external + "\",\"name\":\"Acme\\u0000 Ltd\"}";
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.startsWith(
                        "The request body is not valid JSON for this endpoint: field 'name' holds a NUL character (\\u0000), which is not text; remove it"))
                .body("errors[0].field", equalTo("name"));
        assertEquals(0, TestDb.count("select count(*) from customers where external_id = ?", external));
    }

    @Test
    void nulCharacterInAQueryParameterIsABadRequest() {
        given().header("Authorization", FINANCE).queryParam("reference", "INV\u0000-1")
                .when().get("/receivables")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo(
                        "A text value in the request holds a NUL character (\\u0000), which is not text; remove it"));
    }

    /**
     * What the database refuses unexpectedly answers 500 with an incident id; SQL, tables and constraints stay in the
     * log.
     */
    @Test
    void unexpectedFailureAnswersWithAnIncidentIdAndNoInternals() {
        String external = TestData.unique("erp");
        String constraint = "refuses_" + external.replace('-', '_');
        TestDb.update("alter table customers add constraint " + constraint + " check (external_id <> '" + external
                + "') not valid");
        try {
            String body = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body(java.util.Map.of("externalId", external, "name", "Refused Ltd"))
                    .when().post("/customers")
                    .then().statusCode(500).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.matchesPattern(
                            "Something went wrong on our side; quote incident [0-9a-f-]{36} when you report it"))
                    .extract().asString();
            assertEquals(false, body.contains(constraint) || body.contains("customers") || body.contains("SQL")
                    || body.contains("Exception"), body);
        } finally {
            TestDb.update("alter table customers drop constraint " + constraint);
        }
    }
}
