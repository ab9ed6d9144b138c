package io.walletrecon.companies;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The contract of /companies: admins write, finance and approvers read; audited; problem+json for bad input. */
@QuarkusTest
class CompaniesApiTest {

    static final String ADMIN = TestJwt.bearer("co-admin", "admin");
    static final String FINANCE = TestJwt.bearer("co-finance", "finance");
    static final String APPROVER = TestJwt.bearer("co-approver", "approver");

    static Map<String, Object> body(String code) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", "华东贸易 " + code);
        m.put("legalName", "上海华东贸易有限公司");
        m.put("country", "CN");
        m.put("timeZone", "Asia/Shanghai");
        return m;
    }

    @Test
    void anAdminCreatesACompanyThatFinanceAndApproversRead() {
        String code = TestData.unique("east");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body(code))
                .when().post("/companies")
                .then().statusCode(201)
                .body("code", equalTo(code)).body("legalName", equalTo("上海华东贸易有限公司")).body("country", equalTo("CN"))
                .body("timeZone", equalTo("Asia/Shanghai")).body("isDefault", equalTo(false));

        given().header("Authorization", FINANCE).when().get("/companies/{code}", code).then().statusCode(200)
                .body("name", equalTo("华东贸易 " + code));
        given().header("Authorization", APPROVER).when().get("/companies").then().statusCode(200).body("code",
                hasItems(code, "default"));
        assertEquals(1, TestDb.count(
                "select count(*) from audit_log where action = 'company.created' and entity_id = ? and actor = ?",
                code, TestJwt.person("co-admin")));
    }

    @Test
    void theMigrationsCompanyIsTheConfiguredDefault() {
        given().header("Authorization", FINANCE).when().get("/companies/default").then().statusCode(200)
                .body("isDefault", equalTo(true));
    }

    @Test
    void onlyAdminsWriteCompanies() {
        given().header("Authorization", FINANCE).contentType(ContentType.JSON).body(body(TestData.unique("nope")))
                .when().post("/companies").then().statusCode(403);
        given().header("Authorization", APPROVER).contentType(ContentType.JSON).body(Map.of("name", "x"))
                .when().patch("/companies/default").then().statusCode(403);
        given().when().get("/companies").then().statusCode(401);
    }

    @Test
    void aSecondCompanyWithTheSameCodeIsAConflict() {
        String code = TestData.unique("dup");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body(code)).when().post("/companies")
                .then().statusCode(201);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body(code))
                .when().post("/companies")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("A company with code '" + code + "' already exists"));
    }

    @Test
    void invalidFieldsAreEachNamedAndNothingIsStored() {
        Map<String, Object> bad = body("Not A Code");
        bad.put("country", "China");
        bad.put("legalName", " ");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(bad)
                .when().post("/companies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("code", "country", "legalName"));

        String code = TestData.unique("zone");
        Map<String, Object> zone = body(code);
        zone.put("timeZone", "Shanghai");
        zone.put("country", "XX");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(zone)
                .when().post("/companies")
                .then().statusCode(400)
                .body("errors.field", hasItems("country", "timeZone"))
                .body("errors.message", hasItem("'XX' is not an ISO 3166-1 alpha-2 country code"));
        assertEquals(0, TestDb.count("select count(*) from companies where code = ?", code));
    }

    @Test
    void anUnknownCompanyIsNotFound() {
        given().header("Authorization", FINANCE).when().get("/companies/no-such-company")
                .then().statusCode(404).body("detail", equalTo("No company with code 'no-such-company'"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("name", "x"))
                .when().patch("/companies/no-such-company").then().statusCode(404);
    }

    @Test
    void patchChangesWhatIsGivenKeepsTheCodeAndIsAudited() {
        String code = TestData.unique("rename");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body(code)).when().post("/companies")
                .then().statusCode(201);

        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("legalName", "华东贸易（集团）有限公司", "timeZone", "Asia/Hong_Kong"))
                .when().patch("/companies/{code}", code)
                .then().statusCode(200).body("code", equalTo(code)).body("legalName", equalTo("华东贸易（集团）有限公司"))
                .body("timeZone", equalTo("Asia/Hong_Kong")).body("country", equalTo("CN"));
        assertEquals(1, TestDb.count("select count(*) from audit_log where action = 'company.updated' and entity_id = ?"
                + " and details like '%Asia/Hong_Kong%'", code));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("country", "cn"))
                .when().patch("/companies/{code}", code).then().statusCode(400)
                .body("errors[0].field", equalTo("country"));
    }
}
