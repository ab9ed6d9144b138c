package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.TestDb;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The receipt rules after the reference: payer + amount, one-to-many, amount + date; and what is left over. */
@QuarkusTest
class ReceiptRulesTest {

    @Test
    void payerWithExactlyOneOpenReceivableOfThatAmountIsMatched() {
        Fixtures f = Fixtures.wallet("alipay", "CNY");
        long c = f.customer("Payer");
        f.identity(c, "alipay_buyer_id", "2088-" + f.code);
        long r = f.receivable(c, "INV-P-" + f.code, 4321, 30);
        f.receivable(c, "INV-Q-" + f.code, 9999, 30);
        long t = f.receipt("ali-" + f.code, 4321, 2, null, "alipay_buyer_id", "2088-" + f.code);

        JsonPath run = f.run(0, 5);

        assertEquals(1, run.getInt("counts.matches.payer_amount"));
        assertEquals(1, TestDb.count(
                "select count(*) from matches m join match_items l on l.match_id = m.id and l.item_type = 'transaction' "
                        + "join match_items rr on rr.match_id = m.id and rr.item_type = 'receivable' where m.rule = 'payer_amount' "
                        + "and m.confidence = 0.9 and m.status = 'confirmed' and l.item_id = ? and rr.item_id = ?",
                t, r));
        assertEquals("paid", Fixtures.receivableStatus(r));
    }

    @Test
    void payerWithTwoOpenReceivablesOfThatAmountIsNotMatchedByPayer() {
        Fixtures f = Fixtures.wallet("alipay", "CNY");
        long c = f.customer("Payer2");
        f.identity(c, "alipay_buyer_id", "2088b-" + f.code);
        f.receivable(c, "INV-P1-" + f.code, 4321, 30);
        f.receivable(c, "INV-P2-" + f.code, 4321, 31);
        f.receipt("ali-" + f.code, 4321, 2, null, "alipay_buyer_id", "2088b-" + f.code);

        JsonPath run = f.run(0, 5);

        assertEquals(0, f.matches("payer_amount", "confirmed"));
        assertEquals(1, run.getInt("counts.exceptions.unmatched_receipt"));
    }

    @Test
    void onePaymentSettlesTheCustomersOldestReceivablesWhoseSumItEquals() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long c = f.customer("Many");
        f.identity(c, "wechat_openid", "o-many-" + f.code);
        long r1 = f.receivable(c, "M1-" + f.code, 1000, 1);
        long r2 = f.receivable(c, "M2-" + f.code, 2500, 2);
        long r3 = f.receivable(c, "M3-" + f.code, 700, 3);
        long later = f.receivable(c, "M4-" + f.code, 800, 20);
        long t = f.receipt("wx-many-" + f.code, 4200, 3, null, "wechat_openid", "o-many-" + f.code);

        JsonPath run = f.run(0, 5);

        assertEquals(1, run.getInt("counts.matches.one_to_many"));
        assertEquals(3, TestDb.count(
                "select count(*) from match_items i join matches m on m.id = i.match_id where m.rule = 'one_to_many' "
                        + "and i.item_type = 'receivable' and m.id = (select match_id from match_items where item_type = 'transaction' and item_id = ?)",
                t));
        assertEquals("paid", Fixtures.receivableStatus(r1));
        assertEquals("paid", Fixtures.receivableStatus(r2));
        assertEquals("paid", Fixtures.receivableStatus(r3));
        assertEquals("open", Fixtures.receivableStatus(later));
        assertEquals(1, TestDb.count(
                "select count(*) from matches m join match_items i on i.match_id = m.id and i.item_type = 'transaction' "
                        + "where i.item_id = ? and m.left_total_minor = 4200 and m.right_total_minor = 4200 and m.confidence = 0.85",
                t));
    }

    @Test
    void aUniqueAmountAndDateCandidateIsOnlySuggested() {
        Fixtures f = Fixtures.wallet("stripe", "USD");
        long c = f.customer("Suggest");
        long r = f.receivable(c, "S1-" + f.code, 731_77, 10);
        long t = f.receipt("ch_" + f.code, 731_77, 12, null);

        JsonPath run = f.run(0, 20);

        assertEquals(1, run.getInt("counts.matches.amount_date"));
        assertEquals(1, TestDb.count(
                "select count(*) from matches m join match_items l on l.match_id = m.id and l.item_type = 'transaction' "
                        + "join match_items rr on rr.match_id = m.id and rr.item_type = 'receivable' where m.rule = 'amount_date' "
                        + "and m.status = 'suggested' and m.confidence = 0.6 and l.item_id = ? and rr.item_id = ?",
                t, r));
        assertEquals("open", Fixtures.receivableStatus(r), "a suggestion pays nothing until a person confirms it");
        assertNull(run.get("counts.exceptions.unpaid_receivable"), "nor is its receivable reported unpaid");
    }

    @Test
    void outsideTheDateWindowThereIsNoCandidate() {
        Fixtures f = Fixtures.wallet("stripe", "USD");
        long c = f.customer("Far");
        f.receivable(c, "F1-" + f.code, 555_00, 1);
        f.receipt("ch_far_" + f.code, 555_00, 9, null);

        JsonPath run = f.run(5, 9);

        assertEquals(0, f.matches("amount_date", "suggested"));
        assertEquals(1, run.getInt("counts.exceptions.unmatched_receipt"));
    }

    @Test
    void severalAmountAndDateCandidatesMakeAnAmbiguousExceptionListingThem() {
        Fixtures f = Fixtures.wallet("stripe", "USD");
        long a = f.customer("A");
        long b = f.customer("B");
        long r1 = f.receivable(a, "X1-" + f.code, 1999_00, 10);
        long r2 = f.receivable(b, "X2-" + f.code, 1999_00, 11);
        long t = f.receipt("ch_amb_" + f.code, 1999_00, 10, null);

        JsonPath run = f.run(0, 12);

        assertEquals(1, run.getInt("counts.exceptions.ambiguous"));
        assertNull(run.get("counts.exceptions.unmatched_receipt"));
        String candidates = TestDb
                .scalar("select candidates from recon_exceptions where type = 'ambiguous' and transaction_id = ?", t);
        assertEquals("[{\"receivableId\" : " + r1 + ", \"outstandingMinor\" : 199900}, {\"receivableId\" : " + r2
                + ", \"outstandingMinor\" : 199900}]", candidates);
        assertEquals(0, f.matches("amount_date", "suggested"));
    }

    @Test
    void aReceiptNothingFitsIsAnUnmatchedReceipt() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long t = f.receipt("wx-lost-" + f.code, 123_45, 3, "NOPE-" + f.code);

        JsonPath run = f.run(0, 5);

        assertEquals(1, run.getInt("counts.exceptions.unmatched_receipt"));
        assertEquals(1, TestDb.count(
                "select count(*) from recon_exceptions where type = 'unmatched_receipt' and transaction_id = ? "
                        + "and actual_minor = 12345 and currency = 'CNY' and business_date = ? and status = 'open'",
                t, f.day(3)));
        assertEquals(0, f.run(0, 5).getMap("counts.exceptions").size(), "raised once");
    }

    @Test
    void aReceivablePastDueWithoutPaymentIsUnpaid() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long c = f.customer("Late");
        long r = f.receivable(c, "LATE-" + f.code, 6000, 2);
        long notYet = f.receivable(c, "SOON-" + f.code, 6100, 25);
        f.statement(0, 20);

        JsonPath run = f.run(0, 20);

        assertEquals(1, run.getInt("counts.exceptions.unpaid_receivable"));
        assertEquals(1, TestDb.count(
                "select count(*) from recon_exceptions where type = 'unpaid_receivable' and receivable_id = ? "
                        + "and expected_minor = 6000 and actual_minor = 0 and difference_minor = -6000 and business_date = ?",
                r, f.day(2)));
        assertEquals(0, TestDb.count("select count(*) from recon_exceptions where receivable_id = ?", notYet));
    }
}
