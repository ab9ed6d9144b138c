package io.walletrecon.reports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ReportsContractTest {

    private static final String FINANCE = io.walletrecon.testing.TestJwt.bearer("fiona", "finance");

    /** What GET /reports/{name} and POST /reports/{name}/exports document for each of their shared parameters. */
    private static final Map<String, String> SHARED = Map.ofEntries(
            Map.entry("name", "reconciliation | differences | fund-flow | customer-statement"),
            Map.entry("account", "Account code (required for reconciliation; a filter elsewhere)"),
            Map.entry("from", "First business date, yyyy-MM-dd (inclusive)"),
            Map.entry("to", "Last business date, yyyy-MM-dd (inclusive)"),
            Map.entry("groupBy", "fund-flow breakdown: account | channel | customer (default account)"),
            Map.entry("period", "fund-flow time bucket: day | week | month (default day)"),
            Map.entry("customer", "Customer id (required for customer-statement)"),
            Map.entry("currency", "ISO 4217 filter (differences, fund-flow)"),
            Map.entry("company",
                    "Company code: differences and fund-flow cover only its accounts; a named account or customer must be its"),
            Map.entry("lang",
                    "Language of the file's labels: en | zh-CN (default: Accept-Language, then configuration)"),
            Map.entry("Accept-Language", "Language of the file's labels when lang is not given (zh-CN, en)"));

    @Test
    void anyAcceptGetsJson() {
        given().header("Authorization", FINANCE).accept("*/*")
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

    @Test
    void openApiDescribesEveryReportParameter() {
        JsonPath doc = given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        Map<String, String> get = parameters(doc, "/reports/{name}", "get");
        SHARED.forEach((name, description) -> assertEquals(description, get.get(name), "GET /reports/{name} ?" + name));
        assertEquals(SHARED.size() + 2, get.size(), "GET parameters: " + get.keySet());
        assertEquals("path", location(doc, "/reports/{name}", "get", "name"));
        for (String query : List.of("account", "from", "to", "groupBy", "period", "customer", "currency", "company",
                "page", "size")) {
            assertEquals("query", location(doc, "/reports/{name}", "get", query), query);
        }
        Map<String, String> export = parameters(doc, "/reports/{name}/exports", "post");
        SHARED.forEach((name, description) -> assertEquals(description, export.get(name),
                "POST /reports/{name}/exports ?" + name));
        assertEquals("csv | xlsx | pdf", export.get("format"));
        assertEquals(SHARED.size() + 1, export.size(), "export parameters: " + export.keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf", "image/png",
            "image/svg+xml"})
    void malformedDateIsABadRequestInEveryFormat(String accept) {
        given().header("Authorization", FINANCE).accept(accept)
                .queryParam("from", "2026-02-30").queryParam("to", "2026-03-01")
                .when().get("/reports/fund-flow")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("'2026-02-30' is not a date; use yyyy-MM-dd, for example 2026-11-30"));
    }

    @Test
    void malformedDateIsABadRequestWhenStartingAnExport() {
        given().header("Authorization", FINANCE).queryParam("format", "csv")
                .queryParam("from", "2026-01-01").queryParam("to", "yesterday")
                .when().post("/reports/differences/exports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("'yesterday' is not a date; use yyyy-MM-dd, for example 2026-11-30"));
    }

    private static Map<String, String> parameters(JsonPath doc, String path, String verb) {
        List<Map<String, Object>> params = doc.getList("paths.'" + path + "'." + verb + ".parameters");
        Map<String, String> byName = new LinkedHashMap<>();
        params.forEach(p -> byName.put((String) p.get("name"), (String) p.get("description")));
        return byName;
    }

    private static String location(JsonPath doc, String path, String verb, String name) {
        List<Map<String, Object>> params = doc.getList("paths.'" + path + "'." + verb + ".parameters");
        return params.stream().filter(p -> name.equals(p.get("name"))).map(p -> (String) p.get("in")).findFirst()
                .orElse(null);
    }
}
