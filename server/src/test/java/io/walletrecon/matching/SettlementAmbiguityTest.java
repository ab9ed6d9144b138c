package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.TestDb;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.walletrecon.matching.Fixtures.FINANCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A payout that several bank lines could carry is never matched silently: it is an ambiguous exception listing them.
 */
@QuarkusTest
class SettlementAmbiguityTest {

    private static long settlementMatches(Fixtures f) {
        return TestDb.count("select count(*) from matches where account_id = ? and kind = 'settlement_bank'",
                f.account);
    }

    @Test
    void twoBankCreditsNamingOnePayoutAreAmbiguousAndMatchNothing() {
        Fixtures f = Fixtures.wallet("stripe", "USD");
        Fixtures bank = f.bank();
        f.config(Map.of("settlementAccount", bank.code));
        long payout = f.transaction("po_X" + f.code, "payout", "out", 9680, 2, null, null, null, "po_X" + f.code, null);
        long stmt = bank.statement(0, 10);
        long b1 = bank.line(stmt, "b1", "payment", 9680, 3, null, null, "po_X" + f.code);
        long b2 = bank.line(stmt, "b2", "payment", 5000, 4, null, "po_X" + f.code, null);

        JsonPath run = f.run(0, 3);

        assertEquals(Map.of("ambiguous", 1), run.getMap("counts.exceptions"));
        assertEquals(Map.of(), run.getMap("counts.matches"), "not even the credit of the same amount is suggested");
        assertEquals(0, settlementMatches(f));
        assertEquals("[{\"statementLineId\" : " + b1 + ", \"amountMinor\" : 9680}, {\"statementLineId\" : " + b2
                + ", \"amountMinor\" : 5000}]",
                TestDb.scalar("select candidates from recon_exceptions where type = 'ambiguous' and transaction_id = ?",
                        payout));
        assertEquals("Payout po_X" + f.code + " of 9680 fits 2 bank lines by its id",
                TestDb.scalar("select detail from recon_exceptions where dedupe_key = ?",
                        "ambiguous:settlement:transaction:" + payout));
        assertEquals(Map.of(), f.run(0, 3).getMap("counts.exceptions"), "raised once");
    }

    @Test
    void twoBankCreditsOfThePayoutsAmountInTheWindowAreAmbiguous() {
        Fixtures f = Fixtures.wallet("stripe", "USD");
        Fixtures bank = f.bank();
        f.config(Map.of("settlementAccount", bank.code));
        long bill = f.statement(0, 5);
        long payout = f.line(bill, "p1", "payout", -45600, 2, null, "po_y" + f.code, null);
        long stmt = bank.statement(0, 10);
        long b1 = bank.line(stmt, "b1", "payment", 45600, 3, null, null, "SEPA CREDIT");
        long b2 = bank.line(stmt, "b2", "payment", 45600, 4, null, null, "SEPA CREDIT");

        JsonPath run = f.run(0, 3);

        assertEquals(1, run.getInt("counts.exceptions.ambiguous"));
        assertNull(run.get("counts.matches.payout_amount_date"));
        assertEquals(0, settlementMatches(f));
        assertEquals(1,
                TestDb.count("select count(*) from recon_exceptions where type = 'ambiguous' and statement_line_id = ? "
                        + "and transaction_id is null and expected_minor = 45600 and currency = 'USD' and business_date = ? and candidates = ?",
                        payout, f.day(2),
                        "[{\"statementLineId\" : " + b1 + ", \"amountMinor\" : 45600}, {\"statementLineId\" : " + b2
                                + ", \"amountMinor\" : 45600}]"));
    }

    @Test
    void aPersonsMatchOfAnAmbiguousPayoutClosesItsExceptionOnTheNextRun() {
        Fixtures f = Fixtures.wallet("stripe", "USD");
        Fixtures bank = f.bank();
        f.config(Map.of("settlementAccount", bank.code));
        long payout = f.transaction("po_Z" + f.code, "payout", "out", 3300, 2, null, null, null, "po_Z" + f.code, null);
        long stmt = bank.statement(0, 10);
        long b1 = bank.line(stmt, "b1", "payment", 3300, 3, null, null, "po_Z" + f.code);
        bank.line(stmt, "b2", "payment", 3300, 3, null, "po_Z" + f.code, null);
        f.run(0, 3);
        long exception = TestDb.count("select id from recon_exceptions where dedupe_key = ?",
                "ambiguous:settlement:transaction:" + payout);

        long match = given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("account", f.code, "kind", "settlement_bank", "reason",
                        "bank confirmed b1; b2 is a returned duplicate",
                        "items", List.of(Map.of("side", "left", "type", "transaction", "id", payout),
                                Map.of("side", "right", "type", "statement_line", "id", b1))))
                .when().post("/matches")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath rerun = f.run(0, 3);

        assertEquals(Map.of(), rerun.getMap("counts.exceptions"));
        assertEquals(Map.of(), rerun.getMap("counts.matches"));
        assertEquals("confirmed", TestDb.scalar("select status from matches where id = ?", match));
        assertEquals("resolved", TestDb.scalar("select status from recon_exceptions where id = ?", exception));
        assertEquals("matching", TestDb.scalar("select resolved_by from recon_exceptions where id = ?", exception));
    }

    @Test
    void oneBankCreditCarryingTwoPayoutsIdsIsAmbiguousForEach() {
        Fixtures f = Fixtures.wallet("stripe", "USD");
        Fixtures bank = f.bank();
        f.config(Map.of("settlementAccount", bank.code));
        long a = f.transaction("po_A" + f.code, "payout", "out", 1000, 2, null, null, null, "po_A" + f.code, null);
        long b = f.transaction("po_B" + f.code, "payout", "out", 2000, 2, null, null, null, "po_B" + f.code, null);
        long stmt = bank.statement(0, 10);
        long credit = bank.line(stmt, "b1", "payment", 3000, 3, null, null, "BATCH");
        TestDb.update("update statement_lines set remittance_info = ? where id = ?", "po_A" + f.code + " po_B" + f.code,
                credit);

        JsonPath run = f.run(0, 3);

        assertEquals(Map.of("ambiguous", 2), run.getMap("counts.exceptions"));
        assertEquals(0, settlementMatches(f));
        for (long payout : List.of(a, b)) {
            assertEquals("[{\"statementLineId\" : " + credit + ", \"amountMinor\" : 3000}]",
                    TestDb.scalar(
                            "select candidates from recon_exceptions where type = 'ambiguous' and transaction_id = ?",
                            payout));
        }
        assertEquals("Payout po_A" + f.code + " of 1000 shares the bank line it fits by its id with another payout",
                TestDb.scalar("select detail from recon_exceptions where type = 'ambiguous' and transaction_id = ?",
                        a));
    }
}
