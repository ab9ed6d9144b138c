package io.walletrecon.jobs;

import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestData;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Invokes the named handler the way Lambda does: an event posted to the mock event server. */
@QuarkusTest
class DbStatusHandlerTest {

    @Test
    void handlerReadsTheDatabaseThroughTheSharedDataLayer() {
        TestDb.update(
                "insert into accounts (company_id, code, provider, name, currency, time_zone) values ((select id from companies where code = 'default'), ?, 'bank', 'Bank', 'EUR', 'Europe/Paris')",
                TestData.unique("lambda"));
        long accounts = TestDb.count("select count(*) from accounts");
        String version = TestDb.scalar("select max(version) from flyway_schema_history where success");

        given().contentType("application/json").accept("application/json")
                .body(Map.of("source", "aws.events", "detail-type", "Scheduled Event"))
                .when().post()
                .then().statusCode(200)
                .body("accounts", equalTo((int) accounts))
                .body("schemaVersion", equalTo(version));
    }
}
