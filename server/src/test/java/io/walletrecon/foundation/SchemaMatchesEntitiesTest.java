package io.walletrecon.foundation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hibernate checks every entity against the schema the migrations built (schema management {@code validate}): a
 * column mapped with another type than its migration gives it (a {@code text} column mapped as {@code varchar(255)})
 * stops this application's start, and with it this test. Dev mode runs the same check and logs an ERROR instead.
 */
@QuarkusTest
@TestProfile(SchemaMatchesEntitiesTest.Validate.class)
class SchemaMatchesEntitiesTest {

    public static class Validate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.hibernate-orm.schema-management.strategy", "validate");
        }
    }

    @Test
    void entityMappingsMatchTheMigratedSchema() {
        assertEquals("validate", ConfigProvider.getConfig()
                .getValue("quarkus.hibernate-orm.schema-management.strategy", String.class));
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
