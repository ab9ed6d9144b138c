package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.server.MatchingScheduler;
import io.walletrecon.testing.TestDb;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static io.walletrecon.matching.Fixtures.ADMIN;
import static io.walletrecon.matching.Fixtures.FINANCE;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(TicksOnTheirOwnDatabase.class)
class RunsTest {

    @Inject
    MatchingRunService service;

    @Inject
    MatchingScheduler scheduler;

    @Test
    void aRunIsShownStartingAfterItWasRequestedAndFinishingAfterItStarted() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long c = f.customer("Times");
        f.receivable(c, "T1-" + f.code, 100, 1);
        f.receipt("wx-t-" + f.code, 100, 1, "T1-" + f.code);
        JsonPath run = f.run(0, 3);
        assertEquals("succeeded", run.getString("state"));
        OffsetDateTime created = OffsetDateTime.parse(run.getString("createdAt"));
        OffsetDateTime started = OffsetDateTime.parse(run.getString("startedAt"));
        OffsetDateTime finished = OffsetDateTime.parse(run.getString("finishedAt"));
        assertTrue(!started.isBefore(created), () -> "started " + started + " before it was requested " + created);
        assertTrue(!finished.isBefore(started), () -> "finished " + finished + " before it started " + started);
    }

    @Test
    void aRunWhileAnotherHoldsTheAccountIsRefusedAndChangesNothing() throws Exception {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long c = f.customer("Lock");
        f.receivable(c, "L1-" + f.code, 100, 1);
        f.receipt("wx-l-" + f.code, 100, 1, "L1-" + f.code);
        try (Connection conn = TestDb.connect()) {
            conn.setAutoCommit(false);
            conn.createStatement()
                    .execute("select pg_advisory_xact_lock(" + MatchingRunService.LOCK_CLASS + ", " + f.account + ")");
            JsonPath refused = f.run(0, 3);
            assertEquals("refused", refused.getString("state"));
            assertEquals("Another matching run of this account is in progress; this one did nothing",
                    refused.getString("error"));
            conn.rollback();
        }
        assertEquals(0, TestDb.count("select count(*) from matches where account_id = ?", f.account));
        assertEquals("succeeded", f.run(0, 3).getString("state"));
        assertEquals(1, f.matches("reference", "confirmed"));
    }

    @Test
    void twoRunsStartedAtOnceOnOneAccountNeverMatchAnythingTwice() throws Exception {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        PlantedAnswersTest.plant(f, 2000);
        long first = TestDb.count(
                "insert into match_runs (account_id, kind, period_start, period_end, requested_by) values (?, 'manual', ?, ?, 't') returning id",
                f.account, f.day(0), f.day(29));
        long second = TestDb.count(
                "insert into match_runs (account_id, kind, period_start, period_end, requested_by) values (?, 'manual', ?, ?, 't') returning id",
                f.account, f.day(0), f.day(29));
        var pool = Executors.newFixedThreadPool(2);
        try {
            var a = CompletableFuture.supplyAsync(() -> ReactiveBridge.await(() -> service.execute(first)), pool);
            var b = CompletableFuture.supplyAsync(() -> ReactiveBridge.await(() -> service.execute(second)), pool);
            var ra = a.get();
            var rb = b.get();
            Set<String> states = Set.of(ra.state(), rb.state());
            assertTrue(states.equals(Set.of("succeeded", "refused")) || states.equals(Set.of("succeeded")),
                    "states " + states);
        } finally {
            pool.shutdown();
        }
        assertEquals(1800, f.matches("reference", "confirmed"));
        assertEquals(100, f.matches("amount_date", "suggested"));
        assertEquals(0, TestDb.count(
                "select count(*) from (select item_id from match_items i join matches m on m.id = i.match_id "
                        + "where m.account_id = ? and i.item_type = 'transaction' and i.match_kind = 'receipt_receivable' group by item_id having count(*) > 1) d",
                f.account));
        assertEquals(40, f.exceptions("unmatched_receipt"));
    }

    @Test
    void aSecondRunRequestedWhileOneIsQueuedIsAConflict() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        TestDb.update(
                "insert into match_runs (account_id, kind, period_start, period_end, requested_by) values (?, 'manual', ?, ?, 't')",
                f.account, f.day(0), f.day(1));
        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("account", f.code, "from", f.day(0).toString(), "to", f.day(1).toString()))
                .when().post("/matching/runs")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("A matching run of account '" + f.code
                        + "' is already queued or running; wait for it to finish"));
        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("account", f.code, "from", f.day(3).toString(), "to", f.day(1).toString()))
                .when().post("/matching/runs")
                .then().statusCode(400).body("errors.field", contains("from"));
    }

    @Test
    void theIncrementalTickMatchesOnlyWhatChangedSinceTheLastOne() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long c = f.customer("Inc");
        long r1 = f.receivable(c, "I1-" + f.code, 100, 1);
        f.receipt("wx-i1-" + f.code, 100, 1, "I1-" + f.code);
        scheduler.tick(RunKind.INCREMENTAL);
        assertEquals("paid", Fixtures.receivableStatus(r1));

        long r2 = f.receivable(c, "I2-" + f.code, 200, 1);
        long r3 = f.receivable(c, "I3-" + f.code, 300, 1);
        f.receipt("wx-i2-" + f.code, 200, 1, "I2-" + f.code);
        long untouched = f.receipt("wx-i3-" + f.code, 300, 1, "I3-" + f.code);
        TestDb.update("update transactions set updated_at = now() - interval '1 day' where id = ?", untouched);

        List<MatchingViews.RunView> runs = scheduler.tick(RunKind.INCREMENTAL);

        MatchingViews.RunView mine = runs.stream().filter(r -> r.account().equals(f.code)).findFirst().orElseThrow();
        assertEquals("succeeded", mine.state());
        assertEquals("incremental", mine.kind());
        assertEquals(Map.of("reference", 1L), mine.counts().get("matches"));
        assertEquals(Map.of(), mine.counts().get("exceptions"), "an incremental run raises no absence exceptions");
        assertEquals("paid", Fixtures.receivableStatus(r2));
        assertEquals("open", Fixtures.receivableStatus(r3));
    }

    @Test
    void anIncrementalTickLeavesAnAccountWhereNothingChangedAndRunsItOnceSomethingDoes() {
        Fixtures f = Fixtures.wallet("alipay", "CNY");
        long t = f.receipt("ali-idle-" + f.code, 100, 1, null);
        TestDb.update("update transactions set updated_at = now() - interval '1 day' where id = ?", t);
        TestDb.update("insert into match_runs (account_id, kind, state, requested_by, started_at, finished_at) "
                + "values (?, 'incremental', 'succeeded', 'scheduler', now() - interval '1 hour', now() - interval '1 hour')",
                f.account);

        assertEquals(List.of(), scheduler.tick(RunKind.INCREMENTAL).stream()
                .filter(v -> v.account().equals(f.code)).toList(), "nothing changed: no run");

        f.receipt("ali-new-" + f.code, 200, 1, null);
        assertEquals(1, scheduler.tick(RunKind.INCREMENTAL).stream()
                .filter(v -> v.account().equals(f.code) && v.state().equals("succeeded")).count());
    }

    @Test
    void anIncrementalTickMatchesACustomersBankTransferOnceItsLineArrives() {
        Fixtures bank = Fixtures.account("bank", "EUR");
        long r = bank.receivable(bank.customer("Kunde GmbH"), "INV-T" + bank.account, 50000, 10);
        long statement = bank.statement(0, 0);
        TestDb.update("insert into statement_lines (statement_id, account_id, line_no, line_key, kind, value_date, "
                + "amount_minor, currency, counterparty_name, remittance_info) "
                + "values (?, ?, 1, ?, 'payment', ?, 50000, 'EUR', 'KUNDE GMBH', ?)",
                statement, bank.account, "tick-" + bank.code, bank.day(0), "Rechnung INV T" + bank.account);

        MatchingViews.RunView run = scheduler.tick(RunKind.INCREMENTAL).stream()
                .filter(v -> v.account().equals(bank.code)).findFirst().orElseThrow();

        assertEquals("succeeded", run.state());
        assertEquals(Map.of("reference", 1L), run.counts().get("matches"));
        assertEquals("paid", Fixtures.receivableStatus(r));
    }

    @Test
    void theDayEndTickRunsOncePerAccountAfterItsLocalTime() {
        Fixtures f = Fixtures.wallet("alipay", "CNY");
        f.config(Map.of("dayEndTime", "00:00"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long c = f.customer("Day end");
        long r = TestDb.count(
                "insert into receivables (customer_id, reference, amount_minor, currency, issue_date, due_date) "
                        + "values (?, ?, 4100, 'CNY', ?, ?) returning id",
                c, "DE-" + f.code, today, today.plusDays(30));
        TestDb.update(
                "insert into transactions (account_id, provider_txn_id, direction, amount_minor, currency, status, merchant_reference, occurred_at, value_date) "
                        + "values (?, ?, 'in', 4100, 'CNY', 'succeeded', ?, now(), ?)",
                f.account, "de-" + f.code, "DE-" + f.code, today);

        MatchingViews.RunView run = scheduler.tick(RunKind.DAY_END).stream().filter(v -> v.account().equals(f.code))
                .findFirst().orElseThrow();
        List<MatchingViews.RunView> again = scheduler.tick(RunKind.DAY_END);

        assertEquals("day_end", run.kind());
        assertEquals(today, run.periodEnd());
        assertEquals(Map.of("reference", 1L), run.counts().get("matches"));
        assertTrue(again.stream().noneMatch(v -> v.account().equals(f.code)), "one day-end run per account and day");
        assertEquals("paid", Fixtures.receivableStatus(r));
    }

    @Test
    void configurationIsReadReplacedValidatedAndAudited() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        given().header("Authorization", ADMIN).when().get("/matching/config/" + f.code)
                .then().statusCode(200).body("dateWindowDays", equalTo(3)).body("toleranceMinor", equalTo(0))
                .body("rules", contains("reference", "payer_amount", "one_to_many", "amount_date", "record_statement",
                        "settlement"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("toleranceMinor", 10, "toleranceBps", 50, "dateWindowDays", 5, "rules",
                        List.of("amount_date", "reference"),
                        "dayEndTime", "22:15"))
                .when().put("/matching/config/" + f.code)
                .then().statusCode(200).body("toleranceBps", equalTo(50))
                .body("rules", contains("reference", "amount_date"))
                .body("dayEndTime", equalTo("22:15:00"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("toleranceBps", 20000, "rules", List.of("magic"), "dayEndTime", "25:00"))
                .when().put("/matching/config/" + f.code)
                .then().statusCode(400).body("errors.field", hasItem("toleranceBps"))
                .body("errors.field", hasItem("rules"))
                .body("errors.field", hasItem("dayEndTime"));
        assertEquals(1, TestDb.count(
                "select count(*) from audit_log where action = 'matching.config.updated' and entity_id = ?", f.code));
    }

    @Test
    void aRuleSwitchedOffDoesNotRun() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        f.config(Map.of("rules", List.of("amount_date")));
        long c = f.customer("Off");
        f.receivable(c, "OFF-" + f.code, 100, 1);
        f.receipt("wx-off-" + f.code, 100, 1, "OFF-" + f.code);

        JsonPath run = f.run(0, 2);

        assertEquals(Map.of("amount_date", 1), run.getMap("counts.matches"));
    }
}
