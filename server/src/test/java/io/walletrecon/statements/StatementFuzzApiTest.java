package io.walletrecon.statements;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged samples ({@link Mutations}, the same generator as the 10,000-case parse-level {@code StatementFuzzTest})
 * through the real upload: every answer is 201, 200 or 422 (or 409 for a damaged copy of a statement imported before:
 * a re-issue of it), never a 5xx, and never a partial write. The rows of
 * the account (statements, lines, audit entries) and of the staging table are counted before and after each upload:
 * a refused or repeated file changes none of them, an imported one adds exactly what its answer reports.
 */
@QuarkusTest
class StatementFuzzApiTest {

    static final int MUTATIONS = 300;
    static final String FINANCE = TestJwt.bearer("fuzz", "finance");

    record Counts(long statements, long lines, long audits, long staging) {
        static Counts of(long accountId) {
            return new Counts(TestDb.count("select count(*) from statements where account_id = ?", accountId),
                    TestDb.count("select count(*) from statement_lines where account_id = ?", accountId),
                    TestDb.count(
                            "select count(*) from audit_log a join statements s on a.entity_type = 'statement' and a.entity_id = s.id::text "
                                    + "where s.account_id = ?",
                            accountId),
                    TestDb.count("select count(*) from statement_lines_staging"));
        }
    }

    @Test
    void damagedUploadsAreImportedOrRefusedWholeNeverAServerError() {
        List<Mutations.Seed> seeds = Mutations.seeds();
        Map<String, String> accounts = new HashMap<>();
        for (Mutations.Seed seed : seeds) {
            String code = TestData.unique("fuzz");
            Accounts.createBank(code, seed.currency(), "Asia/Shanghai");
            accounts.put(seed.name(), code);
        }
        Random random = new Random(20261130L);
        Map<Integer, Integer> statuses = new HashMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < MUTATIONS; i++) {
            Mutations.Mutant m = Mutations.mutate(seeds.get(i % seeds.size()), random);
            String code = accounts.get(m.seed().name());
            long accountId = TestDb.count("select id from accounts where code = ?", code);
            Counts before = Counts.of(accountId);
            Response r = given().header("Authorization", FINANCE).contentType("application/octet-stream")
                    .queryParam("account", code)
                    .body(m.bytes()).when().post("/statements").then().extract().response();
            Counts after = Counts.of(accountId);
            int status = r.statusCode();
            statuses.merge(status, 1, Integer::sum);
            if (status != 200 && status != 201 && status != 422 && !reissueRefused(status, r.asString())) {
                failures.add(m + ": " + status + " " + r.asString());
                continue;
            }
            if (after.staging() != 0) {
                failures.add(m + ": " + after.staging() + " staging rows left behind");
            }
            if (status == 201) {
                long created = ((List<?>) r.path("statements.findAll { it.created }")).size();
                long inserted = ((Number) r.path("inserted")).longValue();
                if (after.statements() - before.statements() != created || after.lines() - before.lines() != inserted
                        || after.audits() - before.audits() != created) {
                    failures.add(m + ": answered " + created + " statements / " + inserted + " lines but stored "
                            + (after.statements() - before.statements())
                            + " / " + (after.lines() - before.lines()));
                }
            } else if (!after.equals(before)) {
                failures.add(m + ": answered " + status + " but the rows changed from " + before + " to " + after);
            }
        }
        System.out.println("Fuzzed uploads by answer: " + statuses);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(MUTATIONS, statuses.values().stream().mapToInt(Integer::intValue).sum());
    }

    /** A damaged copy of a statement imported before is a corrected re-issue of it: refused whole, saying so. */
    private static boolean reissueRefused(int status, String body) {
        return status == 409 && body.contains("was imported before") && body.contains("Nothing was imported");
    }
}
