package io.walletrecon.matching;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;

import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Plants matching inputs with SQL (the import and intake own their APIs) and drives runs through the API.
 * Receivables, customers and payer identities belong to a company and matching never reaches across companies, so
 * every fixture is an account of a company of its own: no test's date window or past-due check ever reaches another
 * test's rows, whatever dates they use. Accounts that must share receivables are siblings ({@link #sibling}).
 */
final class Fixtures {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");
    static final String ADMIN = TestJwt.bearer("ada", "admin");
    /** The first business date of every fixture. */
    static final LocalDate D0 = LocalDate.of(2031, 3, 1);

    final TestCompanies.Company company;
    final String code;
    final long account;
    final String currency;
    final LocalDate d0;

    private Fixtures(TestCompanies.Company company, String code, long account, String currency) {
        this.company = company;
        this.code = code;
        this.account = account;
        this.currency = currency;
        this.d0 = D0;
    }

    static Fixtures wallet(String provider, String currency) {
        return account(provider, currency);
    }

    /** An account of a new company of its own. */
    static Fixtures account(String provider, String currency) {
        return in(TestCompanies.create("co-" + provider), provider, currency);
    }

    /** An account of {@code company}. */
    static Fixtures in(TestCompanies.Company company, String provider, String currency) {
        String code = TestData.unique(provider);
        long id = TestDb.count(
                "insert into accounts (company_id, code, provider, name, currency, time_zone) values (?, ?, ?, ?, ?, 'Asia/Shanghai') returning id",
                company.id(), code, provider, "Test " + code, currency);
        return new Fixtures(company, code, id, currency);
    }

    /** Another account of this one's company, in the same currency: the two share its receivables. */
    Fixtures sibling(String provider) {
        return in(company, provider, currency);
    }

    /** A bank account of the same company in the same currency. */
    Fixtures bank() {
        return sibling("bank");
    }

    LocalDate day(int offset) {
        return d0.plusDays(offset);
    }

    long customer(String name) {
        return TestDb.count("insert into customers (company_id, external_id, name) values (?, ?, ?) returning id",
                company.id(),
                TestData.unique(code + "-c"), name);
    }

    void identity(long customer, String kind, String key) {
        TestDb.update("insert into payer_identities (customer_id, kind, identity_key, masked) values (?, ?, ?, '***')",
                customer, kind, key);
    }

    long receivable(long customer, String reference, long amount, int dueOffset) {
        return receivable(customer, reference, amount, dueOffset, null);
    }

    long receivable(long customer, String reference, long amount, int dueOffset, String collectionCode) {
        return TestDb.count(
                "insert into receivables (customer_id, reference, amount_minor, currency, issue_date, due_date, collection_code) "
                        + "values (?, ?, ?, ?, ?, ?, ?) returning id",
                customer, reference, amount, currency,
                day(dueOffset - 30), day(dueOffset), collectionCode);
    }

    long receipt(String txnId, long amount, int dayOffset, String reference) {
        return receipt(txnId, amount, dayOffset, reference, null, null);
    }

    long receipt(String txnId, long amount, int dayOffset, String reference, String payerKind, String payer) {
        return transaction(txnId, "payment", "in", amount, dayOffset, reference, payerKind, payer, null, null);
    }

    long transaction(String txnId, String kind, String direction, long amount, int dayOffset, String reference,
            String payerKind,
            String payer, String payoutId, Long fee) {
        return TestDb.count(
                "insert into transactions (account_id, provider_txn_id, kind, direction, amount_minor, fee_minor, currency, status, "
                        + "payer_kind, payer_identity, merchant_reference, payout_id, occurred_at, value_date) "
                        + "values (?, ?, ?, ?, ?, ?, ?, 'succeeded', ?, ?, ?, ?, ?, ?) returning id",
                account, txnId, kind, direction, amount, fee, currency, payerKind, payer, reference, payoutId,
                java.sql.Timestamp.valueOf(day(dayOffset).atTime(12, 0)), day(dayOffset));
    }

    long statement(int fromOffset, int toOffset) {
        return TestDb.count(
                "insert into statements (account_id, format, period_start, period_end, currency, file_sha256, imported_by) "
                        + "values (?, 'test', ?, ?, ?, ?, 'test') returning id",
                account, day(fromOffset), day(toOffset), currency, TestData.unique("sha"));
    }

    /** A Stripe balance summary of these days: balances, no lines. */
    long summary(int fromOffset, int toOffset) {
        return TestDb.count(
                "insert into statements (account_id, format, period_start, period_end, currency, opening_balance_minor, "
                        + "closing_balance_minor, file_sha256, imported_by) "
                        + "values (?, 'stripe-summary', ?, ?, ?, 0, 0, ?, 'test') returning id",
                account, day(fromOffset), day(toOffset), currency, TestData.unique("sha"));
    }

    long line(long statement, String key, String kind, long amount, int dayOffset, String providerTxnId,
            String payoutId, String bankReference) {
        return TestDb.count(
                "insert into statement_lines (statement_id, account_id, line_no, line_key, kind, value_date, amount_minor, currency, "
                        + "provider_txn_id, payout_id, bank_reference) values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
                statement, account, key, kind, day(dayOffset), amount, currency, providerTxnId, payoutId,
                bankReference);
    }

    void config(Map<String, Object> body) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .when().put("/matching/config/" + code).then().statusCode(200);
    }

    /** Runs a manual run over day(from)..day(to) through the API and waits for it to finish. */
    JsonPath run(int from, int to) {
        long id = given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("account", code, "from", day(from).toString(), "to", day(to).toString()))
                .when().post("/matching/runs")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        return await(id);
    }

    static JsonPath await(long id) {
        return io.walletrecon.testing.MatchingRuns.await(id);
    }

    long matches(String rule, String status) {
        return TestDb.count("select count(*) from matches where account_id = ? and rule = ? and status = ?", account,
                rule, status);
    }

    long exceptions(String type) {
        return TestDb.count("select count(*) from recon_exceptions where account_id = ? and type = ?", account, type);
    }

    static String receivableStatus(long id) {
        return TestDb.scalar("select status from receivables where id = ?", id);
    }

    static long paid(long id) {
        return TestDb.count("select paid_minor from receivables where id = ?", id);
    }
}
