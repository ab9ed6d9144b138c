package io.walletrecon.statements;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fees and interest told from payments by the codes banks put on their lines, and the keyword lists' rules. */
class LineKindsTest {

    @Test
    void isoSubFamiliesOfChargesAndInterestClassifyInAnyDomain() {
        assertEquals("fee", LineKinds.ofBankCode("CHRG", null));
        assertEquals("fee", LineKinds.ofBankCode("COMM", null));
        assertEquals("fee", LineKinds.ofBankCode("FEES", null));
        assertEquals("interest", LineKinds.ofBankCode("INTR", null));
        assertEquals("payment", LineKinds.ofBankCode("ESCT", null));
        assertEquals("payment", LineKinds.ofBankCode(null, null));
    }

    @Test
    void aProprietaryCodeBeginningWithASwiftTypeIsReadAsThatType() {
        assertEquals("fee", LineKinds.ofBankCode(null, "NCHG+808+9310"));
        assertEquals("interest", LineKinds.ofBankCode("OTHR", "NINT"));
        assertEquals("payment", LineKinds.ofBankCode(null, "NTRF+166"));
        assertEquals("payment", LineKinds.ofBankCode(null, "NCHGX"), "a longer word is not a SWIFT type");
    }

    @Test
    void swiftTypesOfChargesCommissionBrokerageAndInterest() {
        assertEquals("fee", LineKinds.ofSwiftType("NCHG"));
        assertEquals("fee", LineKinds.ofSwiftType("FCHG"));
        assertEquals("fee", LineKinds.ofSwiftType("NCOM"));
        assertEquals("fee", LineKinds.ofSwiftType("NBRF"));
        assertEquals("interest", LineKinds.ofSwiftType("NINT"));
        assertEquals("payment", LineKinds.ofSwiftType("NTRF"));
        assertEquals("payment", LineKinds.ofSwiftType(null));
    }

    @Test
    void keywordListsAreBoundedDistinctAndDisjoint() {
        assertTrue(LineKinds.problems(List.of("手续费", "Kontoführung"), List.of("利息", "Zinsen")).isEmpty());
        assertEquals("feeKeywords", LineKinds.problems(List.of("x"), List.of()).get(0).field());
        assertEquals("feeKeywords", LineKinds.problems(List.of("Porto", "PORTO"), List.of()).get(0).field());
        assertEquals("interestKeywords", LineKinds.problems(List.of("Zinsen"), List.of("zinsen")).get(0).field());
        assertEquals("interestKeywords", LineKinds.problems(List.of(), null).get(0).field());
        assertEquals("feeKeywords",
                LineKinds.problems(java.util.Collections.nCopies(51, "ab").stream()
                        .map(w -> w + Math.random()).toList(), List.of()).get(0).field());
    }

    @Test
    void camtEntriesTakeTheirKindFromTheirBankTransactionCode() {
        String xml = CamtParserTest.document("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08", "BkToCstmrStmt",
                """
                        <Stmt><Id>S1</Id>
                        <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
                        <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
                        <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">99.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-02</Dt></Dt></Bal>
                        <Ntry><Amt Ccy="EUR">2.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-03-02</Dt></BookgDt>
                        <AcctSvcrRef>F1</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>MDOP</Cd><SubFmlyCd>CHRG</SubFmlyCd></Fmly></Domn></BkTxCd></Ntry>
                        <Ntry><Amt Ccy="EUR">0.75</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-03-02</Dt></BookgDt>
                        <AcctSvcrRef>I1</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>ACMT</Cd><Fmly><Cd>MCOP</Cd><SubFmlyCd>INTR</SubFmlyCd></Fmly></Domn></BkTxCd></Ntry>
                        <Ntry><Amt Ccy="EUR">0.25</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-03-02</Dt></BookgDt>
                        <AcctSvcrRef>P1</AcctSvcrRef>
                        <BkTxCd><Prtry><Cd>NCHG+808+9310</Cd><Issr>DK</Issr></Prtry></BkTxCd><AddtlNtryInf>Porto</AddtlNtryInf></Ntry>
                        <Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-03-02</Dt></BookgDt>
                        <AcctSvcrRef>T1</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd></Ntry>
                        </Stmt>
                        """);
        var p = Samples.parse(new CamtParser(), xml);
        assertEquals(List.of("fee", "interest", "fee", "payment"),
                p.lines().stream().map(StatementLine::kind).toList());
        assertEquals("PMNT/MDOP/CHRG", p.lines().get(0).details().get("BkTxCd"));
        assertEquals("Porto", p.lines().get(2).details().get("AddtlNtryInf"));
    }

    @Test
    void mt940AndMt942LinesTakeTheirKindFromTheTransactionType() {
        String mt940 = """
                :20:STMT1
                :25:NL00TEST0123456789
                :28C:1/1
                :60F:C260301EUR100,00
                :61:260302D2,50NCHGNONREF//C1
                :86:Kosten
                :61:260302C0,75NINTNONREF//I1
                :86:Zinsen
                :61:260302D1,00NCOMNONREF//M1
                :61:260302C10,00NTRFNONREF//T1
                :62F:C260302EUR107,25
                -
                """;
        var p = Samples.parse(new Mt940Parser(), mt940);
        assertEquals(List.of("fee", "interest", "fee", "payment"),
                p.lines().stream().map(StatementLine::kind).toList());
        String mt942 = """
                :20:INTRA1
                :25:NL00TEST0123456789
                :28C:1/1
                :34F:EURC0,
                :13D:2603021200+0100
                :61:260302D2,50NCHGNONREF//C1
                :90D:1EUR2,50
                -
                """;
        var q = Samples.parse(Mt940Parser.mt942(), mt942);
        assertEquals("fee", q.lines().get(0).kind());
        assertEquals(p.lines().get(0).key(), q.lines().get(0).key(), "the report's line has the statement's key");
    }
}
