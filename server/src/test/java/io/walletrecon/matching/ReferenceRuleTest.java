package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.TestDb;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ReferenceRuleTest {

    @Test
    void receiptCarryingTheCollectionCodeMatchesWithConfidenceOne() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long c = f.customer("Acme");
        long r = f.receivable(c, "INV-1-" + f.code, 8888, 5, "CC-" + f.code);
        long t = f.receipt("wx-" + f.code, 8888, 5, "CC-" + f.code);

        JsonPath run = f.run(0, 9);

        assertEquals("succeeded", run.getString("state"));
        assertEquals(1, run.getInt("counts.matches.reference"));
        // The receipt is looked at twice: against receivables, and against the provider's bill.
        assertEquals(2, run.getInt("itemsTotal"));
        assertEquals(2, run.getInt("itemsProcessed"));
        assertEquals(1, TestDb.count(
                "select count(*) from matches m join match_items l on l.match_id = m.id and l.item_type = 'transaction' "
                        + "join match_items rr on rr.match_id = m.id and rr.item_type = 'receivable' where m.rule = 'reference' and m.confidence = 1 "
                        + "and m.status = 'confirmed' and l.item_id = ? and rr.item_id = ? and m.left_total_minor = 8888 and m.right_total_minor = 8888 "
                        + "and m.difference_minor = 0",
                t, r));
        assertEquals("paid", Fixtures.receivableStatus(r));
        assertEquals(8888, Fixtures.paid(r));
    }

    @Test
    void receiptCarryingTheInvoiceReferenceMatchesAndRerunAddsNothing() {
        Fixtures f = Fixtures.wallet("alipay", "CNY");
        long c = f.customer("Beta");
        long r = f.receivable(c, "INV-2-" + f.code, 12000, 3);
        f.receipt("ali-" + f.code, 12000, 4, "INV-2-" + f.code);

        assertEquals(1, f.run(0, 9).getInt("counts.matches.reference"));
        JsonPath again = f.run(0, 9);

        assertEquals("succeeded", again.getString("state"));
        assertEquals(0, again.getMap("counts.matches").size());
        assertEquals(0, again.getMap("counts.exceptions").size());
        assertEquals(1, f.matches("reference", "confirmed"));
        assertEquals("paid", Fixtures.receivableStatus(r));
    }

    @Test
    void twoPartialPaymentsMakeTheReceivablePartiallyPaidThenPaid() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long c = f.customer("Gamma");
        long r = f.receivable(c, "INV-3-" + f.code, 10000, 10);
        f.receipt("p1-" + f.code, 4000, 2, "INV-3-" + f.code);

        assertEquals(1, f.run(0, 2).getInt("counts.matches.partial_payment"));
        assertEquals("partially_paid", Fixtures.receivableStatus(r));
        assertEquals(4000, Fixtures.paid(r));

        f.receipt("p2-" + f.code, 6000, 5, "INV-3-" + f.code);
        assertEquals(1, f.run(3, 5).getInt("counts.matches.partial_payment"));
        assertEquals("paid", Fixtures.receivableStatus(r));
        assertEquals(10000, Fixtures.paid(r));
        assertEquals(2, f.matches("partial_payment", "confirmed"));
    }

    @Test
    void theSameReferenceAmountAndPayerTwiceIsADuplicatePayment() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long c = f.customer("Delta");
        long r = f.receivable(c, "INV-4-" + f.code, 5000, 3);
        f.receipt("d1-" + f.code, 5000, 3, "INV-4-" + f.code, "wechat_openid", "o-" + f.code);
        long second = f.receipt("d2-" + f.code, 5000, 4, "INV-4-" + f.code, "wechat_openid", "o-" + f.code);

        JsonPath run = f.run(0, 9);

        assertEquals(1, run.getInt("counts.matches.reference"));
        assertEquals(1, run.getInt("counts.exceptions.duplicate_payment"));
        assertEquals(1,
                TestDb.count(
                        "select count(*) from recon_exceptions where type = 'duplicate_payment' and transaction_id = ? "
                                + "and receivable_id = ? and actual_minor = 5000 and status = 'open'",
                        second, r));
        assertEquals(5000, Fixtures.paid(r));
        assertEquals(0, f.exceptions("unmatched_receipt"), "a duplicate is not also unmatched");
    }

    @Test
    void paymentAboveTheAmountOwedIsMatchedAndRaisesAnOverpayment() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long c = f.customer("Epsilon");
        long r = f.receivable(c, "INV-5-" + f.code, 5000, 3);
        long t = f.receipt("o1-" + f.code, 5600, 3, "INV-5-" + f.code);

        JsonPath run = f.run(0, 9);

        assertEquals(1, run.getInt("counts.matches.partial_payment"));
        assertEquals(1, run.getInt("counts.exceptions.amount_mismatch"));
        assertEquals(1,
                TestDb.count(
                        "select count(*) from recon_exceptions where type = 'amount_mismatch' and transaction_id = ? "
                                + "and expected_minor = 5000 and actual_minor = 5600 and difference_minor = 600",
                        t));
        assertEquals("paid", Fixtures.receivableStatus(r));
        assertEquals(1, TestDb.count(
                "select count(*) from matches m join match_items i on i.match_id = m.id and i.item_type = 'transaction' "
                        + "where i.item_id = ? and m.left_total_minor = 5600 and m.right_total_minor = 5000 and m.difference_minor = 600",
                t));
    }

    @Test
    void partlyPaidReceivablePastDueIsAnUnderpayment() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long c = f.customer("Zeta");
        long r = f.receivable(c, "INV-6-" + f.code, 9000, 2);
        f.receipt("u1-" + f.code, 3000, 1, "INV-6-" + f.code);
        // the bill of those days is in: the rest cannot be in a payment we have not seen
        f.statement(0, 20);

        JsonPath run = f.run(0, 20);

        assertEquals(1, run.getInt("counts.exceptions.amount_mismatch"));
        assertEquals(1,
                TestDb.count(
                        "select count(*) from recon_exceptions where type = 'amount_mismatch' and receivable_id = ? "
                                + "and expected_minor = 9000 and actual_minor = 3000 and difference_minor = -6000",
                        r));
    }

    @Test
    void toleranceAcceptsAFeeShortPaymentAsPaid() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        f.config(java.util.Map.of("toleranceMinor", 5));
        long c = f.customer("Eta");
        long r = f.receivable(c, "INV-7-" + f.code, 10000, 3);
        long t = f.receipt("f1-" + f.code, 9997, 3, "INV-7-" + f.code);

        assertEquals(1, f.run(0, 9).getInt("counts.matches.reference"));
        assertEquals("paid", Fixtures.receivableStatus(r));
        assertEquals(1, TestDb.count(
                "select count(*) from matches m join match_items i on i.match_id = m.id and i.item_type = 'transaction' "
                        + "where i.item_id = ? and m.difference_minor = -3",
                t));
    }

    private static String collectionCode() {
        String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        java.util.Random random = new java.security.SecureRandom();
        StringBuilder code = new StringBuilder("WR");
        for (int i = 0; i < 7; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return code.toString();
    }

    @Test
    void receivableCodeInsideAFreeTextMemoMatchesWithConfidenceOne() {
        Fixtures f = Fixtures.wallet("alipay", "CNY");
        long c = f.customer("Memo Ltd");
        String code = collectionCode();
        long r = f.receivable(c, "INV-M-" + f.code, 30000, 5, code);
        f.receipt("memo-" + f.code, 30000, 5, "payment for " + code.toLowerCase() + " thanks");

        JsonPath run = f.run(0, 9);

        assertEquals(1, run.getInt("counts.matches.reference"));
        assertEquals("paid", Fixtures.receivableStatus(r));
    }

    @Test
    void customerCodeInTheMemoLinksTheReceiptToItsCustomerForPayerAndAmount() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long c = f.customer("Linked by code");
        String code = collectionCode();
        TestDb.update("insert into collection_codes (code, customer_id) values (?, ?)", code, c);
        long r = f.receivable(c, "INV-L-" + f.code, 4321, 5);
        long t = f.receipt("link-" + f.code, 4321, 5, "monthly fee " + code);

        JsonPath run = f.run(0, 9);

        assertEquals(c, TestDb.count("select customer_id from transactions where id = ?", t));
        assertEquals(1, run.getInt("counts.matches.payer_amount"));
        assertEquals("paid", Fixtures.receivableStatus(r));
    }
}
