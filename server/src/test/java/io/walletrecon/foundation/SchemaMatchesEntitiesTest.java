package io.walletrecon.foundation;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hibernate checks every entity against the schema the migrations built (schema management {@code validate}, set for
 * every test start in the server's {@code %test} configuration): a column mapped with another type than its migration
 * gives it (a {@code text} column mapped as {@code varchar(255)}) stops the application's start, and with it this test.
 * Dev mode runs the same check and logs an ERROR instead.
 */
@QuarkusTest
class SchemaMatchesEntitiesTest {

    @Test
    void entityMappingsMatchTheMigratedSchema() {
        assertEquals("validate", ConfigProvider.getConfig()
                .getValue("quarkus.hibernate-orm.schema-management.strategy", String.class));
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
