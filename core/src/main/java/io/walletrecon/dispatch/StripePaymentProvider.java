package io.walletrecon.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * Stripe-compatible adapter: {@code POST /v1/payouts} and {@code POST /v1/refunds}, form-encoded, with the
 * order's {@code Idempotency-Key} so that a retry (or a re-send after a crash) returns the first result instead
 * of paying twice. JDK HttpClient: no generated code, native-friendly.
 */
@ApplicationScoped
public class StripePaymentProvider implements PaymentProvider {

    private final DispatchConfig.Stripe config;
    private final ObjectMapper json;
    private final HttpClient http;

    public StripePaymentProvider(DispatchConfig config, ObjectMapper json) {
        this.config = config.stripe();
        this.json = json;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(this.config.timeout()).build();
    }

    @Override
    public Uni<ProviderResult> send(OutboundPayment p) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("amount", Long.toString(p.amountMinor()));
        String path;
        if ("refund".equals(p.type())) {
            path = "/v1/refunds";
            form.put(p.refundOf().startsWith("pi_") ? "payment_intent" : "charge", p.refundOf());
        } else {
            path = "/v1/payouts";
            form.put("currency", p.currency().toLowerCase(Locale.ROOT));
            form.put("destination", p.destination());
            form.put("description", p.reference());
        }
        form.put("metadata[payment_id]", Long.toString(p.paymentId()));
        form.put("metadata[reference]", p.reference());
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest request = base(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Idempotency-Key", p.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(this::interpret)
                .onFailure().recoverWithItem(StripePaymentProvider::transientOf);
    }

    @Override
    public Uni<ProviderOutcome> poll(String type, String providerPaymentId) {
        String path = ("refund".equals(type) ? "/v1/refunds/" : "/v1/payouts/") + enc(providerPaymentId);
        return Uni.createFrom().completionStage(() -> http.sendAsync(base(path).GET().build(), HttpResponse.BodyHandlers.ofString()))
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new IllegalStateException("Stripe answered " + response.statusCode() + " to GET " + path);
                    }
                    JsonNode node = read(response.body());
                    return outcomeOf(node.path("object").asText(type), node.path("status").asText());
                });
    }

    private HttpRequest.Builder base(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(config.baseUrl() + path)).timeout(config.timeout());
        config.apiKey().ifPresent(key -> b.header("Authorization", "Bearer " + key));
        return b;
    }

    ProviderResult interpret(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            JsonNode node = read(response.body());
            String id = node.path("id").asText(null);
            if (id == null || id.isBlank()) {
                return new ProviderResult.Transient(status, "2xx without an object id", null);
            }
            String providerStatus = node.path("status").asText(null);
            Long amount = node.hasNonNull("amount") ? node.get("amount").asLong() : null;
            return new ProviderResult.Accepted(status, id, providerStatus, outcomeOf(node.path("object").asText(), providerStatus), amount);
        }
        String message = errorMessage(response.body());
        if (status == 429 || status == 409 || status >= 500) {
            return new ProviderResult.Transient(status, "HTTP " + status + ": " + message, retryAfter(response));
        }
        return new ProviderResult.Rejected(status, "HTTP " + status + ": " + message);
    }

    /** Stripe statuses that are final: payout paid/failed/canceled, refund succeeded/failed/canceled. */
    static ProviderOutcome outcomeOf(String object, String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "paid", "succeeded" -> ProviderOutcome.COMPLETED;
            case "failed", "canceled" -> ProviderOutcome.FAILED;
            default -> null;
        };
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Duration.ofSeconds(Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    private String errorMessage(String body) {
        try {
            JsonNode node = json.readTree(body);
            String m = node.path("error").path("message").asText(null);
            return m != null ? m : truncate(body);
        } catch (IOException e) {
            return truncate(body);
        }
    }

    private static String truncate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) : s;
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("provider answered with a body that is not JSON");
        }
    }

    private static ProviderResult transientOf(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        String what = cause instanceof HttpTimeoutException ? "timeout"
                : cause instanceof ConnectException ? "connection refused"
                : "network error";
        return new ProviderResult.Transient(null, what + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), null);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
