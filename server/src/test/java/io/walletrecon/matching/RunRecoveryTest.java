package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.walletrecon.server.MatchingScheduler;
import io.walletrecon.testing.TestDb;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.walletrecon.matching.Fixtures.FINANCE;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs whose process died: a {@code running} run is alive exactly while its runner's backend holds the account's
 * lock. (The crash itself, with a killed server process, is {@code ServerKilledMidRunProcessTest}.)
 */
@QuarkusTest
@TestProfile(TicksOnTheirOwnDatabase.class)
class RunRecoveryTest {

    @Inject
    MatchingScheduler scheduler;

    /** A run left running by a process that is gone: no backend holds its account's lock. */
    private static long deadRun(Fixtures f, String kind, LocalDate from, LocalDate to) {
        return TestDb.count(
                "insert into match_runs (account_id, kind, period_start, period_end, state, requested_by, started_at, runner_pid) "
                        + "values (?, ?, ?, ?, 'running', 'test', now() - interval '10 minutes', 2147483000) returning id",
                f.account, kind, from, to);
    }

    private static ValidatableResponse start(Fixtures f) {
        return given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("account", f.code, "from", f.day(0).toString(), "to", f.day(3).toString()))
                .when().post("/matching/runs").then();
    }

    @Test
    void aRunWhoseProcessDiedIsAbandonedAndTheAccountTakesTheNextRun() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long c = f.customer("After a crash");
        long r = f.receivable(c, "AC-" + f.code, 700, 1);
        f.receipt("wx-ac-" + f.code, 700, 1, "AC-" + f.code);
        long dead = deadRun(f, "manual", f.day(0), f.day(3));

        long next = start(f).statusCode(202).extract().jsonPath().getLong("id");

        assertEquals("succeeded", Fixtures.await(next).getString("state"));
        assertEquals("abandoned", TestDb.scalar("select state from match_runs where id = ?", dead));
        assertEquals(MatchRunRepository.ABANDONED_RUNNING,
                TestDb.scalar("select error from match_runs where id = ?", dead));
        assertEquals(1,
                TestDb.count("select count(*) from audit_log where action = 'matching.run.abandoned' and entity_id = ?",
                        String.valueOf(dead)));
        assertEquals("paid", Fixtures.receivableStatus(r));
    }

    @Test
    void aRunWhoseRunnerStillHoldsTheAccountIsLeftRunning() throws Exception {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        try (Connection runner = TestDb.connect()) {
            runner.setAutoCommit(false);
            runner.createStatement()
                    .execute("select pg_advisory_xact_lock(" + MatchingRunService.LOCK_CLASS + ", " + f.account + ")");
            int pid;
            try (ResultSet rs = runner.createStatement().executeQuery("select pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            long live = TestDb.count(
                    "insert into match_runs (account_id, kind, period_start, period_end, state, requested_by, started_at, runner_pid) "
                            + "values (?, 'manual', ?, ?, 'running', 'test', now() - interval '1 hour', ?) returning id",
                    f.account, f.day(0), f.day(1), pid);

            start(f).statusCode(409);
            assertEquals(List.of(),
                    scheduler.tick(RunKind.INCREMENTAL).stream().filter(v -> v.account().equals(f.code)).toList());
            assertEquals("running", TestDb.scalar("select state from match_runs where id = ?", live));
            runner.rollback();
        }
    }

    @Test
    void aQueuedRunNobodyStartedIsAbandonedAfterTheStartTimeout() {
        Fixtures f = Fixtures.wallet("alipay", "CNY");
        long stale = TestDb.count(
                "insert into match_runs (account_id, kind, period_start, period_end, state, requested_by, created_at) "
                        + "values (?, 'manual', ?, ?, 'queued', 'test', now() - interval '6 minutes') returning id",
                f.account, f.day(0), f.day(1));
        long fresh = TestDb.count(
                "insert into match_runs (account_id, kind, period_start, period_end, state, requested_by) "
                        + "values (?, 'manual', ?, ?, 'queued', 'test') returning id",
                Fixtures.wallet("alipay", "CNY").account, f.day(0), f.day(1));

        scheduler.tick(RunKind.INCREMENTAL);

        assertEquals("abandoned", TestDb.scalar("select state from match_runs where id = ?", stale));
        assertEquals(MatchRunRepository.ABANDONED_QUEUED,
                TestDb.scalar("select error from match_runs where id = ?", stale));
        assertEquals("queued", TestDb.scalar("select state from match_runs where id = ?", fresh),
                "within its start timeout");
        TestDb.update("update match_runs set state = 'refused' where id = ?", fresh);
    }

    @Test
    void theDayEndOfADayWhoseRunDiedIsRetriedByTheNextTick() {
        Fixtures f = Fixtures.wallet("alipay", "CNY");
        f.config(Map.of("dayEndTime", "00:00"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long c = f.customer("Retried day end");
        long r = TestDb.count(
                "insert into receivables (customer_id, reference, amount_minor, currency, issue_date, due_date) "
                        + "values (?, ?, 5200, 'CNY', ?, ?) returning id",
                c, "RD-" + f.code, today, today.plusDays(30));
        TestDb.update(
                "insert into transactions (account_id, provider_txn_id, direction, amount_minor, currency, status, merchant_reference, occurred_at, value_date) "
                        + "values (?, ?, 'in', 5200, 'CNY', 'succeeded', ?, now(), ?)",
                f.account, "rd-" + f.code, "RD-" + f.code, today);
        long dead = deadRun(f, "day_end", today, today);

        MatchingViews.RunView retry = scheduler.tick(RunKind.DAY_END).stream().filter(v -> v.account().equals(f.code))
                .findFirst().orElseThrow();

        assertEquals("abandoned", TestDb.scalar("select state from match_runs where id = ?", dead));
        assertEquals("succeeded", retry.state());
        assertEquals("day_end", retry.kind());
        assertEquals(today, retry.periodEnd());
        assertEquals("paid", Fixtures.receivableStatus(r));
        assertTrue(scheduler.tick(RunKind.DAY_END).stream().noneMatch(v -> v.account().equals(f.code)),
                "once it succeeded, not again");
    }

    @Test
    void aFailedRunShowsAStableTextWithAnIncidentIdAndNothingOfTheInternals() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long c = f.customer("Failing");
        f.receivable(c, "FL-" + f.code, 300, 1);
        f.receipt("wx-fl-" + f.code, 300, 1, "FL-" + f.code);
        String trigger = "fail_matches_" + f.account;
        TestDb.update("create function " + trigger + "() returns trigger language plpgsql as $$ begin "
                + "raise exception 'relation \"secret_internal_table\" does not exist at character 42'; end $$");
        TestDb.update("create trigger " + trigger + " before insert on matches for each row when (new.account_id = "
                + f.account
                + ") execute function " + trigger + "()");
        JsonPath run;
        try {
            run = f.run(0, 3);
        } finally {
            TestDb.update("drop trigger " + trigger + " on matches");
            TestDb.update("drop function " + trigger + "()");
        }

        assertEquals("failed", run.getString("state"));
        String incident = run.getString("incidentId");
        assertNotNull(incident);
        assertEquals(MatchingRunService.failureText(java.util.UUID.fromString(incident)), run.getString("error"));
        assertFalse(run.getString("error").contains("secret_internal_table"));
        assertEquals(0, TestDb.count("select count(*) from matches where account_id = ?", f.account),
                "nothing of the run was kept");
        assertEquals(1, TestDb.count(
                "select count(*) from audit_log where action = 'matching.run.failed' and entity_id = ? and details like ?",
                run.getString("id"), "%" + incident + "%"));
        given().header("Authorization", FINANCE).when().get("/matching/runs/" + run.getString("id"))
                .then().statusCode(200).body("error", equalTo(run.getString("error")));
    }
}
