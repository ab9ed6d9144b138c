package io.walletrecon.jobs;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.walletrecon.statements.Samples;
import io.walletrecon.testing.FakeS3;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The statement-import function with walletrecon.storage.kind=s3 reads the uploaded object from (fake) S3. */
@QuarkusTest
@TestProfile(StatementImportFromS3Test.Profile.class)
class StatementImportFromS3Test {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "statement-import");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeS3.class));
        }
    }

    @Test
    void anUploadedStatementIsStreamedFromS3AndImported() {
        String account = TestData.unique("s3get");
        TestDb.update(
                "insert into accounts (company_id, code, provider, name, currency, time_zone) values ((select id from companies where code = 'default'), ?, 'bank', 'Bank', 'EUR', 'Europe/Berlin')",
                account);
        String objectPath = "/" + FakeS3.BUCKET + "/statements/" + account + "/MT940%202026-03-03.txt";
        WireMock s3 = FakeS3.client();
        s3.register(get(urlPathEqualTo(objectPath))
                .willReturn(aResponse().withStatus(200).withBody(Samples.bytes("mt940.txt"))));

        given().contentType("application/json").accept("application/json")
                .body(StatementImportHandlerTest.event(FakeS3.BUCKET,
                        "statements/" + account + "/MT940+2026-03-03.txt"))
                .when().post()
                .then().statusCode(200)
                .body("status", contains("imported"))
                .body("inserted", contains(3));

        s3.verifyThat(1, getRequestedFor(urlPathEqualTo(objectPath)));
        long accountId = TestDb.count("select id from accounts where code = ?", account);
        assertEquals(48450L,
                TestDb.count("select closing_balance_minor from statements where account_id = ?", accountId));
        assertEquals("s3:" + FakeS3.BUCKET,
                TestDb.scalar("select imported_by from statements where account_id = ?", accountId));
        assertEquals(3L, TestDb.count("select count(*) from statement_lines where account_id = ?", accountId));
    }
}
