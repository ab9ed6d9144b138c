package io.walletrecon.dispatch;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Accounts with a known balance, policies and payment orders, made the way people make them: through the API. */
final class DispatchFixtures {

    static final String ADMIN = TestJwt.bearer("dispatch-admin", "admin");
    /** The second admin every policy change needs. */
    static final String SECOND_ADMIN = TestJwt.bearer("dispatch-admin-2", "admin");

    private DispatchFixtures() {
    }

    static String finance(String who) {
        return TestJwt.bearer(who, "finance");
    }

    static String approver(String who) {
        return TestJwt.bearer(who, "approver");
    }

    /**
     * A Stripe account of the default company in {@code currency} whose latest statement closed at
     * {@code balanceMinor}.
     */
    static String stripeAccount(String currency, long balanceMinor) {
        return stripeAccount(TestCompanies.DEFAULT, currency, balanceMinor);
    }

    /**
     * A Stripe account of {@code company} in {@code currency} whose latest statement closed at {@code balanceMinor}.
     */
    static String stripeAccount(String company, String currency, long balanceMinor) {
        String code = TestData.unique("st-" + currency.toLowerCase());
        Accounts.create(Map.of("company", company, "code", code, "provider", "stripe", "name", "Stripe " + code,
                "currency", currency,
                "timeZone", "Asia/Shanghai", "credentials",
                Map.of("webhookSecrets", List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))));
        setBalance(code, balanceMinor);
        return code;
    }

    static String bankAccount(String currency, long balanceMinor) {
        String code = TestData.unique("bk-" + currency.toLowerCase());
        Accounts.createBank(code, currency, "Europe/Berlin");
        setBalance(code, balanceMinor);
        return code;
    }

    /** A statement whose period ended yesterday (so nothing booked since) closing at {@code balanceMinor}. */
    static void setBalance(String accountCode, long balanceMinor) {
        TestDb.update(
                "insert into statements (account_id, format, currency, closing_balance_minor, period_start, period_end, file_sha256, imported_by)"
                        + " select id, 'test', currency, ?, current_date - 30, current_date - 1, ?, 'test' from accounts where code = ?",
                balanceMinor, UUID.randomUUID().toString(), accountCode);
    }

    /**
     * Puts a policy of the default company in force the only way there is: one admin proposes it, a second approves it.
     */
    static void policy(String currency, long auto, long dual, Long dailyAmount, Integer dailyCount, Long large) {
        policy(TestCompanies.DEFAULT, currency, auto, dual, dailyAmount, dailyCount, large);
    }

    /** Puts a policy of {@code company} in force: one admin proposes it, a second approves it. */
    static void policy(String company, String currency, long auto, long dual, Long dailyAmount, Integer dailyCount,
            Long large) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("autoLimitMinor", auto);
        body.put("dualLimitMinor", dual);
        body.put("beneficiaryDailyAmountMinor", dailyAmount);
        body.put("beneficiaryDailyCount", dailyCount);
        body.put("largeAmountMinor", large);
        body.put("reason", "test fixture");
        // Test classes share the default company's currencies: withdraw what another fixture may have left waiting.
        Long waiting = TestDb.scalar("select id from payment_policy_changes where currency = ? and state = 'pending'"
                + " and company_id = (select id from companies where code = ?)", currency, company);
        if (waiting != null) {
            TestDb.update(
                    "update payment_policy_changes set state = 'withdrawn', decided_by = proposed_by, decided_at = now() where id = ?",
                    waiting);
        }
        long change = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .queryParam("company", company)
                .when().put("/payment-policies/" + currency).then().statusCode(202).extract().jsonPath().getLong("id");
        given().header("Authorization", SECOND_ADMIN).contentType(ContentType.JSON).body(Map.of("comment", "checked"))
                .queryParam("company", company)
                .when().post("/payment-policies/" + currency + "/changes/" + change + "/approval").then()
                .statusCode(200);
    }

    /** The Idempotency-Key the dispatcher sends for {@code paymentId}. */
    static String key(long paymentId) {
        return TestDb.scalar("select idempotency_key from payment_orders where id = ?", paymentId);
    }

    static Map<String, Object> payout(String account, String currency, String amount, String destination,
            String reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "payout");
        body.put("account", account);
        body.put("beneficiary", Map.of("name", "Merchant " + destination, "walletIdentity", destination));
        body.put("amount", amount);
        body.put("currency", currency);
        body.put("reference", reference);
        return body;
    }

    static ValidatableResponse post(String token, String key, Map<String, Object> body) {
        return given().header("Authorization", token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body)
                .when().post("/payments").then();
    }

    static long create(String token, Map<String, Object> body) {
        return post(token, UUID.randomUUID().toString(), body).statusCode(201).extract().jsonPath().getLong("id");
    }

    static String state(long paymentId) {
        return TestDb.scalar("select state from payment_orders where id = ?", paymentId);
    }

    static String holdReason(long paymentId) {
        return TestDb.scalar("select hold_reason from payment_orders where id = ?", paymentId);
    }

    static String providerPaymentId(long paymentId) {
        return TestDb.scalar("select provider_payment_id from payment_orders where id = ?", paymentId);
    }

    /** The status of the order's dispatch job, or {@code none} when it has none. */
    static String jobStatus(long paymentId) {
        String status = TestDb.scalar("select status from dispatch_jobs where payment_id = ?", paymentId);
        return status == null ? "none" : status;
    }

    /** How many alerts of {@code kind} were raised about the order. */
    static long alerts(long paymentId, String kind) {
        return TestDb.count("select count(*) from alerts where payment_id = ? and kind = ?", paymentId, kind);
    }

    /** The first alert of {@code kind} about the order, or null. */
    static String alertMessage(long paymentId, String kind) {
        return TestDb.scalar("select message from alerts where payment_id = ? and kind = ? order by id limit 1",
                paymentId, kind);
    }

    /** How many times the order's history shows it moving into {@code state}. */
    static long historyTo(long paymentId, String state) {
        return TestDb.count("select count(*) from payment_history where payment_id = ? and to_state = ?", paymentId,
                state);
    }

    /** How many audit rows say {@code action} about payment {@code paymentId}. */
    static long auditRows(String action, long paymentId) {
        return TestDb.count(
                "select count(*) from audit_log where action = ? and entity_type = 'payment_order' and entity_id = ?",
                action,
                Long.toString(paymentId));
    }

    static ValidatableResponse get(long paymentId) {
        return given().header("Authorization", finance("reader")).when().get("/payments/" + paymentId).then()
                .statusCode(200);
    }
}
