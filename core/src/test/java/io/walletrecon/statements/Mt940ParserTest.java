package io.walletrecon.statements;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Mt940ParserTest {

    final Mt940Parser parser = new Mt940Parser();
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void crlfEnvelopeNegativeOpeningMultiLine86AndReversal() {
        byte[] file = Samples.bytes("mt940.txt");
        assertTrue(new String(file, StandardCharsets.US_ASCII).contains("\r\n"), "the sample uses Windows line endings");
        var p = Samples.parse(parser, file, BERLIN);
        assertEquals("STMT260303", p.header().reference());
        assertEquals("37040044/0532013000", p.header().accountInFile());
        assertEquals("EUR", p.header().currency());
        assertEquals(-150000L, p.header().openingBalanceMinor(), "D mark: negative balance");
        assertEquals(48450L, p.header().closingBalanceMinor());
        List<StatementLine> l = p.lines();
        assertEquals(List.of(200000L, -2550L, 1000L), l.stream().map(StatementLine::amountMinor).toList());
        StatementLine credit = l.get(0);
        assertEquals(LocalDate.of(2026, 3, 2), credit.valueDate());
        assertEquals(LocalDate.of(2026, 3, 2), credit.bookingDate());
        assertEquals("WR7KQ4MXJ", credit.merchantReference());
        assertEquals("BNK0001", credit.bankReference());
        assertEquals("Zahlung Rechnung INV-2026-0042 Kunde Shanghai Example Trading Co Ltd Code WR7KQ4MXJ", credit.remittanceInfo());
        assertEquals(6, credit.lineNo());
        StatementLine fee = l.get(1);
        assertEquals("fee", fee.kind());
        assertNull(fee.merchantReference(), "NONREF is no reference");
        assertEquals("KontofuehrungFebruar 2026", fee.remittanceInfo());
        assertEquals("COMMERZBANK AG", fee.counterpartyName());
        assertEquals("0532013000", fee.counterpartyAccount());
        StatementLine reversal = l.get(2);
        assertEquals("Storno Lastschrift", reversal.remittanceInfo());
        assertEquals("mt940:BNK0003:2026-03-03", reversal.key());
    }

    @Test
    void linesThatDoNotAddUpToTheClosingBalanceAreRejectedWithTheDifference() {
        String text = Samples.text("mt940.txt", StandardCharsets.US_ASCII).replace(":62F:C260303EUR484,50", ":62F:C260303EUR494,50");
        var e = assertThrows(StatementFormatException.class, () -> Samples.parse(parser, text));
        assertEquals(15, e.line());
        assertEquals("the statement lines do not add up: opening plus lines is 484.50 but the closing balance is 494.50 (difference 10.00)", e.getMessage());
    }

    @Test
    void aMalformedStatementLineIsNamed() {
        String text = Samples.text("mt940.txt", StandardCharsets.US_ASCII).replace(":61:260302D25,50NCHG", ":61:260302X25,50NCHG");
        var e = assertThrows(StatementFormatException.class, () -> Samples.parse(parser, text));
        assertEquals(10, e.line());
        assertTrue(e.getMessage().startsWith(":61: is not"), e.getMessage());
    }

    @Test
    void consecutiveDailyStatementsChainTheirBalances() {
        String two = """
                :20:D1
                :25:ACC
                :28C:1/1
                :60F:C260301EUR100,00
                :61:260301C50,NTRFA//R1
                :62F:C260301EUR150,00
                -
                :20:D2
                :25:ACC
                :28C:2/1
                :60F:C260301EUR150,00
                :61:260302D200,NTRFB//R2
                :86:overdrawn
                :62F:D260302EUR50,00
                -
                """;
        var p = Samples.parse(parser, two);
        assertEquals(2, p.statements().size(), "one statement per message");
        assertEquals(10000L, p.statements().get(0).openingBalanceMinor());
        assertEquals(15000L, p.statements().get(0).closingBalanceMinor());
        assertEquals(15000L, p.statements().get(1).openingBalanceMinor());
        assertEquals(-5000L, p.statements().get(1).closingBalanceMinor());
        assertEquals(List.of(1L, 8L), p.statements().stream().map(StatementHeader::line).toList());
        assertEquals(List.of("1/1", "2/1"), p.statements().stream().map(StatementHeader::sequence).toList());
        assertEquals(List.of(5000L, -20000L), p.lines().stream().map(StatementLine::amountMinor).toList());
    }
}
