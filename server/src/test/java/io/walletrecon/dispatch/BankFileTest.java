package io.walletrecon.dispatch;

import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.balances.BalanceFixtures;
import io.walletrecon.balances.BalanceRepository;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.testing.Accounts;
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
    @Inject
    BalanceRepository balances;

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
        assertEquals(List.of(EndToEndId.of(a), EndToEndId.of(b)), text(doc, "EndToEndId"));
        assertEquals(text(doc, "EndToEndId"), text(doc, "InstrId"));
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
        create(finance("dora"),
                supplier(account, "42.00", "Acme Supplies GmbH", "DE89370400440532013000", "COBADEFFXXX",
                        tag, today));

        ReactiveBridge.await(dispatch::dispatchDue);

        String fileName = TestDb.scalar(
                "select f.file_name from bank_files f join accounts ac on ac.id = f.account_id where ac.code = ?",
                account);
        String xml = Files.readString(Path.of(config.bankFile().directory()).resolve(fileName));
        validate(xml);
        Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new StringReader(xml)));
        assertEquals(List.of(iban, "DE89370400440532013000"), text(doc, "IBAN"),
                "the debtor's IBAN first, then the beneficiary's");
    }

    /** A supplier in China: CNAPS code (联行号), account name (户名), domestic account number, in CNY. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> chineseSupplier(String account, String amount, String name, String accountName,
            String number, String cnaps, String reference, LocalDate on) {
        Map<String, Object> body = supplier(account, amount, name, number, cnaps, reference, on);
        ((Map<String, Object>) body.get("beneficiary")).put("accountName", accountName);
        body.put("currency", "CNY");
        return body;
    }

    /** A CNY bank account in Shanghai that pays suppliers from its domestic account number. */
    static String shanghaiAccount() {
        String code = TestData.unique("bk-cny");
        Accounts.createBank(code, "CNY", "Asia/Shanghai",
                "3100" + String.format("%014d", System.nanoTime() % 100_000_000_000_000L));
        setBalance(code, 1_000_000_000);
        return code;
    }

    @Test
    void aChineseSupplierIsPaidThroughCnapsByTheNameItsAccountIsHeldIn() throws Exception {
        policy("CNY", 1_000_000_000, 2_000_000_000, null, null, null);
        String account = shanghaiAccount();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String tag = TestData.unique("cn");
        long id = create(finance("li"), chineseSupplier(account, "12800.00", "星河贸易", "上海星河贸易有限公司",
                "6222021001122334455", "102290000011", tag, today));

        get(id).body("beneficiary.accountName", org.hamcrest.Matchers.equalTo("上海星河贸易有限公司"))
                .body("beneficiary.bankCode", org.hamcrest.Matchers.equalTo("102290000011"))
                .body("beneficiary.bankAccount", org.hamcrest.Matchers.equalTo("6222021001122334455"));
        assertEquals(0L, TestDb.count("select count(*) from payment_orders where id = ? and position("
                + "convert_to('上海星河贸易有限公司', 'UTF8') in beneficiary_account_name) > 0", id),
                "the account name is stored encrypted");

        ReactiveBridge.await(dispatch::dispatchDue);

        assertEquals("submitted", state(id));
        String fileName = TestDb.scalar(
                "select f.file_name from bank_files f join accounts ac on ac.id = f.account_id where ac.code = ?",
                account);
        String xml = Files.readString(Path.of(config.bankFile().directory()).resolve(fileName),
                java.nio.charset.StandardCharsets.UTF_8);
        validate(xml);
        Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new StringReader(xml)));
        assertEquals(List.of("CNAPS"), text(doc, "Cd"));
        assertEquals(List.of("102290000011"), text(doc, "MmbId"));
        assertEquals(List.of("CNAPS102290000011"), text(doc, "CdtrAgt"),
                "a Chinese bank is named by its CNAPS code alone, no BIC");
        assertTrue(text(doc, "Nm").contains("上海星河贸易有限公司"), "the creditor is named by its account name");
        assertTrue(!text(doc, "Nm").contains("星河贸易"), "not by the short name the order shows");
        assertTrue(text(doc, "Id").contains("6222021001122334455"), "the domestic account number as Othr/Id");
        assertEquals(List.of("12800.00"), text(doc, "InstdAmt"));
    }

    @Test
    void theFileTheOrderAndTheBankStatementKnowAPaymentByOneEndToEndId() throws Exception {
        policy("CNY", 1_000_000_000, 2_000_000_000, null, null, null);
        String account = shanghaiAccount();
        long accountId = TestDb.count("select id from accounts where code = ?", account);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long id = create(finance("wang"), chineseSupplier(account, "500.00", "华南五金", "深圳华南五金制品有限公司",
                "755912345678901", "308584000013", TestData.unique("e2e"), today));

        ReactiveBridge.await(dispatch::dispatchDue);

        String fileName = TestDb.scalar(
                "select f.file_name from bank_files f join accounts ac on ac.id = f.account_id where ac.code = ?",
                account);
        String xml = Files.readString(Path.of(config.bankFile().directory()).resolve(fileName));
        Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new StringReader(xml)));
        String inFile = text(doc, "EndToEndId").get(0);
        assertEquals(EndToEndId.of(id), inFile);
        get(id).body("providerPaymentId", org.hamcrest.Matchers.equalTo(inFile))
                .body("attempts[0].providerPaymentId", org.hamcrest.Matchers.equalTo(inFile));

        // The bank's statement shows the debit with the file's end-to-end id: the book counts it once, not twice.
        BalanceFixtures.reconciled(accountId, BalanceFixtures.line(accountId, -50_000, null, "CNY",
                today.toString(), inFile));
        assertEquals(java.math.BigInteger.valueOf(-50_000),
                ReactiveBridge.await(() -> balances.bankBook(accountId, "CNY", today)));
    }

    @Test
    void aChineseBeneficiaryMissingItsAccountNameOrWithABadCnapsCodeIsRefusedNamingEachFieldAndNothingIsWritten() {
        String account = shanghaiAccount();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long beneficiariesBefore = TestDb.count("select count(*) from beneficiaries");
        var noName = chineseSupplier(account, "100.00", "星河贸易", null, "6222021001122334455", "102290000011",
                "X", today);
        post(finance("li"), java.util.UUID.randomUUID().toString(), noName).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("beneficiary.accountName"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("户名"));

        var badCode = chineseSupplier(account, "100.00", "星河贸易", "上海星河贸易有限公司", "6222-0210-0112",
                "10229000001", "X", today);
        post(finance("li"), java.util.UUID.randomUUID().toString(), badCode).statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("beneficiary.bankCode",
                        "beneficiary.bankAccount"))
                .body("errors.find { it.field == 'beneficiary.bankCode' }.message",
                        org.hamcrest.Matchers.containsString("CNAPS"));

        var notCny = chineseSupplier(account, "100.00", "星河贸易", "上海星河贸易有限公司", "6222021001122334455",
                "102290000011", "X", today);
        notCny.put("currency", "EUR");
        post(finance("li"), java.util.UUID.randomUUID().toString(), notCny).statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("currency"));

        assertEquals(0, TestDb.count(
                "select count(*) from payment_orders p join accounts a on a.id = p.account_id where a.code = ?",
                account));
        assertEquals(beneficiariesBefore, TestDb.count("select count(*) from beneficiaries"));
    }

    @Test
    void anIbanWhoseCheckDigitsDoNotMatchIsRefusedBeforeAnyOrderExists() {
        String account = bankAccount("EUR", 100_000_000);
        post(finance("bea"), java.util.UUID.randomUUID().toString(),
                supplier(account, "10.00", "Acme Supplies GmbH", "DE89370400440532013001", "COBADEFFXXX", "X",
                        LocalDate.now(ZoneId.of("Europe/Berlin"))))
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("beneficiary.bankAccount"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("IBAN"));
        assertEquals(0, TestDb.count(
                "select count(*) from payment_orders p join accounts a on a.id = p.account_id where a.code = ?",
                account));
    }

    @Test
    void theSchemaRejectsWhatTheBankWouldReject() {
        String bad = Pain001Writer.write("M1", java.time.OffsetDateTime.now(), LocalDate.now(),
                new Pain001Writer.Debtor("Us", "acct", "NOTPROVIDED"),
                List.of(new Pain001Writer.Transfer("e2e-1", io.walletrecon.money.Money.parse("1.00", "EUR"), "Them",
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
