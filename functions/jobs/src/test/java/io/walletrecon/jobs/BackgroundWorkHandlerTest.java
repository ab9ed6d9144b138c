package io.walletrecon.jobs;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The {@code background-work} handler invoked the way S3 does when the HTTP function put a job object. */
@QuarkusTest
@TestProfile(BackgroundWorkHandlerTest.BackgroundWorkProfile.class)
class BackgroundWorkHandlerTest {

    public static class BackgroundWorkProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "background-work");
        }
    }

    private static Map<String, Object> objectCreated(String key) {
        return Map.of("Records", List.of(Map.of("eventSource", "aws:s3", "eventName", "ObjectCreated:Put",
                "s3",
                Map.of("bucket", Map.of("name", "walletrecon-prod-docs"), "object", Map.of("key", key, "size", 40)))));
    }

    @Test
    void aQueuedRunIsExecutedOnceEvenWhenItsObjectIsDeliveredTwice() {
        String code = TestData.unique("bgw");
        long account = TestDb.count(
                "insert into accounts (company_id, code, provider, name, currency, time_zone) values ((select id from companies where code = 'default'), ?, 'wechatpay', 'WeChat', 'CNY', 'Asia/Shanghai') returning id",
                code);
        LocalDate day = LocalDate.of(2031, 4, 2);
        long customer = TestDb.count(
                "insert into customers (company_id, external_id, name) values ((select id from companies where code = 'default'), ?, 'Background customer') returning id",
                code);
        long receivable = TestDb.count(
                "insert into receivables (customer_id, reference, amount_minor, currency, issue_date, due_date) "
                        + "values (?, ?, 3100, 'CNY', ?, ?) returning id",
                customer, "BG-" + code, day.minusDays(10), day.plusDays(10));
        TestDb.update(
                "insert into transactions (account_id, provider_txn_id, direction, amount_minor, currency, status, merchant_reference, occurred_at, value_date) "
                        + "values (?, ?, 'in', 3100, 'CNY', 'succeeded', ?, now(), ?)",
                account, "bg-" + code, "BG-" + code, day);
        long run = TestDb.count(
                "insert into match_runs (account_id, kind, period_start, period_end, requested_by) values (?, 'manual', ?, ?, 'fiona') returning id",
                account, day, day);

        given().contentType("application/json").body(objectCreated("jobs/matching-run/" + run)).when().post()
                .then().statusCode(200).body("[0].kind", equalTo("matching-run"))
                .body("[0].state", equalTo("succeeded"));
        given().contentType("application/json").body(objectCreated("jobs/matching-run/" + run)).when().post()
                .then().statusCode(200).body("[0].state", equalTo("succeeded"));

        assertEquals("paid", TestDb.scalar("select status from receivables where id = ?", receivable));
        assertEquals(1, TestDb.count("select count(*) from matches where run_id = ?", run));
        assertEquals(1,
                TestDb.count("select count(*) from audit_log where action = 'matching.run.completed' and entity_id = ?",
                        String.valueOf(run)));
    }

    @Test
    void anObjectThatNamesNoJobFailsTheInvocation() {
        given().contentType("application/json").body(objectCreated("jobs/refund/42")).when().post()
                .then().statusCode(not(equalTo(200)));
    }
}
