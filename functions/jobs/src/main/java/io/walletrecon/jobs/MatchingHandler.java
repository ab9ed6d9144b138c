package io.walletrecon.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.matching.MatchingService;
import io.walletrecon.matching.MatchingViews;
import jakarta.inject.Named;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code QUARKUS_LAMBDA_HANDLER=matching}, for an EventBridge scheduled event. {@code detail.kind} chooses the tick:
 * {@code incremental} (the 15-minute rule, the default) or {@code day_end} (a frequent rule; each account runs once
 * its local day-end time has passed).
 */
@Named("matching")
public class MatchingHandler implements RequestHandler<Map<String, Object>, List<MatchingViews.RunView>> {

    private final MatchingService service;

    public MatchingHandler(MatchingService service) {
        this.service = service;
    }

    @Override
    public List<MatchingViews.RunView> handleRequest(Map<String, Object> event, Context context) {
        Object detail = event == null ? null : event.get("detail");
        Object kind = detail instanceof Map<?, ?> d ? d.get("kind") : null;
        String tick = "day_end".equals(kind) ? "day_end" : "incremental";
        return ReactiveBridge.await(() -> service.scheduled(tick, Instant.now()));
    }
}
