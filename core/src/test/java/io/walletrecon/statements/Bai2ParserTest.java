package io.walletrecon.statements;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Bai2ParserTest {

    final Bai2Parser parser = new Bai2Parser();

    /**
     * Two accounts; the first states ledger balances (010/015), the second only available ones; one detail continues in
     * 88.
     */
    static final String FILE = """
            01,021000021,WALLETRECON,260302,0600,1,80,1,2/
            02,WALLETRECON,021000021,1,260301,,USD,2/
            03,000123456789,USD,010,+1000000,,,015,+1030000,,/
            88,100,50000,2,Z,400,20000,1,Z/
            16,195,40000,V,260301,,BR-1,INV-42,WIRE FROM ACME, INC.
            88,REF WR7KQ4MXJ/
            16,175,10000,0,,CUST-7,LOCKBOX/
            16,475,20000,0,BR-3,,CHECK 1001/
            49,+2170000,7/
            03,000987654321,USD,040,+500,,,045,+500,,/
            49,+1000,2/
            98,+2171000,2,11/
            99,+2171000,1,13/
            """;

    @Test
    void accountGroupsBecomeStatementsWithLedgerBalancesAndTypedDirections() {
        assertTrue(parser.detects(FILE));
        var p = Samples.parse(parser, FILE);
        assertEquals(2, p.statements().size());
        StatementHeader first = p.statements().get(0);
        assertEquals("000123456789", first.accountInFile());
        assertEquals(1000000L, first.openingBalanceMinor());
        assertEquals(1030000L, first.closingBalanceMinor());
        assertEquals(LocalDate.of(2026, 3, 1), first.periodEnd());
        assertNull(p.statements().get(1).openingBalanceMinor(), "available balances are not the ledger's");
        List<StatementLine> l = p.lines();
        assertEquals(List.of(40000L, 10000L, -20000L), l.stream().map(StatementLine::amountMinor).toList());
        assertEquals("WIRE FROM ACME, INC. REF WR7KQ4MXJ", l.get(0).remittanceInfo());
        assertEquals("INV-42", l.get(0).merchantReference());
        assertEquals("BR-1", l.get(0).bankReference());
        assertEquals("bai2:BR-1:2026-03-01", l.get(0).key());
        assertEquals("195", l.get(0).details().get("TYPE"));
    }

    @Test
    void controlTotalsAndRecordCountsCatchADroppedRecord() {
        var e = assertThrows(StatementFormatException.class,
                () -> Samples.parse(parser, FILE.replace("16,175,10000,0,,CUST-7,LOCKBOX/\n", "")));
        assertEquals(8, e.line());
        assertTrue(
                e.getMessage()
                        .startsWith("the account control total is 2170000 but the account's amounts add up to 2160000"),
                e.getMessage());
        var truncated = assertThrows(StatementFormatException.class,
                () -> Samples.parse(parser, FILE.substring(0, FILE.indexOf("98,"))));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        var type = assertThrows(StatementFormatException.class,
                () -> Samples.parse(parser, FILE.replace("16,475,", "16,875,")));
        assertEquals("type code 875 is not a credit (100-399) or debit (400-699) transaction", type.getMessage());
    }
}
