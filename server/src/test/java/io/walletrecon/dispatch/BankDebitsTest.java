package io.walletrecon.dispatch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.testing.MatchingRuns;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.walletrecon.dispatch.DispatchFixtures.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Supplier payments sent in a pain.001 followed to the end: the bank's status report (pain.002) and the debit on its
 * next camt.053, matched by a run over the bank account. Real files over HTTP, a real PostgreSQL.
 */
@QuarkusTest
class BankDebitsTest {

    /** A currency no other test's payment policy uses. */
    private static final String CUR = "DKK";
    private static final String IBAN = "DK5000400440116243";
    private static final String MAKER = finance("bea-debits");
    private static final String CHECKER = approver("carl-debits");
    private static final String FINANCE = finance("fiona-debits");

    @Inject
    DispatchService dispatch;

    private String account;
    private LocalDate today;

    @BeforeEach
    void setUp() {
        // Every payment above 0.00 needs one approval: created, approved, then released by the dispatcher.
        policy(CUR, 0, 1_000_000_000L, null, null, null);
        account = bankAccount(CUR, 100_000_000);
        today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void aPaymentTheBankAcceptedIsCompletedByItsDebitOnTheNextStatementAndARerunChangesNothing() {
        long id = submitted("1250.40", today);
        String e2e = providerPaymentId(id);
        assertEquals(EndToEndId.of(id), e2e);

        String report = pain002("03", TestData.unique("STS"), tx(e2e, "ACCP", null, null));
        receive(report).statusCode(201).body("repeated", equalTo(false))
                .body("transactions[0].result", equalTo("accepted"))
                .body("transactions[0].paymentId", equalTo((int) id));
        assertEquals("submitted", state(id));
        get(id).body("bankStatus", equalTo("accepted")).body("bankStatusCode", equalTo("ACCP"));
        receive(report).statusCode(200).body("repeated", equalTo(true))
                .body("transactions[0].result", equalTo("accepted"));
        assertEquals(1, TestDb.count("select count(*) from audit_log where action = 'payment-status-report.received' "
                + "and details::text like ?",
                "%" + report.substring(report.indexOf("<MsgId>") + 7,
                        report.indexOf("</MsgId>")) + "%"));

        importCamt(today, today, 500_000_00L, debit(-125040, today, e2e, IBAN, "Acme Supplies", "INV 77"));
        run(today, today);

        assertEquals("completed", state(id));
        assertEquals(125040L, TestDb.count("select processed_minor from payment_orders where id = ?", id));
        assertEquals(1, historyTo(id, "completed"));
        assertEquals("matching", TestDb.scalar(
                "select actor from payment_history where payment_id = ? and to_state = 'completed'", id));
        long match = TestDb.count("select m.id from matches m join match_items mi on mi.match_id = m.id "
                + "where mi.item_type = 'payment_order' and mi.item_id = ? and mi.live and m.kind = 'debit_payment'",
                id);
        given().header("Authorization", FINANCE).when().get("/matches/" + match).then().statusCode(200)
                .body("rule", equalTo("end_to_end_id")).body("status", equalTo("confirmed"));
        assertEquals(e2e, TestDb.scalar("select evidence ->> 'endToEndId' from matches where id = ?", match));
        assertEquals(1,
                TestDb.count("select count(*) from audit_log where action = 'payments.settled-by-bank-statement' "
                        + "and cast(details as jsonb) ->> 'account' = ? "
                        + "and cast(details as jsonb) -> 'orders' -> 'completed' @> cast(? as jsonb)", account,
                        "[" + id + "]"));

        JsonPath rerun = run(today, today);
        assertEquals(0, rerun.getMap("counts.matches").size(), "a rerun matches nothing again");
        assertEquals(1, historyTo(id, "completed"), "an order is completed once");
        assertEquals(0, exceptions("unexpected_debit") + exceptions("payment_not_debited"));
    }

    @Test
    void aRejectionFailsTheOrderWithTheBanksReasonShownOnThePaymentAndAnUnknownEndToEndIdIsReported() {
        long id = submitted("99.60", today);
        String e2e = providerPaymentId(id);

        receive(pain002("10", TestData.unique("STS"), tx(e2e, "RJCT", "AC04", "Konto aufgelöst"),
                tx("e2e-999999999", "ACCP", null, null)))
                .statusCode(201)
                .body("transactions[0].result", equalTo("failed"))
                .body("transactions[0].reasonCode", equalTo("AC04"))
                .body("transactions[1].result", equalTo("unknown_end_to_end_id"))
                .body("counts.failed", equalTo(1)).body("counts.unknown_end_to_end_id", equalTo(1));

        assertEquals("failed", state(id));
        get(id).body("failureReason", containsString("AC04 (Closed account number): Konto aufgelöst"))
                .body("bankStatus", equalTo("rejected")).body("bankReasonCode", equalTo("AC04"))
                .body("history.to", hasItem("failed"));
        assertEquals(1, alerts(id, "PAYMENT_FAILED"));
    }

    @Test
    void aReportWithoutTransfersAppliesItsGroupStatusToEveryPaymentOfTheFile() {
        long id = submitted("10.00", today);
        String messageId = TestDb
                .scalar("select f.message_id from bank_files f join payment_orders p on p.bank_file_id = f.id "
                        + "where p.id = ?", id);
        String report = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03">
                  <CstmrPmtStsRpt>
                    <GrpHdr><MsgId>%s</MsgId><CreDtTm>2026-11-02T08:00:00</CreDtTm></GrpHdr>
                    <OrgnlGrpInfAndSts><OrgnlMsgId>%s</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId>
                      <GrpSts>PDNG</GrpSts></OrgnlGrpInfAndSts>
                  </CstmrPmtStsRpt>
                </Document>
                """.formatted(TestData.unique("STS"), messageId);
        receive(report).statusCode(201).body("transactions[0].result", equalTo("pending"));
        get(id).body("bankStatus", equalTo("pending")).body("state", equalTo("submitted"));
    }

    @Test
    void aMalformedReportIsRefusedWithItsLineAndChangesNothing() {
        long id = submitted("11.00", today);
        String broken = pain002("03", TestData.unique("STS"), tx(providerPaymentId(id), "RJCT", "AC04", null))
                .replace("</TxSts>", "</TxStatus>");
        receive(broken).statusCode(422).contentType("application/problem+json")
                .body("errors[0].line", equalTo(9));
        receive("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"/>").statusCode(422)
                .body("detail", containsString("not a pain.002"));
        assertEquals("submitted", state(id));
    }

    @Test
    void aDebitOfAnotherAmountRaisesAMismatchAndAnAlertAndTheOrderStaysSubmitted() {
        long id = submitted("300.00", today);
        importCamt(today, today, 500_000_00L, debit(-30500, today, providerPaymentId(id), IBAN, "Acme", null));

        run(today, today);
        run(today, today);

        assertEquals("submitted", state(id));
        assertEquals(1, exceptions("debit_amount_mismatch"), "raised once, not again by the rerun");
        assertEquals(id,
                TestDb.count("select payment_order_id from recon_exceptions where type = 'debit_amount_mismatch' "
                        + "and account_id = (select id from accounts where code = ?)", account));
        assertEquals(1, alerts(id, "DEBIT_AMOUNT_MISMATCH"));
        assertEquals(0, exceptions("unexpected_debit"), "the debit is explained, by another amount");
    }

    @Test
    void anOrderNotDebitedWithinItsBusinessDaysIsRaisedOnlyOnceTheStatementsAreInAndResolvedWhenTheDebitArrives() {
        LocalDate monday = today.minusDays(21).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long id = submitted("42.00", today);
        // Executed three weeks ago; the account's balance fixture would count as a statement of every day.
        TestDb.update("update payment_orders set execute_on = ? where id = ?", monday, id);
        TestDb.update("delete from statements where account_id = (select id from accounts where code = ?)", account);

        // Monday and Tuesday are in, Wednesday (the second business day after Monday) is not: not known yet.
        assertEquals(0, notDebitedWithStatementsOf(monday, monday.plusDays(1), monday));
        assertEquals(1, notDebitedWithStatementsOf(monday.plusDays(2), monday.plusDays(4), monday));
        assertEquals(id,
                TestDb.count("select payment_order_id from recon_exceptions where type = 'payment_not_debited' "
                        + "and account_id = (select id from accounts where code = ?)", account));

        LocalDate nextMonday = monday.plusDays(7);
        importCamt(nextMonday, nextMonday, 1_000_00L, debit(-4200, nextMonday, null, IBAN, "Acme",
                "PAYMENT " + providerPaymentId(id).toUpperCase() + " INVOICE 12"));
        run(nextMonday, nextMonday);

        assertEquals("completed", state(id));
        assertEquals("resolved", TestDb.scalar("select status from recon_exceptions where type = 'payment_not_debited' "
                + "and payment_order_id = ?", id));
    }

    @Test
    void aBankHolidayOfTheAccountIsNotABusinessDayBeforeAnOrderIsNotDebited() {
        LocalDate monday = today.minusDays(21).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long id = submitted("43.00", today);
        TestDb.update("update payment_orders set execute_on = ? where id = ?", monday, id);
        TestDb.update("delete from statements where account_id = (select id from accounts where code = ?)", account);
        String tuesday = monday.plusDays(1).toString();
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("bankHolidays", java.util.List.of(tuesday, tuesday)))
                .when().put("/matching/config/" + account).then().statusCode(200)
                .body("bankHolidays", equalTo(java.util.List.of(tuesday)));

        // Monday to Wednesday are in; with Tuesday a holiday the second business day after Monday is Thursday.
        assertEquals(0, notDebitedWithStatementsOf(monday, monday.plusDays(2), monday));
        assertEquals(1, notDebitedWithStatementsOf(monday.plusDays(3), monday.plusDays(4), monday));
    }

    /**
     * Imports the account's statement of {@code from..to}, runs the week of {@code monday} and counts the account's
     * {@code payment_not_debited} exceptions.
     */
    private long notDebitedWithStatementsOf(LocalDate from, LocalDate to, LocalDate monday) {
        importCamt(from, to, 1_000_00L);
        run(monday, monday.plusDays(4));
        return exceptions("payment_not_debited");
    }

    @Test
    void aDebitNoOrderExplainsIsAnUnexpectedDebitAtOnceAndOnlyOnce() {
        importCamt(today, today, 500_000_00L, debit(-7700, today, null, "DE02120300000000202051", "Unknown GmbH",
                "CARD 4711"));
        run(today, today);
        run(today, today);
        assertEquals(1, exceptions("unexpected_debit"));
    }

    @Test
    void aPersonMatchesAnUnexpectedDebitToItsOrderByHandAndTheNextRunCompletesTheOrder() {
        long order = submitted("77.00", today);
        long other = submitted("80.00", today);
        // executed three weeks ago and debited today to an account the order does not name: no rule can pair them
        TestDb.update("update payment_orders set execute_on = ? where id = ?", today.minusDays(21), order);
        importCamt(today, today, 500_000_00L, debit(-7700, today, null, "DE02120300000000202051", "Acme Holding",
                "SAMMELUEBERWEISUNG"), debit(2500, today, null, "DE02120300000000202051", "Acme Holding", "REFUND"));
        run(today, today);
        assertEquals(1, exceptions("unexpected_debit"));
        long debit = TestDb.count("select id from statement_lines where account_id = (select id from accounts "
                + "where code = ?) and amount_minor = -7700", account);
        long credit = TestDb.count("select id from statement_lines where account_id = (select id from accounts "
                + "where code = ?) and amount_minor = 2500", account);

        handMatch(debit, other).statusCode(422).contentType("application/problem+json")
                .body("errors[0].message", containsString("differ"));
        handMatch(credit, order).statusCode(422).body("errors[0].message", containsString("is not a debit"));
        long match = handMatch(debit, order).statusCode(201).body("kind", equalTo("debit_payment"))
                .body("rule", equalTo("manual")).extract().jsonPath().getLong("id");
        handMatch(debit, order).statusCode(422).body("errors[0].message", containsString("already"));
        assertEquals(1, TestDb.count("select count(*) from audit_log where action = 'match.created' and entity_id = ?",
                String.valueOf(match)));

        run(today, today);

        assertEquals("completed", state(order));
        assertEquals(7700L, TestDb.count("select processed_minor from payment_orders where id = ?", order));
        assertEquals("submitted", state(other));
        assertEquals("resolved", TestDb.scalar("select status from recon_exceptions where type = 'unexpected_debit' "
                + "and statement_line_id = ?", debit));
    }

    private ValidatableResponse handMatch(long line, long order) {
        return given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("account", account, "kind", "debit_payment", "reason", "paid through the card account",
                        "items", java.util.List.of(Map.of("side", "left", "type", "statement_line", "id", line),
                                Map.of("side", "right", "type", "payment_order", "id", order))))
                .when().post("/matches").then();
    }

    @Test
    void aDebitToTheCompanysOwnAccountIsATransferMatchedToItsCreditNotAnUnexpectedDebit() {
        String number = "DK" + String.format("%016d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(),
                10_000_000_000_000_000L));
        String savings = io.walletrecon.testing.Accounts.createBank(TestData.unique("bk-own"), CUR, "Europe/Berlin",
                number);
        String spaced = number.substring(0, 4) + " " + number.substring(4, 8) + " " + number.substring(8);
        importCamt(today, today, 500_000_00L, debit(-20000_00, today, null, spaced, "Own savings", "TRANSFER"),
                debit(-3300, today, null, "DE02120300000000202051", "Unknown GmbH", "CARD 4712"));
        importCamt(savings, today, today, 0, debit(20000_00, today, null, null, "Us", "TRANSFER"));

        run(today, today);
        runOf(savings, today);

        assertEquals(1, exceptions("unexpected_debit"), "only the card payment: the transfer is ours");
        assertEquals(1, TestDb.count("select count(*) from matches m where m.account_id = (select id from accounts "
                + "where code = ?) and m.kind = 'settlement_bank' and m.rule = 'own_account_transfer' "
                + "and m.status = 'confirmed' and m.left_total_minor = 2000000 and m.difference_minor = 0", account));
        assertEquals(0, TestDb.count("select count(*) from recon_exceptions where account_id = (select id from "
                + "accounts where code = ?)", savings),
                "the credit on our savings account is not a customer's receipt");
    }

    @Test
    void aDebitToTheBeneficiaryAccountWithoutAnEndToEndIdCompletesTheOrder() {
        long id = submitted("55.00", today);
        importCamt(today, today, 500_000_00L, debit(-5500, today, null, "DK50 0040 0440 1162 43", "Acme", "SEPA"));
        run(today, today);
        assertEquals("completed", state(id));
        assertEquals("beneficiary_amount_date", TestDb.scalar("select m.rule from matches m join match_items mi "
                + "on mi.match_id = m.id where mi.item_type = 'payment_order' and mi.item_id = ?", id));
    }

    @Test
    void aCreditThatNamesTheOrdersEndToEndIdReturnsIt() {
        long id = submitted("80.00", today);
        String e2e = providerPaymentId(id);
        importCamt(today, today, 500_000_00L, debit(-8000, today, e2e, IBAN, "Acme", null),
                debit(8000, today, e2e, IBAN, "Acme", "RETURN AC04"));
        run(today, today);
        run(today, today);
        assertEquals("returned", state(id));
        assertEquals(1, historyTo(id, "completed"));
        assertEquals(1, historyTo(id, "returned"));
        assertEquals(1, alerts(id, "PAYMENT_FAILED"));
        assertEquals(0, exceptions("unidentified_receipt") + exceptions("unmatched_receipt"),
                "the returned money is the order's, not a customer's receipt");
        assertEquals(1, TestDb.count("select count(*) from matches m join match_items l on l.match_id = m.id "
                + "and l.side = 'left' and l.item_type = 'statement_line' and l.live "
                + "join statement_lines sl on sl.id = l.item_id and sl.amount_minor = 8000 "
                + "join match_items r on r.match_id = m.id and r.side = 'right' and r.item_type = 'payment_order' "
                + "and r.item_id = ? and r.live where m.kind = 'payment_return' and m.status = 'confirmed' "
                + "and m.rule = 'return_end_to_end_id' and m.difference_minor = 0", id),
                "the return credit is explained: matched to the order it returns, once");
    }

    @Test
    void aRejectedSuggestionIsNotProposedAgain() {
        long id = submitted("66.00", today);
        importCamt(today, today, 500_000_00L, debit(-6600, today, null, null, "Someone", null));
        run(today, today);
        long match = TestDb.count("select m.id from matches m join match_items mi on mi.match_id = m.id "
                + "where mi.item_type = 'payment_order' and mi.item_id = ? and m.status = 'suggested'", id);
        given().header("Authorization", FINANCE).contentType(ContentType.JSON).body(Map.of("comment", "not ours"))
                .when().post("/matches/" + match + "/reject").then().statusCode(200);
        run(today, today);
        assertEquals(1,
                TestDb.count("select count(*) from match_items where item_type = 'payment_order' and item_id = ?",
                        id));
        assertEquals("submitted", state(id));
    }

    @Test
    void theBusinessDaysBeforePaymentNotDebitedAreConfiguredValidatedAndAudited() {
        given().header("Authorization", ADMIN).when().get("/matching/config/" + account).then().statusCode(200)
                .body("notDebitedAfterBusinessDays", equalTo(2));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("notDebitedAfterBusinessDays", 31)).when().put("/matching/config/" + account).then()
                .statusCode(400).body("errors[0].field", equalTo("notDebitedAfterBusinessDays"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("notDebitedAfterBusinessDays", 5)).when().put("/matching/config/" + account).then()
                .statusCode(200).body("notDebitedAfterBusinessDays", equalTo(5));
        assertEquals(1, TestDb.count("select count(*) from audit_log where action = 'matching.config.updated' "
                + "and entity_id = ? and cast(details as jsonb) ->> 'notDebitedAfterBusinessDays' = '5'", account));
    }

    // --- fixtures -----------------------------------------------------------------------------------------------

    /** A supplier payment of {@code amount} created, approved by another person and sent in a pain.001. */
    private long submitted(String amount, LocalDate on) {
        Map<String, Object> body = BankFileTest.supplier(account, amount, "Acme Supplies", IBAN, "DABADKKKXXX",
                TestData.unique("ref"), on);
        body.put("currency", CUR);
        long id = create(MAKER, body);
        given().header("Authorization", CHECKER).contentType(ContentType.JSON).body(Map.of("comment", "ok"))
                .when().post("/payments/" + id + "/approvals").then().statusCode(200);
        ReactiveBridge.await(dispatch::dispatchDue);
        assertEquals("submitted", state(id));
        return id;
    }

    private long exceptions(String type) {
        return TestDb.count("select count(*) from recon_exceptions where type = ? and account_id = "
                + "(select id from accounts where code = ?)", type, account);
    }

    private static ValidatableResponse receive(String xml) {
        return given().header("Authorization", FINANCE).contentType("application/xml")
                .body(xml.getBytes(StandardCharsets.UTF_8)).when().post("/payment-status-reports").then();
    }

    private static String tx(String e2e, String status, String reason, String text) {
        String why = reason == null
                ? ""
                : "<StsRsnInf><Rsn><Cd>" + reason + "</Cd></Rsn>"
                        + (text == null ? "" : "<AddtlInf>" + text + "</AddtlInf>") + "</StsRsnInf>";
        return """
                      <TxInfAndSts>
                        <OrgnlEndToEndId>%s</OrgnlEndToEndId>
                        <TxSts>%s</TxSts>%s
                      </TxInfAndSts>
                """.formatted(e2e, status, why);
    }

    /** A pain.002.001.{@code version} report; its first transfer's TxSts is on line 9. */
    private static String pain002(String version, String messageId, String... transactions) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.%s">
                  <CstmrPmtStsRpt>
                    <GrpHdr><MsgId>%s</MsgId><CreDtTm>2026-11-02T08:00:00</CreDtTm></GrpHdr>
                    <OrgnlGrpInfAndSts><OrgnlMsgId>WR-1-1</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId></OrgnlGrpInfAndSts>
                    <OrgnlPmtInfAndSts><OrgnlPmtInfId>P1</OrgnlPmtInfId>
                %s    </OrgnlPmtInfAndSts>
                  </CstmrPmtStsRpt>
                </Document>
                """
                .formatted(version, messageId, String.join("", transactions));
    }

    /** A camt.053 entry: negative {@code minor} a debit (to the creditor), positive a credit (from the debtor). */
    private String debit(long minor, LocalDate day, String e2e, String counterpartyIban, String name, String text) {
        boolean out = minor < 0;
        String party = out ? "Cdtr" : "Dbtr";
        return """
                <Ntry><NtryRef>%1$s</NtryRef><Amt Ccy="%2$s">%3$s</Amt><CdtDbtInd>%4$s</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                  <BookgDt><Dt>%5$s</Dt></BookgDt><ValDt><Dt>%5$s</Dt></ValDt><AcctSvcrRef>%1$s</AcctSvcrRef>
                  <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                  <NtryDtls><TxDtls><Refs><EndToEndId>%6$s</EndToEndId></Refs>
                    <RltdPties><%7$s><Pty><Nm>%8$s</Nm></Pty></%7$s>%9$s</RltdPties>%10$s
                  </TxDtls></NtryDtls></Ntry>
                """
                .formatted(TestData.unique("ref"), CUR, BigDecimal.valueOf(Math.abs(minor), 2).toPlainString(),
                        out ? "DBIT" : "CRDT", day, e2e == null ? "NOTPROVIDED" : e2e, party, name,
                        counterpartyIban == null
                                ? ""
                                : "<" + party + "Acct><Id><IBAN>" + counterpartyIban + "</IBAN></Id></"
                                        + party + "Acct>",
                        text == null ? "" : "<RmtInf><Ustrd>" + text + "</Ustrd></RmtInf>");
    }

    /** Imports a balanced camt.053 of the account over {@code from..to} with {@code entries}. */
    private void importCamt(LocalDate from, LocalDate to, long opening, String... entries) {
        importCamt(account, from, to, opening, entries);
    }

    /**
     * Imports a balanced camt.053 of account {@code code} (named in the file by its number, if it has one) over
     * {@code from..to} with {@code entries}.
     */
    private void importCamt(String code, LocalDate from, LocalDate to, long opening, String... entries) {
        long sum = 0;
        for (String e : entries) {
            String amount = e.substring(e.indexOf('>', e.indexOf("<Amt")) + 1, e.indexOf("</Amt>"));
            long minor = new BigDecimal(amount).movePointRight(2).longValueExact();
            sum += e.contains("<CdtDbtInd>DBIT") ? -minor : minor;
        }
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>%3$sT06:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%1$s</Id>
                      <FrToDt><FrDtTm>%2$sT00:00:00</FrDtTm><ToDtTm>%3$sT23:59:59</ToDtTm></FrToDt>
                      <Acct><Id><Othr><Id>%4$s</Id></Othr></Id><Ccy>%5$s</Ccy></Acct>
                      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="%5$s">%6$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%2$s</Dt></Dt></Bal>
                      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="%5$s">%7$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%3$s</Dt></Dt></Bal>
                      %8$s
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(TestData.unique("stmt"), from, to,
                TestDb.<String>scalar("select coalesce(account_number, code) from accounts where code = ?", code), CUR,
                BigDecimal.valueOf(opening, 2).toPlainString(), BigDecimal.valueOf(opening + sum, 2).toPlainString(),
                String.join("", entries));
        given().header("Authorization", FINANCE).queryParam("account", code).contentType("application/xml")
                .body(xml.getBytes(StandardCharsets.UTF_8)).when().post("/statements").then().statusCode(201);
    }

    /** A manual matching run of the account over {@code from..to}, waited for; it must succeed. */
    private JsonPath run(LocalDate from, LocalDate to) {
        return runOf(account, from, to);
    }

    private JsonPath runOf(String code, LocalDate day) {
        return runOf(code, day, day);
    }

    /** A manual matching run of account {@code code} over {@code from..to}, waited for; it must succeed. */
    private JsonPath runOf(String code, LocalDate from, LocalDate to) {
        JsonPath run = MatchingRuns.run(code, from.toString(), to.toString());
        assertEquals("succeeded", run.getString("state"), run.prettify());
        return run;
    }
}
