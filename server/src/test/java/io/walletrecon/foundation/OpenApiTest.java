package io.walletrecon.foundation;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class OpenApiTest {

    @Test
    void contractDocumentsRoutesTheirErrorsAndTheBearerScheme() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/accounts'.post.responses.'409'", notNullValue())
                .body("paths.'/accounts'.post.responses.'403'", notNullValue())
                .body("paths.'/transactions'.get.responses.'401'", notNullValue())
                .body("paths.'/admin/audit/verify'.get", notNullValue())
                .body("components.securitySchemes.jwt", notNullValue());
    }
}
