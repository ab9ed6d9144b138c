package io.walletrecon.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.walletrecon.dispatch.DispatchCycleService;
import io.walletrecon.testing.TestDb;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;

import static io.walletrecon.jobs.PaymentDispatchHandlerTest.plantDueSupplierPayment;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The payment-dispatch handler given the invocation's remaining time, called directly with a Lambda context (the
 * mock event server reports no real deadline). Kept apart from {@link PaymentDispatchHandlerTest}, which the native
 * {@code *IT} extends and which therefore injects nothing.
 */
@QuarkusTest
@TestProfile(PaymentDispatchHandlerTest.Profile.class)
class PaymentDispatchHandlerBudgetTest {

    @Inject
    @Named("payment-dispatch")
    PaymentDispatchHandler handler;

    @Test
    void withTooLittleTimeLeftTheHandlerClaimsNothing() {
        long id = plantDueSupplierPayment();
        // 5 s left: less than one provider call (2 x timeout) plus the safety margin; nothing may be started.
        DispatchCycleService.CycleResult result = handler.handleRequest(Map.of("source", "aws.events"),
                remaining(5_000));
        assertEquals(0, result.dispatch().claimed());
        assertEquals(0, result.polled());
        assertEquals("scheduled", TestDb.scalar("select state from payment_orders where id = ?", id));

        handler.handleRequest(Map.of("source", "aws.events"), remaining(60_000));
        assertEquals("submitted", TestDb.scalar("select state from payment_orders where id = ?", id));
    }

    /** A Lambda context with {@code millis} left, as the runtime reports it. */
    private static Context remaining(int millis) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[]{Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRemainingTimeInMillis" -> millis;
                    case "getMemoryLimitInMB" -> 512;
                    case "getAwsRequestId", "getFunctionName" -> "test";
                    default -> null;
                });
    }
}
