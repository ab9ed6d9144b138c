package io.walletrecon.statements;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.walletrecon.statements.BankFiles.Entry;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.walletrecon.statements.BankFiles.ADMIN;
import static io.walletrecon.statements.BankFiles.FINANCE;
import static io.walletrecon.statements.BankFiles.accountId;
import static io.walletrecon.statements.BankFiles.lines;
import static io.walletrecon.statements.BankFiles.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The bank's reports of the day so far (camt.054, camt.052, MT942): their lines are matched at once, and the day's
 * statement takes each over as the same entry, without a second line, with its matches intact and its balances
 * adding up.
 */
@QuarkusTest
class IntradayReportsApiTest {

    static final String DAY = "2031-05-03";

    @Test
    void aNotifiedPayoutCreditIsMatchedAtOnceAndTheDaysStatementKeepsThatLineAndItsMatch() {
        String wallet = TestData.unique("stripe");
        Accounts.createStripe(wallet, "whsec_" + wallet);
        String bank = Accounts.createBank(TestData.unique("bank"), "USD", "America/New_York");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("settlementAccount", bank)).when().put("/matching/config/" + wallet)
                .then().statusCode(200);
        String payout = "po_" + wallet;
        transaction(wallet, "ch_" + wallet, "payment", "in", 10000, 320L, payout, LocalDate.parse("2031-05-01"));
        transaction(wallet, payout, "payout", "out", 9680, null, payout, LocalDate.parse("2031-05-02"));

        Entry credit = Entry.credit("96.80", DAY).ntryRef("N-1").e2e("E2E-" + wallet)
                .remittance("STRIPE TRANSFER " + payout);
        String notification = BankFiles.camt054("NTF-" + wallet, "USD", credit);
        long report = upload(bank, notification).statusCode(201).body("format", equalTo("camt054"))
                .body("inserted", equalTo(1)).body("closingBalanceMinor", nullValue())
                .extract().jsonPath().getLong("statementId");
        long line = TestDb.count("select id from statement_lines where account_id = ?", accountId(bank));

        JsonPath run = run(wallet, "2031-05-01", DAY);
        assertEquals(1, run.getInt("counts.matches.payout_reference"));
        long match = TestDb.count("select match_id from match_items where item_type = 'statement_line' and item_id = ?"
                + " and live", line);

        String statement = BankFiles.camt053("STMT-" + wallet, "USD", DAY, 100000,
                credit.ref("BANK-" + wallet), Entry.debit("2.50", DAY).ref("FEE-" + wallet).code("PMNT/MDOP/CHRG"));
        JsonPath imported = upload(bank, statement).statusCode(201).body("statements[0].lines", equalTo(2))
                .body("statements[0].inserted", equalTo(1)).body("statements[0].confirmed", equalTo(1))
                .body("openingBalanceMinor", equalTo(100000)).body("closingBalanceMinor", equalTo(100000 + 9680 - 250))
                .extract().jsonPath();
        long day = imported.getLong("statementId");

        assertEquals(2, lines(bank), "the notified credit is one line, not two");
        assertEquals(day, TestDb.count("select statement_id from statement_lines where id = ?", line));
        assertEquals(report, TestDb.count("select reported_statement_id from statement_lines where id = ?", line));
        assertEquals("BANK-" + wallet,
                TestDb.scalar("select bank_reference from statement_lines where id = ?", line));
        assertEquals(1, TestDb.count("select count(*) from matches m join match_items i on i.match_id = m.id"
                + " where m.id = ? and m.status = 'confirmed' and i.item_type = 'statement_line' and i.item_id = ?"
                + " and i.live", match, line), "the match made on the notified line stands");
        assertEquals(List.of(9680L, -250L), amounts(day), "the day's lines add up from opening to closing");

        upload(bank, notification).statusCode(200);
        upload(bank, statement).statusCode(200);
        upload(bank, BankFiles.camt054("NTF2-" + wallet, "USD", credit.ref("BANK-" + wallet))).statusCode(201)
                .body("inserted", equalTo(0));
        assertEquals(2, lines(bank), "re-imports and a later report of the same entry add nothing");
        JsonPath again = run(wallet, "2031-05-01", DAY);
        assertEquals(1, TestDb.count("select count(*) from match_items where item_type = 'statement_line'"
                + " and item_id = ? and live", line), "a rerun keeps the one match: " + again.prettify());

        given().header("Authorization", FINANCE).queryParam("account", bank).when().get("/statements").then()
                .statusCode(200).body("total", equalTo(3))
                .body("items[0].id", equalTo((int) day)).body("items[0].format", equalTo("camt053"))
                .body("items[0].intraday", equalTo(false)).body("items[0].periodStart", equalTo(DAY))
                .body("items[0].openingBalanceMinor", equalTo(100000))
                .body("items[0].lines", equalTo(2)).body("items[0].matched", equalTo(1))
                .body("items[0].classified", equalTo(1)).body("items[0].unmatched", equalTo(0))
                .body("items[1].id", equalTo((int) report)).body("items[1].intraday", equalTo(true))
                .body("items[1].openingBalanceMinor", nullValue()).body("items[1].closingBalanceMinor", nullValue())
                .body("items[1].periodEnd", equalTo(DAY)).body("items[1].lines", equalTo(1))
                .body("items[1].matched", equalTo(1)).body("items[1].confirmedBy", equalTo(List.of((int) day)))
                .body("items[1].importedBy", containsString("fiona"))
                .body("items[2].lines", equalTo(0)).body("items[2].periodEnd", nullValue());
        given().header("Authorization", FINANCE).when().get("/statements/" + day + "/lines").then()
                .statusCode(200).body("total", equalTo(2))
                .body("items[0].id", equalTo((int) line)).body("items[0].matchState", equalTo("matched"))
                .body("items[0].matchId", equalTo((int) match)).body("items[0].matchKind", equalTo("settlement_bank"))
                .body("items[0].reportedStatementId", equalTo((int) report))
                .body("items[0].remittance", equalTo("STRIPE TRANSFER " + payout))
                .body("items[0].endToEndId", equalTo("E2E-" + wallet))
                .body("items[1].kind", equalTo("fee")).body("items[1].amountMinor", equalTo(-250))
                .body("items[1].matchState", equalTo("unmatched")).body("items[1].matchId", nullValue());
    }

    @Test
    void aReportWithoutTheBanksReferenceIsTheSameEntryByEndToEndIdAmountAndDate() {
        String bank = Accounts.createBank(TestData.unique("rpt"), "EUR", "Europe/Berlin");
        Entry transfer = Entry.credit("50.00", DAY).e2e("E-" + bank).remittance("Invoice 7");
        long report = upload(bank, BankFiles.camt052("RPT-" + bank, "EUR", transfer)).statusCode(201)
                .body("format", equalTo("camt052")).extract().jsonPath().getLong("statementId");
        long line = TestDb.count("select id from statement_lines where account_id = ?", accountId(bank));

        upload(bank, BankFiles.camt053("ST-" + bank, "EUR", DAY, 0, transfer.ref("R-" + bank),
                Entry.credit("50.00", DAY).ref("R2-" + bank).e2e("OTHER"))).statusCode(201)
                .body("statements[0].confirmed", equalTo(1)).body("statements[0].inserted", equalTo(1));

        assertEquals(2, lines(bank), "same e2e, amount and day is the reported line; another e2e is another line");
        assertEquals(report, TestDb.count("select reported_statement_id from statement_lines where id = ?", line));
    }

    @Test
    void aNotificationAfterTheDaysStatementAddsNoLine() {
        String bank = Accounts.createBank(TestData.unique("late"), "EUR", "Europe/Berlin");
        Entry transfer = Entry.credit("75.00", DAY).ntryRef("NR-1").e2e("E-" + bank);
        upload(bank, BankFiles.camt053("ST-" + bank, "EUR", DAY, 1000, transfer.ref("R-" + bank))).statusCode(201);
        upload(bank, BankFiles.camt054("N-" + bank, "EUR", transfer)).statusCode(201).body("inserted", equalTo(0))
                .body("alreadyPresent", equalTo(1));
        assertEquals(1, lines(bank));
    }

    @Test
    void anMt942LineIsTakenOverByTheDaysMt940() {
        String bank = Accounts.createBank(TestData.unique("mt942"), "EUR", "Europe/Amsterdam");
        String mt942 = """
                :20:INTRA1
                :25:NL00TEST0123456789
                :28C:1/1
                :34F:EURC0,
                :13D:3105031200+0200
                :61:310503C50,00NTRFNONREF//B-1
                :86:/REMI/USTD//Invoice 1/
                :90C:1EUR50,00
                -
                """;
        String mt940 = """
                :20:STMT1
                :25:NL00TEST0123456789
                :28C:1/1
                :60F:C310502EUR100,00
                :61:310503C50,00NTRFNONREF//B-1
                :86:/REMI/USTD//Invoice 1/
                :61:310503D1,20NCHGNONREF//B-2
                :86:Kosten
                :62F:C310503EUR148,80
                -
                """;
        long report = mt(bank, mt942).statusCode(201).body("format", equalTo("mt942"))
                .body("closingBalanceMinor", nullValue()).extract().jsonPath().getLong("statementId");
        long line = TestDb.count("select id from statement_lines where account_id = ?", accountId(bank));
        long day = mt(bank, mt940).statusCode(201).body("statements[0].confirmed", equalTo(1))
                .body("statements[0].lines", equalTo(2)).extract().jsonPath().getLong("statementId");

        assertEquals(2, lines(bank));
        assertEquals(day, TestDb.count("select statement_id from statement_lines where id = ?", line));
        assertEquals(report, TestDb.count("select reported_statement_id from statement_lines where id = ?", line));
        assertEquals("fee", BankFiles.kind(bank, "B-2"));
        mt(bank, mt942).statusCode(200);
        mt(bank, mt940).statusCode(200);
        assertEquals(2, lines(bank));
        given().header("Authorization", FINANCE).when().get("/statements/" + report + "/lines").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].statementId", equalTo((int) day))
                .body("items[0].matchState", equalTo("unmatched"));
    }

    @Test
    void aCorrectedStatementReplacingTheDayGivesTheReportedLinesBackFirst() {
        String bank = Accounts.createBank(TestData.unique("repl"), "EUR", "Europe/Berlin");
        Entry transfer = Entry.credit("10.00", DAY).e2e("E-" + bank);
        long report = upload(bank, BankFiles.camt054("N-" + bank, "EUR", transfer)).statusCode(201).extract()
                .jsonPath().getLong("statementId");
        long line = TestDb.count("select id from statement_lines where account_id = ?", accountId(bank));
        upload(bank, BankFiles.camt053("ST-" + bank, "EUR", DAY, 0, transfer.ref("R-" + bank))).statusCode(201);
        String corrected = BankFiles.camt053("ST-" + bank, "EUR", DAY, 0, transfer.ref("R-" + bank),
                Entry.credit("5.00", DAY).ref("R2-" + bank));
        given().header("Authorization", FINANCE).contentType("application/octet-stream").queryParam("account", bank)
                .queryParam("replace", true).body(corrected.getBytes(StandardCharsets.UTF_8))
                .when().post("/statements").then().statusCode(201).body("statements[0].confirmed", equalTo(1));
        assertEquals(2, lines(bank));
        assertNotNull(TestDb.scalar("select statement_id from statement_lines where id = ?", line));
        assertEquals(report, TestDb.count("select reported_statement_id from statement_lines where id = ?", line));
    }

    @Test
    void anIntradayReportDoesNotCloseItsDaysForAbsencesButTheDaysStatementsDo() {
        String wallet = TestData.unique("late-po");
        Accounts.createStripe(wallet, "whsec_" + wallet);
        String bank = Accounts.createBank(TestData.unique("late-bank"), "USD", "America/New_York");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("settlementAccount", bank, "settlementAfterDays", 2)).when()
                .put("/matching/config/" + wallet).then().statusCode(200);
        transaction(wallet, "po_" + wallet, "payout", "out", 7000, null, "po_" + wallet,
                LocalDate.parse("2031-07-01"));
        List<String> days = List.of("2031-07-01", "2031-07-02", "2031-07-03", "2031-07-04");
        Entry[] other = days.stream().map(d -> Entry.credit("1.00", d).e2e("OTHER-" + d)).toArray(Entry[]::new);
        upload(bank, BankFiles.camt054("N-" + bank, "USD", other)).statusCode(201);

        JsonPath early = run(wallet, "2031-07-01", "2031-07-04");
        assertEquals(0, TestDb.count("select count(*) from recon_exceptions where account_id = ?"
                + " and type = 'settlement_not_arrived'", accountId(wallet)), early.prettify());

        for (int i = 0; i < days.size(); i++) {
            upload(bank, BankFiles.camt053("S" + i + "-" + bank, "USD", days.get(i), 100 * i,
                    other[i].ref("R-" + i))).statusCode(201).body("statements[0].confirmed", equalTo(1));
        }
        run(wallet, "2031-07-01", "2031-07-04");
        assertEquals(1, TestDb.count("select count(*) from recon_exceptions where account_id = ?"
                + " and type = 'settlement_not_arrived'", accountId(wallet)));
    }

    static io.restassured.response.ValidatableResponse mt(String account, String file) {
        return given().header("Authorization", FINANCE).contentType("application/octet-stream")
                .queryParam("account", account).body(file.getBytes(StandardCharsets.US_ASCII))
                .when().post("/statements").then();
    }

    static List<Long> amounts(long statement) {
        List<Long> out = new java.util.ArrayList<>();
        try (var c = TestDb.connect();
                var ps = c.prepareStatement(
                        "select amount_minor from statement_lines where statement_id = ? order by id")) {
            ps.setLong(1, statement);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static void transaction(String account, String txnId, String kind, String direction, long amount, Long fee,
            String payout, LocalDate day) {
        TestDb.update("insert into transactions (account_id, provider_txn_id, kind, direction, amount_minor, fee_minor,"
                + " currency, status, payout_id, occurred_at, value_date, source) values (?, ?, ?, ?, ?, ?, 'USD',"
                + " 'succeeded', ?, ?, ?, 'bill')", accountId(account), txnId, kind, direction, amount, fee, payout,
                java.sql.Timestamp.valueOf(day.atTime(12, 0)), day);
    }

    static JsonPath run(String account, String from, String to) {
        long id = given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("account", account, "from", from, "to", to)).when().post("/matching/runs")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath r = given().header("Authorization", FINANCE).when().get("/matching/runs/" + id).then()
                    .statusCode(200).extract().jsonPath();
            if (!r.getString("state").equals("queued") && !r.getString("state").equals("running")) {
                assertEquals("succeeded", r.getString("state"), r.prettify());
                return r;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        fail("run " + id + " did not finish");
        return null;
    }
}
