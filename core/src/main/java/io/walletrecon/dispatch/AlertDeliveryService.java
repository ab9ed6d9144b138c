package io.walletrecon.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends pending alerts to the configured webhook, signed with the Standard Webhooks scheme
 * ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature: v1,<base64 HMAC-SHA256 of id.ts.body>}).
 * Retries are capped ({@code max-attempts}) with exponential backoff; after the cap a delivery is dead, not retried
 * forever.
 */
@ApplicationScoped
public class AlertDeliveryService {

    private final AlertRepository repository;
    private final DispatchConfig.Alerts config;
    private final ObjectMapper json;
    private final HttpClient http;

    public AlertDeliveryService(AlertRepository repository, DispatchConfig config, ObjectMapper json) {
        this.repository = repository;
        this.config = config.alerts();
        this.json = json;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(this.config.timeout())
                .build();
    }

    /** Delivers due alerts; returns how many were delivered. */
    public Uni<Integer> deliverDue() {
        String url = config.webhookUrl().filter(u -> !u.isBlank()).orElse(null);
        if (url == null) {
            return Uni.createFrom().item(0);
        }
        return repository.claimDue().chain(due -> Multi.createFrom().iterable(due)
                .onItem().transformToUniAndMerge(r -> deliver(url, r))
                .collect().asList().map(l -> (int) l.stream().filter(Boolean::booleanValue).count()));
    }

    private Uni<Boolean> deliver(String url, Row r) {
        String webhookId = r.getString("webhook_id");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", r.getLong("alert_id"));
        data.put("kind", r.getString("kind"));
        data.put("paymentId", r.getLong("payment_id"));
        if (r.getLong("bank_file_id") != null) {
            data.put("bankFileId", r.getLong("bank_file_id"));
        }
        data.put("message", r.getString("message"));
        data.put("createdAt", r.getOffsetDateTime("created_at").toString());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "payment.alert." + r.getString("kind").toLowerCase());
        event.put("timestamp", r.getOffsetDateTime("created_at").toString());
        event.put("data", data);
        String body;
        try {
            body = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long ts = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(ts))
                .header("webhook-signature", sign(config.webhookSecret().orElseThrow(
                        () -> new IllegalStateException(
                                "walletrecon.dispatch.alerts.webhook-secret is required with a webhook URL")),
                        webhookId, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        int attempt = r.getInteger("attempts");
        long alertId = r.getLong("alert_id");
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .map(HttpResponse::statusCode)
                .onFailure().recoverWithItem(-1)
                .chain(status -> {
                    boolean ok = status >= 200 && status < 300;
                    AlertDeliveryStatus outcome = AlertDeliveryStateMachine.after(ok, attempt, config.maxAttempts());
                    AlertDeliveryStateMachine.require(alertId, AlertDeliveryStatus.PENDING, outcome);
                    long delayMs = Backoff.uncapped(config.backoffBase()).exponential(attempt).toMillis();
                    return repository
                            .finish(alertId, outcome, status < 0 ? null : status,
                                    ok ? null : status < 0 ? "no answer" : "HTTP " + status,
                                    delayMs)
                            .replaceWith(ok);
                });
    }

    /** Standard Webhooks v1 signature; the secret is {@code whsec_} followed by the base64 key. */
    public static String sign(String secret, String id, long timestamp, String body) {
        String b64 = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(b64), "HmacSHA256"));
            byte[] sig = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
