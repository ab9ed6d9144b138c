package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static io.walletrecon.matching.Fixtures.FINANCE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A 200,000-row run (100,000 receipts and receivables) while people approve payments and match by hand. The run is
 * held still near its end (the test locks its progress row), so what people do provably happens while it runs: their
 * approvals and their matches in another currency finish while the run is still running (the run holds no lock they
 * need: its audit rows are appended last), a match of the run's company in its currency waits for the run's receivables
 * lock and
 * then finishes, and nothing deadlocks. The latencies are printed; "how fast" is a benchmark's question, not this
 * test's.
 */
@QuarkusTest
class PeopleWorkDuringARunTest {

    private static final String MAKER = TestJwt.bearer("maker-during-run", "finance");
    private static final String APPROVER = TestJwt.bearer("approver-during-run", "approver");

    @Test
    void approvalsAndManualMatchesFinishWhileALargeRunRunsAndNothingDeadlocks() throws Exception {
        Fixtures big = Fixtures.wallet("wechatpay", "CNY");
        PlantedAnswersTest.plant(big, 100_000);
        Fixtures euro = Fixtures.wallet("wechatpay", "EUR");
        long euroTxn = euro.receipt("eu-" + euro.code, 4_200, 1, null);
        long euroRcv = euro.receivable(euro.customer("Euro by hand"), "EU-" + euro.code, 4_200, 1);
        Fixtures yuan = big.sibling("alipay");
        long yuanTxn = yuan.receipt("cn-" + yuan.code, 8_800, 1, null);
        long yuanRcv = yuan.receivable(yuan.customer("Yuan by hand"), "CN-" + yuan.code, 8_800, 1);
        List<Long> payments = pendingPayouts(3);

        long run = given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("account", big.code, "from", big.day(0).toString(), "to", big.day(29).toString()))
                .when().post("/matching/runs").then().statusCode(202).extract().jsonPath().getLong("id");
        awaitState(run, "running");

        ExecutorService people = Executors.newFixedThreadPool(4);
        CompletableFuture<Integer> sameCurrency;
        try (Connection hold = TestDb.connect()) {
            hold.setAutoCommit(false);
            hold.createStatement().execute("select 1 from match_runs where id = " + run + " for no key update");
            List<Long> millis = new ArrayList<>();
            for (long payment : payments) {
                long t0 = System.nanoTime();
                assertEquals(200,
                        CompletableFuture.supplyAsync(() -> approve(payment), people).get(60, TimeUnit.SECONDS),
                        "approval of payment " + payment);
                millis.add((System.nanoTime() - t0) / 1_000_000);
            }
            long t0 = System.nanoTime();
            assertEquals(201, CompletableFuture.supplyAsync(() -> matchByHand(euro, euroTxn, euroRcv), people).get(60,
                    TimeUnit.SECONDS));
            millis.add((System.nanoTime() - t0) / 1_000_000);
            sameCurrency = CompletableFuture.supplyAsync(() -> matchByHand(yuan, yuanTxn, yuanRcv), people);

            assertEquals("running", TestDb.scalar("select state from match_runs where id = ?", run),
                    "all of it happened during the run");
            System.out.println("approvals and a EUR match by hand during a 200k-row run, ms: " + millis);
            hold.rollback();
        }
        try {
            assertEquals("succeeded", Fixtures.await(run).getString("state"));
            assertEquals(201, sameCurrency.get(120, TimeUnit.SECONDS),
                    "the match in the run's currency waited for it, then went through");
        } finally {
            people.shutdown();
        }
        assertEquals(100_000 * 90 / 100, big.matches("reference", "confirmed"));
        for (long payment : payments) {
            assertEquals("scheduled", TestDb.scalar("select state from payment_orders where id = ?", payment));
        }
    }

    private static void awaitState(long run, String state) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!state.equals(TestDb.scalar("select state from match_runs where id = ?", run))) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("run " + run + " never became " + state);
            }
            Thread.sleep(20);
        }
    }

    private static List<Long> pendingPayouts(int n) {
        String account = TestData.unique("st-nok");
        Accounts.create(Map.of("code", account, "provider", "stripe", "name", "Stripe " + account, "currency", "NOK",
                "timeZone", "Europe/Oslo", "credentials",
                Map.of("webhookSecrets", List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String destination = "acct_" + TestData.unique("dr");
            Map<String, Object> body = Map.of("type", "payout", "account", account, "amount", "12.5" + i, "currency",
                    "NOK",
                    "reference", "DURING-RUN-" + i, "beneficiary",
                    Map.of("name", "Merchant " + destination, "walletIdentity", destination));
            long id = given().header("Authorization", MAKER).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType(ContentType.JSON).body(body).when().post("/payments").then().statusCode(201).extract()
                    .jsonPath().getLong("id");
            assertEquals("pending_approval", TestDb.scalar("select state from payment_orders where id = ?", id));
            ids.add(id);
        }
        return ids;
    }

    private static int approve(long payment) {
        return given().header("Authorization", APPROVER).contentType(ContentType.JSON)
                .body(Map.of("comment", "checked during a run"))
                .when().post("/payments/" + payment + "/approvals").then().extract().statusCode();
    }

    private static int matchByHand(Fixtures f, long transaction, long receivable) {
        return given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("account", f.code, "kind", "receipt_receivable", "reason", "paid as agreed on the phone",
                        "items", List.of(Map.of("side", "left", "type", "transaction", "id", transaction),
                                Map.of("side", "right", "type", "receivable", "id", receivable))))
                .when().post("/matches").then().extract().statusCode();
    }
}
