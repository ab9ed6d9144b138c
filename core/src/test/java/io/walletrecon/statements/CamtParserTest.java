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
        String xml = Samples.text("camt053-v02.xml", StandardCharsets.UTF_8).replace("camt.053.001.02",
                "camt.086.001.02");
        var e = assertThrows(StatementFormatException.class, () -> Samples.parse(parser, xml));
        assertEquals(2, e.line());
        assertEquals(
                "message type camt.086.001.02 is not a bank-to-customer statement, report or notification (camt.052, camt.053, camt.054)",
                e.getMessage());
        var empty = assertThrows(StatementFormatException.class,
                () -> Samples.parse(parser, Samples.bytes("camt054.xml"), BERLIN));
        assertEquals("the document has no Ntfctn", empty.getMessage());
    }

    @Test
    void unknownVersionIsRejected() {
        String xml = Samples.text("camt053-v02.xml", StandardCharsets.UTF_8).replace("camt.053.001.02",
                "camt.053.001.99");
        var e = assertThrows(StatementFormatException.class, () -> Samples.parse(parser, xml));
        assertTrue(e.getMessage().startsWith("camt.053 version 001.99 is not supported"), e.getMessage());
    }

    @Test
    void batchWhoseTransactionsDoNotAddUpIsRejectedAtTheEntry() {
        String xml = Samples.text("camt053-v02.xml", StandardCharsets.UTF_8).replace("<Amt Ccy=\"EUR\">200.00</Amt>",
                "<Amt Ccy=\"EUR\">201.00</Amt>");
        var e = assertThrows(StatementFormatException.class, () -> Samples.parse(parser, xml));
        assertEquals(67, e.line());
        assertEquals("the batch entry's transactions add up to 301.00 but the entry says 300.00", e.getMessage());
    }

    @Test
    void malformedXmlNamesTheLine() {
        String xml = Samples.text("camt053-v02.xml", StandardCharsets.UTF_8)
                .replace("<AcctSvcrRef>2026030200002</AcctSvcrRef>", "<AcctSvcrRef>2026030200002</AcctSvcrReff>");
        var e = assertThrows(StatementFormatException.class, () -> Samples.parse(parser, xml));
        assertEquals(64, e.line());
        assertTrue(e.getMessage().startsWith("malformed XML"), e.getMessage());
    }

    /** A minimal statement (or report, notification) of one account with one booked entry. */
    static String statement(String container, String id, String iban, String opening, String closing, String amount,
            String sign, String ref) {
        String balances = opening == null
                ? ""
                : """
                        <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
                        <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-02</Dt></Dt></Bal>
                        """
                        .formatted(opening, closing);
        return """
                <%1$s><Id>%2$s</Id><ElctrncSeqNb>7</ElctrncSeqNb>
                <Acct><Id><IBAN>%3$s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                %4$s<Ntry><Amt Ccy="EUR">%5$s</Amt><CdtDbtInd>%6$s</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>2026-03-02</Dt></BookgDt><ValDt><Dt>2026-03-02</Dt></ValDt><AcctSvcrRef>%7$s</AcctSvcrRef>
                <NtryDtls><TxDtls><Refs><EndToEndId>E-%7$s</EndToEndId></Refs><RmtInf><Ustrd>Invoice %7$s</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                <Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts><ValDt><Dt>2026-03-03</Dt></ValDt></Ntry>
                </%1$s>
                """
                .formatted(container, id, iban, balances, amount, sign, ref);
    }

    static String document(String namespace, String root, String... statements) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"" + namespace + "\">\n<" + root + ">\n"
                + "<GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-03-02T18:00:00+01:00</CreDtTm></GrpHdr>\n"
                + String.join("", statements)
                + "</" + root + ">\n</Document>\n";
    }

    @Test
    void severalStatementsOfOneDocumentBecomeSeveralStatements() {
        String xml = document("urn:iso:std:iso:20022:tech:xsd:camt.053.001.02", "BkToCstmrStmt",
                statement("Stmt", "S1", "NL26VAYB8060476890", "18.15", "27.00", "8.85", "CRDT", "R1"),
                statement("Stmt", "S2", "DE89370400440532013000", "27.00", "20.00", "7.00", "DBIT", "R2"));
        var p = Samples.parse(parser, xml);
        assertEquals(2, p.statements().size());
        assertEquals(List.of("S1", "S2"), p.statements().stream().map(StatementHeader::reference).toList());
        assertEquals(List.of("NL26VAYB8060476890", "DE89370400440532013000"),
                p.statements().stream().map(StatementHeader::accountInFile).toList());
        assertEquals(List.of(885L, -700L), p.lines().stream().map(StatementLine::amountMinor).toList());
        assertEquals(List.of(5L, 14L), p.statements().stream().map(StatementHeader::line).toList());
        assertEquals("7", p.statements().get(0).sequence());
        assertEquals(LocalDate.of(2026, 3, 2), p.statements().get(0).periodEnd(),
                "without FrToDt the period is the closing balance's date");
    }

    @Test
    void everyVersionInUseAndTheAustrianNamespaceAreRead() {
        for (String ns : List.of("urn:iso:std:iso:20022:tech:xsd:camt.053.001.03",
                "urn:iso:std:iso:20022:tech:xsd:camt.053.001.13",
                "urn:iso:std:iso:20022:tech:xsd:camt.053.001.10", "ISO:camt.053.001.02:APC:STUZZA:payments:003")) {
            var p = Samples.parse(parser, document(ns, "BkToCstmrStmt",
                    statement("Stmt", "S1", "AT611904300234573201", "0.00", "5.00", "5.00", "CRDT", "R1")));
            assertEquals(500L, p.header().closingBalanceMinor(), ns);
            assertEquals("camt053", p.header().format(), ns);
        }
        var old = assertThrows(StatementFormatException.class, () -> Samples.parse(parser,
                document("urn:iso:std:iso:20022:tech:xsd:camt.053.001.01", "BkToCstmrStmt",
                        statement("Stmt", "S", "X", "0", "0", "0", "CRDT", "R"))));
        assertEquals("camt.053 version 001.01 is not supported (supported: 001.02 to 001.13)", old.getMessage());
    }

    @Test
    void intradayReportsAndNotificationsBringBookedLinesWithoutBalances() {
        String report = document("urn:iso:std:iso:20022:tech:xsd:camt.052.001.08", "BkToCstmrAcctRpt",
                statement("Rpt", "RPT1", "NL26VAYB8060476890", "10.00", "12.00", "2.00", "CRDT", "R9"));
        assertTrue(CamtParser.report().detects(report));
        assertFalse(CamtParser.notification().detects(report));
        var p = Samples.parse(CamtParser.report(), report);
        assertEquals("camt052", p.header().format());
        assertNull(p.header().openingBalanceMinor());
        assertNull(p.header().periodEnd());
        assertEquals(1, p.lines().size(), "the pending entry is not a booking");
        assertEquals("camt053:R9", p.lines().get(0).key(), "the same key as in the day's statement");
        String notification = document("urn:iso:std:iso:20022:tech:xsd:camt.054.001.04", "BkToCstmrDbtCdtNtfctn",
                statement("Ntfctn", "N1", "NL26VAYB8060476890", null, null, "5.00", "CRDT", "R10"));
        var n = Samples.parse(parser, notification);
        assertEquals("camt054", n.header().format());
        assertEquals("E-R10", n.lines().get(0).endToEndId());
    }

    @Test
    void aBalanceInAnotherCurrencyThanTheStatementIsRefused() {
        String xml = document("urn:iso:std:iso:20022:tech:xsd:camt.053.001.03", "BkToCstmrStmt",
                statement("Stmt", "S1", "NL26VAYB8060476890", "18.15", "27.00", "8.85", "CRDT", "R1")
                        .replaceFirst("(<Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\")EUR", "$1SEK"));
        var e = assertThrows(StatementFormatException.class, () -> Samples.parse(parser, xml));
        assertEquals("balance CLBD is in SEK but the statement is in EUR", e.getMessage());
    }

    @Test
    void deeplyNestedDocumentIsRefusedAtAFixedDepth() {
        StringBuilder xml = new StringBuilder(
                document("urn:iso:std:iso:20022:tech:xsd:camt.053.001.02", "BkToCstmrStmt", ""));
        int at = xml.indexOf("</BkToCstmrStmt>");
        StringBuilder nested = new StringBuilder();
        for (int i = 0; i < 80_000; i++) {
            nested.append("<Stmt>\n");
        }
        xml.insert(at, nested);
        var e = assertThrows(StatementFormatException.class, () -> Samples.parse(parser, xml.toString()));
        assertEquals("elements are nested deeper than 40 levels; no camt message is, so this is not one",
                e.getMessage());
        assertEquals(43, e.line(), "refused on line 43, where the 41st level opens, not after reading 80,000 levels");
    }
}
