package io.walletrecon.intake.function;

import io.walletrecon.intake.WebhookEventResource;
import io.walletrecon.intake.WebhookResource;
import io.walletrecon.problem.DateParamConverterProvider;
import io.walletrecon.problem.ProblemMappers;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The routes the webhook-intake function serves, and nothing else: Quarkus REST deploys only the classes an
 * {@code Application} lists, so the other features' resources in core (and the services only they reach) stay
 * out of this function's start-up and out of its native executable.
 */
public class WebhookIntakeApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(WebhookResource.class, WebhookEventResource.class, ProblemMappers.class,
                DateParamConverterProvider.class);
    }
}
