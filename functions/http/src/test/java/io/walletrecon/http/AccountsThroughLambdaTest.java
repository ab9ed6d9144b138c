package io.walletrecon.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * In test mode quarkus-amazon-lambda-http turns each RestAssured request into an API Gateway event for the
 * function, so these calls take the same path as production traffic.
 */
@QuarkusTest
class AccountsThroughLambdaTest {

    private static final String ADMIN = TestJwt.bearer("lambda-admin", "admin");

    @Test
    void restRouteAnswersThroughTheLambdaHttpAdapter() {
        String code = TestData.unique("via-lambda");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", code, "provider", "bank", "name", "Bank via Lambda", "currency", "KWD", "timeZone",
                        "Asia/Kuwait"))
                .when().post("/accounts")
                .then().statusCode(201).body("code", equalTo(code));
        given().header("Authorization", ADMIN).when().get("/accounts/" + code)
                .then().statusCode(200).body("currency", equalTo("KWD")).body("timeZone", equalTo("Asia/Kuwait"));
    }

    @Test
    void missingTokenIsAProblemDocumentThroughTheAdapterToo() {
        given().when().get("/accounts").then().statusCode(401).contentType("application/problem+json");
    }
}
