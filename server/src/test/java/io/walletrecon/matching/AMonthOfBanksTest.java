package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.dispatch.DispatchService;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.ProviderNotifications;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.walletrecon.matching.AMonthOfWalletsTest.alipayFlow;
import static io.walletrecon.matching.AMonthOfWalletsTest.alipayFlowRow;
import static io.walletrecon.matching.AMonthOfWalletsTest.config;
import static io.walletrecon.matching.AMonthOfWalletsTest.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * October for a company with two banks, as its finance team would run it through the API: a euro account reporting
 * in camt.053 (with a camt.054 notification the day's statement confirms) and a yuan account at a Chinese bank
 * reporting in MT940, beside an Alipay account that withdraws to the yuan account. Customers pay by invoice number,
 * by collection code, from a known account, in parts and several invoices at once; one writes the invoice number
 * wrong and is claimed, then recognised by its account; suppliers are paid by pain.001, answered by a pain.002,
 * debited, one returned; the bank books its fees and interest; the company's bank journal is matched against the
 * yuan account. One unknown credit is planted and must stay open; everything else must end explained, once.
 */
@QuarkusTest
class AMonthOfBanksTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");
    static final String ADMIN = TestJwt.bearer("ada", "admin");
    static final String SECOND_ADMIN = TestJwt.bearer("adam", "admin");
    static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
    static final LocalDate LAST = LocalDate.of(2026, 10, 31);
    static final String ACME_IBAN = "DE89370400440532013000";
    static final String BETA_IBAN = "GB29NWBK60161331926819";
    static final String THETA_IBAN = "FR1420041010050500013M02606";
    static final String ZETA_IBAN = "DE02120300000000202051";
    static final String SUPPLIER_A = "DE75512108001245126199";
    static final String SUPPLIER_B = "NL91ABNA0417164300";
    static final String SUPPLIER_C = "AT611904300234573201";
    static final String SUPPLIER_D = "BE68539007547034";
    static final Set<String> FINAL_STATES = Set.of("completed", "failed", "returned", "cancelled", "rejected");

    @Inject
    DispatchService dispatch;

    final TestCompanies.Company company = TestCompanies.create("bmonth");
    final String tag = TestData.unique("b").replaceAll("[^A-Za-z0-9]", "").toUpperCase();

    @Test
    void theMonthEndsWithEveryBankLineExplainedEveryOrderFinalAndOnlyThePlantedExceptionOpen() {
        String eur = bank("EUR", "Europe/Berlin");
        String cny = bank("CNY", "Asia/Shanghai");
        var ali = ProviderNotifications.Alipay.create(company.code());
        config(ali.code(), Map.of("settlementAccount", cny, "settlementAfterDays", 3));

        long acme = customer("Acme GmbH");
        long beta = customer("Beta Ltd");
        long theta = customer("Theta GmbH");
        long zeta = customer("Zeta Ltd");
        long mingguang = customer("上海明光贸易有限公司");
        identity(beta, BETA_IBAN);
        long inv1 = receivable(acme, "INV-" + tag + "-1", "500.00", "EUR", false);
        long inv2 = receivable(acme, "INV-" + tag + "-2", "120.00", "EUR", false);
        long inv3 = receivable(beta, "B-" + tag + "-3", "450.00", "EUR", false);
        long inv5 = receivable(theta, "INV-" + tag + "-5", "500.00", "EUR", false);
        long inv6 = receivable(theta, "INV-" + tag + "-6", "100.00", "EUR", false);
        long inv7 = receivable(theta, "INV-" + tag + "-7", "200.00", "EUR", false);
        long z1 = receivable(zeta, "Z-" + tag + "-4001", "490.00", "EUR", false);
        long z2 = receivable(zeta, "Z-" + tag + "-4002", "250.00", "EUR", false);
        long mg = receivable(mingguang, "MG-" + tag, "8800.00", "CNY", true);
        String code = given().header("Authorization", FINANCE).when().get("/receivables/" + mg).then()
                .statusCode(200).extract().jsonPath().getString("collectionCode");
        List<Long> receivables = List.of(inv1, inv2, inv3, inv5, inv6, inv7, z1, z2, mg);

        // The first half of October in euro: a transfer naming its invoice, one from a known account, a part
        // payment, the invoice number written wrong, the bank's fee.
        String[] firstHalf = {
                credit("E1", 50000, "2026-10-05", "ACME GMBH", ACME_IBAN, "Invoice INV-" + tag + "-1"),
                credit("E2", 45000, "2026-10-07", "BETA LTD", BETA_IBAN, "Thanks"),
                credit("E3", 30000, "2026-10-03", "THETA", THETA_IBAN, "INV-" + tag + "-5 part 1"),
                credit("E4", 49000, "2026-10-08", "ZETA LIMITED", ZETA_IBAN, "Invoice Z-" + tag + "-4O01"),
                entry("E5", -490, "2026-10-15", null, null, null, null, "PMNT/MDOP/CHRG")};
        camt053(eur, "EUR-1", 1, "2026-10-01", "2026-10-15", 2_000_000, firstHalf);
        run(eur);
        long typo = exceptionOfLine(eur, "4O01");
        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("customerId", zeta, "reason", "Zeta confirmed the transfer by phone",
                        "receivables", List.of(Map.of("receivableId", z1, "amountMinor", 49000))))
                .when().post("/exceptions/" + typo + "/claim").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("resolved"));

        // Suppliers paid by pain.001 from the euro account; the bank answers with a pain.002.
        policy("EUR");
        long p1 = pay(eur, "1250.40", "Alpha Supplies", SUPPLIER_A);
        long p2 = pay(eur, "800.00", "Bravo Parts", SUPPLIER_B);
        long p3 = pay(eur, "300.00", "Charlie Tools", SUPPLIER_C);
        long p4 = pay(eur, "55.00", "Delta Service", SUPPLIER_D);
        ReactiveBridge.await(dispatch::dispatchDue);
        List<Long> orders = List.of(p1, p2, p3, p4);
        for (long p : orders) {
            payment(p).body("state", org.hamcrest.Matchers.equalTo("submitted"))
                    .body("channel", org.hamcrest.Matchers.equalTo("bank_file"));
            // the file went to the bank on Monday 19 October (the API takes today or later)
            TestDb.update("update payment_orders set execute_on = date '2026-10-19' where id = ?", p);
        }
        String e1 = e2e(p1), e2 = e2e(p2), e3 = e2e(p3);
        String messageId = TestDb.scalar("select f.message_id from bank_files f join payment_orders p "
                + "on p.bank_file_id = f.id where p.id = ?", p1);
        given().header("Authorization", FINANCE).contentType("application/xml")
                .body(pain002(messageId, tx(e1, "ACCP", null), tx(e2, "RJCT", "AC04")).getBytes(StandardCharsets.UTF_8))
                .when().post("/payment-status-reports").then().statusCode(201);

        // 20 October: the bank notifies a credit during the day (camt.054); it is matched at once.
        String notified = credit("N20", 12000, "2026-10-20", "ACME GMBH", ACME_IBAN, "INV-" + tag + "-2 thank you");
        upload(eur, camt054(eur, notified).getBytes(StandardCharsets.UTF_8), null, null, null).statusCode(201);
        run(eur, LocalDate.of(2026, 10, 20), LocalDate.of(2026, 10, 20));
        assertEquals("paid", Fixtures.receivableStatus(inv2), "matched on the notification, before the statement");

        // The second half in euro: the notified credit again, the debits of the orders (one returned), the rest of
        // the part payment, one transfer for two invoices, the claimed payer again without a reference, interest.
        camt053(eur, "EUR-2", 2, "2026-10-16", "2026-10-31", 2_000_000 + 50000 + 45000 + 30000 + 49000 - 490,
                notified,
                entry("D1", -125040, "2026-10-20", e1, "Alpha Supplies", SUPPLIER_A, "INV 77", "PMNT/ICDT/ESCT"),
                entry("D3", -30000, "2026-10-20", e3, "Charlie Tools", SUPPLIER_C, null, "PMNT/ICDT/ESCT"),
                entry("D4", -5500, "2026-10-21", null, "Delta Service", SUPPLIER_D, "SEPA", "PMNT/ICDT/ESCT"),
                entry("R3", 30000, "2026-10-23", e3, "Charlie Tools", SUPPLIER_C, "RETURN AC04", "PMNT/ICDT/RRTN"),
                credit("E6", 20000, "2026-10-18", "THETA", THETA_IBAN, "INV " + tag + " 5 rest"),
                credit("E7", 30000, "2026-10-22", "THETA", THETA_IBAN, "Invoices INV-" + tag + "-6, INV-" + tag + "-7"),
                credit("E8", 25000, "2026-10-27", "ZETA LTD", "de02 1203 0000 0000 2020 51", "Oktober"),
                entry("I1", 123, "2026-10-31", null, null, null, null, "ACMT/MCOP/INTR"));

        // The yuan account at a Chinese bank, a month in MT940: a customer paying by its collection code, the Alipay
        // withdrawal, a credit nobody can name (planted), the bank's fee and interest.
        String alipayId = "20261012200040011100" + tag;
        upload(ali.code(), alipayFlow(List.of(alipayFlowRow("W1", alipayId, "", "2026-10-12 10:00:00", "0.00",
                "-10000.00", "0.00", "提现")), "#支出合计：1笔，共-10000.00元\n#收入合计：0笔，共0.00元\n"), "alipay-flow",
                null, null).statusCode(201);
        upload(cny, mt940(cny, 5_000_000,
                mtLine("C1", "2026-10-09", 880000, "货款 " + code.toLowerCase() + " 上海明光贸易有限公司"),
                mtLine("C2", "2026-10-13", 1000000, "支付宝提现 " + alipayId + " 支付宝（中国）网络技术有限公司"),
                mtLine("C4", "2026-10-13", -1500, "跨行汇款手续费"),
                mtLine("C3", "2026-10-16", 6600, "来款"),
                mtLine("C5", "2026-10-21", 321, "活期存款结息")).getBytes(StandardCharsets.UTF_8), null, null, null)
                .statusCode(201);
        journal(cny, "2026-10-09,记-0101,上海明光贸易有限公司,收货款,\"8,800.00\"",
                "2026-10-13,记-0102,支付宝,提现到账,\"10,000.00\"",
                "2026-10-13,记-0103,,银行手续费,-15.00");

        for (String account : List.of(ali.code(), eur, cny)) {
            run(account);
        }

        // Customers: every invoice paid, once, by exactly what was received.
        for (long r : receivables) {
            assertEquals("paid", Fixtures.receivableStatus(r), "receivable " + r);
        }
        assertEquals(paidTotal(receivables), receiptTotal(receivables), "the matched receipts are what was paid");
        assertEquals("payer_amount",
                TestDb.scalar("select m.rule from matches m join match_items i on i.match_id = m.id "
                        + "where i.item_type = 'receivable' and i.item_id = ? and i.live", z2),
                "recognised by its account");
        assertEquals("claim", TestDb.scalar("select m.rule from matches m join match_items i on i.match_id = m.id "
                + "where i.item_type = 'receivable' and i.item_id = ? and i.live", z1));

        // Suppliers: every order in a final state, the one the bank rejected with its reason.
        assertEquals(Map.of(p1, "completed", p2, "failed", p3, "returned", p4, "completed"), states(orders));
        payment(p2).body("bankReasonCode", org.hamcrest.Matchers.equalTo("AC04"));
        for (long p : orders) {
            assertTrue(
                    FINAL_STATES.contains(TestDb.<String>scalar("select state from payment_orders where id = ?", p)));
        }

        // The wallet's withdrawal is the yuan credit, and the company's journal meets the yuan lines.
        assertEquals(1, TestDb.count("select count(*) from matches m join accounts a on a.id = m.account_id "
                + "where a.code = ? and m.kind = 'settlement_bank' and m.status = 'confirmed'", ali.code()));
        assertEquals(3, TestDb.count("select count(*) from matches m join accounts a on a.id = m.account_id "
                + "where a.code = ? and m.kind = 'ledger_bank' and m.status = 'confirmed'", cny));

        Map<String, Object> before = theMonth(eur, cny);
        assertEquals(Map.of("C3", "unidentified_receipt"), openExceptionsByLine(before),
                "every line explained but the planted one");
        assertEquals(List.of("unidentified_receipt open", "unidentified_receipt resolved"), exceptions(),
                "the planted exception and the claimed one, nothing else");
        assertNothingDoubleCounted(eur, cny);

        // Importing every file again and running every account again changes nothing.
        long rows = rows();
        camt053(eur, "EUR-1", 1, "2026-10-01", "2026-10-15", 2_000_000, firstHalf);
        upload(eur, camt054(eur, notified).getBytes(StandardCharsets.UTF_8), null, null, null).statusCode(200);
        for (String account : List.of(ali.code(), eur, cny)) {
            JsonPath again = run(account);
            assertEquals(Map.of(), again.getMap("counts.matches"), account);
            assertEquals(Map.of(), again.getMap("counts.exceptions"), account);
        }
        assertEquals(rows, rows(), "no row added by re-imports and reruns");
        assertEquals(before, theMonth(eur, cny));

        // A customer's bank receipts, matched or claimed, are on its statement: Zeta's claimed transfer and the one
        // recognised by its account, Theta's three transfers; both accounts come to zero. Zeta may dispute one.
        JsonPath zetaStatement = customerStatement(zeta);
        assertEquals(List.of(49000, 25000), bankPayments(zetaStatement));
        assertEquals(List.of(74000, 2, 0), List.of(zetaStatement.getInt("totals[0].paymentsMinor"),
                zetaStatement.getInt("totals[0].paymentCount"), zetaStatement.getInt("balances[0].closingMinor")));
        JsonPath thetaStatement = customerStatement(theta);
        assertEquals(List.of(30000, 20000, 30000), bankPayments(thetaStatement));
        assertEquals(0, thetaStatement.getInt("balances[0].closingMinor"));
        assertEquals(List.of(45000), bankPayments(customerStatement(beta)), "Beta's one transfer, once");
        String token = given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("customer", zeta, "from", FIRST.toString(), "to", LAST.toString()))
                .when().post("/statement-links").then().statusCode(201).extract().jsonPath().getString("token");
        long claimedLine = TestDb.count("select id from statement_lines where bank_reference = ?", tag + "-E4");
        long thetaLine = TestDb.count("select id from statement_lines where bank_reference = ?", tag + "-E6");
        given().contentType(ContentType.JSON).body(Map.of("lineType", "bank_payment", "lineId", thetaLine,
                "comment", "not ours")).when().post("/statement-links/" + token + "/disputes").then().statusCode(422);
        given().contentType(ContentType.JSON).body(Map.of("lineType", "bank_payment", "lineId", claimedLine,
                "comment", "this paid Z-4001, not on account")).when().post("/statement-links/" + token + "/disputes")
                .then().statusCode(201).body("lineType", org.hamcrest.Matchers.equalTo("bank_payment"));
        assertEquals(1, TestDb.count("select count(*) from customer_statement_answers where kind = 'dispute' "
                + "and line_type = 'bank_payment' and line_id = ?", claimedLine));
    }

    private static JsonPath customerStatement(long customer) {
        return given().header("Authorization", FINANCE).accept("application/json").queryParam("customer", customer)
                .queryParam("from", FIRST.toString()).queryParam("to", LAST.toString())
                .when().get("/reports/customer-statement").then().statusCode(200).extract().jsonPath();
    }

    private static List<Object> bankPayments(JsonPath statement) {
        List<Map<String, Object>> lines = statement.getList("lines.items");
        return lines.stream().filter(l -> "bank_payment".equals(l.get("lineType"))).map(l -> l.get("amountMinor"))
                .toList();
    }

    // --- the month as the API shows it ---------------------------------------------------------------------------

    /** Every line of both banks' statements, keyed by its bank reference: kind, match state, open exception. */
    private Map<String, Object> theMonth(String... banks) {
        Map<String, Object> lines = new TreeMap<>();
        for (String bank : banks) {
            List<Integer> statements = given().header("Authorization", FINANCE).queryParam("account", bank)
                    .when().get("/statements").then().statusCode(200).extract().jsonPath().getList("items.id");
            for (int statement : statements) {
                List<Map<String, Object>> items = given().header("Authorization", FINANCE).queryParam("size", 200)
                        .when().get("/statements/" + statement + "/lines").then().statusCode(200).extract()
                        .jsonPath().getList("items");
                for (Map<String, Object> line : items) {
                    String ref = (String) line.get("bankReference");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> exception = (Map<String, Object>) line.get("exception");
                    boolean classified = Set.of("fee", "interest").contains(line.get("kind"));
                    boolean matched = "matched".equals(line.get("matchState"));
                    assertTrue(matched || classified || exception != null,
                            () -> "line " + ref + " is neither matched, classified nor in an exception: " + line);
                    lines.put(ref, List.of(line.get("kind"), line.get("matchState"),
                            exception == null ? "-" : exception.get("type")));
                }
            }
        }
        assertEquals(19, lines.size(), () -> "the month's lines: " + lines.keySet());
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> openExceptionsByLine(Map<String, Object> month) {
        Map<String, String> open = new TreeMap<>();
        month.forEach((ref, v) -> {
            Object type = ((List<Object>) v).get(2);
            if (!"-".equals(type)) {
                open.put(ref.substring(ref.lastIndexOf('-') + 1), (String) type);
            }
        });
        return open;
    }

    /**
     * Each line is held by at most one live bank-side match and at most one match with the journal; each order by at
     * most one live match of a kind.
     */
    private void assertNothingDoubleCounted(String... banks) {
        for (String bank : banks) {
            assertEquals(0, TestDb.count("select count(*) from (select i.item_id from match_items i "
                    + "join statement_lines l on l.id = i.item_id join accounts a on a.id = l.account_id "
                    + "where i.item_type = 'statement_line' and i.live and a.code = ? "
                    + "group by i.item_id, i.match_kind = 'ledger_bank' having count(*) > 1) x", bank), bank);
        }
        assertEquals(0, TestDb.count("select count(*) from (select i.item_id from match_items i "
                + "join payment_orders p on p.id = i.item_id where i.item_type = 'payment_order' and i.live "
                + "and p.account_id in (select id from accounts where company_id = ?) "
                + "group by i.item_id, i.match_kind having count(*) > 1) x", company.id()),
                "an order is held by one debit match (and, returned, one return match)");
    }

    private List<String> exceptions() {
        List<Map<String, Object>> items = given().header("Authorization", FINANCE)
                .queryParam("company", company.code()).queryParam("size", 500)
                .when().get("/exceptions").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().map(e -> e.get("type") + " " + e.get("status")).sorted().toList();
    }

    private long paidTotal(List<Long> receivables) {
        long sum = 0;
        for (long r : receivables) {
            sum += TestDb.count("select paid_minor from receivables where id = ?", r);
        }
        return sum;
    }

    private long receiptTotal(List<Long> receivables) {
        long sum = 0;
        for (long r : receivables) {
            sum += TestDb.count("select coalesce(sum(i.amount_minor), 0) from match_items i "
                    + "join matches m on m.id = i.match_id where i.item_type = 'receivable' and i.item_id = ? "
                    + "and i.live and m.status = 'confirmed' and m.kind = 'receipt_receivable'", r);
        }
        return sum;
    }

    private static Map<Long, String> states(List<Long> orders) {
        Map<Long, String> out = new LinkedHashMap<>();
        for (long p : orders) {
            out.put(p, TestDb.scalar("select state from payment_orders where id = ?", p));
        }
        return out;
    }

    private long rows() {
        return TestDb.count(("select (select count(*) from matches m join accounts a on a.id = m.account_id "
                + "where a.company_id = ?1) + (select count(*) from recon_exceptions e join accounts a "
                + "on a.id = e.account_id where a.company_id = ?1) + (select count(*) from statement_lines l "
                + "join accounts a on a.id = l.account_id where a.company_id = ?1) + (select count(*) from "
                + "payment_history h join payment_orders p on p.id = h.payment_id join accounts a on a.id = p.account_id "
                + "where a.company_id = ?1) + (select count(*) from ledger_entries g join accounts a "
                + "on a.id = g.account_id where a.company_id = ?1)").replace("?1", "?"),
                company.id(), company.id(), company.id(), company.id(), company.id());
    }

    private long exceptionOfLine(String bank, String remittanceLike) {
        return TestDb.count("select e.id from recon_exceptions e join statement_lines l on l.id = e.statement_line_id "
                + "join accounts a on a.id = l.account_id where a.code = ? and l.remittance_info like ? "
                + "and e.type = 'unidentified_receipt'", bank, "%" + remittanceLike + "%");
    }

    // --- set-up through the API ----------------------------------------------------------------------------------

    private String bank(String currency, String zone) {
        String code = TestData.unique("bank-" + currency.toLowerCase());
        Accounts.create(Map.of("code", code, "company", company.code(), "provider", "bank", "name", "Bank " + code,
                "currency", currency, "timeZone", zone));
        return code;
    }

    private long customer(String name) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("company", company.code(), "externalId", TestData.unique("c"), "name", name))
                .when().post("/customers").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void identity(long customer, String iban) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("kind", "bank_account", "value", iban))
                .when().post("/customers/" + customer + "/identities").then().statusCode(201);
    }

    private long receivable(long customer, String reference, String amount, String currency, boolean code) {
        return given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("company", company.code(), "customerId", customer, "reference", reference,
                        "amount", amount, "currency", currency, "issueDate", "2026-09-30", "dueDate", "2026-11-30",
                        "issueCollectionCode", code))
                .when().post("/receivables").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A policy for the company's payments in {@code currency}: none needs an approval. */
    private void policy(String currency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("autoLimitMinor", 100_000_000L);
        body.put("dualLimitMinor", 1_000_000_000L);
        body.put("reason", "October supplier run");
        long change = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .queryParam("company", company.code()).when().put("/payment-policies/" + currency).then()
                .statusCode(202).extract().jsonPath().getLong("id");
        given().header("Authorization", SECOND_ADMIN).contentType(ContentType.JSON).body(Map.of("comment", "ok"))
                .queryParam("company", company.code())
                .when().post("/payment-policies/" + currency + "/changes/" + change + "/approval").then()
                .statusCode(200);
    }

    private static long pay(String account, String amount, String name, String iban) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "supplier_payment");
        body.put("account", account);
        body.put("beneficiary", Map.of("name", name, "bankAccount", iban));
        body.put("amount", amount);
        body.put("currency", "EUR");
        body.put("reference", TestData.unique("PO"));
        return given().header("Authorization", FINANCE).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).when().post("/payments").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static ValidatableResponse payment(long id) {
        return given().header("Authorization", FINANCE).when().get("/payments/" + id).then().statusCode(200);
    }

    private static String e2e(long id) {
        return payment(id).extract().jsonPath().getString("providerPaymentId");
    }

    private static JsonPath run(String account) {
        return run(account, FIRST, LAST);
    }

    private static JsonPath run(String account, LocalDate from, LocalDate to) {
        JsonPath done = AMonthOfWalletsTest.run(account, from, to);
        assertEquals("succeeded", done.getString("state"), done::prettify);
        return done;
    }

    private static void journal(String account, String... rows) {
        String csv = "日期,凭证号,对方户名,摘要,金额（元）\n" + String.join("\n", rows) + "\n";
        given().header("Authorization", FINANCE).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/ledger-entries/import?account=" + account).then().statusCode(200);
    }

    // --- the banks' files -----------------------------------------------------------------------------------------

    private String credit(String ref, long minor, String day, String name, String iban, String text) {
        return entry(ref, minor, day, null, name, iban, text, "PMNT/RCDT/ESCT");
    }

    /** A booked camt entry: positive {@code minor} a credit from, negative a debit to, {@code name}'s account. */
    private String entry(String ref, long minor, String day, String e2e, String name, String iban, String text,
            String bankCode) {
        boolean out = minor < 0;
        String party = out ? "Cdtr" : "Dbtr";
        String[] c = bankCode.split("/");
        StringBuilder details = new StringBuilder();
        if (e2e != null || name != null || text != null) {
            details.append("<NtryDtls><TxDtls>");
            details.append("<Refs><EndToEndId>").append(e2e == null ? "NOTPROVIDED" : e2e)
                    .append("</EndToEndId></Refs>");
            if (name != null) {
                details.append("<RltdPties><").append(party).append("><Pty><Nm>").append(name).append("</Nm></Pty></")
                        .append(party).append("><").append(party).append("Acct><Id><IBAN>").append(iban)
                        .append("</IBAN></Id></").append(party).append("Acct></RltdPties>");
            }
            if (text != null) {
                details.append("<RmtInf><Ustrd>").append(text).append("</Ustrd></RmtInf>");
            }
            details.append("</TxDtls></NtryDtls>");
        }
        return """
                <Ntry><NtryRef>%1$s</NtryRef><Amt Ccy="EUR">%2$s</Amt><CdtDbtInd>%3$s</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                  <BookgDt><Dt>%4$s</Dt></BookgDt><ValDt><Dt>%4$s</Dt></ValDt><AcctSvcrRef>%5$s-%1$s</AcctSvcrRef>
                  <BkTxCd><Domn><Cd>%6$s</Cd><Fmly><Cd>%7$s</Cd><SubFmlyCd>%8$s</SubFmlyCd></Fmly></Domn></BkTxCd>
                  %9$s</Ntry>
                """
                .formatted(ref, decimal(Math.abs(minor)), out ? "DBIT" : "CRDT", day, tag, c[0], c[1], c[2],
                        details);
    }

    private static long signed(String entry) {
        String amount = entry.substring(entry.indexOf('>', entry.indexOf("<Amt")) + 1, entry.indexOf("</Amt>"));
        long minor = new BigDecimal(amount).movePointRight(2).longValueExact();
        return entry.contains("<CdtDbtInd>DBIT") ? -minor : minor;
    }

    private void camt053(String bank, String id, int sequence, String from, String to, long opening,
            String... entries) {
        long closing = opening + List.of(entries).stream().mapToLong(AMonthOfBanksTest::signed).sum();
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>MSG-%1$s-%2$s</MsgId><CreDtTm>%4$sT20:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%1$s-%2$s</Id><ElctrncSeqNb>%3$d</ElctrncSeqNb>
                      <FrToDt><FrDtTm>%5$sT00:00:00</FrDtTm><ToDtTm>%4$sT23:59:59</ToDtTm></FrToDt>
                      <Acct><Id><Othr><Id>%6$s</Id></Othr></Id><Ccy>EUR</Ccy></Acct>
                      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%7$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%5$s</Dt></Dt></Bal>
                      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%8$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%4$s</Dt></Dt></Bal>
                %9$s    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(bank, id, sequence, to, from, bank, decimal(opening), decimal(closing),
                String.join("", entries));
        upload(bank, xml.getBytes(StandardCharsets.UTF_8), null, null, null)
                .statusCode(org.hamcrest.Matchers.either(org.hamcrest.Matchers.is(201))
                        .or(org.hamcrest.Matchers.is(200)));
    }

    private static String camt054(String bank, String entry) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
                  <BkToCstmrDbtCdtNtfctn>
                    <GrpHdr><MsgId>NTF-%1$s</MsgId><CreDtTm>2026-10-20T11:00:00</CreDtTm></GrpHdr>
                    <Ntfctn><Id>NTF-%1$s</Id><Acct><Id><Othr><Id>%1$s</Id></Othr></Id><Ccy>EUR</Ccy></Acct>
                %2$s    </Ntfctn>
                  </BkToCstmrDbtCdtNtfctn>
                </Document>
                """.formatted(bank, entry);
    }

    /** One MT940 :61:/:86: pair as a Chinese bank writes it: free text in Chinese after :86:. */
    private record MtLine(long minor, String text) {
    }

    private MtLine mtLine(String ref, String day, long minor, String text) {
        String yymmdd = day.substring(2).replace("-", "");
        String type = text.contains("手续费") ? "NCHG" : text.contains("结息") ? "NINT" : "NTRF";
        return new MtLine(minor, ":61:" + yymmdd + yymmdd.substring(2) + (minor < 0 ? "D" : "C")
                + decimal(Math.abs(minor)).replace('.', ',') + type + "NONREF//" + tag + "-" + ref + "\n:86:" + text
                + "\n");
    }

    private static String mt940(String bank, long opening, MtLine... lines) {
        long closing = opening + List.of(lines).stream().mapToLong(MtLine::minor).sum();
        return ":20:ICBC20261031\n:25:" + bank + "\n:28C:00010/001\n:60F:C261001CNY"
                + decimal(opening).replace('.', ',') + "\n"
                + String.join("", List.of(lines).stream().map(MtLine::text).toList()) + ":62F:C261031CNY"
                + decimal(closing).replace('.', ',') + "\n-\n";
    }

    private static String tx(String e2e, String status, String reason) {
        String why = reason == null ? "" : "<StsRsnInf><Rsn><Cd>" + reason + "</Cd></Rsn></StsRsnInf>";
        return "<TxInfAndSts><OrgnlEndToEndId>" + e2e + "</OrgnlEndToEndId><TxSts>" + status + "</TxSts>" + why
                + "</TxInfAndSts>\n";
    }

    private static String pain002(String originalMessage, String... transactions) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
                  <CstmrPmtStsRpt>
                    <GrpHdr><MsgId>STS-%1$s</MsgId><CreDtTm>2026-10-19T16:00:00</CreDtTm></GrpHdr>
                    <OrgnlGrpInfAndSts><OrgnlMsgId>%1$s</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId></OrgnlGrpInfAndSts>
                    <OrgnlPmtInfAndSts><OrgnlPmtInfId>P1</OrgnlPmtInfId>
                %2$s    </OrgnlPmtInfAndSts>
                  </CstmrPmtStsRpt>
                </Document>
                """
                .formatted(originalMessage, String.join("", transactions));
    }

    private static String decimal(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }
}
