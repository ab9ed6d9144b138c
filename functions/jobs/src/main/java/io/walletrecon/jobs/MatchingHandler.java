package io.walletrecon.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.matching.MatchingRunService;
import io.walletrecon.matching.MatchingTrigger;
import io.walletrecon.matching.MatchingViews;
import jakarta.inject.Named;

import java.time.Instant;
import java.util.List;

/**
 * {@code QUARKUS_LAMBDA_HANDLER=matching}, for the EventBridge schedules of infra/template.yaml. The event is a
 * {@link MatchingTrigger} ({@code detail.kind} = {@code incremental} or {@code day_end}); any other event fails the
 * invocation before anything runs, so the function's Errors alarm fires.
 */
@Named("matching")
public class MatchingHandler implements RequestHandler<MatchingTrigger, List<MatchingViews.RunView>> {

    private final MatchingRunService service;

    public MatchingHandler(MatchingRunService service) {
        this.service = service;
    }

    @Override
    public List<MatchingViews.RunView> handleRequest(MatchingTrigger event, Context context) {
        if (event == null) {
            throw new IllegalArgumentException(
                    "matching event is empty: expected {\"detail\": {\"kind\": \"incremental\" or \"day_end\"}}");
        }
        return ReactiveBridge.await(() -> service.scheduled(event.kind(), Instant.now()));
    }
}
