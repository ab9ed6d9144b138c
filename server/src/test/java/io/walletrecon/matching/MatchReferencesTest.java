package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.testing.TestDb;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * matches and match_items keep their references through statement-level checks (V8, V9) rather than row-level
 * foreign keys; these are the guarantees the foreign keys gave, asserted against PostgreSQL.
 */
@QuarkusTest
class MatchReferencesTest {

    @Test
    void aMatchOfAnAccountThatDoesNotExistIsRefused() {
        assertForeignKeyViolation(() -> insertMatch(-1, null), "matches.account_id references a missing account");
    }

    @Test
    void aMatchOfARunThatDoesNotExistIsRefused() {
        Fixtures f = Fixtures.wallet("stripe", "EUR");
        assertForeignKeyViolation(() -> insertMatch(f.account, -7L), "matches.run_id references a missing match run");
    }

    @Test
    void itemsOfAWholeBlockOfExistingMatchesAreAccepted() {
        Fixtures f = Fixtures.wallet("stripe", "EUR");
        long run = run(f);
        long first = insertMatch(f.account, run);
        long second = insertMatch(f.account, run);
        long third = insertMatch(f.account, run);

        TestDb.update("insert into match_items (match_id, match_kind, side, item_type, item_id, amount_minor) "
                + "select m, 'receipt_receivable', 'left', 'transaction', -m, 100 from unnest(array[?, ?, ?]::bigint[]) m",
                first, second, third);

        assertEquals(3,
                TestDb.count("select count(*) from match_items where match_id in (?, ?, ?)", first, second, third));
    }

    @Test
    void anItemOfAMatchThatDoesNotExistIsRefusedAlsoAmongItemsOfExistingMatches() {
        Fixtures f = Fixtures.wallet("stripe", "EUR");
        long run = run(f);
        long match = insertMatch(f.account, run);

        assertForeignKeyViolation(
                () -> TestDb.update(
                        "insert into match_items (match_id, match_kind, side, item_type, item_id, amount_minor) "
                                + "values (?, 'receipt_receivable', 'left', 'transaction', -1, 100)",
                        -match),
                "match_items.match_id references a missing match");
        // A dense range of ids with a hole in it: the range check fails and the per-item check names the culprit.
        long missing = TestDb.count("select nextval(pg_get_serial_sequence('matches', 'id'))");
        long after = insertMatch(f.account, run);
        assertForeignKeyViolation(() -> TestDb.update(
                "insert into match_items (match_id, match_kind, side, item_type, item_id, amount_minor) "
                        + "select m, 'receipt_receivable', 'left', 'transaction', -m, 100 from unnest(array[?, ?, ?]::bigint[]) m",
                match, missing, after),
                "match_items.match_id references a missing match");
        assertEquals(0, TestDb.count("select count(*) from match_items where match_id in (?, ?)", match, after));
    }

    @Test
    void deletingAMatchDeletesItsItemsAndARunWithMatchesCannotBeDeleted() {
        Fixtures f = Fixtures.wallet("stripe", "EUR");
        long run = run(f);
        long match = insertMatch(f.account, run);
        TestDb.update("insert into match_items (match_id, match_kind, side, item_type, item_id, amount_minor) "
                + "values (?, 'receipt_receivable', 'left', 'transaction', ?, 100), (?, 'receipt_receivable', 'right', 'receivable', ?, 100)",
                match, -match, match, -match);

        assertForeignKeyViolation(() -> TestDb.update("delete from match_runs where id = ?", run),
                "match_runs row is still referenced from matches");

        TestDb.update("delete from matches where id = ?", match);
        assertEquals(0, TestDb.count("select count(*) from match_items where match_id = ?", match));
        assertEquals(1, TestDb.update("delete from match_runs where id = ?", run));
    }

    private static long run(Fixtures f) {
        return TestDb.count(
                "insert into match_runs (account_id, kind, requested_by) values (?, 'manual', 'test') returning id",
                f.account);
    }

    private static long insertMatch(long account, Long run) {
        return TestDb.count(
                "insert into matches (account_id, run_id, kind, rule, confidence, status, currency, left_total_minor, "
                        + "right_total_minor, difference_minor, created_by) values (?, ?, 'receipt_receivable', 'manual', 1, 'confirmed', 'EUR', 100, 100, 0, 'test') "
                        + "returning id",
                account, run);
    }

    private static void assertForeignKeyViolation(Runnable statement, String message) {
        IllegalStateException e = assertThrows(IllegalStateException.class, statement::run);
        SQLException cause = (SQLException) e.getCause();
        assertEquals("23503", cause.getSQLState());
        assertTrue(cause.getMessage().contains(message), cause.getMessage());
    }
}
