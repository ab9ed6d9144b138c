package io.walletrecon.foundation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AccountsApiTest {

    private static final String ADMIN = TestJwt.bearer("alice", "admin");

    private static Map<String, Object> stripe(String code) {
        return Map.of("code", code, "provider", "stripe", "name", "Stripe main", "currency", "USD",
                "timeZone", "America/New_York", "credentials",
                Map.of("webhookSecrets", List.of("whsec_test_secret_one")));
    }

    @Test
    void createdAccountIsReturnedWithoutItsCredentials() {
        String code = TestData.unique("stripe");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(stripe(code))
                .when().post("/accounts")
                .then().statusCode(201)
                .body("code", equalTo(code))
                .body("provider", equalTo("stripe"))
                .body("currency", equalTo("USD"))
                .body("credentialsConfigured", equalTo(true))
                .body("credentials", nullValue())
                .body(not(containsString("whsec_test_secret_one")));

        given().header("Authorization", ADMIN).when().get("/accounts/" + code)
                .then().statusCode(200).body("name", equalTo("Stripe main")).body(not(containsString("whsec_")));
        given().header("Authorization", ADMIN).when().get("/accounts")
                .then().statusCode(200).body("code", hasItem(code));
    }

    @Test
    void creatingAnAccountIsAuditedWithTheTokenSubject() {
        String code = TestData.unique("audited");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(stripe(code)).post("/accounts").then()
                .statusCode(201);
        assertEquals(TestJwt.person("alice"), TestDb.scalar(
                "select actor from audit_log where entity_type = 'account' and entity_id = ? and action = 'account.created'",
                code));
    }

    @Test
    void duplicateCodeIsAConflict() {
        String code = TestData.unique("dup");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(stripe(code)).post("/accounts").then()
                .statusCode(201);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(stripe(code))
                .when().post("/accounts")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", equalTo("An account with code '" + code + "' already exists"));
    }

    @Test
    void invalidFieldsAreListedAsProblemDetails() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", "Bad Code!", "provider", "paypal", "name", "", "currency", "usd", "timeZone",
                        "Mars/Base"))
                .when().post("/accounts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://walletrecon.io/problems/validation"))
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("provider"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("currency"))
                .body(not(containsString("java.")))
                .body(not(containsString("Exception")));
    }

    @Test
    void unknownTimeZoneAndCurrencyAreRejected() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", TestData.unique("tz"), "provider", "bank", "name", "Bank", "currency", "XYZ",
                        "timeZone", "Mars/Base"))
                .when().post("/accounts")
                .then().statusCode(400)
                .body("errors.field", hasItem("currency"))
                .body("errors.field", hasItem("timeZone"));
    }

    @Test
    void unusableCredentialsAreRejectedAndNothingIsStored() {
        String code = TestData.unique("badcred");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", code, "provider", "wechatpay", "name", "WeChat", "currency", "CNY", "timeZone",
                        "Asia/Shanghai",
                        "credentials", Map.of("merchantId", "1900000001", "apiV3Key", "too-short",
                                "platformPublicKeys", Map.of("SERIAL1", "not a key"))))
                .when().post("/accounts")
                .then().statusCode(400)
                .body("errors.field", hasItem("credentials.apiV3Key"))
                .body("errors.field", hasItem("credentials.platformPublicKeys.SERIAL1"));
        assertEquals(0L, TestDb.count("select count(*) from accounts where code = ?", code));
    }

    @Test
    void malformedJsonIsABadRequestWithItsPosition() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"code\": ")
                .when().post("/accounts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void patchRenamesAndRotatesSecretsAndIsAudited() {
        String code = TestData.unique("patch");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(stripe(code)).post("/accounts").then()
                .statusCode(201);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Stripe renamed", "credentials",
                        Map.of("webhookSecrets", List.of("whsec_new_secret_1", "whsec_test_secret_one"))))
                .when().patch("/accounts/" + code)
                .then().statusCode(200).body("name", equalTo("Stripe renamed")).body("updatedAt", notNullValue());
        assertEquals(1L, TestDb.count(
                "select count(*) from audit_log where entity_id = ? and action = 'account.updated' and details like '%replaced%'",
                code));
    }

    @Test
    void unknownAccountIsNotFound() {
        given().header("Authorization", ADMIN).when().get("/accounts/no-such-account")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No account with code 'no-such-account'"));
    }
}
