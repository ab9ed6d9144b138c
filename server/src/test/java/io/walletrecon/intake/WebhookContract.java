package io.walletrecon.intake;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.StoredIntake;
import io.walletrecon.testing.StoredIntake.StoredEvent;
import io.walletrecon.testing.StoredIntake.StoredTransaction;
import io.walletrecon.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every provider's intake must do, run once per provider by its subclass with real signatures made with keys
 * generated in the test. Each test makes its own account, so the tests share no rows and run in any order.
 */
abstract class WebhookContract {

    /** Every provider event in these tests is about 88.88 in the account's currency. */
    static final long AMOUNT = 8888;
    static final String REFERENCE = "INV-2026-0042";

    enum Stage {
        PENDING, SUCCEEDED, REFUNDED
    }

    record Delivery(String contentType, Map<String, String> headers, byte[] body) {
        Delivery withBody(byte[] other) {
            return new Delivery(contentType, headers, other);
        }
    }

    protected String account;
    protected long accountId;

    abstract String provider();

    /** Creates an account of this provider with the test's keys through the API. */
    abstract void createAccount(String code);

    /** A signed delivery of one event; {@code wrongKey} signs with a key the account does not know. */
    abstract Delivery event(String eventId, String txnId, Stage stage, long timestamp, boolean wrongKey);

    /** The same delivery with one amount changed after signing. */
    abstract byte[] tamper(byte[] body);

    abstract String currency();

    abstract String payerKind();

    abstract String payer();

    /** The business date in the account's zone of the event time used by {@link #event}. */
    abstract LocalDate expectedValueDate();

    abstract void assertAccepted(ValidatableResponse response);

    abstract void assertRejected(ValidatableResponse response, int status);

    /** How far from now a signed timestamp must be to be refused as stale. */
    long staleBySeconds() {
        return 3600;
    }

    @BeforeEach
    void newAccount() {
        account = TestData.unique(provider());
        createAccount(account);
        accountId = StoredIntake.accountId(account);
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    ValidatableResponse post(Delivery d, String accountCode) {
        var request = given().headers(d.headers()).contentType(d.contentType());
        // RestAssured only sends a form body given as text; a URL-encoded form is ASCII, so this is byte for byte
        request = d.contentType().startsWith("application/x-www-form-urlencoded")
                ? request.body(new String(d.body(), StandardCharsets.US_ASCII))
                : request.body(d.body());
        return request.when().post("/webhooks/" + provider() + "/" + accountCode)
                .then();
    }

    long events() {
        return StoredIntake.events(accountId);
    }

    long transactions(String txnId) {
        return StoredIntake.transactions(accountId, txnId);
    }

    String status(String txnId) {
        return transaction(txnId).status();
    }

    StoredTransaction transaction(String txnId) {
        return StoredIntake.transaction(accountId, txnId);
    }

    @Test
    void genuineEventIsStoredRawWithItsCanonicalTransaction() {
        String eventId = TestData.unique("evt");
        String txnId = TestData.unique("txn");
        Delivery d = event(eventId, txnId, Stage.SUCCEEDED, now(), false);
        assertAccepted(post(d, account));

        assertEquals(1, events());
        StoredEvent stored = StoredIntake.latestEvent(accountId);
        assertEquals("processed", stored.state());
        assertEquals(eventId, stored.providerEventId());
        assertArrayEquals(d.body(), stored.body());
        assertEquals(1, transactions(txnId));
        StoredTransaction t = transaction(txnId);
        assertEquals(AMOUNT, t.amountMinor());
        assertEquals(currency(), t.currency());
        assertEquals("succeeded", t.status());
        assertEquals("in", t.direction());
        assertEquals(payerKind(), t.payerKind());
        assertEquals(payer(), t.payerIdentity());
        assertEquals(REFERENCE, t.merchantReference());
        assertEquals(expectedValueDate(), t.valueDate());
        assertEquals(t.id(), stored.transactionId());
    }

    @Test
    void redeliveryIsAcknowledgedAndChangesNothing() {
        String eventId = TestData.unique("evt");
        String txnId = TestData.unique("txn");
        Delivery d = event(eventId, txnId, Stage.SUCCEEDED, now(), false);
        assertAccepted(post(d, account));
        String before = transaction(txnId).lastChange();

        assertAccepted(post(d, account));

        assertEquals(1, events());
        assertEquals(1, transactions(txnId));
        assertEquals(before, transaction(txnId).lastChange());
    }

    @Test
    void tamperedBodyIsRejectedAndNothingStored() {
        String txnId = TestData.unique("txn");
        Delivery d = event(TestData.unique("evt"), txnId, Stage.SUCCEEDED, now(), false);
        assertRejected(post(d.withBody(tamper(d.body())), account), 400);
        assertEquals(0, events());
        assertEquals(0, transactions(txnId));
    }

    @Test
    void wrongKeyIsRejectedAndNothingStored() {
        String txnId = TestData.unique("txn");
        assertRejected(post(event(TestData.unique("evt"), txnId, Stage.SUCCEEDED, now(), true), account), 400);
        assertEquals(0, events());
        assertEquals(0, transactions(txnId));
    }

    @Test
    void staleTimestampIsRejectedAndNothingStored() {
        String txnId = TestData.unique("txn");
        assertRejected(
                post(event(TestData.unique("evt"), txnId, Stage.SUCCEEDED, now() - staleBySeconds(), false), account),
                400);
        assertEquals(0, events());
        assertEquals(0, transactions(txnId));
    }

    @Test
    void unknownAccountIsRejectedAndNothingStored() {
        String eventId = TestData.unique("evt");
        assertRejected(
                post(event(eventId, TestData.unique("txn"), Stage.SUCCEEDED, now(), false), "no-such-" + account), 400);
        assertEquals(0, StoredIntake.eventsWithId(eventId));
    }

    /**
     * An unknown account, an account without credentials, a wrong key and a stale timestamp answer alike, so that a
     * caller cannot find out which account codes exist or how they are set up; the log and the counter tell them apart.
     */
    @Test
    void refusalsAboutTheAccountAllLookTheSame() {
        String bare = TestData.unique(provider());
        TestDb.update(
                "insert into accounts (company_id, code, provider, name, currency, time_zone) values ((select id from companies where code = 'default'), ?, ?, ?, ?, 'UTC')",
                bare, provider(), "No credentials " + bare, currency());
        Delivery genuine = event(TestData.unique("evt"), TestData.unique("txn"), Stage.SUCCEEDED, now(), false);
        List<String> answers = List.of(
                answer(post(genuine, "no-such-" + account)),
                answer(post(genuine, bare)),
                answer(post(event(TestData.unique("evt"), TestData.unique("txn"), Stage.SUCCEEDED, now(), true),
                        account)),
                answer(post(event(TestData.unique("evt"), TestData.unique("txn"), Stage.SUCCEEDED,
                        now() - staleBySeconds(), false), account)),
                answer(post(genuine.withBody(tamper(genuine.body())), account)));
        assertEquals(1, answers.stream().distinct().count(), "every refusal answers alike: " + answers);
        assertEquals(true, answers.get(0).startsWith("400 "), answers.get(0));
        assertEquals(0, events());
    }

    private static String answer(ValidatableResponse response) {
        var r = response.extract();
        return r.statusCode() + " " + r.contentType() + " " + r.asString();
    }

    @Test
    void outOfOrderDeliveryEndsInTheRightStatus() {
        String txnId = TestData.unique("txn");
        long t = now();
        assertAccepted(post(event(TestData.unique("evt"), txnId, Stage.SUCCEEDED, t, false), account));
        assertAccepted(post(event(TestData.unique("evt"), txnId, Stage.PENDING, t, false), account));
        assertEquals("succeeded", status(txnId));

        assertAccepted(post(event(TestData.unique("evt"), txnId, Stage.REFUNDED, t, false), account));
        assertEquals("refunded", status(txnId));
        assertEquals(AMOUNT, transaction(txnId).refundedMinor());

        assertAccepted(post(event(TestData.unique("evt"), txnId, Stage.SUCCEEDED, t, false), account));
        assertAccepted(post(event(TestData.unique("evt"), txnId, Stage.PENDING, t, false), account));
        assertEquals("refunded", status(txnId));
        assertEquals(AMOUNT, transaction(txnId).amountMinor());
    }

    @Test
    void refundArrivingBeforeThePaymentStillEndsRefunded() {
        String txnId = TestData.unique("txn");
        long t = now();
        assertAccepted(post(event(TestData.unique("evt"), txnId, Stage.REFUNDED, t, false), account));
        assertAccepted(post(event(TestData.unique("evt"), txnId, Stage.SUCCEEDED, t, false), account));
        assertEquals("refunded", status(txnId));
        assertEquals(payer(), transaction(txnId).payerIdentity());
    }

    @Test
    void twentyConcurrentDeliveriesOfOneEventGiveOneRecord() throws Exception {
        String txnId = TestData.unique("txn");
        Delivery d = event(TestData.unique("evt"), txnId, Stage.SUCCEEDED, now(), false);
        URI uri = URI.create("http://localhost:" + RestAssured.port + "/webhooks/" + provider() + "/" + account);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> {
                    HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", d.contentType())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()));
                    d.headers().forEach(request::header);
                    start.await();
                    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                            .statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                assertEquals(true, status == 200 || status == 204, "every delivery is acknowledged, got " + status);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, events());
        assertEquals(1, transactions(txnId));
    }
}
