package io.walletrecon.statements;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Mt940ParserTest {

    final Mt940Parser parser = new Mt940Parser();
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void crlfEnvelopeNegativeOpeningMultiLine86AndReversal() {
        byte[] file = Samples.bytes("mt940.txt");
        assertTrue(new String(file, StandardCharsets.US_ASCII).contains("\r\n"),
                "the sample uses Windows line endings");
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
        assertEquals("Zahlung Rechnung INV-2026-0042 Kunde Shanghai Example Trading Co Ltd Code WR7KQ4MXJ",
                credit.remittanceInfo());
        assertEquals(6, credit.lineNo());
        StatementLine fee = l.get(1);
        assertEquals("fee", fee.kind());
        assertNull(fee.merchantReference(), "NONREF is no reference");
        assertEquals("Kontofuehrung Februar 2026", fee.remittanceInfo(), "subfields ?20 and ?21 are two words");
        assertEquals("COMMERZBANK AG", fee.counterpartyName());
        assertEquals("0532013000", fee.counterpartyAccount());
        StatementLine reversal = l.get(2);
        assertEquals("Storno Lastschrift", reversal.remittanceInfo());
        assertEquals("mt940:BNK0003:2026-03-03", reversal.key());
    }

    @Test
    void linesThatDoNotAddUpToTheClosingBalanceAreRejectedWithTheDifference() {
        String text = Samples.text("mt940.txt", StandardCharsets.US_ASCII).replace(":62F:C260303EUR484,50",
                ":62F:C260303EUR494,50");
        var e = assertThrows(StatementFormatException.class, () -> Samples.parse(parser, text));
        assertEquals(15, e.line());
        assertEquals(
                "the statement lines do not add up: opening plus lines is 484.50 but the closing balance is 494.50 (difference 10.00)",
                e.getMessage());
    }

    @Test
    void aMalformedStatementLineIsNamed() {
        String text = Samples.text("mt940.txt", StandardCharsets.US_ASCII).replace(":61:260302D25,50NCHG",
                ":61:260302X25,50NCHG");
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

    static final String DAY = """
            :20:REF1
            :25:NL91ABNA0417164300
            :28C:5/1
            :60F:C260301EUR100,00
            :61:2603010301C50,00NTRFINV-1//BR1
            :86:/EREF/E2E-1//CNTP/NL20INGB0001234567/INGBNL2A/ACME BV/AMSTERDAM/
            /REMI/USTD//Invoice INV-1 WR7KQ4MXJ/
            :62F:C260301EUR150,00
            """;

    @Test
    void bankHeaderLinesBeforeTheMessageAreSkipped() {
        for (String header : List.of("ABNANL2A\n940\nABNANL2A\n", ":940:\n", "0000 01INGBNL2AXXXX00001\n940 00\n",
                "\u0001\n", "{1:F01ABNANL2AXXXX0000000000}{2:O940ABNANL2AXXXXN}{3:}{4:\n")) {
            var p = Samples.parse(parser, header + DAY + "-\u0003\n");
            assertEquals(15000L, p.header().closingBalanceMinor(), header);
            assertEquals(1, p.lines().size(), header);
        }
        var trailers = Samples.parse(parser, DAY + "-XXX\n" + "ABNANL2A\n940\nABNANL2A\n"
                + DAY.replace("REF1", "REF2").replace("BR1", "BR2") + "-}{5:}\n");
        assertEquals(2, trailers.statements().size());
    }

    @Test
    void slashStructuredInformationIsSplitIntoItsFields() {
        StatementLine l = Samples.parse(parser, DAY).lines().get(0);
        assertEquals("E2E-1", l.endToEndId());
        assertEquals("Invoice INV-1 WR7KQ4MXJ", l.remittanceInfo());
        assertEquals("ACME BV", l.counterpartyName());
        assertEquals("NL20INGB0001234567", l.counterpartyAccount());
        assertEquals("INV-1", l.merchantReference());
        assertEquals("E2E-1", l.details().get("EREF"));
        assertEquals("NTRF", l.details().get("TYPE"));
    }

    @Test
    void germanStructuredInformationKeepsSubfieldsAndSepaIdentifiers() {
        String text = DAY.replace("""
                :86:/EREF/E2E-1//CNTP/NL20INGB0001234567/INGBNL2A/ACME BV/AMSTERDAM/
                /REMI/USTD//Invoice INV-1 WR7KQ4MXJ/
                """, """
                :86:166?00SEPA-GUTSCHRIFT?109310?20EREF+E2E-77?21MREF+M-9?22SVWZ+Rechnung 42 WR7KQ4MXJ?30
                GENODEF1XXX?31DE02120300000000202051?32Beta GmbH
                """);
        StatementLine l = Samples.parse(parser, text).lines().get(0);
        assertEquals("E2E-77", l.endToEndId());
        assertEquals("Rechnung 42 WR7KQ4MXJ", l.remittanceInfo());
        assertEquals("Beta GmbH", l.counterpartyName());
        assertEquals("DE02120300000000202051", l.counterpartyAccount());
        assertEquals("166", l.details().get("GVC"));
        assertEquals("SEPA-GUTSCHRIFT", l.details().get("?00"));
        assertEquals("M-9", l.details().get("MREF"));
    }

    @Test
    void wrappedFieldsAndALoneDashInsideInformationAreContinuations() {
        String text = """
                :20:P1
                :25:NL77INGB0574908765EUR
                :28C:0000
                0
                :60F:C260301EUR10,00
                :61:2603010301D1,14NDDTEREF//00000000001009
                /TRCD/010
                16
                :86:/EREF/EV123R
                EP123/MARF/MND
                -
                EV01//REMI/USTD//Abo WR7KQ4MXJ/
                :62F:C260301EUR8,86
                -
                """;
        var p = Samples.parse(parser, text);
        assertEquals("00000", p.header().sequence());
        StatementLine l = p.lines().get(0);
        assertEquals("EV123REP123", l.endToEndId());
        assertEquals("MND-EV01", l.details().get("MARF"));
        assertEquals("Abo WR7KQ4MXJ", l.remittanceInfo());
        assertEquals("/TRCD/010 16", l.details().get("SUPP"));
    }

    @Test
    void statementLinesWithoutTypeCodeOrReferenceOrWithFundsCodesAreRead() {
        String text = """
                :20:STARTUMS
                :25:UBRTHUHB/123456789150ABCDEF002/HUF
                :28:00046
                :NS:22JOHN DOE
                :60F:C260301HUF1000,00
                :61:2603010301CN220000,00//19239782213
                :61:2603010301DF2402,00S   X
                :NS:01526715
                02A12596785
                :61:260301CR300,NTRFTFNr 40005 MSGID//0724710345313905
                :61:260301RCR204,88NRTINONREF
                :61:260301CF66,00N527
                Csoportos atutalas
                :62F:C260301HUF218759,12
                """;
        var p = Samples.parse(parser, text);
        List<StatementLine> l = p.lines();
        assertEquals(List.of(22000000L, -240200L, 30000L, -20488L, 6600L),
                l.stream().map(StatementLine::amountMinor).toList());
        assertNull(l.get(0).details().get("TYPE"));
        assertEquals("19239782213", l.get(0).bankReference());
        assertEquals("S", l.get(1).details().get("TYPE"));
        assertEquals("X", l.get(1).merchantReference());
        assertEquals("01526715\n02A12596785", l.get(1).details().get("NS"));
        assertEquals("R", l.get(2).details().get("FUNDS"));
        assertEquals("Csoportos atutalas", l.get(4).remittanceInfo());
        assertEquals("UBRTHUHB/123456789150ABCDEF002/HUF", p.header().accountInFile());
    }

    @Test
    void linesWithoutBankReferenceAreKnownByContentAndIdenticalOnesAreNumbered() {
        String text = """
                :20:R
                :25:ACC1
                :60F:C260301EUR10,00
                :61:260301D1,00NMSCNONREF
                :86:Coffee
                :61:260301D1,00NMSCNONREF
                :86:Coffee
                :62F:C260301EUR8,00
                """;
        List<StatementLine> l = Samples.parse(parser, text).lines();
        assertTrue(l.get(0).key().endsWith("#1"), l.get(0).key());
        assertEquals(l.get(0).key().replace("#1", "#2"), l.get(1).key());
        assertEquals(l.get(0).key(), Samples.parse(parser, text.replace(":20:R", ":20:OTHER")).lines().get(0).key(),
                "the same line in another file (another :20:) has the same key");
    }

    @Test
    void aStatementWithoutClosingBalanceIsRefusedAtItsStart() {
        String text = DAY + DAY.replace(":62F:C260301EUR150,00\n", "").replace("BR1", "BR2");
        var e = assertThrows(StatementFormatException.class, () -> Samples.parse(parser, text));
        assertEquals(9, e.line(), "the second message begins on line 9");
        assertTrue(e.getMessage().contains("without its closing balance"), e.getMessage());
    }

    @Test
    void mt942InterimReportChecksItsDebitAndCreditTotals() {
        String report = """
                :20:INTRA1
                :25:PL29114010810000267002001002
                :28C:1/1
                :34F:PLN0
                :13D:2603011815+0100
                :61:2603010301CN0,01NTRFNONREF//MB1
                :86:TRANSAKCJA 1
                :61:2603010301DN2,00NTRFNONREF//MB2
                :90D:1PLN2,00
                :90C:1PLN0,01
                -
                """;
        Mt940Parser mt942 = Mt940Parser.mt942();
        assertTrue(mt942.detects(report));
        assertFalse(parser.detects(report));
        var p = Samples.parse(mt942, report);
        assertEquals("mt942", p.header().format());
        assertNull(p.header().openingBalanceMinor());
        assertNull(p.header().periodEnd(), "an interim report is not the day's statement");
        assertEquals(List.of(1L, -200L), p.lines().stream().map(StatementLine::amountMinor).toList());
        var e = assertThrows(StatementFormatException.class,
                () -> Samples.parse(mt942, report.replace(":90C:1PLN0,01", ":90C:2PLN0,02")));
        assertEquals(10, e.line());
        assertEquals("credits declared as 2 for 0.02 but the lines are 1 for 0.01", e.getMessage());
    }
}
