package io.walletrecon.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.walletrecon.console.CustomerStatementPages;
import io.walletrecon.intake.WebhookAnswers;
import io.walletrecon.intake.WebhookResource;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.Problem;
import io.walletrecon.problem.ProblemType;
import io.walletrecon.reports.links.StatementLinkVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Instant;

/**
 * The routes that need no bearer token refuse early, on the event loop, before a worker thread or a database
 * connection is involved:
 * <ul>
 * <li>customer statement links ({@code /statement-links/{token}/...}): the token (signature and expiry) is
 * checked before a byte of the body is read, so a bogus link answers 403 (410 when expired) at once whatever it
 * sends; the JSON body of a valid link is then limited to {@link PublicRoutesConfig#jsonBodyBytes()};</li>
 * <li>provider webhooks ({@code /webhooks/{provider}/{account}}): the body is read here, up to
 * {@link WebhookResource#MAX_BODY_BYTES}, so a slow upload holds no worker thread, and refusals are answered in
 * the provider's format and counted like any other rejection.</li>
 * </ul>
 * Both bodies must arrive within {@link PublicRoutesConfig#bodyTimeout()}. These routes run before Quarkus REST
 * (order -1: after the global upload limit, which refuses a declared length over {@code max-body-size}).
 */
@ApplicationScoped
public class PublicRoutes {

    static final int ORDER = -1;
    /** A customer's route of a link (its token checked here); not the finance team's revocation of a link. */
    static final String STATEMENT_LINK = "^/statement-links/([^/]+)(?!/revocation$)(?:/.*)?$";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PublicRoutesConfig config;
    private final StatementLinkVerifier links;
    private final WebhookAnswers webhooks;
    private final Template linkError;

    public PublicRoutes(PublicRoutesConfig config, StatementLinkVerifier links, WebhookAnswers webhooks,
            @Location("customer/link-error.html") Template linkError) {
        this.config = config;
        this.links = links;
        this.webhooks = webhooks;
        this.linkError = linkError;
    }

    void register(@Observes Router router) {
        router.routeWithRegex(STATEMENT_LINK).order(ORDER)
                .handler(this::checkLinkToken)
                .handler(new BoundedBody(config.jsonBodyBytes(), config.bodyTimeout(), PublicRoutes::refuseLinkBody));
        router.route(HttpMethod.POST, "/webhooks/:provider/:account").order(ORDER)
                .handler(
                        new BoundedBody(WebhookResource.MAX_BODY_BYTES, config.bodyTimeout(), this::refuseWebhookBody));
    }

    private void checkLinkToken(RoutingContext ctx) {
        try {
            links.verify(ctx.pathParam("param0"), Instant.now());
        } catch (ApiException e) {
            ctx.request().pause();
            if (wantsPage(ctx.request().getHeader("Accept"))) {
                BoundedBody.answerAndClose(ctx, e.type().status, "text/html;charset=UTF-8",
                        CustomerStatementPages.errorPage(linkError, ctx.request(), e.type().status));
            } else {
                BoundedBody.answerAndClose(ctx, e.type().status, Problem.MEDIA_TYPE, json(e.toProblem()));
            }
            return;
        }
        ctx.next();
    }

    /** A browser following the link (it asks for HTML before JSON) gets a page that says why, never JSON. */
    static boolean wantsPage(String accept) {
        if (accept == null) {
            return false;
        }
        int html = accept.indexOf("text/html");
        int json = accept.indexOf("application/json");
        return html >= 0 && (json < 0 || html < json);
    }

    private static void refuseLinkBody(RoutingContext ctx, BoundedBody.Reason reason) {
        Problem problem = switch (reason) {
            case TOO_LARGE -> Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                    "The body is larger than this link accepts; keep comments short");
            case TOO_SLOW ->
                Problem.of(ProblemType.REQUEST_TIMEOUT, "The body did not arrive in time; send the request again");
        };
        BoundedBody.answerAndClose(ctx, problem.status(), Problem.MEDIA_TYPE, json(problem));
    }

    private void refuseWebhookBody(RoutingContext ctx, BoundedBody.Reason reason) {
        WebhookAnswers.Answer answer = switch (reason) {
            case TOO_LARGE -> webhooks.tooLarge(ctx.pathParam("provider"), ctx.pathParam("account"));
            case TOO_SLOW -> webhooks.tooSlow(ctx.pathParam("provider"), ctx.pathParam("account"));
        };
        BoundedBody.answerAndClose(ctx, answer.status(), answer.contentType(), answer.body());
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
