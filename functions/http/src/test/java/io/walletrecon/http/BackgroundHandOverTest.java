package io.walletrecon.http;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.walletrecon.testing.FakeS3;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The HTTP function as deployed (walletrecon.background.kind=jobs-function): a matching run or an export a person
 * starts is answered at once and handed to the background-work function as an object jobs/&lt;kind&gt;/&lt;id&gt; in
 * the
 * documents bucket; nothing of it runs in this function after the answer, which Lambda would freeze.
 */
@QuarkusTest
@TestProfile(BackgroundHandOverTest.JobsFunction.class)
class BackgroundHandOverTest {

    public static class JobsFunction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("walletrecon.background.kind", "jobs-function");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeS3.class));
        }
    }

    private static final String FINANCE = TestJwt.bearer("lambda-fiona", "finance");

    @Test
    void aMatchingRunIsHandedToTheJobsFunctionAndNotRunHere() throws Exception {
        String account = TestData.unique("lambda-bg");
        TestDb.update(
                "insert into accounts (company_id, code, provider, name, currency, time_zone) values ((select id from companies where code = 'default'), ?, 'wechatpay', 'WeChat', 'CNY', 'Asia/Shanghai')",
                account);
        WireMock s3 = FakeS3.client();
        s3.register(put(urlPathMatching("/" + FakeS3.BUCKET + "/jobs/.*"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"e\"")));

        long id = given().header("Authorization", FINANCE).contentType("application/json")
                .body(Map.of("account", account, "from", "2026-05-01", "to", "2026-05-03"))
                .when().post("/matching/runs").then().statusCode(202).extract().jsonPath().getLong("id");

        s3.verifyThat(1, putRequestedFor(urlPathEqualTo("/" + FakeS3.BUCKET + "/jobs/matching-run/" + id)));
        Thread.sleep(500);
        assertEquals("queued", TestDb.scalar("select state from match_runs where id = ?", id),
                "the run waits for the jobs function");
        TestDb.update("update match_runs set state = 'refused' where id = ?", id);
    }

    @Test
    void anExportIsHandedToTheJobsFunctionAndNotRunHere() throws Exception {
        String account = TestData.unique("lambda-bgx");
        TestDb.update(
                "insert into accounts (company_id, code, provider, name, currency, time_zone) values ((select id from companies where code = 'default'), ?, 'bank', 'Bank', 'CNY', 'Asia/Shanghai')",
                account);
        WireMock s3 = FakeS3.client();
        s3.register(put(urlPathMatching("/" + FakeS3.BUCKET + "/jobs/.*"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"e\"")));

        String id = given().header("Authorization", FINANCE).queryParam("format", "csv").queryParam("account", account)
                .queryParam("from", "2026-05-01").queryParam("to", "2026-05-03")
                .when().post("/reports/differences/exports").then().statusCode(202).extract().path("id");

        s3.verifyThat(1, putRequestedFor(urlPathEqualTo("/" + FakeS3.BUCKET + "/jobs/report-export/" + id)));
        Thread.sleep(500);
        assertEquals("queued", TestDb.scalar("select state from report_exports where id = cast(? as uuid)", id));
    }
}
