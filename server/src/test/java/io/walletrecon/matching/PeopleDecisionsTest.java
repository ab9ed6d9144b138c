package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.walletrecon.matching.Fixtures.FINANCE;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What people decide is audited and final: no run undoes it. */
@QuarkusTest
class PeopleDecisionsTest {

    private static long audits(String action, Object entityId) {
        return TestDb.count("select count(*) from audit_log where action = ? and entity_id = ?", action,
                String.valueOf(entityId));
    }

    @Test
    void aManualMatchSurvivesARerun() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long c = f.customer("Hand");
        long byReference = f.receivable(c, "H1-" + f.code, 3000, 3);
        long chosen = f.receivable(c, "H2-" + f.code, 3000, 4);
        long t = f.receipt("wx-h-" + f.code, 3000, 3, "H1-" + f.code);

        long id = given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("account", f.code, "kind", "receipt_receivable", "reason", "customer phoned: pays H2",
                        "items", List.of(Map.of("side", "left", "type", "transaction", "id", t),
                                Map.of("side", "right", "type", "receivable", "id", chosen))))
                .when().post("/matches")
                .then().statusCode(201)
                .body("rule", equalTo("manual")).body("status", equalTo("confirmed"))
                .body("createdBy", equalTo(TestJwt.person("fiona")))
                .body("leftTotalMinor", equalTo(3000)).body("differenceMinor", equalTo(0))
                .body("items.type", contains("transaction", "receivable"))
                .extract().jsonPath().getLong("id");

        var run = f.run(0, 9);

        assertNull(run.get("counts.matches.reference"));
        assertEquals("confirmed", TestDb.scalar("select status from matches where id = ?", id));
        assertEquals("paid", Fixtures.receivableStatus(chosen));
        assertEquals("open", Fixtures.receivableStatus(byReference));
        assertEquals(1, audits("match.created", id));
    }

    @Test
    void aRejectedSuggestionIsNeverSuggestedAgainAndAConfirmedOnePays() {
        Fixtures f = Fixtures.wallet("stripe", "USD");
        long c = f.customer("Sug");
        long r1 = f.receivable(c, "SG1-" + f.code, 4040, 5);
        long r2 = f.receivable(c, "SG2-" + f.code, 5050, 5);
        f.receipt("ch_sg1" + f.code, 4040, 5, null);
        f.receipt("ch_sg2" + f.code, 5050, 5, null);
        f.run(0, 9);
        long first = TestDb.count(
                "select m.id from matches m join match_items i on i.match_id = m.id where i.item_type = 'receivable' and i.item_id = ?",
                r1);
        long second = TestDb.count(
                "select m.id from matches m join match_items i on i.match_id = m.id where i.item_type = 'receivable' and i.item_id = ?",
                r2);

        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("reason", "different customer"))
                .when().post("/matches/" + first + "/reject")
                .then().statusCode(200).body("status", equalTo("rejected"))
                .body("decidedBy", equalTo(TestJwt.person("fiona")))
                .body("items.live", contains(false, false));
        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("reason", "checked the slip"))
                .when().post("/matches/" + second + "/confirm")
                .then().statusCode(200).body("status", equalTo("confirmed"));
        given().header("Authorization", FINANCE).contentType(ContentType.JSON).body(Map.of())
                .when().post("/matches/" + second + "/confirm")
                .then().statusCode(409)
                .body("detail", equalTo("Match " + second + " is confirmed; only a suggested match can be confirmed"));

        var rerun = f.run(0, 9);

        assertNull(rerun.get("counts.matches.amount_date"), "the rejected pair is not proposed again");
        assertEquals(1, f.matches("amount_date", "rejected"));
        assertEquals("paid", Fixtures.receivableStatus(r2));
        assertEquals("open", Fixtures.receivableStatus(r1));
        assertEquals(1, audits("match.rejected", first));
        assertEquals(1, audits("match.confirmed", second));
    }

    @Test
    void anUnmatchedPairIsNotMatchedAgainAndGivesTheMoneyBack() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long c = f.customer("Un");
        long r = f.receivable(c, "UN1-" + f.code, 2000, 3);
        f.receipt("wx-un-" + f.code, 2000, 3, "UN1-" + f.code);
        f.run(0, 9);
        long id = TestDb.count("select match_id from match_items where item_type = 'receivable' and item_id = ?", r);

        given().header("Authorization", FINANCE).contentType(ContentType.JSON).body(Map.of())
                .when().post("/matches/" + id + "/unmatch")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().header("Authorization", FINANCE).contentType(ContentType.JSON).body(Map.of("reason", "wrong invoice"))
                .when().post("/matches/" + id + "/unmatch")
                .then().statusCode(200).body("status", equalTo("unmatched")).body("reason", equalTo("wrong invoice"));
        assertEquals("open", Fixtures.receivableStatus(r));
        assertEquals(0, Fixtures.paid(r));

        var rerun = f.run(0, 9);

        assertNull(rerun.get("counts.matches.reference"));
        assertEquals(1, rerun.getInt("counts.exceptions.unmatched_receipt"));
        assertEquals(1, audits("match.unmatched", id));
    }

    @Test
    void manualMatchRefusesMixedCurrenciesAndClaimedItems() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long c = f.customer("Mix");
        long usd = TestDb
                .count("insert into receivables (customer_id, reference, amount_minor, currency, issue_date, due_date) "
                        + "values (?, ?, 100, 'USD', ?, ?) returning id", c, "MIX-" + f.code, f.day(0), f.day(1));
        long t = f.receipt("wx-mix-" + f.code, 100, 1, null);

        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("account", f.code, "kind", "receipt_receivable", "reason", "try",
                        "items", List.of(Map.of("side", "left", "type", "transaction", "id", t),
                                Map.of("side", "right", "type", "receivable", "id", usd))))
                .when().post("/matches")
                .then().statusCode(422)
                .body("detail", equalTo("items mix currencies CNY, USD; a match is in one currency"));
        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("account", f.code, "kind", "receipt_receivable", "reason", "try",
                        "items", List.of(Map.of("side", "left", "type", "receivable", "id", usd))))
                .when().post("/matches")
                .then().statusCode(400).body("errors.field", hasItem("items[0].type"))
                .body("errors.field", hasItem("items"));
        assertEquals(0, TestDb.count("select count(*) from matches where account_id = ?", f.account));
    }

    @Test
    void manualMatchIsRefusedWhileARunHoldsTheAccount() throws Exception {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long c = f.customer("Busy");
        long r = f.receivable(c, "B1-" + f.code, 100, 1);
        long t = f.receipt("wx-busy-" + f.code, 100, 1, null);
        try (var conn = TestDb.connect()) {
            conn.setAutoCommit(false);
            conn.createStatement()
                    .execute("select pg_advisory_xact_lock(" + MatchingRunService.LOCK_CLASS + ", " + f.account + ")");
            given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                    .body(Map.of("account", f.code, "kind", "receipt_receivable", "reason", "now",
                            "items", List.of(Map.of("side", "left", "type", "transaction", "id", t),
                                    Map.of("side", "right", "type", "receivable", "id", r))))
                    .when().post("/matches")
                    .then().statusCode(409)
                    .body("detail", equalTo("A matching run of account '" + f.code
                            + "' is in progress; try again when it has finished"));
            conn.rollback();
        }
    }

    @Test
    void exceptionsAreFilteredPagedAnnotatedAndResolvedAndARunDoesNotReopenThem() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        f.receipt("wx-e1-" + f.code, 101, 1, null);
        f.receipt("wx-e2-" + f.code, 102, 2, null);
        f.receipt("wx-e3-" + f.code, 103, 3, null);
        f.run(0, 5);

        var page = given().header("Authorization", FINANCE)
                .queryParam("account", f.code).queryParam("type", "unmatched_receipt").queryParam("size", 2)
                .queryParam("page", 0)
                .when().get("/exceptions")
                .then().statusCode(200).body("total", equalTo(3)).body("items.actualMinor", contains(101, 102))
                .extract().jsonPath();
        long id = page.getLong("items[0].id");
        given().header("Authorization", FINANCE).queryParam("account", f.code).queryParam("from", f.day(3).toString())
                .when().get("/exceptions")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].actualMinor", equalTo(103));

        given().header("Authorization", FINANCE).contentType(ContentType.JSON).body(Map.of("body", "客户说是押金"))
                .when().post("/exceptions/" + id + "/annotations")
                .then().statusCode(201).body("annotations.body", contains("客户说是押金"))
                .body("annotations[0].author", equalTo(TestJwt.person("fiona")));
        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("status", "in_review", "assignee", "li.lei"))
                .when().post("/exceptions/" + id + "/resolve")
                .then().statusCode(200).body("status", equalTo("in_review")).body("assignee", equalTo("li.lei"));
        given().header("Authorization", FINANCE).contentType(ContentType.JSON).body(Map.of("status", "resolved"))
                .when().post("/exceptions/" + id + "/resolve")
                .then().statusCode(400).body("errors.field", contains("reason"));
        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("status", "resolved", "reason", "deposit, booked manually"))
                .when().post("/exceptions/" + id + "/resolve")
                .then().statusCode(200).body("status", equalTo("resolved"))
                .body("resolvedBy", equalTo(TestJwt.person("fiona")))
                .body("resolutionReason", equalTo("deposit, booked manually")).body("assignee", equalTo("li.lei"));
        given().header("Authorization", FINANCE).queryParam("account", f.code).queryParam("status", "done")
                .when().get("/exceptions").then().statusCode(400).body("errors.field", contains("status"));

        var rerun = f.run(0, 5);

        assertEquals(0, rerun.getMap("counts.exceptions").size());
        assertEquals("resolved", TestDb.scalar("select status from recon_exceptions where id = ?", id));
        assertEquals(1, audits("exception.annotated", id));
        assertEquals(1, audits("exception.in_review", id));
        assertEquals(1, audits("exception.resolved", id));
        String resolved = TestDb.scalar(
                "select details from audit_log where action = 'exception.resolved' and entity_id = ?",
                String.valueOf(id));
        assertTrue(!resolved.contains("\"null\""), () -> "a decision without an assignee names none: " + resolved);
    }

    @Test
    void anExceptionIsClosedByTheRunThatLaterMatchesItsReceipt() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long t = f.receipt("wx-late-" + f.code, 7777, 2, "LATE-" + f.code);
        f.run(0, 5);
        long c = f.customer("Late import");
        f.receivable(c, "LATE-" + f.code, 7777, 3);

        var run = f.run(0, 5);

        assertEquals(1, run.getInt("counts.matches.reference"));
        assertEquals("resolved", TestDb.scalar(
                "select status from recon_exceptions where type = 'unmatched_receipt' and transaction_id = ?", t));
        assertEquals("matching", TestDb.scalar(
                "select resolved_by from recon_exceptions where type = 'unmatched_receipt' and transaction_id = ?", t));
    }

    @Test
    void aClosedExceptionIsNotTakenBackIntoReview() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        f.receipt("wx-closed-" + f.code, 4321, 2, null);
        f.run(0, 5);
        long id = given().header("Authorization", FINANCE).queryParam("account", f.code)
                .queryParam("type", "unmatched_receipt")
                .when().get("/exceptions").then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("status", "resolved", "reason", "refunded offline"))
                .when().post("/exceptions/" + id + "/resolve").then().statusCode(200)
                .body("status", equalTo("resolved"));

        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("status", "in_review", "assignee", "li.lei"))
                .when().post("/exceptions/" + id + "/resolve")
                .then().statusCode(409)
                .body("detail", equalTo("Exception " + id
                        + " is resolved; a closed exception stays closed and cannot be marked in_review"));
        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("status", "ignored", "reason", "second thoughts"))
                .when().post("/exceptions/" + id + "/resolve").then().statusCode(409);

        given().header("Authorization", FINANCE).when().get("/exceptions/" + id).then().statusCode(200)
                .body("status", equalTo("resolved")).body("resolutionReason", equalTo("refunded offline"))
                .body("resolvedBy", equalTo(TestJwt.person("fiona"))).body("assignee", equalTo(null));
        assertEquals(0, audits("exception.in_review", id));
    }

    @Test
    void anExceptionClosedByARunIsNotTakenBackIntoReview() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long t = f.receipt("wx-runclosed-" + f.code, 5555, 2, "RC-" + f.code);
        f.run(0, 5);
        f.receivable(f.customer("Run closed"), "RC-" + f.code, 5555, 3);
        f.run(0, 5);
        long id = given().header("Authorization", FINANCE).queryParam("account", f.code)
                .queryParam("status", "resolved")
                .when().get("/exceptions").then().statusCode(200).body("items.transactionId", contains((int) t))
                .extract().jsonPath().getLong("items[0].id");

        given().header("Authorization", FINANCE).contentType(ContentType.JSON).body(Map.of("status", "in_review"))
                .when().post("/exceptions/" + id + "/resolve")
                .then().statusCode(409);

        given().header("Authorization", FINANCE).when().get("/exceptions/" + id).then().statusCode(200)
                .body("status", equalTo("resolved")).body("resolvedBy", equalTo("matching"));
    }

    @Test
    void onlyFinanceWorksExceptionsAndOnlyAdminConfiguresMatching() {
        given().header("Authorization", Fixtures.ADMIN).when().get("/exceptions").then().statusCode(403);
        given().header("Authorization", FINANCE).when().get("/matching/config/whatever").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of()).when().post("/matching/runs").then().statusCode(401);
    }
}
