package io.walletrecon.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletrecon.problem.Problem;
import io.walletrecon.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each provider's idea of an answer. WeChat Pay wants 204 on success and {@code {"code":"FAIL","message":...}}
 * on failure; Alipay reads only the body, the literal {@code success} or anything else (we send
 * {@code failure}); Stripe and Standard Webhooks senders read only the status, so they get our JSON and problem
 * details. A refusal says only {@link RejectionReason#answer}: the precise reason is logged and counted.
 */
@ApplicationScoped
public class WebhookAnswers {

    /** An answer as bytes on the wire, for callers outside JAX-RS (the router refusing a body early). */
    public record Answer(int status, String contentType, String body) {

        Response toResponse() {
            return Response.status(status).type(contentType).entity(body).build();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RejectionCounter rejections;

    public WebhookAnswers(RejectionCounter rejections) {
        this.rejections = rejections;
    }

    static Response success(String provider, IntakeResult result) {
        return switch (provider) {
            case "wechatpay" -> Response.noContent().build();
            case "alipay" -> Response.ok("success", MediaType.TEXT_PLAIN_TYPE).build();
            default -> Response.ok(result, MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    /** The answer to a refused delivery: the same for every reason that concerns the account. */
    static Answer rejected(String provider, RejectionReason reason) {
        return failure(provider, reason.status, reason.answer);
    }

    /** A body over the limit, refused before it was read: counted and logged like every rejection. */
    public Answer tooLarge(String provider, String account) {
        rejections.record(provider, account, RejectionReason.TOO_LARGE,
                "the body is larger than " + WebhookResource.MAX_BODY_BYTES + " bytes");
        return rejected(provider, RejectionReason.TOO_LARGE);
    }

    /** A body still arriving at the deadline: counted and logged like every rejection. */
    public Answer tooSlow(String provider, String account) {
        rejections.record(provider, account, RejectionReason.TOO_SLOW,
                "the body did not arrive within the time allowed");
        return rejected(provider, RejectionReason.TOO_SLOW);
    }

    static Answer failure(String provider, int status, String message) {
        return switch (provider) {
            case "wechatpay" -> {
                Map<String, String> body = new LinkedHashMap<>();
                body.put("code", "FAIL");
                body.put("message", message);
                yield new Answer(status, MediaType.APPLICATION_JSON, json(body));
            }
            case "alipay" -> new Answer(status, MediaType.TEXT_PLAIN, "failure");
            default -> {
                ProblemType type = Arrays.stream(ProblemType.values()).filter(t -> t.status == status).findFirst()
                        .orElse(status >= 500 ? ProblemType.INTERNAL : ProblemType.BAD_REQUEST);
                yield new Answer(status, Problem.MEDIA_TYPE,
                        json(new Problem(type.uri(), type.title, status, message, null, null)));
            }
        };
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
