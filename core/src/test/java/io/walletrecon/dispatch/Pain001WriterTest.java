package io.walletrecon.dispatch;

import io.walletrecon.money.Money;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Pain001WriterTest {

    private static Document write(Pain001Writer.Transfer... transfers) throws Exception {
        String xml = Pain001Writer.write("WR-1-2", OffsetDateTime.parse("2026-11-30T02:00:00Z"),
                LocalDate.parse("2026-11-30"),
                new Pain001Writer.Debtor("Walletrecon Trading (Shanghai) Co", "31001234567890", "NOTPROVIDED"),
                List.of(transfers));
        return DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml)));
    }

    private static List<Element> transfers(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS(Pain001Writer.NAMESPACE, "CdtTrfTxInf");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** The text of the element at {@code path} (local names separated by '/') under {@code from}, or null. */
    private static String at(Element from, String path) {
        Element e = from;
        for (String step : path.split("/")) {
            NodeList children = e.getChildNodes();
            Element next = null;
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element c && c.getLocalName().equals(step)) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            e = next;
        }
        return e.getTextContent();
    }

    @Test
    void aDebtorBankNotProvidedIsWrittenAsAnUnknownAgentNotAsABic() throws Exception {
        Element agent = (Element) write(new Pain001Writer.Transfer("e2e-5", Money.parse("10.00", "EUR"), "Parts Ltd",
                "000123456789", null, "INV-5")).getElementsByTagNameNS(Pain001Writer.NAMESPACE, "DbtrAgt").item(0);

        assertNull(at(agent, "FinInstnId/BICFI"));
        assertEquals("NOTPROVIDED", at(agent, "FinInstnId/Othr/Id"));
    }

    @Test
    void aChineseCreditorsBankIsACnapsClearingSystemMemberAndTheCreditorItsAccountName() throws Exception {
        Element t = transfers(write(new Pain001Writer.Transfer("e2e-41", Money.parse("12800.00", "CNY"),
                "上海星河贸易有限公司", "6222021001122334455", "102290000011", "货款 PO-2026-117"))).get(0);

        assertEquals("CNAPS", at(t, "CdtrAgt/FinInstnId/ClrSysMmbId/ClrSysId/Cd"));
        assertEquals("102290000011", at(t, "CdtrAgt/FinInstnId/ClrSysMmbId/MmbId"));
        assertEquals(null, at(t, "CdtrAgt/FinInstnId/BICFI"));
        assertEquals("上海星河贸易有限公司", at(t, "Cdtr/Nm"));
        assertEquals("6222021001122334455", at(t, "CdtrAcct/Id/Othr/Id"));
        assertEquals("货款 PO-2026-117", at(t, "RmtInf/Ustrd"));
    }

    @Test
    void aSepaCreditorIsNamedByIbanAndBicAndEveryTransferByItsEndToEndId() throws Exception {
        List<Element> ts = transfers(write(
                new Pain001Writer.Transfer("e2e-7", Money.parse("1250.40", "EUR"), "Acme Supplies GmbH",
                        "DE89370400440532013000", "COBADEFFXXX", "INV-1"),
                new Pain001Writer.Transfer("e2e-8", Money.parse("99.60", "EUR"), "Parts Ltd", "000123456789", null,
                        "INV-2")));

        assertEquals("COBADEFFXXX", at(ts.get(0), "CdtrAgt/FinInstnId/BICFI"));
        assertEquals("DE89370400440532013000", at(ts.get(0), "CdtrAcct/Id/IBAN"));
        assertEquals(null, at(ts.get(1), "CdtrAgt"), "no bank code: the bank routes by the account");
        assertEquals("000123456789", at(ts.get(1), "CdtrAcct/Id/Othr/Id"));
        for (Element t : ts) {
            assertEquals(at(t, "PmtId/EndToEndId"), at(t, "PmtId/InstrId"));
            assertTrue(at(t, "PmtId/EndToEndId").startsWith("e2e-"));
        }
        assertEquals(List.of("e2e-7", "e2e-8"), ts.stream().map(t -> at(t, "PmtId/EndToEndId")).toList());
    }
}
