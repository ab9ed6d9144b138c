package io.walletrecon.intake;

import io.walletrecon.problem.Problem;
import io.walletrecon.problem.ProblemType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.Map;

/**
 * Each provider's idea of an answer. WeChat Pay wants 204 on success and {@code {"code":"FAIL","message":...}}
 * on failure; Alipay reads only the body, the literal {@code success} or anything else (we send
 * {@code failure}); Stripe and Standard Webhooks senders read only the status, so they get our JSON and problem
 * details.
 */
final class Acknowledgements {

    private Acknowledgements() {
    }

    static Response success(String provider, IntakeResult result) {
        return switch (provider) {
            case "wechatpay" -> Response.noContent().build();
            case "alipay" -> Response.ok("success", MediaType.TEXT_PLAIN_TYPE).build();
            default -> Response.ok(result, MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    static Response failure(String provider, int status, String message) {
        return switch (provider) {
            case "wechatpay" -> Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("code", "FAIL", "message", message)).build();
            case "alipay" -> Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity("failure").build();
            default -> {
                ProblemType type = Arrays.stream(ProblemType.values()).filter(t -> t.status == status).findFirst()
                        .orElse(status >= 500 ? ProblemType.INTERNAL : ProblemType.BAD_REQUEST);
                yield Response.status(status).type(Problem.MEDIA_TYPE)
                        .entity(new Problem(type.uri(), type.title, status, message, null, null)).build();
            }
        };
    }
}
