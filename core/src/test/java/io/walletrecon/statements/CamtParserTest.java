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

class CamtParserTest {

    final CamtParser parser = new CamtParser();
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void version02WithBalancesSingleEntriesAndABatchEntry() {
        var p = Samples.parse(parser, Samples.bytes("camt053-v02.xml"), BERLIN);
        assertEquals("DE89370400440532013000-2026-03-02", p.header().reference());
        assertEquals("DE89370400440532013000", p.header().accountInFile());
        assertEquals("EUR", p.header().currency());
        assertEquals(100000L, p.header().openingBalanceMinor());
        assertEquals(153750L, p.header().closingBalanceMinor());
        assertEquals(LocalDate.of(2026, 3, 2), p.header().periodStart());
        List<StatementLine> l = p.lines();
        assertEquals(4, l.size(), "pending entry skipped, batch of two split");
        assertEquals(List.of(25000L, -1250L, 10000L, 20000L), l.stream().map(StatementLine::amountMinor).toList());
        StatementLine first = l.get(0);
        assertEquals("E2E-INV-2026-0042", first.endToEndId());
        assertEquals("Müller & Söhne GmbH", first.counterpartyName());
        assertEquals("DE02120300000000202051", first.counterpartyAccount());
        assertEquals("Rechnung INV-2026-0042 Code WR7KQ4MXJ", first.remittanceInfo());
        assertEquals("2026030200001", first.bankReference());
        assertEquals("camt053:2026030200001", first.key());
        assertEquals("Kontofuehrungsgebuehr Februar", l.get(1).remittanceInfo());
        assertEquals("camt053:2026030200003#1", l.get(2).key());
        assertEquals("camt053:2026030200003#2", l.get(3).key());
        assertEquals(LocalDate.of(2026, 3, 3), l.get(3).valueDate());
        assertEquals(LocalDate.of(2026, 3, 2), l.get(3).bookingDate());
        assertEquals("Beta GmbH", l.get(3).counterpartyName());
        assertEquals("RF18539007547034", l.get(3).merchantReference());
    }

    @Test
    void version08WithNegativePrecedingBalancePartyNamesAndDirectTxAmounts() {
        var p = Samples.parse(parser, Samples.bytes("camt053-v08.xml"), ZoneId.of("Europe/Zurich"));
        assertEquals(-5000L, p.header().openingBalanceMinor());
        assertEquals(3000L, p.header().closingBalanceMinor());
        assertEquals("CHF", p.header().currency());
        assertEquals(2, p.lines().size());
        assertEquals(3000L, p.lines().get(0).amountMinor());
        assertEquals("Zürcher Kantonalbank Kunde", p.lines().get(0).counterpartyName());
        assertEquals("CH-REF-0001-1", p.lines().get(0).bankReference());
        assertEquals("WR3HN8PDQ", p.lines().get(0).remittanceInfo());
        assertNull(p.lines().get(1).endToEndId(), "NOTPROVIDED is no reference");
        assertEquals("Facture 2026-113 solde", p.lines().get(1).remittanceInfo());
    }

    @Test
    void otherMessageTypesAreRejectedNotReadAsEmpty() {
        String xml = Samples.text("camt053-v02.xml", StandardCharsets.UTF_8).replace("camt.053.001.02", "camt.086.001.02");
        var e = assertThrows(StatementFormatException.class, () -> Samples.parse(parser, xml));
        assertEquals(2, e.line());
        assertEquals("message type camt.086.001.02 is not a bank-to-customer statement, report or notification (camt.052, camt.053, camt.054)",
                e.getMessage());
        var empty = assertThrows(StatementFormatException.class, () -> Samples.parse(parser, Samples.bytes("camt054.xml"), BERLIN));
        assertEquals("the document has no Ntfctn", empty.getMessage());
    }

    @Test
    void unknownVersionIsRejected() {
        String xml = Samples.text("camt053-v02.xml", StandardCharsets.UTF_8).replace("camt.053.001.02", "camt.053.001.99");
        var e = assertThrows(StatementFormatException.class, () -> Samples.parse(parser, xml));
        assertTrue(e.getMessage().startsWith("camt.053 version 001.99 is not supported"), e.getMessage());
    }

    @Test
    void batchWhoseTransactionsDoNotAddUpIsRejectedAtTheEntry() {
        String xml = Samples.text("camt053-v02.xml", StandardCharsets.UTF_8).replace("<Amt Ccy=\"EUR\">200.00</Amt>", "<Amt Ccy=\"EUR\">201.00</Amt>");
        var e = assertThrows(StatementFormatException.class, () -> Samples.parse(parser, xml));
        assertEquals(67, e.line());
        assertEquals("the batch entry's transactions add up to 301.00 but the entry says 300.00", e.getMessage());
    }

    @Test
    void malformedXmlNamesTheLine() {
        String xml = Samples.text("camt053-v02.xml", StandardCharsets.UTF_8).replace("<AcctSvcrRef>2026030200002</AcctSvcrRef>", "<AcctSvcrRef>2026030200002</AcctSvcrReff>");
        var e = assertThrows(StatementFormatException.class, () -> Samples.parse(parser, xml));
        assertEquals(64, e.line());
        assertTrue(e.getMessage().startsWith("malformed XML"), e.getMessage());
    }
}
