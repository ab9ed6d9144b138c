package io.walletrecon.dispatch;

import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.walletrecon.dispatch.DispatchFixtures.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class PaymentsApiTest {

    private static final String FINANCE = finance("fay");
    private String account;
    private String destination;

    @BeforeEach
    void account() {
        account = stripeAccount("JPY", 10_000_000);
        destination = TestData.unique("ba");
    }

    @Test
    void sameKeyAndBodyReplaysTheFirstResultWithoutASecondOrder() {
        String key = UUID.randomUUID().toString();
        var body = payout(account, "JPY", "1200", destination, "INV-1");
        long id = post(FINANCE, key, body).statusCode(201).header("Idempotent-Replayed", "false")
                .body("amount", equalTo("1200")).body("amountMinor", equalTo(1200)).body("currency", equalTo("JPY"))
                .body("state", equalTo("pending_approval")).extract().jsonPath().getLong("id");

        post(FINANCE, key, body).statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo((int) id));

        assertEquals(1, TestDb.count(
                "select count(*) from payment_orders p join beneficiaries b on b.id = p.beneficiary_id where b.beneficiary_key = ?",
                destination));
        assertEquals(1,
                TestDb.count("select count(*) from audit_log where action = 'payment.created' and entity_id = ?",
                        Long.toString(id)));
    }

    @Test
    void sameKeyWithADifferentBodyIs422AndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        post(FINANCE, key, payout(account, "JPY", "1200", destination, "INV-2")).statusCode(201);

        post(FINANCE, key, payout(account, "JPY", "1300", destination, "INV-2")).statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo("The idempotency key '" + key
                        + "' was already used for a different payment request; use a new key for a new payment"));
        assertEquals(1, TestDb.count(
                "select count(*) from payment_orders p join beneficiaries b on b.id = p.beneficiary_id where b.beneficiary_key = ?",
                destination));
    }

    @Test
    void missingIdempotencyKeyIsRejected() {
        given().header("Authorization", FINANCE).contentType("application/json")
                .body(payout(account, "JPY", "1", destination, "X"))
                .when().post("/payments").then().statusCode(400)
                .body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void invalidAmountsAndBeneficiaryAreListed() {
        var body = payout(account, "JPY", "12.5", destination, "X");
        body.put("beneficiary", Map.of("name", "Nobody"));
        post(FINANCE, UUID.randomUUID().toString(), body).statusCode(400)
                .body("errors.field", hasItem("amount"))
                .body("errors.field", hasItem("beneficiary"))
                .body("errors.find { it.field == 'amount' }.message",
                        equalTo("'12.5' has more than 0 decimals, the most JPY allows"));
    }

    @Test
    void currencyMustBeTheAccountsCurrency() {
        post(FINANCE, UUID.randomUUID().toString(), payout(account, "USD", "1.00", destination, "X")).statusCode(400)
                .body("detail", equalTo("Account " + account + " holds JPY, not USD"));
    }

    @Test
    void onlyFinanceCreates() {
        post(approver("abe"), UUID.randomUUID().toString(), payout(account, "JPY", "1", destination, "X"))
                .statusCode(403);
    }

    @Test
    void detailShowsHistoryAndListFiltersByStateDateAndBeneficiary() {
        long id = create(FINANCE, payout(account, "JPY", "500", destination, "INV-3"));
        get(id).body("history.to", contains("draft", "pending_approval"))
                .body("history[0].actor", equalTo(TestJwt.person("fay")))
                .body("approvals", hasSize(0)).body("attempts", hasSize(0))
                .body("beneficiary.masked", equalTo(destination));

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        given().header("Authorization", FINANCE)
                .queryParam("state", "pending_approval").queryParam("from", today.toString())
                .queryParam("to", today.toString())
                .queryParam("beneficiary", destination)
                .when().get("/payments").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) id)).body("items[0].history", nullValue());

        given().header("Authorization", FINANCE).queryParam("state", "approved").queryParam("beneficiary", destination)
                .when().get("/payments").then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", FINANCE).queryParam("state", "done")
                .when().get("/payments").then().statusCode(400).body("errors.field", hasItem("state"));
    }

    @Test
    void monthlyRecurrenceCreatesOneOrderPerOccurrence() {
        var body = payout(account, "JPY", "700", destination, "RENT");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate until = today.plusMonths(3);
        body.put("recurrence", Map.of("frequency", "MONTHLY", "dayOfMonth", 5, "until", until.toString()));
        var created = post(FINANCE, UUID.randomUUID().toString(), body).statusCode(201).extract().jsonPath();
        List<Integer> ids = created.getList("occurrenceIds");
        List<String> dates = TestDb.scalar(
                "select string_agg(execute_on::text, ',' order by execute_on) from payment_orders where series_id = ?",
                created.getLong("id")) == null
                        ? List.of()
                        : List.of(((String) TestDb.scalar(
                                "select string_agg(execute_on::text, ',' order by execute_on) from payment_orders where series_id = ?",
                                created.getLong("id"))).split(","));
        LocalDate first = today.withDayOfMonth(5).isBefore(today)
                ? today.withDayOfMonth(5).plusMonths(1)
                : today.withDayOfMonth(5);
        int expected = 0;
        for (LocalDate d = first; !d.isAfter(until); d = d.plusMonths(1)) {
            assertEquals(d.toString(), dates.get(expected));
            expected++;
        }
        assertEquals(expected, ids.size());
        assertEquals(expected, dates.size());
    }

    @Test
    void weeklyRecurrenceLandsOnTheWeekday() {
        var body = payout(account, "JPY", "100", destination, "WEEKLY");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        body.put("recurrence",
                Map.of("frequency", "WEEKLY", "dayOfWeek", "FRIDAY", "until", today.plusDays(20).toString()));
        long id = post(FINANCE, UUID.randomUUID().toString(), body).statusCode(201).extract().jsonPath().getLong("id");
        String firstDate = TestDb.scalar("select min(execute_on)::text from payment_orders where series_id = ?", id);
        assertEquals(today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)).toString(), firstDate);
        assertEquals(0, TestDb.count(
                "select count(*) from payment_orders where series_id = ? and extract(isodow from execute_on) <> 5",
                id));
    }

    @Test
    void cancelledBeforeSubmissionAndNotAfter() {
        long id = create(FINANCE, payout(account, "JPY", "900", destination, "INV-C"));
        given().header("Authorization", FINANCE).contentType("application/json").body(Map.of("comment", "wrong amount"))
                .when().post("/payments/" + id + "/cancellation").then().statusCode(200)
                .body("state", equalTo("cancelled"));
        given().header("Authorization", FINANCE).contentType("application/json").body(Map.of("comment", "again"))
                .when().post("/payments/" + id + "/cancellation").then().statusCode(409)
                .body("detail", equalTo("Payment " + id + " is cancelled and cannot become cancelled"));
        assertEquals(1,
                TestDb.count("select count(*) from audit_log where action = 'payment.cancelled' and entity_id = ?",
                        Long.toString(id)));
    }

    @Test
    void contractDocumentsIdempotencyAndConflicts() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/payments'.post.responses.'422'.description",
                        equalTo("Key reused with a different body, or the account cannot send this type"))
                .body("paths.'/payments/{id}/approvals'.post.responses.'409'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/payment-policies/{currency}'.put", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void unknownPaymentIs404() {
        given().header("Authorization", FINANCE).when().get("/payments/999999999").then().statusCode(404)
                .body("detail", equalTo("No payment with id 999999999"));
    }
}
