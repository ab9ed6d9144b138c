package io.walletrecon.reports;

import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;

/** Plants report data with SQL: reports read tables other functions own, so tests write those rows directly. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    /** A new account of the default company with a unique code; returns its id. */
    static long account(String prefix, String provider, String currency, String zone) {
        return account(TestCompanies.defaultId(), prefix, provider, currency, zone);
    }

    /** A new account of the company {@code companyId} with a unique code; returns its id. */
    static long account(long companyId, String prefix, String provider, String currency, String zone) {
        String code = TestData.unique(prefix);
        TestDb.update(
                "insert into accounts (company_id, code, provider, name, currency, time_zone) values (?, ?, ?, ?, ?, ?)",
                companyId, code, provider, "Account " + code, currency, zone);
        return TestDb.count("select id from accounts where code = ?", code);
    }

    static String code(long accountId) {
        return TestDb.scalar("select code from accounts where id = ?", accountId);
    }

    static long customer(String name) {
        return customer(TestCompanies.defaultId(), name);
    }

    static long customer(long companyId, String name) {
        String ext = TestData.unique("cust");
        TestDb.update("insert into customers (company_id, external_id, name) values (?, ?, ?)", companyId, ext, name);
        return TestDb.count("select id from customers where external_id = ?", ext);
    }

    static long txn(long account, String direction, long amount, Long fee, String currency, String status,
            String valueDate, Long customer) {
        String ref = TestData.unique("txn");
        TestDb.update(
                "insert into transactions (account_id, provider_txn_id, kind, direction, amount_minor, fee_minor, currency, status, "
                        + "occurred_at, value_date, customer_id, merchant_reference) values (?, ?, ?, ?, ?, ?, ?, ?, ?::date + time '10:00', ?::date, ?, ?)",
                account, ref, direction.equals("in") ? "payment" : "refund", direction, amount, fee, currency, status,
                valueDate, valueDate,
                customer, "ref-" + ref);
        return TestDb.count("select id from transactions where account_id = ? and provider_txn_id = ?", account, ref);
    }

    static void statement(long account, String currency, String start, String end, long closing) {
        TestDb.update(
                "insert into statements (account_id, format, period_start, period_end, currency, closing_balance_minor, file_sha256, imported_by) "
                        + "values (?, 'camt053', ?::date, ?::date, ?, ?, ?, 'test')",
                account, start, end, currency, closing, TestData.unique("sha"));
    }

    /** A match of {@code status} claiming the transaction. */
    static void match(long account, long transaction, long amount, String currency, String status) {
        TestDb.update(
                "insert into matches (account_id, kind, rule, confidence, status, currency, left_total_minor, right_total_minor, "
                        + "difference_minor, created_by) values (?, 'record_statement', 'test', 1, ?, ?, ?, ?, 0, 'test')",
                account, status, currency, amount, amount);
        long match = TestDb.count("select max(id) from matches where account_id = ?", account);
        TestDb.update("insert into match_items (match_id, match_kind, side, item_type, item_id, amount_minor) "
                + "values (?, 'record_statement', 'left', 'transaction', ?, ?)", match, transaction, amount);
    }

    static long exception(long account, String type, String status, String currency, Long expected, Long actual,
            Long difference,
            String businessDate, String assignee) {
        String key = TestData.unique("dedupe");
        TestDb.update(
                "insert into recon_exceptions (account_id, type, status, currency, expected_minor, actual_minor, difference_minor, "
                        + "business_date, dedupe_key, assignee, resolved_at) values (?, ?, ?, ?, ?, ?, ?, ?::date, ?, ?, "
                        + "case when ? in ('resolved', 'ignored') then (?::date + 3)::timestamptz end)",
                account, type, status, currency, expected, actual, difference, businessDate, key, assignee, status,
                businessDate);
        return TestDb.count("select id from recon_exceptions where dedupe_key = ?", key);
    }

    static void annotate(long exception, String author, String body, String at) {
        TestDb.update(
                "insert into exception_annotations (exception_id, author, body, created_at) values (?, ?, ?, ?::timestamptz)",
                exception, author, body, at);
    }

    static long receivable(long customer, String reference, long amount, long paid, String currency, String issue,
            String due, String status) {
        TestDb.update(
                "insert into receivables (customer_id, reference, amount_minor, paid_minor, currency, issue_date, due_date, status) "
                        + "values (?, ?, ?, ?, ?, ?::date, ?::date, ?)",
                customer, reference, amount, paid, currency, issue, due, status);
        return TestDb.count("select id from receivables where customer_id = ? and reference = ?", customer, reference);
    }
}
