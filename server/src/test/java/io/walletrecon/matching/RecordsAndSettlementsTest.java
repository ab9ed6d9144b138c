package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.TestDb;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Our records against the provider's bill, and provider payouts against the bank statement. */
@QuarkusTest
class RecordsAndSettlementsTest {

    @Test
    void ourTransactionMatchesTheBillLineWithItsProviderId() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long t = f.receipt("4200001-" + f.code, 8800, 1, null);
        long refund = f.transaction("re-" + f.code, "refund", "out", 800, 1, null, null, null, null, null);
        long bill = f.statement(1, 1);
        long l = f.line(bill, "k1", "payment", 8800, 1, "4200001-" + f.code, null, null);
        long lr = f.line(bill, "k2", "refund", -800, 1, "re-" + f.code, null, null);

        JsonPath run = f.run(1, 1);

        assertEquals(2, run.getInt("counts.matches.provider_txn_id"));
        assertEquals(1, TestDb.count(
                "select count(*) from matches m join match_items a on a.match_id = m.id and a.item_type = 'transaction' "
                        + "join match_items b on b.match_id = m.id and b.item_type = 'statement_line' where m.kind = 'record_statement' "
                        + "and a.item_id = ? and b.item_id = ? and m.difference_minor = 0",
                t, l));
        assertEquals(1, TestDb.count(
                "select count(*) from matches m join match_items a on a.match_id = m.id and a.item_type = 'transaction' "
                        + "join match_items b on b.match_id = m.id and b.item_type = 'statement_line' where m.kind = 'record_statement' "
                        + "and a.item_id = ? and b.item_id = ? and m.left_total_minor = -800",
                refund, lr));
        assertNull(run.get("counts.exceptions.missing_in_provider"));
    }

    @Test
    void theBillsFeeWinsOverADifferentNotifiedFeeAndTheCorrectionIsAudited() {
        Fixtures f = Fixtures.wallet("alipay", "CNY");
        long t = f.transaction("2031-f-" + f.code, "payment", "in", 10000, 1, null, null, null, null, 50L);
        long bill = f.statement(1, 1);
        long l = f.line(bill, "k1", "payment", 10000, 1, "2031-f-" + f.code, null, null);
        TestDb.update("update statement_lines set fee_minor = 60 where id = ?", l);

        JsonPath run = f.run(1, 1);

        assertEquals(1, run.getInt("counts.matches.provider_txn_id"));
        assertNull(run.get("counts.exceptions.amount_mismatch"), "gross agrees: the fee is not a mismatch");
        assertEquals(60, TestDb.count("select fee_minor from transactions where id = ?", t));
        assertEquals(1, TestDb.count("select count(*) from audit_log where action = 'transactions.fees-from-bill' "
                + "and entity_id = ? and details like ? and details like ?", String.valueOf(run.getLong("id")),
                "%\"notifiedFee\":50%", "%\"billFee\":60%"));
    }

    @Test
    void aDifferentAmountInTheBillIsAnAmountMismatch() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long t = f.receipt("4200002-" + f.code, 8800, 1, null);
        long bill = f.statement(1, 1);
        f.line(bill, "k1", "payment", 8700, 1, "4200002-" + f.code, null, null);

        JsonPath run = f.run(1, 1);

        assertEquals(1, run.getInt("counts.matches.provider_txn_id"));
        assertEquals(1,
                TestDb.count(
                        "select count(*) from recon_exceptions where type = 'amount_mismatch' and transaction_id = ? "
                                + "and expected_minor = 8800 and actual_minor = 8700 and difference_minor = -100",
                        t));
    }

    @Test
    void notifiedButAbsentFromTheDaysBillIsMissingInProvider() {
        Fixtures f = Fixtures.wallet("alipay", "CNY");
        long t = f.receipt("2026-a-" + f.code, 500, 1, null);
        long unknownDay = f.receipt("2026-b-" + f.code, 600, 2, null);
        long bill = f.statement(1, 2);
        f.line(bill, "k1", "payment", 999, 1, "other-" + f.code, null, null);

        JsonPath run = f.run(1, 2);

        assertEquals(1, run.getInt("counts.exceptions.missing_in_provider"));
        assertEquals(1, TestDb.count(
                "select count(*) from recon_exceptions where type = 'missing_in_provider' and transaction_id = ?", t));
        assertEquals(0, TestDb.count(
                "select count(*) from recon_exceptions where type = 'missing_in_provider' and transaction_id = ?",
                unknownDay),
                "the next day's bill, which may still bring it, is not in yet: nothing is known to be missing");
    }

    @Test
    void inTheBillButNeverNotifiedIsMissingInRecords() {
        Fixtures f = Fixtures.wallet("alipay", "CNY");
        long bill = f.statement(1, 1);
        long l = f.line(bill, "k1", "payment", 999, 1, "ghost-" + f.code, null, null);

        JsonPath run = f.run(1, 1);

        assertEquals(1, run.getInt("counts.exceptions.missing_in_records"));
        assertEquals(1, TestDb.count(
                "select count(*) from recon_exceptions where type = 'missing_in_records' and statement_line_id = ? "
                        + "and actual_minor = 999",
                l));
    }

    @Test
    void aPayoutMatchesTheBankCreditCarryingItsId() {
        Fixtures f = Fixtures.wallet("stripe", "USD");
        Fixtures bank = f.bank();
        f.config(java.util.Map.of("settlementAccount", bank.code));
        f.transaction("ch_1" + f.code, "payment", "in", 10000, 1, null, null, null, "po_" + f.code, 320L);
        long payout = f.transaction("po_" + f.code, "payout", "out", 9680, 2, null, null, null, "po_" + f.code, null);
        long stmt = bank.statement(0, 10);
        long credit = bank.line(stmt, "b1", "payment", 9680, 4, null, null, "po_" + f.code);

        JsonPath run = f.run(0, 3);

        assertEquals(1, run.getInt("counts.matches.payout_reference"));
        assertEquals(1, TestDb.count(
                "select count(*) from matches m join match_items a on a.match_id = m.id and a.side = 'left' "
                        + "join match_items b on b.match_id = m.id and b.side = 'right' where m.kind = 'settlement_bank' and a.item_type = 'transaction' "
                        + "and a.item_id = ? and b.item_id = ? and m.difference_minor = 0 and m.status = 'confirmed'",
                payout, credit));
        assertNull(run.get("counts.exceptions.settlement_difference"));
    }

    @Test
    void aPayoutTheBankLineDoesNotNameIsSuggestedByAmountAndDate() {
        Fixtures f = Fixtures.wallet("stripe", "USD");
        Fixtures bank = f.bank();
        f.config(java.util.Map.of("settlementAccount", bank.code));
        long bill = f.statement(0, 5);
        long payout = f.line(bill, "p1", "payout", -45600, 2, null, "po_x" + f.code, null);
        long stmt = bank.statement(0, 10);
        long credit = bank.line(stmt, "b1", "payment", 45600, 4, null, null, "SEPA CREDIT");

        JsonPath run = f.run(0, 3);

        assertEquals(1, run.getInt("counts.matches.payout_amount_date"));
        assertEquals(1, TestDb
                .count("select count(*) from matches m join match_items a on a.match_id = m.id and a.side = 'left' "
                        + "join match_items b on b.match_id = m.id and b.side = 'right' where m.status = 'suggested' and a.item_type = 'statement_line' "
                        + "and a.item_id = ? and b.item_id = ?", payout, credit));
    }

    @Test
    void aPayoutThatDiffersFromItsTransactionsOrFromTheBankIsASettlementDifference() {
        Fixtures f = Fixtures.wallet("stripe", "USD");
        Fixtures bank = f.bank();
        f.config(java.util.Map.of("settlementAccount", bank.code));
        f.transaction("ch_a" + f.code, "payment", "in", 10000, 1, null, null, null, "po_d" + f.code, 300L);
        f.transaction("re_a" + f.code, "refund", "out", 1000, 1, null, null, null, "po_d" + f.code, null);
        long payout = f.transaction("po_d" + f.code, "payout", "out", 8600, 2, null, null, null, "po_d" + f.code, null);
        long stmt = bank.statement(0, 10);
        bank.line(stmt, "b1", "payment", 8500, 3, null, "po_d" + f.code, null);

        JsonPath run = f.run(0, 3);

        assertEquals(2, run.getInt("counts.exceptions.settlement_difference"));
        assertEquals(1, TestDb.count(
                "select count(*) from recon_exceptions where type = 'settlement_difference' and transaction_id = ? "
                        + "and expected_minor = 8700 and actual_minor = 8600 and difference_minor = -100",
                payout), "payout vs its net transactions");
        assertEquals(1, TestDb.count(
                "select count(*) from recon_exceptions where type = 'settlement_difference' and transaction_id = ? "
                        + "and expected_minor = 8600 and actual_minor = 8500 and difference_minor = -100",
                payout), "payout vs the bank credit");
    }

    @Test
    void aPayoutNotAtTheBankAfterTheConfiguredDaysHasNotArrived() {
        Fixtures f = Fixtures.wallet("stripe", "USD");
        Fixtures bank = f.bank();
        f.config(java.util.Map.of("settlementAccount", bank.code, "settlementAfterDays", 2));
        long old = f.transaction("po_o" + f.code, "payout", "out", 7000, 1, null, null, null, "po_o" + f.code, null);
        long recent = f.transaction("po_r" + f.code, "payout", "out", 7100, 5, null, null, null, "po_r" + f.code, null);
        bank.statement(0, 5);

        JsonPath run = f.run(0, 5);

        assertEquals(1, run.getInt("counts.exceptions.settlement_not_arrived"));
        assertEquals(1, TestDb.count(
                "select count(*) from recon_exceptions where type = 'settlement_not_arrived' and transaction_id = ? "
                        + "and expected_minor = 7000 and actual_minor = 0",
                old));
        assertEquals(0, TestDb.count("select count(*) from recon_exceptions where transaction_id = ?", recent));
    }
}
