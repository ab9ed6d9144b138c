package io.walletrecon.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.dispatch.DispatchCycleService;
import jakarta.inject.Named;

import java.util.Map;

/**
 * {@code QUARKUS_LAMBDA_HANDLER=payment-dispatch}: one dispatch cycle per event. The event (an EventBridge
 * schedule, or an SQS message nudging dispatch after an approval) carries no work itself: due jobs live in the
 * outbox table and are claimed with SKIP LOCKED, so concurrent invocations never send a payment twice.
 */
@Named("payment-dispatch")
public class PaymentDispatchHandler implements RequestHandler<Map<String, Object>, DispatchCycleService.CycleResult> {

    private final DispatchCycleService cycle;

    public PaymentDispatchHandler(DispatchCycleService cycle) {
        this.cycle = cycle;
    }

    @Override
    public DispatchCycleService.CycleResult handleRequest(Map<String, Object> event, Context context) {
        return ReactiveBridge.await(cycle::runOnce);
    }
}
