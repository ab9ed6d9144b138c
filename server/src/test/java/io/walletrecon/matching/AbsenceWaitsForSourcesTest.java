package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.TestDb;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Absence exceptions (missing in the provider's bill, unpaid, not arrived) wait until every bill and statement that
 * could have shown the money is in, and for the day-cut grace days of the account: no false alarm before, no missed
 * alarm after.
 */
@QuarkusTest
class AbsenceWaitsForSourcesTest {

    private static long missingInProvider(long transaction) {
        return TestDb.count(
                "select count(*) from recon_exceptions where type = 'missing_in_provider' and transaction_id = ?",
                transaction);
    }

    @Test
    void aDayCutPaymentRaisesNothingBeforeItsGraceDaysAndMatchesOnTheNextDaysBill() {
        Fixtures f = Fixtures.wallet("alipay", "CNY");
        long late = f.receipt("2031-cut-" + f.code, 9900, 1, null);
        long bill1 = f.statement(1, 1);
        f.line(bill1, "d1", "payment", 500, 1, "other-" + f.code, null, null);

        JsonPath first = f.run(1, 1);

        assertNull(first.get("counts.exceptions.missing_in_provider"),
                "the payment at 23:59 may be on the next day's bill");
        assertEquals(0, missingInProvider(late));

        long bill2 = f.statement(2, 2);
        long line = f.line(bill2, "d2", "payment", 9900, 2, "2031-cut-" + f.code, null, null);
        JsonPath next = f.run(2, 2);

        assertEquals(1, next.getInt("counts.matches.provider_txn_id"));
        assertEquals(1, TestDb.count("select count(*) from match_items a join match_items b on b.match_id = a.match_id "
                + "where a.item_type = 'transaction' and a.item_id = ? and b.item_type = 'statement_line' and b.item_id = ? "
                + "and a.live and b.live", late, line));
        assertEquals(0, missingInProvider(late));
    }

    @Test
    void afterTheGraceDaysAReallyMissingPaymentIsRaised() {
        Fixtures f = Fixtures.wallet("alipay", "CNY");
        long lost = f.receipt("2031-lost-" + f.code, 4400, 1, null);
        f.line(f.statement(1, 1), "d1", "payment", 500, 1, "other-" + f.code, null, null);
        f.run(1, 1);
        f.line(f.statement(2, 2), "d2", "payment", 600, 2, "another-" + f.code, null, null);

        JsonPath next = f.run(2, 2);

        assertEquals(1, next.getInt("counts.exceptions.missing_in_provider"));
        assertEquals(1, missingInProvider(lost));
    }

    @Test
    void theGraceDaysAreTheAccountsOwn() {
        Fixtures none = Fixtures.wallet("wechatpay", "CNY");
        none.config(Map.of("graceDays", 0));
        long t0 = none.receipt("4200-g0-" + none.code, 100, 1, null);
        none.statement(1, 1);
        assertEquals(1, none.run(1, 1).getInt("counts.exceptions.missing_in_provider"), "no grace: raised at once");
        assertEquals(1, missingInProvider(t0));

        Fixtures three = Fixtures.wallet("wechatpay", "CNY");
        three.config(Map.of("graceDays", 3));
        long t3 = three.receipt("4200-g3-" + three.code, 100, 1, null);
        three.statement(1, 3);
        assertNull(three.run(1, 3).get("counts.exceptions.missing_in_provider"),
                "three days' bills may still bring it");
        three.statement(4, 4);
        assertEquals(1, three.run(4, 4).getInt("counts.exceptions.missing_in_provider"));
        assertEquals(1, missingInProvider(t3));
    }

    @Test
    void aStripeBalanceSummaryAloneDoesNotBringTheDaysIn() {
        Fixtures f = Fixtures.wallet("stripe", "USD");
        f.config(Map.of("graceDays", 0));
        long t = f.receipt("ch_sum" + f.code, 100, 1, null);
        f.summary(1, 1);
        assertNull(f.run(1, 1).get("counts.exceptions.missing_in_provider"),
                "the summary holds balances only: the itemized report that would show the charge is not in");
        assertEquals(0, missingInProvider(t));

        f.statement(1, 1);
        assertEquals(1, f.run(1, 1).getInt("counts.exceptions.missing_in_provider"));
        assertEquals(1, missingInProvider(t));
    }

    @Test
    void anUnpaidReceivableWaitsForEveryBillAndBankStatementOfItsWindow() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        Fixtures bank = f.bank();
        long r = f.receivable(f.customer("Waiting"), "WAIT-" + f.code, 5000, 2);
        f.statement(0, 20);

        JsonPath withoutBank = f.run(0, 20);

        assertNull(withoutBank.get("counts.exceptions.unpaid_receivable"),
                "the bank statement of those days is not in: a payment there would have paid it");

        bank.statement(0, 5);
        assertNull(f.run(0, 20).get("counts.exceptions.unpaid_receivable"),
                "the bank is in up to the end of the window but not its grace day");

        bank.statement(6, 20);
        assertNull(f.run(0, 20).get("counts.exceptions.unpaid_receivable"),
                "the bank's statements are in but its credits are not reconciled yet: one of them may pay it");
        JsonPath all = bank.run(0, 20);

        assertEquals(1, all.getInt("counts.exceptions.unpaid_receivable"),
                "raised by the run that reconciles the last source");
        assertEquals(1, TestDb.count(
                "select count(*) from recon_exceptions where type = 'unpaid_receivable' and receivable_id = ?", r));
    }

    @Test
    void aGenericWebhookAccountThatNeverHadAStatementHoldsNothingBack() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        Fixtures webhooksOnly = f.sibling("standard");
        long r = f.receivable(f.customer("Late"), "LATE-" + f.code, 5000, 2);
        f.statement(0, 20);

        assertEquals(1, f.run(0, 20).getInt("counts.exceptions.unpaid_receivable"));
        assertEquals(1, TestDb.count(
                "select count(*) from recon_exceptions where type = 'unpaid_receivable' and receivable_id = ?", r));

        long later = f.receivable(f.customer("Later"), "LATER-" + f.code, 5100, 12);
        webhooksOnly.statement(0, 10);
        assertNull(f.run(0, 20).get("counts.exceptions.unpaid_receivable"),
                "once it has statements, it is a source like any other: the days after its last one are not in");
        assertEquals(0, TestDb.count("select count(*) from recon_exceptions where receivable_id = ?", later));
    }

    @Test
    void aPayoutHasNotArrivedOnlyOnceTheBankStatementsOfItsDaysAreIn() {
        Fixtures f = Fixtures.wallet("stripe", "USD");
        Fixtures bank = f.bank();
        f.config(Map.of("settlementAccount", bank.code, "settlementAfterDays", 2));
        long payout = f.transaction("po_w" + f.code, "payout", "out", 7000, 1, null, null, null, "po_w" + f.code,
                null);
        bank.statement(0, 2);

        assertNull(f.run(0, 5).get("counts.exceptions.settlement_not_arrived"),
                "the bank statement of the day it is due by is not in");

        bank.statement(3, 5);
        JsonPath run = f.run(0, 5);

        assertEquals(1, run.getInt("counts.exceptions.settlement_not_arrived"));
        assertEquals(1, TestDb.count(
                "select count(*) from recon_exceptions where type = 'settlement_not_arrived' and transaction_id = ?",
                payout));
    }

    @Test
    void aPayoutOfThePreviousPeriodIsStillLookedForAtTheBank() {
        Fixtures f = Fixtures.wallet("stripe", "USD");
        Fixtures bank = f.bank();
        f.config(Map.of("settlementAccount", bank.code, "settlementAfterDays", 2));
        long payout = f.transaction("po_e" + f.code, "payout", "out", 7200, 4, null, null, null, "po_e" + f.code,
                null);
        bank.statement(0, 10);
        f.run(0, 4);

        JsonPath next = f.run(5, 10);

        assertEquals(1, next.getInt("counts.exceptions.settlement_not_arrived"), "no missed alarm at a period's end");
        assertEquals(1, TestDb.count(
                "select count(*) from recon_exceptions where type = 'settlement_not_arrived' and transaction_id = ?",
                payout));
    }
}
