package io.walletrecon.jobs;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.walletrecon.security.KeyService;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The payment-dispatch handler invoked the way Lambda does, through the mock event server. */
@QuarkusTest
@TestProfile(PaymentDispatchHandlerTest.Profile.class)
class PaymentDispatchHandlerTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "payment-dispatch",
                    "walletrecon.dispatch.bank-file.directory", "target/bank-out");
        }
    }

    private static final KeyService KEYS = TestKeys.keys();

    @Test
    void anEventBridgeEventRunsOneDispatchCycle() {
        long id = plantDueSupplierPayment();
        given().contentType("application/json").accept("application/json")
                .body(Map.of("source", "aws.events", "detail-type", "Scheduled Event"))
                .when().post()
                .then().statusCode(200)
                .body("dispatch.claimed", greaterThanOrEqualTo(1))
                .body("dispatch.bankFiles", greaterThanOrEqualTo(1));
        assertEquals("submitted", TestDb.scalar("select state from payment_orders where id = ?", id));
        assertEquals(1, TestDb.count(
                "select count(*) from bank_files where id = (select bank_file_id from payment_orders where id = ?)",
                id));
    }

    @Test
    void anSqsEventIsAcceptedToo() {
        long id = plantDueSupplierPayment();
        given().contentType("application/json").accept("application/json")
                .body(Map.of("Records", List.of(Map.of("eventSource", "aws:sqs", "body", "{\"reason\":\"approved\"}"))))
                .when().post()
                .then().statusCode(200).body("dispatch.sent", greaterThanOrEqualTo(1)).body("polled", equalTo(0));
        assertEquals("submitted", TestDb.scalar("select state from payment_orders where id = ?", id));
    }

    /** An approved supplier payment with its outbox job, as the approval flow leaves it; the account has the money. */
    static long plantDueSupplierPayment() {
        String code = TestData.unique("lam");
        TestDb.update(
                "insert into accounts (company_id, code, provider, name, currency, time_zone) values ((select id from companies where code = 'default'), ?, 'bank', 'Bank', 'EUR', 'Europe/Paris')",
                code);
        TestDb.update(
                "insert into statements (account_id, format, currency, closing_balance_minor, period_end, file_sha256, imported_by)"
                        + " select id, 'test', 'EUR', 1000000, current_date - 1, ?, 'test' from accounts where code = ?",
                code, code);
        String iban = "DE89370400440532013000";
        String key = KEYS.lookupHash(iban);
        byte[] cipher = KEYS.encrypt(iban.getBytes(StandardCharsets.UTF_8), "beneficiaries.account:" + key);
        TestDb.update(
                "insert into beneficiaries (company_id, kind, beneficiary_key, name, masked, account_ciphertext, bank_code) values ((select id from companies where code = 'default'), 'bank_account', ?, 'Acme', '****3000', ?, '')"
                        + " on conflict (company_id, kind, beneficiary_key) do nothing",
                key, cipher);
        TestDb.update(
                """
                        insert into payment_orders (type, account_id, beneficiary_id, beneficiary_name, amount_minor, currency, reference, execute_on, due_at, state,
                                                    channel, created_by, idempotency_key)
                        select 'supplier_payment', a.id, b.id, 'Acme', 4200, 'EUR', ?, current_date, now(), 'scheduled', 'bank_file', 'planter', a.code || '/' || gen_random_uuid()
                        from accounts a, beneficiaries b where a.code = ? and b.company_id = a.company_id and b.kind = 'bank_account' and b.beneficiary_key = ?""",
                code, code, key);
        long id = TestDb.count("select id from payment_orders where reference = ?", code);
        TestDb.update(
                "insert into dispatch_jobs (payment_id, channel, status, due_at) values (?, 'bank_file', 'pending', now())",
                id);
        return id;
    }
}
