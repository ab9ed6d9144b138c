package io.walletrecon.data;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seam, checked in core's compiled classes: only a {@code *Repository} issues native SQL or holds a raw client,
 * and no SQL is composed at run time. The classes that do not follow it yet are listed below, each with what is to
 * become of it; move the SQL, then delete the entry: the test fails on a new offender <em>and</em> on an entry that
 * is no longer needed, so the lists only shrink.
 */
class SqlStaysInRepositoriesTest {

    /** Classes outside a repository that issue native SQL or hold a raw client today, and where their SQL goes. */
    static final Map<String, String> SQL_OUTSIDE_REPOSITORIES = Map.ofEntries(
            entry("io.walletrecon.statements.PgCopy", "COPY into the statement staging tables over JDBC: belongs to "
                    + "StatementRepository"));

    /** Classes that hand an SQL call text composed at run time today, and what replaces it. */
    static final Map<String, String> COMPOSED_SQL = Map.ofEntries(
            entry("io.walletrecon.matching.MatchRulesRepository",
                    "rule SQL formatted with staging table names: named statements"),
            entry("io.walletrecon.matching.BankReceiptRules",
                    "bank receipt staging formatted with the run's account, scope and tolerance: named statements "
                            + "with binds"),
            entry("io.walletrecon.matching.MatchWriter",
                    "persist and pay formatted with table names: named statements in "
                            + "MatchRulesRepository"),
            entry("io.walletrecon.matching.ReceiptRules",
                    "receipt rules formatted with table names and tolerances: named "
                            + "statements with binds"),
            entry("io.walletrecon.matching.RecordRules", "record rules formatted: named statements with binds"),
            entry("io.walletrecon.matching.SettlementRules",
                    "settlement rules formatted: named statements with binds"),
            entry("io.walletrecon.matching.DebitRules", "debit rules formatted: named statements with binds"));

    @Test
    void onlyRepositoriesIssueNativeSqlOrHoldARawClient() {
        Map<String, Set<String>> outside = new TreeMap<>(core().rawAccess());
        outside.keySet().removeIf(SqlStaysInRepositoriesTest::isRepository);
        assertOnlyListed(outside, SQL_OUTSIDE_REPOSITORIES, "issues SQL outside a repository; move it into the "
                + "repository of its tables");
    }

    @Test
    void noSqlIsComposedAtRunTime() {
        assertOnlyListed(core().composedSql(), COMPOSED_SQL,
                "composes SQL at run time; use a named statement with binds");
    }

    @Test
    void scannerFindsSqlAndRawClientsOutsideRepositories() {
        Map<String, Set<String>> found = SqlScanner.ofClasses(SqlScannerFixtures.class).rawAccess();

        assertEquals(Set.of(SqlScannerFixtures.class.getName()), found.keySet());
        String what = String.join("\n", found.get(SqlScannerFixtures.class.getName()));
        assertTrue(what.contains("calls Mutiny.Session.createNativeQuery in BindsOnly.byId"), what);
        assertTrue(what.contains("holds a Pool (field pool)"), what);
        assertTrue(what.contains("calls Pool.preparedQuery in HoldsAPool.count"), what);
    }

    @Test
    void scannerFollowsComposedSqlThroughLocalsLambdasAndHelpers() {
        Set<String> found = SqlScanner.ofClasses(SqlScannerFixtures.class).composedSql()
                .getOrDefault(SqlScannerFixtures.class.getName(), Set.of());

        assertEquals(Set.of(
                "ComposesForAHelper.list passes SqlScannerFixtures.Helper.rows SQL built by a StringBuilder",
                "ConcatenatesIntoALambda.list passes a lambda that runs SQL built by + concatenation",
                "ConcatenatesThroughALocal.list passes Mutiny.Session.createNativeQuery SQL built by + concatenation",
                "Formats.list passes Mutiny.Session.createNativeQuery SQL built by String.formatted"), found);
    }

    @Test
    void entryNoLongerNeededFailsSoTheListsOnlyShrink() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> assertOnlyListed(Map.of(),
                Map.of("io.walletrecon.x.MovedService", "SQL to move into XRepository"), "issues SQL"));

        assertTrue(failure.getMessage().contains("io.walletrecon.x.MovedService no longer does: delete its entry"),
                failure.getMessage());
    }

    private static boolean isRepository(String className) {
        return className.endsWith("Repository");
    }

    private static SqlScanner core() {
        try {
            return SqlScanner
                    .ofDirectory(Path.of(Paging.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertOnlyListed(Map<String, Set<String>> found, Map<String, String> listed, String rule) {
        String news = found.entrySet().stream().filter(e -> !listed.containsKey(e.getKey()))
                .map(e -> e.getKey() + " " + rule + ":\n    " + String.join("\n    ", e.getValue()))
                .collect(Collectors.joining("\n"));
        String stale = listed.keySet().stream().filter(name -> !found.containsKey(name)).sorted()
                .map(name -> name + " no longer does: delete its entry from the list in this test")
                .collect(Collectors.joining("\n"));
        assertEquals("", news + (news.isEmpty() || stale.isEmpty() ? "" : "\n") + stale);
    }
}
