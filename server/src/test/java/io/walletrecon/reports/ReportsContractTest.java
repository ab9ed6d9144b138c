package io.walletrecon.reports;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ReportsContractTest {

    @Test
    void anyAcceptGetsJson() {
        given().header("Authorization", io.walletrecon.testing.TestJwt.bearer("fiona", "finance")).accept("*/*")
                .queryParam("from", "2026-01-01").queryParam("to", "2026-01-02")
                .when().get("/reports/differences")
                .then().statusCode(200).contentType("application/json");
    }

    @Test
    void openApiDocumentsTheReportRoutesAndTheirErrors() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/reports/{name}'.get.responses.'406'", notNullValue())
                .body("paths.'/reports/{name}/exports'.post.responses.'202'", notNullValue())
                .body("paths.'/reports/exports/{id}/file'.get.responses.'409'", notNullValue())
                .body("paths.'/statement-links/{token}/disputes'.post.responses.'410'", notNullValue())
                .body("paths.'/statement-links/{token}/confirmation'.post.responses.'409'", notNullValue());
    }
}
