package io.walletrecon.dispatch;

import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.walletrecon.dispatch.DispatchFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Supplier payments for an execution date become one pain.001.001.09 file, valid against the schema. */
@QuarkusTest
class BankFileTest {

    @Inject
    DispatchService dispatch;
    @Inject
    BankFileService bankFiles;
    @Inject
    DispatchConfig config;

    static Map<String, Object> supplier(String account, String amount, String name, String iban, String bic,
            String reference, LocalDate on) {
        Map<String, Object> ben = new LinkedHashMap<>();
        ben.put("name", name);
        ben.put("bankAccount", iban);
        if (bic != null) {
            ben.put("bankCode", bic);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "supplier_payment");
        body.put("account", account);
        body.put("beneficiary", ben);
        body.put("amount", amount);
        body.put("currency", "EUR");
        body.put("reference", reference);
        body.put("executeOn", on.toString());
        return body;
    }

    static void validate(String xml) throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(
                        BankFileTest.class.getResourceAsStream("/iso20022/pain.001.001.09.subset.xsd")));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    void dueSupplierPaymentsBecomeOneValidPain001File() throws Exception {
        policy("EUR", 1_000_000_000, 2_000_000_000, null, null, null);
        String account = bankAccount("EUR", 100_000_000);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        String tag = TestData.unique("sup");
        String maker = finance("bea");
        long a = create(maker, supplier(account, "1250.40", "Acme Supplies GmbH", "DE89370400440532013000",
                "COBADEFFXXX", tag + "-A", today));
        long b = create(maker,
                supplier(account, "99.60", "Shenzhen Parts Co", "6222020200112233445", null, tag + "-B", today));
        long later = create(maker, supplier(account, "10.00", "Acme Supplies GmbH", "DE89370400440532013000",
                "COBADEFFXXX", tag + "-C", today.plusDays(1)));

        ReactiveBridge.await(dispatch::dispatchDue);

        assertEquals("submitted", state(a));
        assertEquals("submitted", state(b));
        assertEquals("scheduled", state(later));
        assertEquals(1,
                TestDb.count(
                        "select count(*) from bank_files f join accounts ac on ac.id = f.account_id where ac.code = ?",
                        account));
        String fileName = TestDb.scalar(
                "select f.file_name from bank_files f join accounts ac on ac.id = f.account_id where ac.code = ?",
                account);
        Path file = Path.of(config.bankFile().directory()).resolve(fileName);
        String xml = Files.readString(file);
        validate(xml);

        Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new StringReader(xml)));
        assertEquals(Pain001Writer.NAMESPACE, doc.getDocumentElement().getNamespaceURI());
        assertEquals("2", text(doc, "NbOfTxs").get(0));
        assertEquals("1350.00", text(doc, "CtrlSum").get(0));
        assertEquals(today.toString(), text(doc, "Dt").get(0));
        assertEquals(List.of(Long.toString(a), Long.toString(b)), text(doc, "EndToEndId"));
        assertEquals(List.of("DE89370400440532013000"), text(doc, "IBAN"));
        assertTrue(text(doc, "Id").contains("6222020200112233445"));
        assertEquals(List.of("1250.40", "99.60"), text(doc, "InstdAmt"));
        assertEquals(List.of(tag + "-A", tag + "-B"), text(doc, "Ustrd"));
        get(a).body("attempts[0].outcome", org.hamcrest.Matchers.equalTo("accepted"));

        assertEquals(BankFileService.sha256(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                TestDb.scalar("select sha256 from bank_files where file_name = ?", fileName));
        assertEquals("handed_over", TestDb.scalar("select state from bank_files where file_name = ?", fileName));
    }

    @Test
    void theFileDebitsThePayingAccountByItsIbanNotByOurCodeForIt() throws Exception {
        policy("EUR", 1_000_000_000, 2_000_000_000, null, null, null);
        String account = bankAccount("EUR", 100_000_000);
        // unique per run: account numbers are unique across accounts
        String iban = "DE00" + String.format("%018d", System.nanoTime() % 1_000_000_000_000_000_000L);
        TestDb.update("update accounts set account_number = ? where code = ?", iban, account);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        String tag = TestData.unique("dbt");
        create(finance("dora"), supplier(account, "42.00", "Acme Supplies GmbH", "DE89370400440532013000", "COBADEFFXXX",
                tag, today));

        ReactiveBridge.await(dispatch::dispatchDue);

        String fileName = TestDb.scalar(
                "select f.file_name from bank_files f join accounts ac on ac.id = f.account_id where ac.code = ?", account);
        String xml = Files.readString(Path.of(config.bankFile().directory()).resolve(fileName));
        validate(xml);
        Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new StringReader(xml)));
        assertEquals(List.of(iban, "DE89370400440532013000"), text(doc, "IBAN"),
                "the debtor's IBAN first, then the beneficiary's");
    }

    @Test
    void theSchemaRejectsWhatTheBankWouldReject() {
        String bad = Pain001Writer.write("M1", java.time.OffsetDateTime.now(), LocalDate.now(),
                new Pain001Writer.Debtor("Us", "acct", "NOTPROVIDED"),
                List.of(new Pain001Writer.Transfer(1, io.walletrecon.money.Money.parse("1.00", "EUR"), "Them",
                        "DE89370400440532013000", null, "r")))
                .replace("<PmtMtd>TRF</PmtMtd>", "<PmtMtd>WIRE</PmtMtd>");
        assertThrows(org.xml.sax.SAXParseException.class, () -> validate(bad));
    }

    private static List<String> text(Document doc, String local) {
        NodeList nodes = doc.getElementsByTagNameNS(Pain001Writer.NAMESPACE, local);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }
}
