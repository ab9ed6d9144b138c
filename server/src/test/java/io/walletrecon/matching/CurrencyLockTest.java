package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.receivables.ReceivablesLock;
import io.walletrecon.testing.TestDb;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static io.walletrecon.matching.Fixtures.FINANCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Receivables belong to a company, not an account: runs of different accounts of one company in one currency must not
 * pay one receivable twice, and runs of different companies never wait for each other.
 */
@QuarkusTest
class CurrencyLockTest {

    @Inject
    MatchingRunService service;

    /**
     * Returns once another session waits for the receivables lock of the company and currency (polled, at most a
     * minute): whatever is then not done is held up by that lock, not merely slow.
     */
    private static void awaitWaitingFor(Fixtures f, String currency) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (TestDb.count("select count(*) from pg_locks l join pg_database d on d.oid = l.database "
                + "where d.datname = current_database() and l.locktype = 'advisory' and not l.granted "
                + "and l.classid::bigint = ? and l.objid::bigint = ?", (long) ReceivablesLock.LOCK_CLASS,
                (long) ReceivablesLock.key(f.company.id(), currency)) == 0) {
            if (System.currentTimeMillis() > deadline) {
                fail("nothing waited for the " + currency + " receivables lock of " + f.code + " within a minute");
            }
            Thread.sleep(20);
        }
    }

    private static long queue(Fixtures f) {
        return TestDb.count(
                "insert into match_runs (account_id, kind, period_start, period_end, requested_by) values (?, 'manual', ?, ?, 't') returning id",
                f.account, f.day(0), f.day(3));
    }

    @Test
    void runsOfTwoAccountsOfOneCompanyInOneCurrencyStartedAtOncePayASharedReceivableOnce() throws Exception {
        Fixtures a = Fixtures.wallet("wechatpay", "CNY");
        Fixtures b = a.sibling("alipay");
        long c = a.customer("Shared");
        long r = a.receivable(c, "SH-" + a.code, 8800, 1);
        long ta = a.receipt("wx-sh-" + a.code, 8800, 1, "SH-" + a.code);
        long tb = b.receipt("ali-sh-" + b.code, 8800, 1, "SH-" + a.code);
        long first = queue(a);
        long second = queue(b);

        var pool = Executors.newFixedThreadPool(2);
        try {
            var ra = CompletableFuture.supplyAsync(() -> ReactiveBridge.await(() -> service.execute(first)), pool);
            var rb = CompletableFuture.supplyAsync(() -> ReactiveBridge.await(() -> service.execute(second)), pool);
            assertEquals(List.of("succeeded", "succeeded"),
                    List.of(ra.get(60, TimeUnit.SECONDS).state(), rb.get(60, TimeUnit.SECONDS).state()),
                    "different accounts: neither is refused");
        } finally {
            pool.shutdown();
        }

        assertEquals(1, TestDb.count(
                "select count(*) from match_items i join matches m on m.id = i.match_id where i.item_type = 'receivable' "
                        + "and i.item_id = ? and i.live and m.status = 'confirmed'",
                r));
        assertEquals(8800, Fixtures.paid(r));
        assertEquals("paid", Fixtures.receivableStatus(r));
        long winner = TestDb.count("select l.item_id from match_items l join match_items i on i.match_id = l.match_id "
                + "where i.item_type = 'receivable' and i.item_id = ? and l.item_type = 'transaction'", r);
        long loser = winner == ta ? tb : ta;
        assertEquals(1,
                TestDb.count(
                        "select count(*) from recon_exceptions where transaction_id = ? and type = 'duplicate_payment' "
                                + "and receivable_id = ? and actual_minor = 8800",
                        loser, r));
        assertEquals(0, TestDb.count("select count(*) from recon_exceptions where transaction_id = ?", winner));
    }

    @Test
    void aRunWaitsWhileAnotherTransactionPaysReceivablesOfItsCompanyAndCurrency() throws Exception {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        long c = f.customer("Wait");
        long r = f.receivable(c, "W1-" + f.code, 500, 1);
        f.receipt("wx-w-" + f.code, 500, 1, "W1-" + f.code);
        long id = queue(f);
        var pool = Executors.newSingleThreadExecutor();
        try (Connection conn = TestDb.connect()) {
            conn.setAutoCommit(false);
            conn.createStatement().execute("select pg_advisory_xact_lock(" + ReceivablesLock.LOCK_CLASS + ", "
                    + ReceivablesLock.key(f.company.id(), "CNY") + ")");
            var run = CompletableFuture.supplyAsync(() -> ReactiveBridge.await(() -> service.execute(id)), pool);
            awaitWaitingFor(f, "CNY");

            assertFalse(run.isDone(), "the run waits for the currency instead of paying alongside");
            assertEquals("running", TestDb.scalar("select state from match_runs where id = ?", id));
            assertEquals(0, Fixtures.paid(r));
            conn.rollback();

            assertEquals("succeeded", run.get(60, TimeUnit.SECONDS).state());
        } finally {
            pool.shutdown();
        }
        assertEquals(500, Fixtures.paid(r));
        assertEquals(1, f.matches("reference", "confirmed"));
    }

    @Test
    void aRunOfAnotherCompanyInTheSameCurrencyDoesNotWait() throws Exception {
        Fixtures busy = Fixtures.wallet("wechatpay", "CNY");
        Fixtures f = Fixtures.wallet("alipay", "CNY");
        assertNotEquals(ReceivablesLock.key(busy.company.id(), "CNY"), ReceivablesLock.key(f.company.id(), "CNY"));
        long c = f.customer("Other company");
        long r = f.receivable(c, "OC-" + f.code, 600, 1);
        f.receipt("ali-oc-" + f.code, 600, 1, "OC-" + f.code);
        long id = queue(f);
        var pool = Executors.newSingleThreadExecutor();
        try (Connection conn = TestDb.connect()) {
            conn.setAutoCommit(false);
            conn.createStatement().execute("select pg_advisory_xact_lock(" + ReceivablesLock.LOCK_CLASS + ", "
                    + ReceivablesLock.key(busy.company.id(), "CNY") + ")");
            var run = CompletableFuture.supplyAsync(() -> ReactiveBridge.await(() -> service.execute(id)), pool);

            assertEquals("succeeded", run.get(60, TimeUnit.SECONDS).state(),
                    "another company's CNY receivables being paid does not hold this run up");
            assertEquals(600, Fixtures.paid(r), "paid while the other company's lock is still held");
            conn.rollback();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void keysOfCompaniesAndCurrenciesNeverCollide() {
        java.util.Set<Integer> keys = new java.util.HashSet<>();
        for (long company : new long[]{1, 2, 255, 256, 65_535}) {
            for (String currency : List.of("AAA", "CNY", "EUR", "USD", "ZZZ")) {
                keys.add(ReceivablesLock.key(company, currency));
            }
        }
        assertEquals(25, keys.size());
        assertTrue(ReceivablesLock.key(65_535, "ZZZ") > 0, "the largest key still fits a positive int");
        assertEquals(1 << 15, ReceivablesLock.key(1, "AAA"));
    }

    @Test
    void aManualReceiptMatchWaitsForTheCurrencyToo() throws Exception {
        Fixtures f = Fixtures.wallet("wechatpay", "USD");
        long c = f.customer("Hand wait");
        long r = f.receivable(c, "HW-" + f.code, 700, 1);
        long t = f.receipt("wx-hw-" + f.code, 700, 1, null);
        var pool = Executors.newSingleThreadExecutor();
        try (Connection conn = TestDb.connect()) {
            conn.setAutoCommit(false);
            conn.createStatement().execute("select pg_advisory_xact_lock(" + ReceivablesLock.LOCK_CLASS + ", "
                    + ReceivablesLock.key(f.company.id(), "USD") + ")");
            var post = CompletableFuture
                    .supplyAsync(() -> given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                            .body(Map.of("account", f.code, "kind", "receipt_receivable", "reason", "paid by phone",
                                    "items", List.of(Map.of("side", "left", "type", "transaction", "id", t),
                                            Map.of("side", "right", "type", "receivable", "id", r))))
                            .when().post("/matches").then().extract().statusCode(), pool);
            awaitWaitingFor(f, "USD");

            assertFalse(post.isDone(), "the manual match waits while the currency's receivables are being paid");
            assertEquals(0, Fixtures.paid(r));
            conn.rollback();

            assertEquals(201, post.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdown();
        }
        assertEquals(700, Fixtures.paid(r));
    }
}
