package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.TestDb;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A run over a bank account matches the company's bank journal (imported over HTTP) against the account's statement
 * lines: by voucher reference, by amount and date, many entries to one line and one entry to many lines; a rerun
 * changes nothing, a person's rejection stands, and what is left is listed for the reconciliation statement.
 */
@QuarkusTest
class LedgerRulesTest {

    private static Fixtures bank() {
        return Fixtures.account("bank", "CNY");
    }

    /** Imports {@code rows} (date offset, voucher, amount in yuan) as the bank journal of {@code f}. */
    private static void journal(Fixtures f, String... rows) {
        StringBuilder csv = new StringBuilder("日期,凭证号,摘要,金额\n");
        for (String row : rows) {
            String[] cells = row.split(";");
            csv.append(f.day(Integer.parseInt(cells[0]))).append(',').append(cells[1]).append(",memo,")
                    .append(cells[2]).append('\n');
        }
        given().header("Authorization", Fixtures.FINANCE).contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .when().post("/ledger-entries/import?account=" + f.code).then().statusCode(200);
    }

    /** A bank line of {@code f}'s statement: signed amount, kind, day, remittance text. */
    private static long line(Fixtures f, long statement, String kind, long amount, int day, String remittance) {
        return TestDb.count(
                "insert into statement_lines (statement_id, account_id, line_no, line_key, kind, value_date, amount_minor, currency, "
                        + "remittance_info) values (?, ?, 1, ?, ?, ?, ?, ?, ?) returning id",
                statement, f.account, "lg-" + statement + "-" + amount + "-" + day + "-" + remittance, kind, f.day(day),
                amount, f.currency, remittance);
    }

    private static long entry(Fixtures f, String voucher) {
        return TestDb.count("select id from ledger_entries where account_id = ? and voucher_no = ?", f.account,
                voucher);
    }

    /** The statement lines of the live ledger_bank match that claims {@code entryId}, as the list shows them. */
    private static JsonPath listed(Fixtures f) {
        return given().header("Authorization", Fixtures.FINANCE).when().get("/ledger-entries?account=" + f.code)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> entryView(Fixtures f, long entryId) {
        return listed(f).getMap("items.find { it.id == " + entryId + " }");
    }

    private static long ledgerMatches(Fixtures f) {
        return TestDb.count("select count(*) from matches where account_id = ? and kind = 'ledger_bank'", f.account);
    }

    @Test
    void anEntryMatchesTheLineThatCarriesItsVoucherNumberWhereAmountAndDateAloneWouldBeAGuess() {
        Fixtures f = bank();
        long st = f.statement(0, 10);
        long other = line(f, st, "payment", -500000, 2, "SUPPLIER PAYMENT MARCH");
        long carrying = line(f, st, "payment", -500000, 2, "/ROC/PAY-2031 0302-77 SUPPLIER");
        journal(f, "2;PAY-20310302-77;-5000.00");

        JsonPath run = f.run(0, 10);

        assertEquals(Map.of("ledger_reference", 1), run.getMap("counts.matches"));
        Map<String, Object> view = entryView(f, entry(f, "PAY-20310302-77"));
        assertEquals("matched", view.get("matchState"));
        assertEquals("ledger_reference", view.get("matchRule"));
        assertEquals(List.of((int) carrying), view.get("statementLineIds"));
        assertEquals(1, TestDb.count("select count(*) from matches where account_id = ? and kind = 'ledger_bank' "
                + "and status = 'confirmed' and evidence ->> 'entryField' = 'voucher' "
                + "and evidence ->> 'lineField' = 'remittanceInfo' and evidence ->> 'value' = 'PAY-20310302-77' "
                + "and difference_minor = 0", f.account));
        assertEquals(0, TestDb.count("select count(*) from match_items where item_type = 'statement_line' "
                + "and item_id = ? and match_kind = 'ledger_bank'", other), "the other line stays open");
    }

    @Test
    void aUniqueAmountOnTheSameDayIsConfirmedAndOnAnotherDayInTheWindowSuggested() {
        Fixtures f = bank();
        long st = f.statement(0, 10);
        long sameDay = line(f, st, "payment", 123456, 3, "TRANSFER FROM CUSTOMER");
        long later = line(f, st, "payment", -77700, 6, "OUTGOING");
        journal(f, "3;R-1;1234.56", "4;R-2;-777.00");

        JsonPath run = f.run(0, 10);

        assertEquals(Map.of("ledger_amount_date", 2), run.getMap("counts.matches"));
        Map<String, Object> first = entryView(f, entry(f, "R-1"));
        assertEquals("matched", first.get("matchState"));
        assertEquals(List.of((int) sameDay), first.get("statementLineIds"));
        Map<String, Object> second = entryView(f, entry(f, "R-2"));
        assertEquals("suggested", second.get("matchState"));
        assertEquals(List.of((int) later), second.get("statementLineIds"));
        assertEquals(1, TestDb.count("select count(*) from matches where account_id = ? and kind = 'ledger_bank' "
                + "and status = 'suggested' and cast(evidence ->> 'daysApart' as integer) = 2", f.account));
    }

    @Test
    void severalCandidatesByAmountAndDateAreLeftForPeople() {
        Fixtures f = bank();
        long st = f.statement(0, 10);
        line(f, st, "payment", 500000, 2, "CUSTOMER A");
        journal(f, "2;A-1;5000.00", "3;A-2;5000.00");

        JsonPath run = f.run(0, 10);

        assertEquals(Map.of(), run.getMap("counts.matches"));
        assertEquals(Map.of("unidentified_receipt", 1), run.getMap("counts.exceptions"),
                "the credit is a receipt nobody is known to owe; the journal's two candidates add no exception");
        assertEquals(List.of("unmatched", "unmatched"), listed(f).getList("items.matchState"));
    }

    @Test
    void entriesOfOneDaySummingToOneLineMatchManyToOne() {
        Fixtures f = bank();
        long st = f.statement(0, 10);
        long batch = line(f, st, "payment", 5000000, 4, "BATCH CREDIT");
        journal(f, "4;M-1;30000.00", "4;M-2;15000.00", "4;M-3;5000.00", "4;M-4;9000.00");

        JsonPath run = f.run(0, 10);

        assertEquals(Map.of("ledger_many_to_one", 1), run.getMap("counts.matches"),
                "of the four entries of the day, only M-1 + M-2 + M-3 make 50,000.00");
        for (String voucher : List.of("M-1", "M-2", "M-3")) {
            Map<String, Object> view = entryView(f, entry(f, voucher));
            assertEquals("ledger_many_to_one", view.get("matchRule"));
            assertEquals(List.of((int) batch), view.get("statementLineIds"));
        }
        assertEquals("unmatched", entryView(f, entry(f, "M-4")).get("matchState"));
        assertEquals(1,
                TestDb.count("select count(*) from matches where account_id = ? and rule = 'ledger_many_to_one' "
                        + "and left_total_minor = 5000000 and right_total_minor = 5000000 "
                        + "and cast(evidence ->> 'entries' as integer) = 3", f.account));
    }

    @Test
    void oneEntryBookedForATransferAndItsFeeMatchesBothLinesOneToMany() {
        Fixtures f = bank();
        long st = f.statement(0, 10);
        long transfer = line(f, st, "payment", -1000000, 5, "TO SUPPLIER");
        long fee = line(f, st, "fee", -1500, 5, "手续费");
        journal(f, "5;P-9;-10015.00");

        JsonPath run = f.run(0, 10);

        assertEquals(Map.of("ledger_one_to_many", 1), run.getMap("counts.matches"));
        Map<String, Object> view = entryView(f, entry(f, "P-9"));
        assertEquals("matched", view.get("matchState"));
        assertEquals(List.of((int) transfer, (int) fee), view.get("statementLineIds"));
        assertEquals(1,
                TestDb.count("select count(*) from matches where account_id = ? and rule = 'ledger_one_to_many' "
                        + "and left_total_minor = -1001500 and right_total_minor = -1001500", f.account));
    }

    @Test
    void aRerunChangesNothing() {
        Fixtures f = bank();
        long st = f.statement(0, 10);
        line(f, st, "payment", 123456, 3, "X");
        line(f, st, "payment", 5000000, 4, "BATCH");
        line(f, st, "payment", -500000, 2, "REF LEDG-00042");
        journal(f, "3;R-1;1234.56", "4;M-1;30000.00", "4;M-2;20000.00", "2;LEDG-00042;-5000.00", "7;OPEN-1;1.00");
        f.run(0, 10);
        long before = ledgerMatches(f);

        JsonPath again = f.run(0, 10);

        assertEquals(3, before);
        assertEquals(Map.of(), again.getMap("counts.matches"));
        assertEquals(before, ledgerMatches(f));
        assertEquals(0, TestDb.count("select count(*) from (select item_type, item_id from match_items "
                + "where match_kind = 'ledger_bank' and live and match_id in (select id from matches where account_id = ?) "
                + "group by item_type, item_id having count(*) > 1) d", f.account), "nothing claimed twice");
    }

    @Test
    void aRejectedSuggestionIsNotProposedAgain() {
        Fixtures f = bank();
        long st = f.statement(0, 10);
        line(f, st, "payment", -77700, 6, "OUTGOING");
        journal(f, "4;R-2;-777.00");
        f.run(0, 10);
        long suggestion = TestDb.count("select id from matches where account_id = ? and kind = 'ledger_bank' "
                + "and status = 'suggested'", f.account);

        given().header("Authorization", Fixtures.FINANCE).contentType("application/json")
                .body(Map.of("reason", "another payment of the same amount"))
                .when().post("/matches/" + suggestion + "/reject").then().statusCode(200)
                .body("status", equalTo("rejected"));
        JsonPath again = f.run(0, 10);

        assertEquals(Map.of(), again.getMap("counts.matches"));
        assertEquals(1, ledgerMatches(f), "only the rejected one");
        assertEquals("unmatched", entryView(f, entry(f, "R-2")).get("matchState"));
    }

    @Test
    void aPersonMatchesAnEntryToBankLinesByHandAuditedAndRefusedWhenItDoesNotHold() {
        Fixtures f = bank();
        Fixtures other = bank();
        long st = f.statement(0, 10);
        long transfer = line(f, st, "payment", -300000, 2, "TRANSFER 1 OF 2");
        long fee = line(f, st, "fee", -1500, 2, "手续费");
        long foreignLine = line(other, other.statement(0, 10), "payment", -1500, 2, "ELSEWHERE");
        journal(f, "1;PAY-H1;-3015.00");
        long entry = entry(f, "PAY-H1");

        given().header("Authorization", Fixtures.FINANCE).contentType("application/json")
                .body(manual(f, "ledger_bank", Map.of("side", "left", "type", "statement_line", "id", transfer),
                        Map.of("side", "right", "type", "ledger_entry", "id", entry)))
                .when().post("/matches").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("items[0].type", "items[1].type"));
        given().header("Authorization", Fixtures.FINANCE).contentType("application/json")
                .body(manual(f, "ledger_bank", Map.of("side", "left", "type", "ledger_entry", "id", entry),
                        Map.of("side", "right", "type", "statement_line", "id", foreignLine)))
                .when().post("/matches").then().statusCode(422)
                .body("errors.message", org.hamcrest.Matchers.hasItem(
                        "statement_line " + foreignLine + " belongs to another account"));
        assertEquals(0, ledgerMatches(f), "nothing written by a refusal");

        long match = given().header("Authorization", Fixtures.FINANCE).contentType("application/json")
                .body(manual(f, "ledger_bank", Map.of("side", "left", "type", "ledger_entry", "id", entry),
                        Map.of("side", "right", "type", "statement_line", "id", transfer),
                        Map.of("side", "right", "type", "statement_line", "id", fee)))
                .when().post("/matches").then().statusCode(201)
                .body("kind", equalTo("ledger_bank")).body("rule", equalTo("manual"))
                .body("status", equalTo("confirmed")).body("differenceMinor", equalTo(0))
                .extract().jsonPath().getLong("id");
        assertEquals(1, TestDb.count("select count(*) from audit_log where action = 'match.created' "
                + "and entity_id = ?", String.valueOf(match)));
        Map<String, Object> view = entryView(f, entry);
        assertEquals("matched", view.get("matchState"));
        assertEquals(List.of((int) transfer, (int) fee), view.get("statementLineIds"));

        given().header("Authorization", Fixtures.FINANCE).contentType("application/json")
                .body(manual(f, "ledger_bank", Map.of("side", "left", "type", "ledger_entry", "id", entry),
                        Map.of("side", "right", "type", "statement_line", "id", transfer)))
                .when().post("/matches").then().statusCode(422)
                .body("errors.message", org.hamcrest.Matchers.hasItem(
                        "ledger_entry " + entry + " is already matched; unmatch it first"));
        JsonPath rerun = f.run(0, 10);
        assertEquals(Map.of(), rerun.getMap("counts.matches"), "a run keeps a person's match");
        assertEquals(1, ledgerMatches(f));
    }

    @SafeVarargs
    private static Map<String, Object> manual(Fixtures f, String kind, Map<String, Object>... items) {
        return Map.of("account", f.code, "kind", kind, "reason", "booked as one voucher", "items", List.of(items));
    }

    @Test
    void whatIsLeftOnEitherSideIsListedForTheReconciliationStatement() {
        Fixtures f = bank();
        long st = f.statement(0, 10);
        line(f, st, "payment", 123456, 3, "MATCHED");
        long bankIn = line(f, st, "payment", 880000, 4, "UNBOOKED CREDIT");
        long bankOut = line(f, st, "fee", -1500, 5, "手续费");
        long interest = line(f, st, "payment", 321, 9, "INTEREST");
        journal(f, "3;R-1;1234.56", "6;B-IN;2000.00", "7;B-OUT;-300.00", "8;B-OUT2;-200.00");
        f.run(0, 10);

        JsonPath open = given().header("Authorization", Fixtures.FINANCE)
                .when().get("/ledger-entries/unreconciled?account=" + f.code + "&from=" + f.day(0) + "&to=" + f.day(10))
                .then().statusCode(200).extract().jsonPath();

        assertEquals(2, open.getInt("bankReceivedNotBooked.count"));
        assertEquals(880321, open.getLong("bankReceivedNotBooked.totalMinor"));
        assertEquals(List.of((int) bankIn, (int) interest), open.getList("bankReceivedNotBooked.items.id"));
        assertEquals(1, open.getInt("bankPaidNotBooked.count"));
        assertEquals(List.of((int) bankOut), open.getList("bankPaidNotBooked.items.id"));
        assertEquals(-1500, open.getLong("bankPaidNotBooked.totalMinor"));
        assertEquals(List.of((int) entry(f, "B-IN")), open.getList("bookedReceivedNotInBank.items.id"));
        assertEquals(200000, open.getLong("bookedReceivedNotInBank.totalMinor"));
        assertEquals(2, open.getInt("bookedPaidNotInBank.count"));
        assertEquals(-50000, open.getLong("bookedPaidNotInBank.totalMinor"));
    }
}
