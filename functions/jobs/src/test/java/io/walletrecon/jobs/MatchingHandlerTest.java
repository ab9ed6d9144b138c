package io.walletrecon.jobs;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The {@code matching} handler invoked the way EventBridge does: a scheduled event posted to the mock event server. */
@QuarkusTest
@TestProfile(MatchingHandlerTest.MatchingHandlerProfile.class)
class MatchingHandlerTest {

    public static class MatchingHandlerProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "matching");
        }
    }

    @Test
    void aScheduledEventRunsTheAccountsAndReturnsTheirRuns() {
        String code = TestData.unique("wx");
        long account = TestDb.count(
                "insert into accounts (company_id, code, provider, name, currency, time_zone) values ((select id from companies where code = 'default'), ?, 'wechatpay', 'WeChat', 'CNY', 'Asia/Shanghai') returning id",
                code);
        TestDb.update("insert into matching_config (account_id, day_end_time, updated_by) values (?, '00:00', 'test')",
                account);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long customer = TestDb.count(
                "insert into customers (company_id, external_id, name) values ((select id from companies where code = 'default'), ?, 'Lambda customer') returning id",
                code);
        long receivable = TestDb.count(
                "insert into receivables (customer_id, reference, amount_minor, currency, issue_date, due_date) "
                        + "values (?, ?, 6600, 'CNY', ?, ?) returning id",
                customer, "LB-" + code, today, today.plusDays(10));
        TestDb.update(
                "insert into transactions (account_id, provider_txn_id, direction, amount_minor, currency, status, merchant_reference, occurred_at, value_date) "
                        + "values (?, ?, 'in', 6600, 'CNY', 'succeeded', ?, now(), ?)",
                account, "wx-" + code, "LB-" + code, today);

        given().contentType("application/json").accept("application/json")
                .body(Map.of("source", "aws.events", "detail-type", "Scheduled Event", "detail",
                        Map.of("kind", "day_end")))
                .when().post()
                .then().statusCode(200)
                .body("find { it.account == '" + code + "' }.kind", equalTo("day_end"))
                .body("find { it.account == '" + code + "' }.state", equalTo("succeeded"))
                .body("find { it.account == '" + code + "' }.counts.matches.reference", equalTo(1));

        assertEquals("paid", TestDb.scalar("select status from receivables where id = ?", receivable));
        assertEquals(1, TestDb.count(
                "select count(*) from match_runs where account_id = ? and kind = 'day_end' and requested_by = 'scheduler'",
                account));
    }

    @Test
    void anEventOutsideTheContractFailsTheInvocationAndRunsNothing() {
        long before = TestDb.count("select count(*) from match_runs");
        for (Map<String, String> detail : List.of(Map.of("mode", "day-end"), Map.of("kind", "day-end"),
                Map.of("kind", "manual"))) {
            given().contentType("application/json").accept("application/json")
                    .body(Map.of("source", "aws.events", "detail-type", "Scheduled Event", "detail", detail))
                    .when().post()
                    .then().statusCode(not(equalTo(200)));
        }
        assertEquals(before, TestDb.count("select count(*) from match_runs"), "no run was started");
    }
}
