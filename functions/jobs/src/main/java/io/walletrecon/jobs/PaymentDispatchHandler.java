package io.walletrecon.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.dispatch.CycleBudget;
import io.walletrecon.dispatch.DispatchConfig;
import io.walletrecon.dispatch.DispatchCycleService;
import jakarta.inject.Named;

import java.util.Map;

/**
 * {@code QUARKUS_LAMBDA_HANDLER=payment-dispatch}: one dispatch cycle per event. The event (an EventBridge
 * schedule, or an SQS message nudging dispatch after an approval) carries no work itself: due jobs live in the
 * outbox table and are claimed with SKIP LOCKED, so concurrent invocations never send a payment twice. The cycle gets
 * the invocation's remaining time as a hard budget: it claims only what it can send and record before then (every
 * provider call timing out), and stops claiming and polling well before Lambda stops the function.
 */
@Named("payment-dispatch")
public class PaymentDispatchHandler implements RequestHandler<Map<String, Object>, DispatchCycleService.CycleResult> {

    private final DispatchCycleService cycle;
    private final DispatchConfig config;

    public PaymentDispatchHandler(DispatchCycleService cycle, DispatchConfig config) {
        this.cycle = cycle;
        this.config = config;
    }

    @Override
    public DispatchCycleService.CycleResult handleRequest(Map<String, Object> event, Context context) {
        CycleBudget budget = CycleBudget.forLambda(context.getRemainingTimeInMillis(), config.cycleBudget());
        return ReactiveBridge.await(() -> cycle.runOnce(budget));
    }
}
