package io.walletrecon.dispatch;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Pain002ParserTest {

    private static Pain002Parser.Report parse(String xml) {
        return Pain002Parser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachTransferHasItsOwnStatusAndReason() {
        Pain002Parser.Report r = parse(
                """
                        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt>
                          <GrpHdr><MsgId>STS-1</MsgId></GrpHdr>
                          <OrgnlGrpInfAndSts><OrgnlMsgId>WR-7-2</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId></OrgnlGrpInfAndSts>
                          <OrgnlPmtInfAndSts><OrgnlPmtInfId>P1</OrgnlPmtInfId>
                            <TxInfAndSts><OrgnlEndToEndId>e2e-7</OrgnlEndToEndId><TxSts>ACCP</TxSts></TxInfAndSts>
                            <TxInfAndSts><OrgnlEndToEndId>e2e-8</OrgnlEndToEndId><TxSts>RJCT</TxSts>
                              <StsRsnInf><Rsn><Cd>AM04</Cd></Rsn><AddtlInf>Deckung</AddtlInf><AddtlInf>fehlt</AddtlInf></StsRsnInf>
                            </TxInfAndSts>
                          </OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>""");
        assertEquals("STS-1", r.messageId());
        assertEquals("WR-7-2", r.originalMessageId());
        assertEquals(List.of("e2e-7", "e2e-8"),
                r.transactions().stream().map(Pain002Parser.Transaction::endToEndId).toList());
        assertEquals(new Pain002Parser.Status("ACCP", null, null), r.transactions().get(0).status());
        assertEquals(new Pain002Parser.Status("RJCT", "AM04", "Deckung fehlt"), r.transactions().get(1).status());
    }

    @Test
    void aTransferWithoutStatusTakesItsPaymentInformationsThenTheGroups() {
        Pain002Parser.Report r = parse("""
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
                  <GrpHdr><MsgId>STS-2</MsgId></GrpHdr>
                  <OrgnlGrpInfAndSts><OrgnlMsgId>WR-1-3</OrgnlMsgId><GrpSts>ACTC</GrpSts></OrgnlGrpInfAndSts>
                  <OrgnlPmtInfAndSts><OrgnlPmtInfId>P1</OrgnlPmtInfId><PmtInfSts>RJCT</PmtInfSts>
                    <StsRsnInf><Rsn><Cd>AC06</Cd></Rsn></StsRsnInf>
                    <TxInfAndSts><OrgnlEndToEndId>e2e-1</OrgnlEndToEndId></TxInfAndSts>
                  </OrgnlPmtInfAndSts>
                  <OrgnlPmtInfAndSts><OrgnlPmtInfId>P2</OrgnlPmtInfId>
                    <TxInfAndSts><OrgnlEndToEndId>e2e-2</OrgnlEndToEndId></TxInfAndSts>
                  </OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>""");
        assertEquals(new Pain002Parser.Status("RJCT", "AC06", null), r.transactions().get(0).status());
        assertEquals("ACTC", r.transactions().get(1).status().code());
        assertNull(r.transactions().get(1).status().reasonCode());
    }

    @Test
    void malformedXmlNamesItsLine() {
        Pain002Parser.Malformed e = assertThrows(Pain002Parser.Malformed.class, () -> parse("""
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
                  <GrpHdr><MsgId>STS-3</MsgId></GrpHdr>
                  <OrgnlGrpInfAndSts><OrgnlMsgId>WR-1-3</OrgnlMsg></OrgnlGrpInfAndSts>
                </CstmrPmtStsRpt></Document>"""));
        assertEquals(3, e.line());
    }

    @Test
    void otherDocumentsAndReportsWithoutIdsAreRefused() {
        assertThrows(Pain002Parser.Malformed.class,
                () -> parse("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"/>"));
        assertThrows(Pain002Parser.Malformed.class, () -> parse(
                "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.03\"><CstmrPmtStsRpt/></Document>"));
        assertThrows(Pain002Parser.Malformed.class, () -> parse("""
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
                  <GrpHdr><MsgId>STS-4</MsgId></GrpHdr>
                  <OrgnlPmtInfAndSts><TxInfAndSts><TxSts>ACCP</TxSts></TxInfAndSts></OrgnlPmtInfAndSts>
                </CstmrPmtStsRpt></Document>"""));
        assertThrows(Pain002Parser.Malformed.class, () -> parse(""));
    }
}
