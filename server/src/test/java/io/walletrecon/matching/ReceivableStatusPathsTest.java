package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.walletrecon.receivables.PaymentTolerance;
import io.walletrecon.receivables.ReceivablePayment;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.walletrecon.matching.Fixtures.FINANCE;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A receivable's status follows one rule with the account's tolerance, whether a run pays it or a person does: the
 * receivables' paying statement, checked against {@link ReceivablePayment} on both paths.
 */
@QuarkusTest
class ReceivableStatusPathsTest {

    @Test
    void aPaymentShortByNoMoreThanTheToleranceIsPaidWhetherARunOrAPersonMatchesIt() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        f.config(Map.of("toleranceMinor", 5));
        long c = f.customer("Tolerated");
        long byRun = f.receivable(c, "TR-" + f.code, 10000, 3);
        f.receipt("wx-tr-" + f.code, 9997, 3, "TR-" + f.code);
        long byPerson = f.receivable(c, "TP-" + f.code, 10000, 3);
        long t = f.receipt("wx-tp-" + f.code, 9997, 3, null);

        match(f, t, byPerson, 9997L);
        assertEquals(1, f.run(0, 9).getInt("counts.matches.reference"));

        assertEquals("paid", Fixtures.receivableStatus(byRun));
        assertEquals("paid", Fixtures.receivableStatus(byPerson));
        assertEquals(9997, Fixtures.paid(byRun));
        assertEquals(9997, Fixtures.paid(byPerson));
    }

    @Test
    void aPersonsPaymentShortByMoreThanTheToleranceLeavesItPartlyPaid() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        f.config(Map.of("toleranceMinor", 5));
        long r = f.receivable(f.customer("Short"), "SH-" + f.code, 10000, 3);
        long t = f.receipt("wx-sh-" + f.code, 9994, 3, null);

        match(f, t, r, 9994L);

        assertEquals("partially_paid", Fixtures.receivableStatus(r));
    }

    @Test
    void unmatchingAToleratedPaymentReopensTheReceivable() {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        f.config(Map.of("toleranceMinor", 5));
        long r = f.receivable(f.customer("Undo"), "UN-" + f.code, 10000, 3);
        long t = f.receipt("wx-un-" + f.code, 9998, 3, null);
        long id = match(f, t, r, 9998L);

        given().header("Authorization", FINANCE).contentType(ContentType.JSON).body(Map.of("reason", "wrong customer"))
                .when().post("/matches/" + id + "/unmatch").then().statusCode(200).body("status", equalTo("unmatched"));

        assertEquals("open", Fixtures.receivableStatus(r));
        assertEquals(0, Fixtures.paid(r));
    }

    /** The statement's SQL and the Java rule give the same status at and around the tolerance's edges. */
    @Test
    void thePayingStatementDecidesAsTheRuleDoes() {
        Fixtures f = Fixtures.wallet("stripe", "USD");
        f.config(Map.of("toleranceMinor", 50, "toleranceBps", 100));
        PaymentTolerance tolerance = new PaymentTolerance(50, 100);
        long c = f.customer("Edges");
        long[][] cases = {{10000, 9900}, {10000, 9899}, {1000, 950}, {1000, 949}, {999, 1}, {40, 1}};
        for (int i = 0; i < cases.length; i++) {
            long amount = cases[i][0];
            long paid = cases[i][1];
            long r = f.receivable(c, "ED" + i + "-" + f.code, amount, 3);
            long t = f.receipt("ch_ed" + i + f.code, paid, 3, null);

            match(f, t, r, paid);

            assertEquals(ReceivablePayment.statusAfter(amount, paid, tolerance).code(), Fixtures.receivableStatus(r),
                    amount + " paid " + paid);
        }
    }

    private static long match(Fixtures f, long transaction, long receivable, Long amount) {
        Map<String, Object> right = new HashMap<>(Map.of("side", "right", "type", "receivable", "id", receivable));
        if (amount != null) {
            right.put("amountMinor", amount);
        }
        return given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("account", f.code, "kind", "receipt_receivable", "reason", "slip checked",
                        "items", List.of(Map.of("side", "left", "type", "transaction", "id", transaction), right)))
                .when().post("/matches")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
