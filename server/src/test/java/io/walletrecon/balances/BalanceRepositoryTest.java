package io.walletrecon.balances;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.walletrecon.balances.Balances.BankLine;
import io.walletrecon.balances.Balances.Movement;
import io.walletrecon.balances.Balances.SubmittedOrder;
import io.walletrecon.dispatch.EndToEndId;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.testing.TestJwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.walletrecon.balances.BalanceFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each balance through its SQL, per provider, with rows stored the way that provider's intake stores them: a payment
 * of 1,000.00 with a fee, refunded 100.00, a payout and a lost dispute. The SQL gives what {@link Balances} gives for
 * the
 * same rows, and dispatch's available balance and the reconciliation statement's closing balance agree.
 */
@QuarkusTest
class BalanceRepositoryTest {

    static final LocalDate END = LocalDate.parse("2026-03-31");

    @Inject
    BalanceRepository balances;

    private BigInteger book(long account, String currency) {
        return ReactiveBridge.await(() -> balances.walletBook(account, currency, END));
    }

    @Test
    void stripeCountsARefundOnceWhetherChargeRefundedTheRefundObjectOrBothReportedIt() {
        long both = account("stripe", "EUR");
        String pi = payment(both, 100_000, 3_200L, "EUR", "2026-03-02", 10_000);
        refundRow(both, pi, 10_000, "EUR", "succeeded", "2026-03-03");
        long chargeOnly = account("stripe", "EUR");
        payment(chargeOnly, 100_000, 3_200L, "EUR", "2026-03-02", 10_000);
        long refundObjectOnly = account("stripe", "EUR");
        String pi2 = payment(refundObjectOnly, 100_000, 3_200L, "EUR", "2026-03-02", 0);
        refundRow(refundObjectOnly, pi2, 10_000, "EUR", "succeeded", "2026-03-03");
        for (long a : List.of(both, chargeOnly, refundObjectOnly)) {
            payout(a, 50_000, "EUR", "2026-03-10");
            row(a, "adjustment", "out", 5_000, 1_500L, "EUR", "succeeded", "2026-03-12", null, 0);
        }

        BigInteger expected = BigInteger.valueOf(100_000 - 3_200 - 10_000 - 50_000 - 5_000 - 1_500);
        assertEquals(expected, book(both, "EUR"));
        assertEquals(expected, book(chargeOnly, "EUR"));
        assertEquals(expected, book(refundObjectOnly, "EUR"));
        assertEquals(expected,
                Balances.movements(
                        List.of(Movement.in(100_000, 3_200L).refunded(10_000, 10_000), Movement.out(10_000, null),
                                Movement.out(50_000, null), Movement.out(5_000, 1_500L)))
                        .net());
    }

    @Test
    void wechatPayRefundRowsCountOnceBesideThePaymentsRefundedTotalAndAPendingOneNotAtAll() {
        long a = account("wechatpay", "CNY");
        String txn = payment(a, 100_000, null, "CNY", "2026-03-02", 10_000);
        refundRow(a, txn, 6_000, "CNY", "succeeded", "2026-03-03");
        refundRow(a, txn, 4_000, "CNY", "succeeded", "2026-03-04");
        refundRow(a, txn, 2_000, "CNY", "pending", "2026-03-05");

        assertEquals(BigInteger.valueOf(90_000), book(a, "CNY"));
        var movements = ReactiveBridge
                .await(() -> balances.walletMovements(a, "CNY", LocalDate.parse("2026-03-01"), END));
        assertEquals(BigInteger.valueOf(100_000), movements.inflows());
        assertEquals(BigInteger.valueOf(10_000), movements.outflows());
    }

    @Test
    void alipayRefundsKnownOnlyAsTheRefundedTotalAreOutflowsAndAFullRefundNetsToZero() {
        long a = account("alipay", "CNY");
        payment(a, 100_000, null, "CNY", "2026-03-02", 10_000);
        payment(a, 5_000, null, "CNY", "2026-03-02", 5_000);
        payment(a, 7_000, null, "CNY", "2026-03-02", -1);

        assertEquals(BigInteger.valueOf(90_000), book(a, "CNY"));
        assertEquals(BigInteger.valueOf(90_000),
                Balances.movements(List.of(Movement.in(100_000, null).refunded(10_000, 0),
                        Movement.in(5_000, null).refunded(5_000, 0))).net());
    }

    @Test
    void standardWebhooksCountFeeRefundedTotalAndPayout() {
        long a = account("standard", "EUR");
        payment(a, 100_000, 120L, "EUR", "2026-03-02", 10_000);
        payout(a, 20_000, "EUR", "2026-03-04");
        payment(a, 9_999, null, "USD", "2026-03-02", 0);

        assertEquals(BigInteger.valueOf(100_000 - 120 - 10_000 - 20_000), book(a, "EUR"));
        assertEquals(BigInteger.valueOf(9_999), book(a, "USD"));
    }

    @Test
    void theBookBalanceAtADateLeavesOutWhatIsValuedLater() {
        long a = account("standard", "EUR");
        payment(a, 100_000, null, "EUR", "2026-03-02", 0);
        payment(a, 40_000, null, "EUR", "2026-04-01", 0);

        assertEquals(BigInteger.valueOf(100_000), book(a, "EUR"));
    }

    @Test
    void bankBookIsReconciledLinesLessSubmittedOrdersNoReconciledLineShows() {
        long a = account("bank", "EUR");
        long shown = order(a, 20_000, "EUR", "completed", "2026-03-05T10:00:00Z");
        long submitted = order(a, 3_000, "EUR", "submitted", "2026-03-06T10:00:00Z");
        long unknown = order(a, 1_000, "EUR", "unknown", "2026-03-07T10:00:00Z");
        long unreconciled = order(a, 500, "EUR", "completed", "2026-03-08T10:00:00Z");
        order(a, 999, "EUR", "failed", "2026-03-08T10:00:00Z");
        order(a, 777, "EUR", "submitted", "2026-04-01T10:00:00Z");
        reconciled(a, line(a, 50_000, null, "EUR", "2026-03-02", null));
        reconciled(a, line(a, -20_000, null, "EUR", "2026-03-06", EndToEndId.of(shown)));
        line(a, 7_000, null, "EUR", "2026-03-09", null);
        line(a, -500, null, "EUR", "2026-03-09", EndToEndId.of(unreconciled));
        reconciled(a, line(a, 8_000, null, "EUR", "2026-04-02", null));

        BigInteger book = ReactiveBridge.await(() -> balances.bankBook(a, "EUR", END));

        assertEquals(BigInteger.valueOf(50_000 - 20_000 - 3_000 - 1_000 - 500), book);
        assertEquals(book, Balances.bankBook(List.of(new BankLine(50_000, null, true, null),
                new BankLine(-20_000, null, true, EndToEndId.of(shown)),
                new BankLine(7_000, null, false, null), new BankLine(-500, null, false, EndToEndId.of(unreconciled))),
                List.of(new SubmittedOrder(EndToEndId.of(shown), 20_000),
                        new SubmittedOrder(EndToEndId.of(submitted), 3_000),
                        new SubmittedOrder(EndToEndId.of(unknown), 1_000),
                        new SubmittedOrder(EndToEndId.of(unreconciled), 500))));
    }

    @Test
    void theReportedBalanceIsTheLatestStatementEndingByTheDate() {
        long a = account("bank", "EUR");
        statement(a, "EUR", "2026-02-28", 100);
        statement(a, "EUR", "2026-03-15", 200);
        statement(a, "EUR", "2026-03-15", 300);
        statement(a, "EUR", "2026-04-30", 400);
        statement(a, "USD", "2026-03-20", 999);

        var reported = ReactiveBridge.await(() -> balances.reported(a, "EUR", END)).orElseThrow();

        assertEquals(300, reported.closingMinor());
        assertEquals(LocalDate.parse("2026-03-15"), reported.asOf());
        assertTrue(ReactiveBridge.await(() -> balances.reported(a, "EUR", LocalDate.parse("2026-02-27"))).isEmpty());
    }

    @Test
    void withoutAStatementNoBalanceIsAvailable() {
        long a = account("stripe", "EUR");
        payment(a, 100_000, null, "EUR", "2026-03-02", 0);

        var available = ReactiveBridge.await(() -> balances.available(a, "EUR"));

        assertFalse(available.known());
        assertEquals(0, available.availableMinor().signum());
    }

    /**
     * A payment of 1,000.00 refunded 100.00 after a statement closing at 5,000.00: dispatch has 5,900.00 available and
     * the reconciliation statement closes at 5,900.00, for every provider's way of reporting the refund.
     */
    @Test
    void dispatchAndTheReconciliationStatementAgreeForEveryWayARefundIsReported() {
        for (String provider : List.of("stripe", "wechatpay", "alipay", "standard")) {
            long a = account(provider, "EUR");
            statement(a, "EUR", "2026-02-28", 500_000);
            boolean rows = provider.equals("stripe") || provider.equals("wechatpay");
            String txn = payment(a, 100_000, null, "EUR", "2026-03-02", 10_000);
            if (rows) {
                refundRow(a, txn, 10_000, "EUR", "succeeded", "2026-03-03");
            }

            var available = ReactiveBridge.await(() -> balances.available(a, "EUR"));
            JsonPath report = given().header("Authorization", TestJwt.bearer("fiona", "finance"))
                    .accept("application/json")
                    .queryParam("account", code(a)).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                    .when().get("/reports/reconciliation").then().statusCode(200).extract().jsonPath();

            assertTrue(available.known(), provider);
            assertEquals(new BigDecimal(590_000), available.availableMinor(), provider);
            assertEquals(590_000, report.getInt("figures.closingBalanceMinor"), provider);
            assertEquals(10_000, report.getInt("figures.outflowsMinor"), provider);
        }
    }

    @Test
    void theOpeningBalanceOfAReportCountsARefundLikeDispatchDoes() {
        long a = account("alipay", "EUR");
        statement(a, "EUR", "2026-01-31", 500_000);
        payment(a, 100_000, null, "EUR", "2026-02-10", 10_000);

        JsonPath report = given().header("Authorization", TestJwt.bearer("fiona", "finance")).accept("application/json")
                .queryParam("account", code(a)).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                .when().get("/reports/reconciliation").then().statusCode(200).extract().jsonPath();

        assertEquals(590_000, report.getInt("figures.openingBalanceMinor"));
        assertEquals(new BigDecimal(590_000),
                ReactiveBridge.await(() -> balances.available(a, "EUR")).availableMinor());
    }
}
