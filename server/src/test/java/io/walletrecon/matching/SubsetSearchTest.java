package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.TestDb;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** One payment for several receivables of one customer that are not its oldest ones: the subset search. */
@QuarkusTest
class SubsetSearchTest {

    private static long customer(Fixtures f, String name) {
        long c = f.customer(name);
        f.identity(c, "wechat_openid", "o-" + name + "-" + f.code);
        return c;
    }

    private static long pay(Fixtures f, String name, long amount, int day) {
        return f.receipt("wx-" + name + "-" + amount + "-" + f.code, amount, day, null, "wechat_openid",
                "o-" + name + "-" + f.code);
    }

    private static long receivableItems(long transaction) {
        return TestDb.count("select count(*) from match_items i where i.item_type = 'receivable' and i.match_id = "
                + "(select match_id from match_items where item_type = 'transaction' and item_id = ?)", transaction);
    }

    @Test
    void aPaymentEqualToTheOnlySetOfItsCustomersReceivablesSettlesThemThoughTheyAreNotTheOldest() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long c = customer(f, "sub");
        long r100 = f.receivable(c, "S1-" + f.code, 100, 2);
        long r250 = f.receivable(c, "S2-" + f.code, 250, 3);
        long r400 = f.receivable(c, "S3-" + f.code, 400, 4);
        long t = pay(f, "sub", 500, 3);

        JsonPath run = f.run(0, 5);

        assertEquals(Map.of("one_to_many", 1), run.getMap("counts.matches"));
        assertEquals(1, TestDb.count(
                "select count(*) from matches m join match_items i on i.match_id = m.id and i.item_type = 'transaction' "
                        + "where i.item_id = ? and m.status = 'confirmed' and m.left_total_minor = 500 and m.right_total_minor = 500 "
                        + "and m.difference_minor = 0 and m.confidence = 0.85",
                t));
        assertEquals(2, receivableItems(t));
        assertEquals(r100 + ":100," + r400 + ":400",
                TestDb.scalar("select string_agg(i.item_id || ':' || i.amount_minor, ',' order by i.item_id) "
                        + "from match_items i where i.item_type = 'receivable' and i.match_id = (select match_id from match_items where item_type = 'transaction' and item_id = ?)",
                        t));
        assertEquals("paid", Fixtures.receivableStatus(r100));
        assertEquals("open", Fixtures.receivableStatus(r250));
        assertEquals("paid", Fixtures.receivableStatus(r400));
        assertNull(run.get("counts.exceptions.unmatched_receipt"));
    }

    @Test
    void aPaymentEqualToSeveralSetsIsAmbiguousAndListsEachSet() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long c = customer(f, "amb");
        long r100 = f.receivable(c, "A1-" + f.code, 100, 2);
        long r250 = f.receivable(c, "A2-" + f.code, 250, 3);
        long r400 = f.receivable(c, "A3-" + f.code, 400, 4);
        long r300 = f.receivable(c, "A4-" + f.code, 300, 5);
        long t = pay(f, "amb", 650, 3);

        JsonPath run = f.run(0, 5);

        assertEquals(Map.of(), run.getMap("counts.matches"));
        assertEquals(Map.of("ambiguous", 1), run.getMap("counts.exceptions"), "ambiguous, and not also unmatched");
        assertEquals("[[" + r100 + "," + r250 + "," + r300 + "], [" + r250 + "," + r400 + "]]",
                TestDb.scalar("select candidates from recon_exceptions where type = 'ambiguous' and transaction_id = ?",
                        t));
        assertEquals(1, TestDb.count(
                "select count(*) from recon_exceptions where transaction_id = ? and actual_minor = 650 and customer_id = ? "
                        + "and dedupe_key = ?",
                t, c, "ambiguous:txn:" + t));
        for (long r : List.of(r100, r250, r400, r300)) {
            assertEquals("open", Fixtures.receivableStatus(r));
        }
    }

    @Test
    void aReceivableTwoPaymentsSetsBothWantIsLeftToPeople() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long c = customer(f, "two");
        f.receivable(c, "T1-" + f.code, 100, 2);
        f.receivable(c, "T2-" + f.code, 250, 3);
        long r400 = f.receivable(c, "T3-" + f.code, 400, 4);
        long t500 = pay(f, "two", 500, 3);
        long t650 = pay(f, "two", 650, 3);

        JsonPath run = f.run(0, 5);

        assertEquals(Map.of(), run.getMap("counts.matches"));
        assertEquals(Map.of("unmatched_receipt", 2), run.getMap("counts.exceptions"));
        assertEquals(2, TestDb.count(
                "select count(*) from recon_exceptions where type = 'unmatched_receipt' and transaction_id in (?, ?)",
                t500, t650));
        assertEquals("open", Fixtures.receivableStatus(r400));
    }

    /** Receivables 1000, 1001, ...: a payment of 2005 equals three different pairs of them. */
    private static JsonPath pairsOf2005Among(Fixtures f, int candidates) {
        long c = customer(f, "n" + candidates);
        for (int i = 0; i < candidates; i++) {
            f.receivable(c, "N" + i + "-" + f.code, 1000 + i, 2);
        }
        pay(f, "n" + candidates, 2005, 2);
        return f.run(0, 5);
    }

    @Test
    void twelveCandidateReceivablesAreStillSearched() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");

        JsonPath run = pairsOf2005Among(f, ReceiptRules.SUBSET_MAX_CANDIDATES);

        assertEquals(Map.of("ambiguous", 1), run.getMap("counts.exceptions"));
        String candidates = TestDb.scalar(
                "select candidates from recon_exceptions where account_id = ? and type = 'ambiguous'", f.account);
        assertEquals(3, candidates.split("\\], \\[").length, candidates);
    }

    @Test
    void aCustomerWithThirteenCandidateReceivablesIsNotSearchedAndThePaymentFallsThrough() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");

        JsonPath run = pairsOf2005Among(f, ReceiptRules.SUBSET_MAX_CANDIDATES + 1);

        assertEquals(Map.of(), run.getMap("counts.matches"));
        assertEquals(Map.of("unmatched_receipt", 1), run.getMap("counts.exceptions"));
    }
}
