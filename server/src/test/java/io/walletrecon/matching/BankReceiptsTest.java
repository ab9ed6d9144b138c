package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.walletrecon.matching.BankFiles.Credit;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bank account's credits are receipts: customers paying by bank transfer, found by the invoice number or
 * collection code in what the bank wrote (however it split or spaced it), by an RF creditor reference, by a known
 * ordering account; what no rule attributes is an unidentified receipt that a person claims, and the payer is
 * recognised the next time. Real camt.053 and MT940 files over HTTP, runs through the API.
 */
@QuarkusTest
class BankReceiptsTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");
    static final String ADMIN = TestJwt.bearer("ada", "admin");
    static final LocalDate MARCH = LocalDate.of(2031, 3, 1);
    static final String PAYER_IBAN = "DE89370400440532013000";

    /** A bank account in EUR of a company of its own. */
    record Bank(TestCompanies.Company company, String code, long id) {

        static Bank create() {
            TestCompanies.Company company = TestCompanies.create("bankrcpt");
            String code = TestData.unique("bank");
            Accounts.create(Map.of("code", code, "company", company.code(), "provider", "bank", "name", "Bank " + code,
                    "currency", "EUR", "timeZone", "Europe/Berlin"));
            return new Bank(company, code, TestDb.count("select id from accounts where code = ?", code));
        }

        long customer(String name) {
            return TestDb.count("insert into customers (company_id, external_id, name) values (?, ?, ?) returning id",
                    company.id(), TestData.unique("c"), name);
        }

        long receivable(long customer, String reference, long amount, LocalDate due, String collectionCode) {
            return TestDb.count(
                    "insert into receivables (customer_id, reference, amount_minor, currency, issue_date, due_date, "
                            + "collection_code) values (?, ?, ?, 'EUR', ?, ?, ?) returning id",
                    customer, reference, amount, due.minusDays(30), due, collectionCode);
        }

        long receivable(long customer, String reference, long amount) {
            return receivable(customer, reference, amount, MARCH.plusDays(20), null);
        }

        ValidatableResponse upload(String file) {
            return given().header("Authorization", FINANCE).contentType("application/octet-stream")
                    .header("X-File-Name", "statement.xml").queryParam("account", code)
                    .body(file.getBytes(StandardCharsets.UTF_8))
                    .when().post("/statements").then().log().ifValidationFails();
        }

        /** A camt.053 of March (or {@code month} months later) with these credits, imported. */
        void camt(int month, List<Credit> credits) {
            LocalDate from = MARCH.plusMonths(month);
            upload(BankFiles.camt053(code, code + "-" + month, 10 + month, from,
                    from.withDayOfMonth(from.lengthOfMonth()), credits)).statusCode(201);
        }

        JsonPath run(int month) {
            LocalDate from = MARCH.plusMonths(month);
            long run = given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                    .body(Map.of("account", code, "from", from.toString(),
                            "to", from.withDayOfMonth(from.lengthOfMonth()).toString()))
                    .when().post("/matching/runs").then().statusCode(202).extract().jsonPath().getLong("id");
            JsonPath done = Fixtures.await(run);
            assertEquals("succeeded", done.getString("state"), () -> done.prettify());
            return done;
        }

        long line(String remittanceLike) {
            return TestDb.count("select id from statement_lines where account_id = ? and remittance_info like ?", id,
                    "%" + remittanceLike + "%");
        }

        /** The receipt match of bank line {@code line}, as GET /matches/{id} shows it. */
        JsonPath matchOf(long line) {
            long match = TestDb.count("select match_id from match_items where item_type = 'statement_line' "
                    + "and item_id = ? and match_kind = 'receipt_receivable' and live", line);
            return given().header("Authorization", FINANCE).when().get("/matches/" + match)
                    .then().statusCode(200).extract().jsonPath();
        }

        long exceptions(String type) {
            return TestDb.count("select count(*) from recon_exceptions where account_id = ? and type = ?", id, type);
        }

        long exceptionOf(long line, String type) {
            return TestDb.count("select id from recon_exceptions where statement_line_id = ? and type = ?", line, type);
        }

        long rows() {
            return TestDb.count("select (select count(*) from matches where account_id = ?) "
                    + "+ (select count(*) from recon_exceptions where account_id = ?) "
                    + "+ (select count(*) from match_items i join matches m on m.id = i.match_id where m.account_id = ?) "
                    + "+ (select count(*) from payer_identities p where p.company_id = ?)", id, id, id, company.id());
        }
    }

    private static String d(int day) {
        return MARCH.plusDays(day - 1).toString();
    }

    @Test
    void aTransferWhoseRemittanceNamesTheInvoicePaysIt() {
        Bank bank = Bank.create();
        long receivable = bank.receivable(bank.customer("Acme GmbH"), "INV-4001", 50000);
        bank.camt(0, List.of(Credit.of(50000, d(5), "ACME GMBH", PAYER_IBAN, "Invoice INV-4001")));

        JsonPath run = bank.run(0);

        assertNotEquals(0, run.getLong("itemsTotal"), "the bank credit is a receipt of the run");
        assertEquals(Map.of("reference", 1), run.getMap("counts.matches"));
        assertEquals("paid", Fixtures.receivableStatus(receivable));
        JsonPath match = bank.matchOf(bank.line("INV-4001"));
        assertEquals("confirmed", match.getString("status"));
        assertEquals("statement_line", match.getString("items.find { it.side == 'left' }.type"));
        assertEquals(Map.of("rule", "reference", "confidence", 1, "field", "remittance_info", "value", "INV-4001",
                "receivable", "INV-4001"), match.getMap("evidence"));
    }

    @Test
    void aCollectionCodeAnywhereInTheRemittancePaysItsReceivable() {
        Bank bank = Bank.create();
        long receivable = bank.receivable(bank.customer("Beta Ltd"), "B-77", 12000, MARCH.plusDays(20), "WR7KQ4MXJ");
        bank.camt(0, List.of(Credit.of(12000, d(6), "BETA LTD", "GB29NWBK60161331926819", "Payment code wr7k q4mxj")));

        bank.run(0);

        assertEquals("paid", Fixtures.receivableStatus(receivable));
        assertEquals("WR7KQ4MXJ", bank.matchOf(bank.line("q4mxj")).getString("evidence.collectionCode"));
    }

    @Test
    void anRfCreditorReferenceInStructuredRemittanceNamesWhatFollowsItsCheckDigits() {
        Bank bank = Bank.create();
        long receivable = bank.receivable(bank.customer("Gamma AG"), "5390-0754-7034", 30000);
        bank.camt(0, List.of(new Credit(30000, d(7), "GAMMA AG", PAYER_IBAN, null, List.of("Thank you"),
                "RF18 5390 0754 7034")));

        bank.run(0);

        assertEquals("paid", Fixtures.receivableStatus(receivable));
        long line = TestDb.count("select id from statement_lines where account_id = ? and merchant_reference = ?",
                bank.id(), "RF18 5390 0754 7034");
        assertEquals("creditor_reference", bank.matchOf(line).getString("evidence.field"));
    }

    @Test
    void aReferenceWrappedOverTwoUstrdElementsIsFound() {
        Bank bank = Bank.create();
        long receivable = bank.receivable(bank.customer("Delta SA"), "INV-4002", 7000);
        bank.camt(0, List.of(Credit.of(7000, d(8), "DELTA SA", PAYER_IBAN, "Invoice INV-40", "02 thank you")));

        bank.run(0);

        assertEquals("paid", Fixtures.receivableStatus(receivable));
    }

    @Test
    void aReferenceWrappedOverTwoMt940SubfieldsIsFound() {
        Bank bank = Bank.create();
        long receivable = bank.receivable(bank.customer("Kunde GmbH"), "INV-4003", 30000);
        bank.upload(BankFiles.mt940(bank.code(), "MT" + bank.id(), d(5), 30000, PAYER_IBAN, "Kunde GmbH",
                List.of("Rechnung INV-40", "03 Danke"))).statusCode(201);

        bank.run(0);

        assertEquals("paid", Fixtures.receivableStatus(receivable));
        assertEquals("Rechnung INV-40 03 Danke", TestDb.scalar(
                "select remittance_info from statement_lines where account_id = ?", bank.id()));
    }

    @Test
    void aKnownPayerAccountPaysTheCustomersReceivableOfThatAmount() {
        Bank bank = Bank.create();
        long customer = bank.customer("Epsilon Co");
        long receivable = bank.receivable(customer, "E-1", 45000);
        bank.receivable(customer, "E-2", 10000);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("kind", "bank_account", "value", "DE89 3704 0044 0532 0130 00"))
                .when().post("/customers/" + customer + "/identities").then().statusCode(201);
        bank.camt(0, List.of(Credit.of(45000, d(9), "EPSILON", PAYER_IBAN, "Thanks")));

        JsonPath run = bank.run(0);

        assertEquals(Map.of("payer_amount", 1), run.getMap("counts.matches"));
        assertEquals("paid", Fixtures.receivableStatus(receivable));
        assertEquals("counterparty_account", bank.matchOf(bank.line("Thanks")).getString("evidence.field"));
    }

    /**
     * The run probes the receivables' key indexes when the company has more receivables in play than the lines name
     * keys, and keys the receivables once otherwise: the same line finds the same receivable with the same evidence
     * either way.
     */
    @Test
    void aReferenceIsFoundAlikeWhetherTheRunProbesOrKeysTheReceivables() {
        for (int others : new int[]{0, 40}) {
            Bank bank = Bank.create();
            long customer = bank.customer("Lambda SA");
            long receivable = bank.receivable(customer, "INV-7001", 70000);
            for (int i = 0; i < others; i++) {
                bank.receivable(customer, "OTHER-" + i, 100 + i);
            }
            bank.camt(0, List.of(Credit.of(70000, d(5), "LAMBDA", PAYER_IBAN, "Invoice INV-7001")));

            JsonPath run = bank.run(0);

            assertEquals(Map.of("reference", 1), run.getMap("counts.matches"), "with " + others + " other receivables");
            assertEquals("paid", Fixtures.receivableStatus(receivable));
            assertEquals(Map.of("rule", "reference", "confidence", 1, "field", "remittance_info", "value", "INV-7001",
                    "receivable", "INV-7001"), bank.matchOf(bank.line("INV-7001")).getMap("evidence"));
        }
    }

    /** The tests read a run's lines two at a time (walletrecon.matching.bank-key-page): these span three pages. */
    @Test
    void aKnownPayerOnLinesReadOnSeveralPagesIsRecognisedOnEach() {
        Bank bank = Bank.create();
        long customer = bank.customer("Kappa AG");
        List<Long> receivables = List.of(bank.receivable(customer, "K-1", 11000), bank.receivable(customer, "K-2",
                12000), bank.receivable(customer, "K-3", 13000), bank.receivable(customer, "INV-6001", 14000));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("kind", "bank_account", "value", PAYER_IBAN))
                .when().post("/customers/" + customer + "/identities").then().statusCode(201);
        bank.camt(0, List.of(Credit.of(11000, d(3), "KAPPA", PAYER_IBAN, "Thanks 1"),
                Credit.of(12000, d(4), "KAPPA", PAYER_IBAN, "Thanks 2"),
                Credit.of(13000, d(5), "KAPPA", PAYER_IBAN, "Thanks 3"),
                Credit.of(14000, d(6), "KAPPA", PAYER_IBAN, "Invoice INV-6001"),
                Credit.of(14000, d(7), "KAPPA", PAYER_IBAN, "Invoice INV-6001")));

        JsonPath run = bank.run(0);

        assertEquals(Map.of("payer_amount", 3, "reference", 1), run.getMap("counts.matches"));
        assertEquals(Map.of("duplicate_payment", 1), run.getMap("counts.exceptions"));
        for (long r : receivables) {
            assertEquals("paid", Fixtures.receivableStatus(r));
        }
    }

    @Test
    void aTypoInTheInvoiceNumberIsAnUnidentifiedReceiptNotAWrongMatch() {
        Bank bank = Bank.create();
        long receivable = bank.receivable(bank.customer("Zeta Ltd"), "INV-4001", 50000);
        bank.receivable(bank.customer("Eta Ltd"), "INV-4011", 50000, MARCH.plusDays(60), null);
        bank.camt(0, List.of(Credit.of(49000, d(5), "ZETA LIMITED", PAYER_IBAN, "Invoice INV-4O01")));

        JsonPath run = bank.run(0);

        assertEquals(Map.of(), run.getMap("counts.matches"));
        assertEquals("open", Fixtures.receivableStatus(receivable));
        long e = bank.exceptionOf(bank.line("INV-4O01"), "unidentified_receipt");
        given().header("Authorization", FINANCE).when().get("/exceptions/" + e).then().statusCode(200)
                .body("detail", containsString("ZETA LIMITED"))
                .body("detail", containsString(PAYER_IBAN))
                .body("suggestedCustomers.name", equalTo(List.of("Zeta Ltd")));
    }

    @Test
    void partialPaymentsAddUpAndOneTransferPaysSeveralInvoices() {
        Bank bank = Bank.create();
        long customer = bank.customer("Theta GmbH");
        long partial = bank.receivable(customer, "INV-4005", 50000);
        long first = bank.receivable(customer, "INV-4006", 10000);
        long second = bank.receivable(customer, "INV-4007", 20000);
        bank.camt(0, List.of(
                Credit.of(30000, d(3), "THETA", PAYER_IBAN, "INV-4005 part 1"),
                Credit.of(20000, d(10), "THETA", PAYER_IBAN, "INV 4005 rest"),
                Credit.of(30000, d(12), "THETA", PAYER_IBAN, "Invoices INV-4006, INV-4007")));

        JsonPath run = bank.run(0);

        assertEquals(Map.of("partial_payment", 2, "reference", 1), run.getMap("counts.matches"));
        assertEquals(List.of("paid", "paid", "paid"), List.of(Fixtures.receivableStatus(partial),
                Fixtures.receivableStatus(first), Fixtures.receivableStatus(second)));
        JsonPath both = bank.matchOf(bank.line("INV-4006"));
        assertEquals(2, both.getList("items.findAll { it.type == 'receivable' }").size());
        assertEquals(List.of("INV-4006", "INV-4007"), both.getList("evidence.receivables"));
    }

    @Test
    void aTransferNamingInvoicesItDoesNotPayExactlyIsAmbiguousNotAGuess() {
        Bank bank = Bank.create();
        long customer = bank.customer("Iota");
        long a = bank.receivable(customer, "INV-5001", 10000);
        long b = bank.receivable(customer, "INV-5002", 20000);
        bank.camt(0, List.of(Credit.of(25000, d(4), "IOTA", PAYER_IBAN, "INV-5001 INV-5002")));

        bank.run(0);

        assertEquals(List.of("open", "open"), List.of(Fixtures.receivableStatus(a), Fixtures.receivableStatus(b)));
        assertEquals(1, bank.exceptions("ambiguous"));
        assertEquals(0, bank.exceptions("unidentified_receipt"), "raised once, as what it is");
    }

    @Test
    void anUnknownPayerClaimedIsRecognisedByItsAccountNextMonth() {
        Bank bank = Bank.create();
        long customer = bank.customer("上海明光贸易有限公司");
        long march = bank.receivable(customer, "MG-03", 88800);
        long april = bank.receivable(customer, "MG-04", 66600, MARCH.plusMonths(1).plusDays(20), null);
        bank.camt(0, List.of(Credit.of(88800, d(15), "上海明光貿易有限公司", "DE02 1203 0000 0000 2020 51", "货款")));
        bank.run(0);
        long line = bank.line("货款");
        long exception = bank.exceptionOf(line, "unidentified_receipt");
        given().header("Authorization", FINANCE).when().get("/exceptions/" + exception).then().statusCode(200)
                .body("suggestedCustomers.customerId", equalTo(List.of((int) customer)));

        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("customerId", customer, "reason", "Customer confirmed by phone",
                        "receivables", List.of(Map.of("receivableId", march, "amountMinor", 88800))))
                .when().post("/exceptions/" + exception + "/claim")
                .then().statusCode(200).body("status", equalTo("resolved"));

        assertEquals("paid", Fixtures.receivableStatus(march));
        JsonPath claimed = bank.matchOf(line);
        assertEquals("claim", claimed.getString("rule"));
        assertTrue(claimed.getString("createdBy").startsWith("fiona@"), "the person who claimed it");
        given().header("Authorization", ADMIN).when().get("/customers/" + customer).then().statusCode(200)
                .body("identities.find { it.kind == 'bank_account' }.source",
                        equalTo("learned from claim " + exception))
                .body("identities.find { it.kind == 'bank_account' }.holderName", equalTo("上海明光貿易有限公司"));
        assertEquals(1, TestDb.count("select count(*) from audit_log where action = 'exception.claimed' "
                + "and entity_id = ?", String.valueOf(exception)));

        // April: the same account, written another way, no reference at all.
        bank.camt(1, List.of(Credit.of(66600, MARCH.plusMonths(1).plusDays(9).toString(), "SH MINGGUANG",
                "de02120300000000202051", "April")));
        JsonPath run = bank.run(1);

        assertEquals(Map.of("payer_amount", 1), run.getMap("counts.matches"));
        assertEquals("paid", Fixtures.receivableStatus(april));
    }

    @Test
    void aClaimThatDoesNotHoldIsRefusedAndWritesNothing() {
        Bank bank = Bank.create();
        Bank other = Bank.create();
        long customer = bank.customer("Kappa");
        long foreignCustomer = other.customer("Kappa");
        long receivable = bank.receivable(customer, "K-1", 10000);
        long foreignReceivable = other.receivable(foreignCustomer, "K-1", 10000);
        bank.camt(0, List.of(Credit.of(15000, d(2), "UNKNOWN", PAYER_IBAN, "misc")));
        bank.run(0);
        long exception = bank.exceptionOf(bank.line("misc"), "unidentified_receipt");
        long before = bank.rows();

        claim(exception, Map.of("customerId", 999_999_999L, "reason", "x")).statusCode(422)
                .contentType(containsString("application/problem+json"));
        claim(exception, Map.of("customerId", foreignCustomer, "reason", "x")).statusCode(422)
                .body("detail", containsString("another company"));
        claim(exception, Map.of("customerId", customer, "reason", "x", "receivables",
                List.of(Map.of("receivableId", foreignReceivable, "amountMinor", 100)))).statusCode(422);
        claim(exception, Map.of("customerId", customer, "reason", "x", "receivables",
                List.of(Map.of("receivableId", receivable, "amountMinor", 12000)))).statusCode(422)
                .body("errors.message", org.hamcrest.Matchers.hasItem(containsString("10000")));
        assertEquals(before, bank.rows(), "nothing written");
        assertEquals("open", Fixtures.receivableStatus(receivable));

        claim(exception, Map.of("customerId", customer, "reason", "on account")).statusCode(200);
        claim(exception, Map.of("customerId", customer, "reason", "again")).statusCode(409);
        long notUnidentified = TestDb.count("insert into recon_exceptions (account_id, type, currency, business_date, "
                + "dedupe_key) values (?, 'unpaid_receivable', 'EUR', ?, ?) returning id", bank.id(), MARCH,
                TestData.unique("k"));
        claim(notUnidentified, Map.of("customerId", customer, "reason", "x")).statusCode(409);
    }

    private static ValidatableResponse claim(long exception, Map<String, Object> body) {
        return given().header("Authorization", FINANCE).contentType(ContentType.JSON).body(body)
                .when().post("/exceptions/" + exception + "/claim").then().log().ifValidationFails();
    }

    @Test
    void aRerunAndARepeatedImportChangeNothing() {
        Bank bank = Bank.create();
        long customer = bank.customer("Lambda");
        bank.receivable(customer, "INV-6001", 10000);
        List<Credit> credits = List.of(Credit.of(10000, d(3), "LAMBDA", PAYER_IBAN, "INV-6001"),
                Credit.of(777, d(4), "NOBODY", "FR1420041010050500013M02606", "?"));
        bank.camt(0, credits);
        bank.run(0);
        long after = bank.rows();

        JsonPath again = bank.run(0);
        bank.upload(BankFiles.camt053(bank.code(), bank.code() + "-0", 10, MARCH,
                MARCH.withDayOfMonth(31), credits)).statusCode(org.hamcrest.Matchers.lessThan(300));
        bank.run(0);

        assertEquals(Map.of(), again.getMap("counts.matches"));
        assertEquals(Map.of(), again.getMap("counts.exceptions"));
        assertEquals(after, bank.rows());
        assertEquals(2, TestDb.count("select count(*) from statement_lines where account_id = ?", bank.id()));
    }

    @Test
    void aPersonsRejectionIsNotProposedAgain() {
        Bank bank = Bank.create();
        bank.receivable(bank.customer("Mu"), "M-1", 4200, MARCH.plusDays(4), null);
        bank.camt(0, List.of(Credit.of(4200, d(5), "SOMEONE", PAYER_IBAN, "no reference")));
        JsonPath first = bank.run(0);
        assertEquals(Map.of("amount_date", 1), first.getMap("counts.matches"), "a suggestion by amount and date");
        long match = TestDb.count("select id from matches where account_id = ? and rule = 'amount_date'", bank.id());
        given().header("Authorization", FINANCE).contentType(ContentType.JSON).body(Map.of("reason", "not theirs"))
                .when().post("/matches/" + match + "/reject").then().statusCode(200);

        JsonPath again = bank.run(0);

        assertEquals(Map.of(), again.getMap("counts.matches"));
        assertEquals(1, TestDb.count("select count(*) from matches where account_id = ?", bank.id()));
    }

    @Test
    void aWalletSettlementCreditedToTheBankIsNeverAReceipt() {
        Bank bank = Bank.create();
        String stripe = TestData.unique("stripe");
        Accounts.create(Map.of("code", stripe, "company", bank.company().code(), "provider", "stripe", "name",
                "Stripe", "currency", "EUR", "timeZone", "Europe/Berlin",
                "credentials", Map.of("webhookSecrets", List.of("whsec_test"))));
        long stripeId = TestDb.count("select id from accounts where code = ?", stripe);
        TestDb.update("insert into transactions (account_id, provider_txn_id, kind, direction, amount_minor, currency, "
                + "status, payout_id, occurred_at, value_date) values (?, ?, 'payout', 'out', 50000, 'EUR', 'succeeded', "
                + "?, now(), ?)", stripeId, "po_" + bank.id(), "po_" + bank.id(), MARCH.plusDays(1));
        bank.receivable(bank.customer("Nu"), "N-1", 50000, MARCH.plusDays(2), null);
        bank.camt(0, List.of(Credit.of(50000, d(3), "STRIPE", PAYER_IBAN, "STRIPE PAYOUT po_" + bank.id())));

        JsonPath run = bank.run(0);

        assertEquals(Map.of(), run.getMap("counts.matches"), "not offered to a receivable of the same amount");
        assertEquals(0, bank.exceptions("unidentified_receipt"));
        assertTrue(run.getLong("itemsTotal") == 0, "the settlement is not one of the bank run's receipts");
    }
}
