package io.walletrecon.testing;

/**
 * Companies for tests. Receivables, customers, payer identities and payment policies are per company and nothing is
 * matched, locked or checked across two, so a test that plants such rows gives itself a company of its own and no other
 * test's rows can reach its rules, locks or policies.
 */
public final class TestCompanies {

    /** The company the migration creates and the test configuration names as the default. */
    public static final String DEFAULT = "default";

    private TestCompanies() {
    }

    /** A company: its id (for SQL fixtures) and code (for requests). */
    public record Company(long id, String code) {
    }

    /** A new company of its own, inserted with SQL. */
    public static Company create(String prefix) {
        String code = TestData.unique(prefix);
        long id = TestDb.count(
                "insert into companies (code, name, legal_name, country, time_zone) values (?, ?, ?, 'CN', 'Asia/Shanghai') returning id",
                code, "Company " + code, code + " Co., Ltd.");
        return new Company(id, code);
    }

    /** The id of the default company, for SQL fixtures that do not care which company they are in. */
    public static long defaultId() {
        return TestDb.count("select id from companies where code = ?", DEFAULT);
    }
}
