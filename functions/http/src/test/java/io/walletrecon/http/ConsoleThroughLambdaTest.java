package io.walletrecon.http;

import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/**
 * The console and the customer's pages inside the HTTP function: the sign-in redirect, the stylesheet and htmx, and
 * pages rendered from core's templates and message bundles, each reached as an API Gateway event through the Lambda
 * HTTP mock. {@code ConsoleThroughLambdaIT} runs them against the native executable (templates, bundles and static
 * resources are what a native build can leave out).
 */
@QuarkusTest
class ConsoleThroughLambdaTest {

    private static final String ADMIN = TestJwt.bearer("lambda-console-admin", "admin", "finance");

    @Test
    void aSignedOutVisitorOfTheConsoleIsSentToSignInWithPkce() {
        given().redirects().follow(false).accept("text/html").when().get("/console")
                .then().statusCode(302)
                .header("Location", allOf(containsString("/authorize?"), containsString("code_challenge_method=S256")));
    }

    @Test
    void theStylesheetAndHtmxComeFromTheFunctionItself() {
        given().when().get("/assets/console.css").then().statusCode(200).contentType(startsWith("text/css"));
        given().when().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200).body(containsString("htmx"));
    }

    @Test
    void theCustomersStatementPageRendersFromCoresTemplates() {
        long customer = customer("广州南方贸易有限公司");
        String url = given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"customer\":" + customer + ",\"from\":\"2025-06-01\",\"to\":\"2025-06-30\"}")
                .when().post("/statement-links").then().statusCode(201).extract().jsonPath().getString("url");
        given().accept("text/html").when().get(url.substring(url.indexOf("/statement-links/")))
                .then().statusCode(200).contentType(startsWith("text/html"))
                .body(allOf(containsString("对账单"), containsString("广州南方贸易有限公司")));
    }

    @Test
    void theCustomersPaymentPageRendersWithCodeAndQr() {
        long customer = customer("Globex Trading GmbH");
        var code = given().header("Authorization", ADMIN).accept("application/json")
                .when().get("/customers/{id}/collection-code", customer).then().statusCode(200).extract().jsonPath();
        String page = code.getString("page");
        given().accept("text/html").when().get(page.substring(page.indexOf("/pay/")))
                .then().statusCode(200).contentType(startsWith("text/html"))
                .body(allOf(containsString(code.getString("code")), containsString("<svg"), containsString("付款方式")));
    }

    private static long customer(String name) {
        return given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"externalId\":\"" + TestData.unique("C") + "\"}")
                .when().post("/customers").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
