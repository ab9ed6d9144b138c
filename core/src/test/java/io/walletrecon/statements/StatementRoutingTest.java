package io.walletrecon.statements;

import io.walletrecon.problem.ProblemError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementRoutingTest {

    static final StatementRouting.Target MAIN = new StatementRouting.Target(1, "main", "NL91ABNA0417164300", "EUR");
    static final StatementRouting.Target SIDE = new StatementRouting.Target(2, "side", "0194774600888", "EUR");
    static final StatementRouting.Target PLAIN = new StatementRouting.Target(3, "plain", null, "EUR");

    static StagingSink.Staged staged(int no, String account, Long opening, Long closing, long line) {
        StatementHeader h = new StatementHeader("mt940", "R" + no, null, account, "EUR", null, null, opening, closing,
                line);
        return new StagingSink.Staged(no, h, "mt940", "EUR", 0, 0, "k" + no, "c" + no);
    }

    @Test
    void statementsGoToTheAccountWhoseNumberTheyName() {
        var routes = StatementRouting.route(
                List.of(staged(0, "NL91ABNA0417164300EUR", 0L, 0L, 1), staged(1, "50880050/0194774600888", 0L, 0L, 9)),
                null, List.of(MAIN, SIDE));
        assertTrue(routes.errors().isEmpty(), routes.errors().toString());
        assertEquals(List.of(MAIN, SIDE), routes.targets());
    }

    @Test
    void anAccountWeDoNotHaveIsRefusedWithItsNumberAndLine() {
        var routes = StatementRouting.route(
                List.of(staged(0, "NL91ABNA0417164300", 0L, 0L, 1), staged(1, "DE89370400440532013000", 0L, 0L, 12)),
                null, List.of(MAIN));
        assertEquals(List.of(
                ProblemError.line(12, null, "account DE89370400440532013000 is not the account number of any account")),
                routes.errors());
        var named = StatementRouting.route(List.of(staged(0, "DE89370400440532013000", 0L, 0L, 1)), MAIN, List.of());
        assertEquals(
                "the statement is for account DE89370400440532013000, but account 'main' has account number NL91ABNA0417164300 "
                        + "and no account has DE89370400440532013000",
                named.errors().get(0).message());
    }

    @Test
    void theUploadersAccountTakesStatementsItCannotCheck() {
        var routes = StatementRouting.route(
                List.of(staged(0, "DE89370400440532013000", 0L, 0L, 1), staged(1, null, 0L, 0L, 5)), PLAIN, List.of());
        assertEquals(List.of(PLAIN, PLAIN), routes.targets());
        var missing = StatementRouting.route(List.of(staged(0, null, null, null, 1)), null, List.of());
        assertTrue(missing.accountMissing());
    }

    @Test
    void consecutiveStatementsOfOneAccountMustChainAndCurrenciesMustMatch() {
        var broken = StatementRouting.route(
                List.of(staged(0, "NL91ABNA0417164300", 100L, 150L, 1), staged(1, "NL91ABNA0417164300", 140L, 140L, 9)),
                null, List.of(MAIN));
        assertEquals(9, broken.errors().get(0).line());
        assertEquals(
                "the opening balance 1.40 EUR differs from the closing balance 1.50 EUR of the statement before it in the file (line 1)",
                broken.errors().get(0).message());
        var usd = StatementRouting.route(List.of(staged(0, "NL91ABNA0417164300", 0L, 0L, 1)), null,
                List.of(new StatementRouting.Target(1, "main", "NL91ABNA0417164300", "USD")));
        assertEquals("the statement is in EUR but account 'main' holds USD", usd.errors().get(0).message());
    }
}
