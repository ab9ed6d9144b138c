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
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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

    /** Payouts are searched from this long before the order's first send (clock skew, the claim before the call). */
    static final Duration SEARCH_SLACK = Duration.ofMinutes(10);

    private final DispatchConfig.Stripe config;
    private final DispatchConfig.Poll poll;
    private final ObjectMapper json;
    private final HttpClient http;

    public StripePaymentProvider(DispatchConfig config, ObjectMapper json) {
        this.config = config.stripe();
        this.poll = config.poll();
        this.json = json;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(this.config.timeout())
                .build();
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
        form.put("metadata[idempotency_key]", p.idempotencyKey());
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
    public Uni<Found> poll(String type, String providerPaymentId) {
        String path = ("refund".equals(type) ? "/v1/refunds/" : "/v1/payouts/") + enc(providerPaymentId);
        return Uni.createFrom()
                .completionStage(() -> http.sendAsync(base(path).GET().build(), HttpResponse.BodyHandlers.ofString()))
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new IllegalStateException("Stripe answered " + response.statusCode() + " to GET " + path);
                    }
                    return found(read(response.body()), type);
                });
    }

    private static Found found(JsonNode object, String type) {
        String status = object.path("status").asText(null);
        return new Found(object.path("id").asText(), status, outcomeOf(object.path("object").asText(type), status),
                object.hasNonNull("amount") ? object.get("amount").asLong() : null,
                object.hasNonNull("currency") ? object.get("currency").asText().toUpperCase(Locale.ROOT) : null);
    }

    /**
     * Stripe has no lookup by idempotency key and no search over payouts or refunds, so this lists them (payouts to the
     * order's destination created since shortly before the first send; refunds of the refunded charge or payment
     * intent), newest first, at most {@code max-search-pages} pages of 100, and picks the one whose
     * {@code metadata[idempotency_key]} is the order's key (or, for objects sent before that metadata existed, whose
     * {@code metadata[payment_id]} is its id; amount and currency are checked when the answer is applied).
     */
    @Override
    public Uni<Found> find(OutboundPayment p, Instant firstSentAt) {
        String path;
        if ("refund".equals(p.type())) {
            path = "/v1/refunds?limit=100&" + (p.refundOf().startsWith("pi_") ? "payment_intent=" : "charge=")
                    + enc(p.refundOf());
        } else {
            long since = (firstSentAt == null ? Instant.EPOCH : firstSentAt.minus(SEARCH_SLACK)).getEpochSecond();
            path = "/v1/payouts?limit=100&destination=" + enc(p.destination()) + "&" + enc("created[gte]") + "="
                    + since;
        }
        return page(p, path, null, 1);
    }

    private Uni<Found> page(OutboundPayment p, String path, String startingAfter, int pageNo) {
        String url = startingAfter == null ? path : path + "&starting_after=" + enc(startingAfter);
        return Uni.createFrom()
                .completionStage(() -> http.sendAsync(base(url).GET().build(), HttpResponse.BodyHandlers.ofString()))
                .chain(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new IllegalStateException("Stripe answered " + response.statusCode() + " to GET " + url);
                    }
                    JsonNode list = read(response.body());
                    String last = null;
                    for (JsonNode object : list.path("data")) {
                        last = object.path("id").asText(null);
                        if (isSentBy(object, p)) {
                            return Uni.createFrom().item(found(object, p.type()));
                        }
                    }
                    boolean more = list.path("has_more").asBoolean(false) && last != null
                            && pageNo < poll.maxSearchPages();
                    return more ? page(p, path, last, pageNo + 1) : Uni.createFrom().nullItem();
                });
    }

    private static boolean isSentBy(JsonNode object, OutboundPayment p) {
        JsonNode metadata = object.path("metadata");
        String key = metadata.path("idempotency_key").asText(null);
        if (key != null) {
            return key.equals(p.idempotencyKey());
        }
        return Long.toString(p.paymentId()).equals(metadata.path("payment_id").asText(null));
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
                return new ProviderResult.Transient(status, "2xx without an object id", null, true);
            }
            String providerStatus = node.path("status").asText(null);
            Long amount = node.hasNonNull("amount") ? node.get("amount").asLong() : null;
            return new ProviderResult.Accepted(status, id, providerStatus,
                    outcomeOf(node.path("object").asText(), providerStatus), amount);
        }
        String message = errorMessage(response.body());
        if (status == 429) {
            // Stripe rate-limits before executing anything.
            return new ProviderResult.Transient(status, "HTTP " + status + ": " + message, retryAfter(response), false);
        }
        if (status == 409 || status >= 500 || "idempotency_error".equals(errorType(response.body()))) {
            // 5xx: Stripe may have executed it (and replays a 500 for the key); 409: a request with this key is in
            // progress; an idempotency error: this key was used before for a request we cannot see.
            return new ProviderResult.Transient(status, "HTTP " + status + ": " + message, retryAfter(response), true);
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

    private String errorType(String body) {
        try {
            return json.readTree(body).path("error").path("type").asText(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
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

    /**
     * A failure before any answer. Only a connection that was never made is certain not to have reached Stripe; a
     * timeout or a connection lost after the request went out is ambiguous.
     */
    static ProviderResult transientOf(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        boolean notConnected = cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException;
        String what = cause instanceof HttpConnectTimeoutException
                ? "connect timeout"
                : cause instanceof HttpTimeoutException
                        ? "timeout"
                        : cause instanceof ConnectException
                                ? "connection refused"
                                : "network error";
        return new ProviderResult.Transient(null, what + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
                null, !notConnected);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
