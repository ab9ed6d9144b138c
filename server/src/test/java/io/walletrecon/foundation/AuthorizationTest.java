package io.walletrecon.foundation;

import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AuthorizationTest {

    @ParameterizedTest(name = "{0} without a token is 401")
    @CsvSource({"/accounts", "/transactions?account=x", "/admin/audit/verify"})
    void protectedRouteWithoutTokenIsUnauthorized(String path) {
        given().when().get(path)
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void tokenSignedByAnotherKeyIsUnauthorized() {
        String forged = TestJwt.token("mallory", "admin");
        String[] parts = forged.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        given().header("Authorization", "Bearer " + tampered).when().get("/accounts").then().statusCode(401);
    }

    @ParameterizedTest(name = "{0} with role {1} is {2}")
    @CsvSource({
            "/accounts, admin, 200",
            "/accounts, finance, 403",
            "/accounts, approver, 403",
            "/transactions?account=no-such, finance, 404",
            "/transactions?account=no-such, approver, 403",
            "/transactions?account=no-such, admin, 403",
            "/admin/audit/verify, admin, 200",
            "/admin/audit/verify, finance, 403",
            "/admin/audit/verify, approver, 403"})
    void rolesDecideAccess(String path, String role, int status) {
        given().header("Authorization", TestJwt.bearer("user-" + role, role))
                .when().get(path)
                .then().statusCode(status);
    }

    @Test
    void forbiddenIsAProblemDocument() {
        given().header("Authorization", TestJwt.bearer("bob", "finance"))
                .when().get("/accounts")
                .then().statusCode(403).contentType("application/problem+json")
                .body("title", equalTo("Forbidden"));
    }

    @Test
    void healthAndOpenApiArePublic() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
