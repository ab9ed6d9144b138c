package io.walletrecon.dispatch;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.walletrecon.dispatch.DispatchFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each provider answer is committed as it arrives, not when the slowest call of its batch returns. */
@QuarkusTest
class AnswersRecordedAsTheyArriveTest {

    @Inject
    DispatchService dispatch;

    @Test
    void aFastAnswerIsCommittedLongBeforeTheSlowCallOfTheSameBatchReturns() {
        policy("SGD", 100_000_000, 200_000_000, null, null, null);
        String account = stripeAccount("SGD", 1_000_000_000L);
        long fast = create(finance("rui"), payout(account, "SGD", "1.00", TestData.unique("ba"), "FAST"));
        long slow = create(finance("rui"), payout(account, "SGD", "2.00", TestData.unique("ba"), "SLOW"));
        ProviderStub.client().register(post(urlEqualTo("/v1/payouts")).atPriority(1)
                .withHeader("Idempotency-Key", WireMock.equalTo(key(slow)))
                .willReturn(aResponse().withStatus(200).withFixedDelay(900)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"po_slow-" + slow + "\",\"object\":\"payout\",\"status\":\"pending\"}")));

        DispatchService.DispatchRun run = ReactiveBridge.await(dispatch::dispatchDue);

        assertTrue(run.sent() >= 2, "both in one batch: " + run);
        assertEquals("submitted", state(fast));
        assertEquals("submitted", state(slow));
        Timestamp fastRecorded = TestDb.scalar("select finished_at from payment_attempts where payment_id = ?", fast);
        Timestamp slowRecorded = TestDb.scalar("select finished_at from payment_attempts where payment_id = ?", slow);
        long apart = slowRecorded.getTime() - fastRecorded.getTime();
        assertTrue(apart >= 400,
                "the fast answer was committed " + apart + " ms before the slow one; it waited for the batch");
    }
}
