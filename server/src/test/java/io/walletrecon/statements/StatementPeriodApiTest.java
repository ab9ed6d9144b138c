package io.walletrecon.statements;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.ProviderNotifications;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The period an uploader gives for a bill that does not state one. */
@QuarkusTest
class StatementPeriodApiTest {

    static final String FINANCE = TestJwt.bearer("fiona", "finance");

    static String wechatAccount() {
        return ProviderNotifications.WechatPay.create(TestCompanies.DEFAULT).code();
    }

    static ValidatableResponse upload(String account, String from, String to) {
        var req = given().header("Authorization", FINANCE).contentType("application/octet-stream")
                .queryParam("account", account).queryParam("format", "wechatpay")
                .body(Samples.bytes("wechatpay-bill.csv"));
        if (from != null) {
            req = req.queryParam("from", from);
        }
        if (to != null) {
            req = req.queryParam("to", to);
        }
        return req.when().post("/statements").then();
    }

    static long statements(String account) {
        return TestDb.count("select count(*) from statements s join accounts a on a.id = s.account_id where a.code = ?",
                account);
    }

    @Test
    void aWechatBillUploadedForAMonthCoversTheWholeMonthIncludingDaysWithoutLines() {
        String account = wechatAccount();

        upload(account, "2026-03-01", "2026-03-31").statusCode(201);

        assertEquals("2026-03-01..2026-03-31", TestDb.scalar("select s.period_start || '..' || s.period_end "
                + "from statements s join accounts a on a.id = s.account_id where a.code = ?", account));
    }

    @Test
    void aLineAfterTheGivenPeriodIsRefusedByItsLineAndNothingIsStored() {
        String account = wechatAccount();

        upload(account, "2026-02-01", "2026-02-28").statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].line", equalTo(2))
                .body("errors[0].message", containsString("after the period 2026-02-01 to 2026-02-28"));

        assertEquals(0, statements(account));
        assertEquals(0, TestDb.count("select count(*) from statement_lines l join accounts a on a.id = l.account_id "
                + "where a.code = ?", account));
    }

    @Test
    void aPeriodWithOneEndOrEndingBeforeItStartsIsABadRequestNamingTheField() {
        String account = wechatAccount();

        upload(account, "2026-03-01", null).statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("to"));
        upload(account, "2026-03-31", "2026-03-01").statusCode(400)
                .body("errors[0].field", equalTo("to"))
                .body("errors[0].message", containsString("before the first day"));

        assertEquals(0, statements(account));
    }

    @Test
    void aFileThatStatesAnotherPeriodIsRefused() {
        String account = TestData.unique("bank-period");
        Accounts.createBank(account, "CHF", "Europe/Zurich");

        given().header("Authorization", FINANCE).contentType("application/octet-stream")
                .queryParam("account", account).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                .body(Samples.bytes("camt053-v08.xml"))
                .when().post("/statements").then().statusCode(422)
                .body("errors[0].message", containsString("states its period as 2026-03-03 to 2026-03-03"));

        assertEquals(0, statements(account));
    }
}
