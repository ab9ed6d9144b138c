package io.walletrecon.balances;

import io.walletrecon.dispatch.EndToEndId;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;

/** Plants the rows the balances read, shaped as each provider's intake and each import store them. */
public final class BalanceFixtures {

    private BalanceFixtures() {
    }

    static long account(String provider, String currency) {
        String code = TestData.unique("bal");
        TestDb.update(
                "insert into accounts (company_id, code, provider, name, currency, time_zone) values (?, ?, ?, ?, ?, 'Europe/Berlin')",
                TestCompanies.defaultId(), code, provider, "Balances " + code, currency);
        return TestDb.count("select id from accounts where code = ?", code);
    }

    static String code(long account) {
        return TestDb.scalar("select code from accounts where id = ?", account);
    }

    /**
     * A succeeded payment (in) with its provider's refunded total: {@code refunded} 0 for none, -1 for a failed
     * payment; the status follows the total as intake sets it. Returns its provider transaction id.
     */
    static String payment(long account, long amount, Long fee, String currency, String valueDate, long refunded) {
        String status = refunded < 0
                ? "failed"
                : refunded == 0 ? "succeeded" : refunded >= amount ? "refunded" : "partially_refunded";
        return row(account, "payment", "in", amount, fee, currency, status, valueDate, null, Math.max(refunded, 0));
    }

    /** A refund as its own row (kind refund, out) under the payment it refunds. */
    static String refundRow(long account, String parentTxnId, long amount, String currency, String status,
            String valueDate) {
        return row(account, "refund", "out", amount, null, currency, status, valueDate, parentTxnId, 0);
    }

    static String payout(long account, long amount, String currency, String valueDate) {
        return row(account, "payout", "out", amount, null, currency, "succeeded", valueDate, null, 0);
    }

    static String row(long account, String kind, String direction, long amount, Long fee, String currency,
            String status, String valueDate,
            String parent, long refunded) {
        String id = TestData.unique("txn");
        TestDb.update(
                "insert into transactions (account_id, provider_txn_id, kind, direction, amount_minor, fee_minor, refunded_minor, currency, "
                        + "status, occurred_at, value_date, parent_txn_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::date + time '10:00', ?::date, ?)",
                account, id, kind, direction, amount, fee, refunded, currency, status, valueDate, valueDate, parent);
        return id;
    }

    static void statement(long account, String currency, String end, long closing) {
        TestDb.update(
                "insert into statements (account_id, format, period_start, period_end, currency, closing_balance_minor, file_sha256, imported_by) "
                        + "values (?, 'camt053', ?::date - 27, ?::date, ?, ?, ?, 'test')",
                account, end, end, currency, closing, TestData.unique("sha"));
    }

    /** A bank statement line (credits positive, debits negative) with its end-to-end id; returns its id. */
    public static long line(long account, long amount, Long fee, String currency, String valueDate, String endToEndId) {
        long statement = TestDb.count("insert into statements (account_id, format, currency, file_sha256, imported_by) "
                + "values (?, 'camt053', ?, ?, 'test') returning id", account, currency, TestData.unique("sha"));
        String key = TestData.unique("line");
        TestDb.update(
                "insert into statement_lines (statement_id, account_id, line_no, line_key, value_date, amount_minor, fee_minor, currency, "
                        + "end_to_end_id) values (?, ?, 1, ?, ?::date, ?, ?, ?, ?)",
                statement, account, key, valueDate, amount, fee, currency, endToEndId);
        return TestDb.count("select id from statement_lines where line_key = ?", key);
    }

    /** The line claimed by a live item of a confirmed match: reconciled. */
    public static void reconciled(long account, long line) {
        long match = TestDb.count(
                "insert into matches (account_id, kind, rule, confidence, status, currency, left_total_minor, right_total_minor, "
                        + "difference_minor, created_by) values (?, 'settlement_bank', 'test', 1, 'confirmed', 'EUR', 0, 0, 0, 'test') returning id",
                account);
        TestDb.update("insert into match_items (match_id, match_kind, side, item_type, item_id, amount_minor) "
                + "values (?, 'settlement_bank', 'right', 'statement_line', ?, 0)", match, line);
    }

    /**
     * A bank-file order in {@code state}, submitted at {@code submittedAt} and known by its {@link EndToEndId} as a
     * built file makes it; returns its payment id.
     */
    static long order(long account, long amount, String currency, String state, String submittedAt) {
        String key = TestData.unique("ben");
        long beneficiary = TestDb.count("insert into beneficiaries (company_id, kind, beneficiary_key, name, masked) "
                + "values (?, 'bank_account', ?, 'Supplier GmbH', '****0000') returning id", TestCompanies.defaultId(),
                key);
        long id = TestDb.count(
                "insert into payment_orders (type, account_id, beneficiary_id, amount_minor, currency, reference, execute_on, due_at, "
                        + "state, channel, created_by, idempotency_key, beneficiary_name, submitted_at) values ('supplier_payment', ?, ?, ?, ?, 'REF', "
                        + "?::timestamptz::date, ?::timestamptz, ?, 'bank_file', 'test', ?, 'Supplier GmbH', ?::timestamptz) returning id",
                account, beneficiary, amount, currency, submittedAt, submittedAt, state, TestData.unique("idem"),
                submittedAt);
        TestDb.update("update payment_orders set provider_payment_id = ? where id = ?", EndToEndId.of(id), id);
        return id;
    }
}
