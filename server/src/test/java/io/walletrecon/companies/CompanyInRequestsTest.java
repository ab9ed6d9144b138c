package io.walletrecon.companies;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Create requests name a company (absent: the default one), list endpoints filter by it, views show it; an unknown
 * company is a 422 naming the field, and a receivable is always its customer's company's.
 */
@QuarkusTest
class CompanyInRequestsTest {

    static final String ADMIN = TestJwt.bearer("cr-admin", "admin");
    static final String FINANCE = TestJwt.bearer("cr-finance", "finance");

    static Map<String, Object> bank(String company, String code) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (company != null) {
            m.put("company", company);
        }
        m.put("code", code);
        m.put("provider", "bank");
        m.put("name", "Bank " + code);
        m.put("currency", "CNY");
        return m;
    }

    static long customer(String company, String externalId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company", company);
        body.put("externalId", externalId);
        body.put("name", "Customer " + externalId);
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/customers").then().statusCode(201).body("company", equalTo(company)).extract().jsonPath()
                .getLong("id");
    }

    @Test
    void anAccountBelongsToTheNamedCompanyAndTakesItsTimeZoneWhenItNamesNone() {
        String company = TestCompanies.create("acc").code();
        TestDb.update("update companies set time_zone = 'Europe/Berlin' where code = ?", company);
        String code = TestData.unique("bk");

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(bank(company, code))
                .when().post("/accounts").then().statusCode(201)
                .body("company", equalTo(company)).body("timeZone", equalTo("Europe/Berlin"));

        given().header("Authorization", ADMIN).queryParam("company", company).when().get("/accounts")
                .then().statusCode(200).body("code", contains(code)).body("company", everyItem(equalTo(company)));
        given().header("Authorization", ADMIN).when().get("/accounts/{code}", code).then().body("company",
                equalTo(company));
    }

    @Test
    void aRequestThatNamesNoCompanyBelongsToTheDefaultOne() {
        String code = TestData.unique("bk");
        Map<String, Object> body = bank(null, code);
        body.put("timeZone", "Asia/Shanghai");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/accounts").then().statusCode(201).body("company", equalTo("default"));
    }

    @Test
    void anUnknownCompanyIsRefusedByNameAndNothingIsCreated() {
        String code = TestData.unique("bk");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(bank("no-such-co", code))
                .when().post("/accounts").then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("No company with code 'no-such-co'"))
                .body("errors[0].field", equalTo("company"));
        assertEquals(0, TestDb.count("select count(*) from accounts where code = ?", code));

        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("company", "no-such-co", "name", "Nobody"))
                .when().post("/customers").then().statusCode(422).body("errors[0].field", equalTo("company"));
        given().header("Authorization", FINANCE).queryParam("company", "no-such-co").when().get("/receivables")
                .then().statusCode(422).body("errors[0].field", equalTo("company"));
        given().header("Authorization", FINANCE).queryParam("company", "no-such-co").when().get("/customers").then()
                .statusCode(422);
        given().header("Authorization", FINANCE).queryParam("company", "no-such-co").when().get("/exceptions").then()
                .statusCode(422);
        given().header("Authorization", FINANCE).queryParam("company", "no-such-co").when().get("/payments").then()
                .statusCode(422);
    }

    @Test
    void externalIdsAndPayerIdentitiesAreUniqueWithinACompanyOnly() {
        String a = TestCompanies.create("ext-a").code();
        String b = TestCompanies.create("ext-b").code();
        String ext = TestData.unique("C001");
        Map<String, Object> identity = Map.of("kind", "wechat_openid", "value", "o-" + ext);

        long inA = customer(a, ext);
        long inB = customer(b, ext);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(identity)
                .when().post("/customers/{id}/identities", inA).then().statusCode(201);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(identity)
                .when().post("/customers/{id}/identities", inB).then().statusCode(201);

        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("company", a, "externalId", ext, "name", "Again"))
                .when().post("/customers").then().statusCode(409)
                .body("detail", equalTo("Another customer of this company has this externalId"));
        long secondInA = customer(a, TestData.unique("C002"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(identity)
                .when().post("/customers/{id}/identities", secondInA).then().statusCode(409)
                .body("detail", equalTo(
                        "This payer identity already belongs to a customer of this company; remove it there first"));
        given().header("Authorization", FINANCE).queryParam("company", b).when().get("/customers")
                .then().statusCode(200).body("items.id", contains((int) inB)).body("items[0].company", equalTo(b));
    }

    @Test
    void aReceivableIsItsCustomersCompanysAndANamedOtherCompanyIsRefused() {
        String a = TestCompanies.create("rcv-a").code();
        String b = TestCompanies.create("rcv-b").code();
        long customer = customer(a, TestData.unique("C"));
        Map<String, Object> body = new LinkedHashMap<>(
                Map.of("customerId", customer, "reference", "INV-1", "amount", "88.80", "currency", "CNY",
                        "issueDate", "2031-01-01", "dueDate", "2031-01-31"));

        given().header("Authorization", FINANCE).contentType(ContentType.JSON).body(body)
                .when().post("/receivables").then().statusCode(201).body("company", equalTo(a));
        body.put("reference", "INV-2");
        body.put("company", b);
        given().header("Authorization", FINANCE).contentType(ContentType.JSON).body(body)
                .when().post("/receivables").then().statusCode(422)
                .body("errors[0].field", equalTo("company"))
                .body("detail", equalTo("Customer " + customer + " belongs to company '" + a + "', not '" + b
                        + "'; a receivable belongs to its customer's company"));
        assertEquals(1, TestDb.count("select count(*) from receivables where customer_id = ?", customer));

        given().header("Authorization", FINANCE).queryParam("company", a).when().get("/receivables")
                .then().statusCode(200).body("items.reference", contains("INV-1")).body("items[0].company", equalTo(a));
        given().header("Authorization", FINANCE).queryParam("company", b).when().get("/receivables")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theSchemaKeepsAReceivableInItsCustomersCompany() {
        long a = TestCompanies.create("fk-a").id();
        long b = TestCompanies.create("fk-b").id();
        long customer = TestDb.count("insert into customers (company_id, name) values (?, 'FK') returning id", a);

        long derived = TestDb
                .count("insert into receivables (customer_id, reference, amount_minor, currency, issue_date, due_date) "
                        + "values (?, 'FK-1', 100, 'CNY', current_date, current_date) returning company_id", customer);
        assertEquals(a, derived, "a row that names no company gets its customer's");
        java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                () -> {
                    try (var c = TestDb.connect();
                            var ps = c.prepareStatement(
                                    "insert into receivables (company_id, customer_id, reference, amount_minor,"
                                            + " currency, issue_date, due_date) values (?, ?, 'FK-2', 100, 'CNY', current_date, current_date)")) {
                        ps.setLong(1, b);
                        ps.setLong(2, customer);
                        ps.executeUpdate();
                    }
                });
        assertEquals("23503", refused.getSQLState(), "foreign key violation: " + refused.getMessage());
    }

    @Test
    void anImportLooksUpExternalIdsInItsCompanyOnly() {
        String a = TestCompanies.create("imp-a").code();
        String b = TestCompanies.create("imp-b").code();
        String ext = TestData.unique("ERP");
        long inA = customer(a, ext);
        String csv = "customer_external_id,reference,amount,currency,issue_date,due_date\n" + ext
                + ",IMP-1,10.00,CNY,2031-01-01,2031-01-31\n";

        given().header("Authorization", FINANCE).contentType("text/csv").queryParam("company", b)
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/receivables/import").then().statusCode(422)
                .body("errors[0].message",
                        equalTo("no customer with external id '" + ext + "' in company '" + b + "'"));
        given().header("Authorization", FINANCE).contentType("text/csv").queryParam("company", a)
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/receivables/import").then().statusCode(200).body("inserted", equalTo(1));
        assertEquals(1, TestDb.count("select count(*) from receivables r join companies c on c.id = r.company_id "
                + "where r.customer_id = ? and c.code = ?", inA, a));
        given().header("Authorization", FINANCE).contentType("text/csv").queryParam("company", "no-such-co")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/receivables/import").then().statusCode(422).body("errors[0].field", equalTo("company"));
    }
}
