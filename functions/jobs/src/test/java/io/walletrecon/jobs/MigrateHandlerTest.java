package io.walletrecon.jobs;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.walletrecon.testing.TestDb;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-shot migration function, invoked through the mock event server as {@code aws lambda invoke} would. */
@QuarkusTest
@TestProfile(MigrateHandlerTest.MigrateHandlerProfile.class)
class MigrateHandlerTest {

    public static class MigrateHandlerProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "migrate");
        }
    }

    @Test
    void migrateBuildsAnEmptySchemaUpToTheLatestVersion() {
        TestDb.update("drop schema public cascade");
        TestDb.update("create schema public");

        var reply = given().contentType("application/json").accept("application/json").body(Map.of())
                .when().post()
                .then().statusCode(200)
                .body("versionBefore", nullValue())
                .extract().jsonPath();

        long applied = TestDb.count("select count(*) from flyway_schema_history where success and version is not null");
        String latest = TestDb
                .scalar("select version from flyway_schema_history where success order by installed_rank desc limit 1");
        assertEquals(applied, reply.getLong("migrationsApplied"));
        assertEquals(latest, reply.getString("versionAfter"));
        assertTrue(applied >= 2, "V1 and V2 at least, got " + applied);
        assertEquals(1L, TestDb.count(
                "select count(*) from information_schema.tables where table_schema = 'public' and table_name = 'audit_log'"));
    }

    @Test
    void migrateOnAnUpToDateSchemaAppliesNothing() {
        // Whatever the order of the tests, one run brings the schema up to date; the next must be a no-op.
        given().contentType("application/json").body(Map.of()).when().post().then().statusCode(200);
        long historyRows = TestDb.count("select count(*) from flyway_schema_history");
        String latest = TestDb
                .scalar("select version from flyway_schema_history where success order by installed_rank desc limit 1");

        given().contentType("application/json").accept("application/json").body(Map.of())
                .when().post()
                .then().statusCode(200)
                .body("migrationsApplied", equalTo(0))
                .body("versionBefore", equalTo(latest))
                .body("versionAfter", equalTo(latest));
        assertEquals(historyRows, TestDb.count("select count(*) from flyway_schema_history"));
    }
}
