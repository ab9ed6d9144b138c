package io.walletrecon.foundation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OpenApiTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

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

    @Test
    void everyOperationStatesTheSharedErrorResponses() {
        List<String> missing = new ArrayList<>();
        forEachOperation((name, operation) -> {
            Map<String, Object> responses = responses(operation);
            List<String> expected = new ArrayList<>(List.of("500"));
            List<Map<String, Object>> parameters = list(operation.get("parameters"));
            if (parameters.stream().anyMatch(OpenApiTest::mayBeMalformed) || hasJsonBody(operation)) {
                expected.add("400");
            }
            if (!list(operation.get("security")).isEmpty()) {
                expected.addAll(List.of("401", "403"));
                if (parameters.stream()
                        .anyMatch(p -> "path".equals(p.get("in")) && namesRecord((String) p.get("name")))) {
                    expected.add("404");
                }
            }
            expected.stream().filter(status -> !responses.containsKey(status))
                    .forEach(status -> missing.add(name + " " + status));
        });
        assertEquals(List.of(), missing, "operations without a shared error response");
    }

    @Test
    void everyErrorResponseIsProblemJsonWithTheProblemSchema() {
        List<String> wrong = new ArrayList<>();
        forEachOperation((name, operation) -> responses(operation).forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                Map<String, Object> content = map(map(response).get("content"));
                Object ref = map(map(content.get("application/problem+json")).get("schema")).get("$ref");
                if (!PROBLEM_REF.equals(ref)) {
                    wrong.add(name + " " + status + " " + content.keySet());
                }
            }
        }));
        assertEquals(List.of(), wrong, "error responses that are not problem+json with the Problem schema");
    }

    @Test
    void everyOperationStatesWhatItAnswersOnSuccess() {
        List<String> without = new ArrayList<>();
        forEachOperation((name, operation) -> {
            if (responses(operation).keySet().stream()
                    .noneMatch(status -> status.startsWith("2") || status.startsWith("3"))) {
                without.add(name);
            }
        });
        assertEquals(List.of(), without, "operations without a success response");
    }

    @Test
    void problemSchemaDescribesTheErrorBodyWithItsErrorList() {
        JsonPath doc = document();
        Map<String, Object> properties = doc.getMap("components.schemas.Problem.properties");
        assertTrue(properties.keySet().containsAll(List.of("type", "title", "status", "detail", "errors")),
                properties.keySet().toString());
        assertTrue(doc.getMap("components.schemas.ProblemError.properties").keySet()
                .containsAll(List.of("field", "line", "message")));
    }

    @Test
    void forbiddenNamesTheRolesTheSecurityRequirementLists() {
        JsonPath doc = document();
        assertEquals(List.of("admin"), doc.getList("paths.'/accounts'.get.security[0].jwt"));
        assertEquals("Your token carries none of the roles allowed here: admin",
                doc.getString("paths.'/accounts'.get.responses.'403'.description"));
        assertEquals("Your token carries none of the roles allowed here: approver or finance",
                doc.getString("paths.'/payments/{id}'.get.responses.'403'.description"));
    }

    @Test
    void publicRoutesStateTheirOwnRefusalsAndNoBearerToken() {
        JsonPath doc = document();
        assertNull(doc.get("paths.'/statement-links/{token}'.get.security"));
        assertNull(doc.get("paths.'/statement-links/{token}'.get.responses.'401'"));
        assertEquals("The link is not valid (altered or not ours)",
                doc.getString("paths.'/statement-links/{token}'.get.responses.'403'.description"));
        assertNull(doc.get("paths.'/webhooks/{provider}/{account}'.post.responses.'401'"));
        assertEquals("Not stored; the provider retries",
                doc.getString("paths.'/webhooks/{provider}/{account}'.post.responses.'500'.description"));
    }

    @Test
    void anOperationKeepsTheMeaningOfItsOwnErrorResponses() {
        JsonPath doc = document();
        assertEquals("A run of this account is already queued or running",
                doc.getString("paths.'/matching/runs'.post.responses.'409'.description"));
        assertEquals("No such account", doc.getString("paths.'/matching/runs'.post.responses.'404'.description"));
        assertTrue(doc.getString("paths.'/payments/{id}/approvals'.post.responses.'403'.description")
                .contains("maker-checker"));
    }

    @Test
    void notFoundNamesTheRecordThePathPicks() {
        JsonPath doc = document();
        assertEquals("No such payment", doc.getString("paths.'/payments/{id}'.get.responses.'404'.description"));
        assertEquals("No such bank file",
                doc.getString("paths.'/payments/bank-files/{id}'.get.responses.'404'.description"));
        assertEquals("No such customer or identity",
                doc.getString("paths.'/customers/{id}/identities/{identityId}'.delete.responses.'404'.description"));
        assertNull(doc.get("paths.'/payment-policies/{currency}'.get.responses.'404'"));
    }

    @Test
    void aNumberInThePathIsNoBadRequestButTextIs() {
        JsonPath doc = document();
        assertNull(doc.get("paths.'/payments/{id}'.get.responses.'400'"));
        assertEquals(List.of("400", "401", "403", "404", "500"),
                doc.getMap("paths.'/accounts/{code}'.get.responses").keySet().stream().map(String::valueOf)
                        .filter(s -> !s.startsWith("2")).sorted().toList());
    }

    /** A path parameter that picks one record: the same words as the filter's Javadoc. */
    private static boolean namesRecord(String name) {
        return List.of("id", "code", "account", "name").contains(name) || name.endsWith("Id");
    }

    /** Query and header parameters, and text in the path: a number in the path that does not parse is a 404. */
    private static boolean mayBeMalformed(Map<String, Object> parameter) {
        Object type = map(parameter.get("schema")).get("type");
        return !"path".equals(parameter.get("in")) || "string".equals(type)
                || (type instanceof List<?> types && types.contains("string"));
    }

    private static boolean hasJsonBody(Map<String, Object> operation) {
        return map(map(operation.get("requestBody")).get("content")).containsKey("application/json");
    }

    private static JsonPath document() {
        return given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    private static void forEachOperation(BiConsumer<String, Map<String, Object>> check) {
        Map<String, Object> paths = document().getMap("paths");
        assertTrue(paths.size() > 40, "paths: " + paths.keySet());
        paths.forEach((path, item) -> map(item).forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                check.accept(method.toUpperCase() + " " + path, map(operation));
            }
        }));
    }

    private static Map<String, Object> responses(Map<String, Object> operation) {
        return map(operation.get("responses"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
