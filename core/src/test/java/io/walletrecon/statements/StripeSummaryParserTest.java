package io.walletrecon.statements;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stripe's balance summary report gives a statement its opening (starting_balance) and closing (ending_balance)
 * balance and no lines. Known answers: the sample starts and ends at 500.00 USD, with 2,504.00 of net activity
 * (2,580.00 gross, 76.00 fees) paid out.
 */
class StripeSummaryParserTest {

    static final String SUMMARY = Samples.text("stripe-summary.csv", StandardCharsets.UTF_8);
    static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);

    @Test
    void aSummaryIsTheOpeningAndClosingBalanceWithoutLines() {
        var p = Samples.parse(new StripeSummaryParser(), SUMMARY);
        StatementHeader h = p.header();
        assertEquals("stripe-summary", h.format());
        assertEquals("USD", h.currency());
        assertEquals(50000L, h.openingBalanceMinor());
        assertEquals(50000L, h.closingBalanceMinor());
        assertTrue(h.balancesOnly());
        assertEquals(7, h.line(), "the ending_balance row");
        assertTrue(p.lines().isEmpty());
    }

    @Test
    void rowsThatDoNotAddUpAreRefusedOnTheEndingBalance() {
        String wrong = SUMMARY.replace("ending_balance,Ending balance,500.00", "ending_balance,Ending balance,510.00");
        var e = assertThrows(StatementFormatException.class, () -> Samples.parse(new StripeSummaryParser(), wrong));
        assertEquals(7, e.line());
        assertEquals("the summary does not add up: starting balance 500.00 USD plus activity and payouts 0.00 USD"
                + " is 500.00 USD but the ending balance is 510.00 USD", e.getMessage());
    }

    @Test
    void withoutAnActivityRowEveryActivityRowCounts() {
        String byKind = """
                category,description,net_amount,currency
                starting_balance,Starting balance,500.00,usd
                charge,Charges,2427.20,usd
                refund,Refunds,-20.00,usd
                fee,Fees,-3.20,usd
                payouts,Payouts,-2404.00,usd
                ending_balance,Ending balance,500.00,usd
                """;
        assertEquals(50000L, Samples.parse(new StripeSummaryParser(), byKind).header().closingBalanceMinor());
        var e = assertThrows(StatementFormatException.class,
                () -> Samples.parse(new StripeSummaryParser(), byKind.replace("-3.20", "-3.00")));
        assertEquals(7, e.line());
    }

    @Test
    void twoCurrenciesAreTwoStatements() {
        String two = SUMMARY + """
                starting_balance,Starting balance,1000.00,eur
                activity,Net activity,-12.34,eur
                payouts,Total payouts,0.00,eur
                ending_balance,Ending balance,987.66,eur
                """;
        List<StatementHeader> s = Samples.parse(new StripeSummaryParser(), two).statements();
        assertEquals(List.of("USD", "EUR"), s.stream().map(StatementHeader::currency).toList());
        assertEquals(100000L, s.get(1).openingBalanceMinor());
        assertEquals(98766L, s.get(1).closingBalanceMinor());
        assertEquals(11, s.get(1).line());
        var e = assertThrows(StatementFormatException.class,
                () -> Samples.parse(new StripeSummaryParser(), two.replace("987.66,eur", "987.67,eur")));
        assertEquals(11, e.line());
    }

    @Test
    void aCurrencyWithoutItsEndingBalanceIsRefused() {
        String noEnd = SUMMARY.replace("ending_balance,Ending balance,500.00,usd\n", "");
        var e = assertThrows(StatementFormatException.class, () -> Samples.parse(new StripeSummaryParser(), noEnd));
        assertEquals("the report states no ending_balance for USD", e.getMessage());
    }

    @Test
    void theSummaryIsDetectedByItsHeaderAndTheItemizedReportIsNot() {
        StatementParsers parsers = new StatementParsers();
        assertEquals("stripe-summary", parsers.detect(SUMMARY).orElseThrow().format());
        assertEquals("stripe",
                parsers.detect(Samples.text("stripe-balance.csv", StandardCharsets.UTF_8)).orElseThrow().format());
    }

    /** The sink takes a balances-only statement without lines, with the uploader's period. */
    @Test
    void theSinkTakesTheBalancesWithTheUploadersPeriod() {
        StagingSink sink = new StagingSink(values -> {
        }, UUID.randomUUID(), "stripe-summary", new StagingSink.Period(MARCH_1, MARCH_31), false);
        new StripeSummaryParser().parse(new java.io.ByteArrayInputStream(SUMMARY.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8, ZoneId.of("UTC"), sink);
        StagingSink.Staged staged = sink.statements().get(0);
        assertEquals(0, staged.lines());
        assertEquals(MARCH_1, staged.header().periodStart());
        assertEquals(MARCH_31, staged.header().periodEnd());
        assertEquals(50000L, staged.header().closingBalanceMinor());
    }

    @Test
    void theSinkRefusesASummaryWithoutAPeriod() {
        StagingSink sink = new StagingSink(values -> {
        }, UUID.randomUUID(), "stripe-summary");
        var e = assertThrows(StatementFormatException.class, () -> new StripeSummaryParser().parse(
                new java.io.ByteArrayInputStream(SUMMARY.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8,
                ZoneId.of("UTC"), sink));
        assertEquals(7, e.line());
        assertTrue(e.getMessage().contains("give the first and last day it covers as from and to"), e.getMessage());
    }

    /** Every other format still needs lines that add up from opening to closing: no lines, no balance change. */
    @Test
    void aStatementWithBalancesButNoLinesStillMustAddUp() {
        StagingSink sink = new StagingSink(values -> {
        }, UUID.randomUUID(), "mt940");
        assertThrows(StagingSink.Unbalanced.class, () -> sink.statement(new StatementHeader("mt940", "r", "1/1",
                "DE89370400440532013000", "USD", MARCH_1, MARCH_31, 50000L, 51000L, 1)));
    }

    /** Lines with a balances-only header are a parser's mistake, not a file's. */
    @Test
    void aBalancesOnlyStatementWithLinesIsAProgrammingError() {
        StagingSink sink = new StagingSink(values -> {
        }, UUID.randomUUID(), "stripe-summary", new StagingSink.Period(MARCH_1, MARCH_31), false);
        sink.line(new StatementLine(2, "k", "payment", MARCH_1, MARCH_1, 100, null, "USD", null, null, null, null,
                null, null, null, null, "raw"));
        assertThrows(IllegalStateException.class,
                () -> sink.statement(StatementHeader.balancesOnly("stripe-summary", "USD", 0, 100, 3)));
    }
}
