package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.TestDb;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.walletrecon.matching.Fixtures.FINANCE;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A run sees only its account's company: receipts of company A never pay, suggest, link to or raise past-due
 * exceptions about company B's receivables and customers, whatever reference, payer or amount they share.
 */
@QuarkusTest
class CompanyScopeTest {

    @Test
    void aReceiptOfOneCompanyNeverPaysAnotherCompanysReceivableWithTheSameReference() {
        Fixtures a = Fixtures.wallet("wechatpay", "CNY");
        Fixtures b = Fixtures.wallet("alipay", "CNY");
        String reference = "INV-SAME-" + a.code;
        long theirs = b.receivable(b.customer("B's customer"), reference, 5000, 1);
        long receipt = a.receipt("wx-same-" + a.code, 5000, 1, reference);

        JsonPath run = a.run(0, 5);

        assertEquals(0, a.matches("reference", "confirmed"));
        assertEquals(0, a.matches("amount_date", "suggested"), "not even suggested by amount and date");
        assertEquals(1, run.getInt("counts.exceptions.unmatched_receipt"));
        given().header("Authorization", FINANCE).queryParam("company", a.company.code()).when().get("/exceptions")
                .then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].company", equalTo(a.company.code()))
                .body("items[0].transactionId", equalTo((int) receipt));
        assertEquals(0, Fixtures.paid(theirs));
        assertEquals("open", Fixtures.receivableStatus(theirs));
        assertEquals(0, TestDb.count("select count(*) from match_items where item_type = 'receivable' and item_id = ?",
                theirs));

        long ours = a.receivable(a.customer("A's customer"), reference, 5000, 1);
        a.run(0, 5);
        assertEquals(5000, Fixtures.paid(ours), "the same reference in its own company is paid");
        assertEquals(0, Fixtures.paid(theirs));
        assertEquals(1, TestDb.count(
                "select count(*) from match_items where item_type = 'transaction' and item_id = ? and live", receipt));
    }

    @Test
    void aPayerKnownOnlyToAnotherCompanyIsNoCustomerHere() {
        Fixtures a = Fixtures.wallet("wechatpay", "CNY");
        Fixtures b = Fixtures.wallet("wechatpay", "CNY");
        String payer = "o-shared-" + a.code;
        long bCustomer = b.customer("Buys from B");
        b.identity(bCustomer, "wechat_openid", payer);
        long theirs = b.receivable(bCustomer, "B-" + b.code, 700, 30);
        long receipt = a.receipt("wx-payer-" + a.code, 700, 2, null, "wechat_openid", payer);

        a.run(0, 5);

        assertEquals(0, a.matches("payer_amount", "confirmed"));
        assertEquals(0, Fixtures.paid(theirs));
        assertNull(TestDb.scalar("select customer_id from transactions where id = ?", receipt),
                "not linked to B's customer");
        assertEquals(1,
                TestDb.count(
                        "select count(*) from recon_exceptions where transaction_id = ? and type = 'unmatched_receipt' "
                                + "and customer_id is null",
                        receipt));
    }

    @Test
    void theSamePayerMayBeACustomerOfTwoCompaniesAndPaysEachItsOwn() {
        Fixtures a = Fixtures.wallet("wechatpay", "CNY");
        Fixtures b = Fixtures.wallet("wechatpay", "CNY");
        String payer = "o-both-" + a.code;
        long aCustomer = a.customer("Buys from A");
        long bCustomer = b.customer("Buys from B too");
        a.identity(aCustomer, "wechat_openid", payer);
        b.identity(bCustomer, "wechat_openid", payer);
        long ours = a.receivable(aCustomer, "A-" + a.code, 900, 30);
        long theirs = b.receivable(bCustomer, "B-" + b.code, 900, 30);
        long receipt = a.receipt("wx-both-" + a.code, 900, 2, null, "wechat_openid", payer);

        a.run(0, 5);

        assertEquals(1, a.matches("payer_amount", "confirmed"));
        assertEquals(900, Fixtures.paid(ours));
        assertEquals(0, Fixtures.paid(theirs));
        assertEquals(aCustomer, TestDb.count("select customer_id from transactions where id = ?", receipt));
    }

    @Test
    void pastDueReceivablesAreRaisedOnlyByRunsOfTheirCompany() {
        Fixtures a = Fixtures.wallet("wechatpay", "CNY");
        Fixtures b = Fixtures.wallet("wechatpay", "CNY");
        long theirs = b.receivable(b.customer("Late payer"), "LATE-" + b.code, 1200, 1);
        a.statement(0, 20);
        b.statement(0, 20);

        a.run(10, 20);
        assertEquals(0, TestDb.count("select count(*) from recon_exceptions where receivable_id = ?", theirs));

        b.run(10, 20);
        assertEquals(1,
                TestDb.count(
                        "select count(*) from recon_exceptions where receivable_id = ? and type = 'unpaid_receivable' "
                                + "and account_id = ?",
                        theirs, b.account));
    }

    @Test
    void aManualReceiptMatchRefusesAnotherCompanysReceivable() {
        Fixtures a = Fixtures.wallet("wechatpay", "CNY");
        Fixtures b = Fixtures.wallet("wechatpay", "CNY");
        long theirs = b.receivable(b.customer("Not yours"), "NY-" + b.code, 300, 1);
        long receipt = a.receipt("wx-ny-" + a.code, 300, 1, null);

        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("account", a.code, "kind", "receipt_receivable", "reason", "paid by phone",
                        "items", List.of(Map.of("side", "left", "type", "transaction", "id", receipt),
                                Map.of("side", "right", "type", "receivable", "id", theirs))))
                .when().post("/matches")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("items[1]"))
                .body("detail", equalTo(
                        "items[1] receivable " + theirs + " belongs to another company than account " + a.code));
        assertEquals(0, Fixtures.paid(theirs));
        assertEquals(0, TestDb.count("select count(*) from matches where account_id = ?", a.account));
    }

    @Test
    void aSettlementAccountOfAnotherCompanyIsRefused() {
        Fixtures a = Fixtures.wallet("stripe", "USD");
        Fixtures other = Fixtures.wallet("bank", "USD");

        given().header("Authorization", Fixtures.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("settlementAccount", other.code))
                .when().put("/matching/config/" + a.code)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("settlementAccount"))
                .body("errors[0].message", equalTo("belongs to another company"));
        given().header("Authorization", Fixtures.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("settlementAccount", a.bank().code))
                .when().put("/matching/config/" + a.code)
                .then().statusCode(200);
    }
}
