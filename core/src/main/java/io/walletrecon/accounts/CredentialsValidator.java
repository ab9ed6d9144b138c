package io.walletrecon.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletrecon.data.Provider;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.security.PublicKeys;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Checks a provider's credentials before they are stored, and turns them into their typed form. */
@ApplicationScoped
public class CredentialsValidator {

    private final ObjectMapper json;

    public CredentialsValidator(ObjectMapper json) {
        this.json = json;
    }

    /** Returns the typed credentials for {@code provider}, or null for a bank account; 400 listing each problem. */
    public Object validate(Provider provider, JsonNode credentials) {
        List<ProblemError> errors = new ArrayList<>();
        Object typed = switch (provider) {
            case BANK -> {
                if (credentials != null && !credentials.isNull() && !credentials.isEmpty()) {
                    errors.add(ProblemError.field("credentials", "a bank account takes no credentials"));
                }
                yield null;
            }
            case STRIPE, STANDARD -> webhookSecrets(provider, credentials, errors);
            case WECHATPAY -> wechatPay(credentials, errors);
            case ALIPAY -> alipay(credentials, errors);
        };
        if (!errors.isEmpty()) {
            throw ApiException.invalid("The " + provider.code() + " credentials are not usable: "
                    + errors.stream().map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""),
                    errors);
        }
        return typed;
    }

    private <T> T read(JsonNode node, Class<T> type, List<ProblemError> errors) {
        if (node == null || node.isNull() || !node.isObject()) {
            errors.add(ProblemError.field("credentials", "is required and must be an object"));
            return null;
        }
        try {
            return json.treeToValue(node, type);
        } catch (Exception e) {
            errors.add(ProblemError.field("credentials", "has fields of the wrong type"));
            return null;
        }
    }

    private WebhookSecretCredentials webhookSecrets(Provider provider, JsonNode node, List<ProblemError> errors) {
        WebhookSecretCredentials c = read(node, WebhookSecretCredentials.class, errors);
        if (c == null) {
            return null;
        }
        if (provider == Provider.STANDARD && c.livemode() != null) {
            errors.add(ProblemError.field("credentials.livemode", "is for Stripe accounts only"));
        }
        if (c.webhookSecrets() == null || c.webhookSecrets().isEmpty()) {
            errors.add(ProblemError.field("credentials.webhookSecrets", "must list at least one secret"));
            return c;
        }
        for (int i = 0; i < c.webhookSecrets().size(); i++) {
            String secret = c.webhookSecrets().get(i);
            String field = "credentials.webhookSecrets[" + i + "]";
            if (secret == null || !secret.startsWith("whsec_") || secret.length() < 10) {
                errors.add(ProblemError.field(field, "must be the endpoint secret starting with whsec_"));
            } else if (provider == Provider.STANDARD) {
                try {
                    int length = Base64.getDecoder().decode(secret.substring(6)).length;
                    if (length < 24 || length > 64) {
                        errors.add(ProblemError.field(field, "must encode 24 to 64 bytes after whsec_, has " + length));
                    }
                } catch (IllegalArgumentException e) {
                    errors.add(ProblemError.field(field, "must be base64 after the whsec_ prefix"));
                }
            }
        }
        return c;
    }

    private WechatPayCredentials wechatPay(JsonNode node, List<ProblemError> errors) {
        WechatPayCredentials c = read(node, WechatPayCredentials.class, errors);
        if (c == null) {
            return null;
        }
        if (c.merchantId() == null || c.merchantId().isBlank()) {
            errors.add(ProblemError.field("credentials.merchantId", "is required"));
        }
        if (c.apiV3Key() == null || c.apiV3Key().getBytes(StandardCharsets.UTF_8).length != 32) {
            errors.add(ProblemError.field("credentials.apiV3Key", "must be the 32-character APIv3 key"));
        }
        if (c.platformPublicKeys() == null || c.platformPublicKeys().isEmpty()) {
            errors.add(ProblemError.field("credentials.platformPublicKeys",
                    "must map at least one serial to its public key or certificate"));
        } else {
            for (Map.Entry<String, String> key : c.platformPublicKeys().entrySet()) {
                checkKey("credentials.platformPublicKeys." + key.getKey(), key.getValue(), errors);
            }
        }
        return c;
    }

    private AlipayCredentials alipay(JsonNode node, List<ProblemError> errors) {
        AlipayCredentials c = read(node, AlipayCredentials.class, errors);
        if (c == null) {
            return null;
        }
        if (c.appId() == null || c.appId().isBlank()) {
            errors.add(ProblemError.field("credentials.appId", "is required"));
        }
        if (c.sellerId() != null && !c.sellerId().matches("2088\\d{12}")) {
            errors.add(
                    ProblemError.field("credentials.sellerId", "must be the 16-digit partner id starting with 2088"));
        }
        if (c.alipayPublicKeys() == null || c.alipayPublicKeys().isEmpty()) {
            errors.add(ProblemError.field("credentials.alipayPublicKeys", "must list at least one Alipay public key"));
        } else {
            for (int i = 0; i < c.alipayPublicKeys().size(); i++) {
                checkKey("credentials.alipayPublicKeys[" + i + "]", c.alipayPublicKeys().get(i), errors);
            }
        }
        return c;
    }

    private static void checkKey(String field, String key, List<ProblemError> errors) {
        try {
            PublicKeys.parseRsa(key);
        } catch (IllegalArgumentException e) {
            errors.add(ProblemError.field(field, "is " + e.getMessage()));
        }
    }
}
