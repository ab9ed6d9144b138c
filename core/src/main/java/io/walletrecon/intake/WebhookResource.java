package io.walletrecon.intake;

import io.smallrye.common.annotation.Blocking;
import io.walletrecon.problem.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Provider notifications. Unauthenticated by design: the provider's signature is the authentication, checked over
 * the raw bytes. The body was already read on the event loop, up to {@link #MAX_BODY_BYTES} and within the public
 * routes' time limit ({@code web.PublicRoutes}), so a slow sender never holds the worker thread this method runs on;
 * the limit is checked here once more for callers that bypass the router (the Lambda adapter builds the request
 * itself). Every refusal concerning the account answers alike ({@link RejectionReason}).
 */
@Path("/webhooks")
@PermitAll
@Tag(name = "Webhooks", description = "Signed notifications from Stripe, Standard Webhooks senders, WeChat Pay and Alipay")
public class WebhookResource {

    private static final Logger LOG = Logger.getLogger(WebhookResource.class);
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private final WebhookIntakeService intake;

    public WebhookResource(WebhookIntakeService intake) {
        this.intake = intake;
    }

    @POST
    @Path("/{provider}/{account}")
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, Problem.MEDIA_TYPE})
    @Operation(summary = "Receive a provider notification for a configured account", description = "Stored (raw body and signature headers) together with its canonical transaction before it is acknowledged. "
            + "Redeliveries are acknowledged and change nothing. Answers in the provider's own format: WeChat Pay 204 / "
            + "{\"code\":\"FAIL\",\"message\":...}; Alipay text success / failure; Stripe and standard JSON / problem+json.")
    @APIResponse(responseCode = "200", description = "Stored (or already stored); Alipay body `success`")
    @APIResponse(responseCode = "204", description = "WeChat Pay: stored (or already stored)")
    @APIResponse(responseCode = "400", description = "Not authentic for this endpoint: no such account, no credentials, bad or "
            + "missing signature, stale timestamp, unknown key serial or another merchant's event, all answered alike")
    @APIResponse(responseCode = "404", description = "Unknown provider")
    @APIResponse(responseCode = "408", description = "The body did not arrive in time")
    @APIResponse(responseCode = "413", description = "Body over 256 KiB")
    @APIResponse(responseCode = "500", description = "Not stored; the provider retries")
    public Response receive(@PathParam("provider") String provider, @PathParam("account") String account,
            @Context HttpHeaders headers, InputStream body) {
        try {
            String declared = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && parseLength(declared) > MAX_BODY_BYTES) {
                throw tooLarge(provider, account);
            }
            byte[] bytes = readAtMost(body, MAX_BODY_BYTES);
            if (bytes == null) {
                throw tooLarge(provider, account);
            }
            IntakeResult result = intake.receive(provider, new WebhookRequest(account, lowerCased(headers), bytes));
            return WebhookAnswers.success(provider, result);
        } catch (WebhookRejectedException e) {
            return WebhookAnswers.rejected(provider, e.reason()).toResponse();
        } catch (IOException e) {
            return WebhookAnswers.failure(provider, 400, "the request body could not be read").toResponse();
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.errorf(e, "webhook not stored, provider=%s account=%s, incident %s", provider, account, incident);
            return WebhookAnswers.failure(provider, 500, "not stored; retry later (incident " + incident + ")")
                    .toResponse();
        }
    }

    private WebhookRejectedException tooLarge(String provider, String account) {
        return intake.reject(provider, account, new WebhookRejectedException(RejectionReason.TOO_LARGE,
                "the body is larger than " + MAX_BODY_BYTES + " bytes"));
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The whole body, or null as soon as it proves longer than {@code max}. */
    static byte[] readAtMost(InputStream in, int max) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        byte[] bytes = in.readNBytes(max + 1);
        return bytes.length > max ? null : bytes;
    }

    private static Map<String, String> lowerCased(HttpHeaders headers) {
        Map<String, String> map = new HashMap<>();
        for (Map.Entry<String, List<String>> e : headers.getRequestHeaders().entrySet()) {
            if (!e.getValue().isEmpty()) {
                map.put(e.getKey().toLowerCase(Locale.ROOT), String.join(",", e.getValue()));
            }
        }
        return map;
    }
}
