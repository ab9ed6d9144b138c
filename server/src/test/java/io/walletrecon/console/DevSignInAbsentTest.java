package io.walletrecon.console;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The local sign-in page of dev mode is not part of any other build: the test build, like prod, has no such route. */
@QuarkusTest
class DevSignInAbsentTest {

    @Test
    void theLocalSignInPageExistsInDevBuildsOnly() {
        assertEquals("dev", DevSignIn.class.getAnnotation(IfBuildProfile.class).value());
        given().when().get("/dev/oidc/.well-known/openid-configuration").then().statusCode(404);
        given().when().get("/dev/oidc/sign-in").then().statusCode(404);
        given().contentType("application/x-www-form-urlencoded").formParam("code", "x").formParam("code_verifier", "y")
                .when().post("/dev/oidc/token").then().statusCode(404);
    }
}
