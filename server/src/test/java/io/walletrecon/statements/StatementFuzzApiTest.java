package io.walletrecon.statements;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * a re-issue of it), never a 5xx, and never a partial write. Every kind of damage is done to every sample (seeded, so
 * a failure names what to replay); the many random cases per kind are the parse-level test's. The rows of
 * the account (statements, lines, audit entries) and of the staging table are counted before and after each upload:
 * a refused or repeated file changes none of them, an imported one adds exactly what its answer reports.
 */
@QuarkusTest
class StatementFuzzApiTest {

    static final String FINANCE = TestJwt.bearer("fuzz", "finance");

    private static final String COUNTS = """
            select (select count(*) from statements where account_id = ?),
                   (select count(*) from statement_lines where account_id = ?),
                   (select count(*) from audit_log a join statements s
                      on a.entity_type = 'statement' and a.entity_id = s.id::text where s.account_id = ?),
                   (select count(*) from statement_lines_staging)""";

    record Counts(long statements, long lines, long audits, long staging) {
        static Counts of(Connection db, long accountId) throws SQLException {
            try (PreparedStatement ps = db.prepareStatement(COUNTS)) {
                for (int i = 1; i <= 3; i++) {
                    ps.setLong(i, accountId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
                }
            }
        }
    }

    @Test
    void damagedUploadsAreImportedOrRefusedWholeNeverAServerError() throws SQLException {
        List<Mutations.Seed> seeds = Mutations.seeds();
        List<String> codes = new ArrayList<>();
        for (Mutations.Seed seed : seeds) {
            String code = TestData.unique("fuzz");
            Accounts.createBank(code, seed.currency(), "Asia/Shanghai");
            codes.add(code);
        }
        Random random = new Random(20261130L);
        Map<Integer, Integer> statuses = new HashMap<>();
        List<String> failures = new ArrayList<>();
        try (Connection db = TestDb.connect()) {
            for (int i = 0; i < seeds.size(); i++) {
                long accountId = TestDb.count("select id from accounts where code = ?", codes.get(i));
                for (int kind = 0; kind < Mutations.KINDS; kind++) {
                    upload(db, Mutations.mutate(seeds.get(i), kind, random), codes.get(i), accountId, statuses,
                            failures);
                }
            }
        }
        System.out.println("Fuzzed uploads by answer: " + statuses);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(seeds.size() * Mutations.KINDS, statuses.values().stream().mapToInt(Integer::intValue).sum());
    }

    /** Uploads one damaged file and notes what is wrong with its answer or with what it stored. */
    private static void upload(Connection db, Mutations.Mutant m, String code, long accountId,
            Map<Integer, Integer> statuses, List<String> failures) throws SQLException {
        Counts before = Counts.of(db, accountId);
        Response r = given().header("Authorization", FINANCE).contentType("application/octet-stream")
                .queryParam("account", code)
                .body(m.bytes()).when().post("/statements").then().extract().response();
        Counts after = Counts.of(db, accountId);
        int status = r.statusCode();
        statuses.merge(status, 1, Integer::sum);
        if (status != 200 && status != 201 && status != 422 && !reissueRefused(status, r.asString())) {
            failures.add(m + ": " + status + " " + r.asString());
            return;
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

    /** A damaged copy of a statement imported before is a corrected re-issue of it: refused whole, saying so. */
    private static boolean reissueRefused(int status, String body) {
        return status == 409 && body.contains("was imported before") && body.contains("Nothing was imported");
    }
}
