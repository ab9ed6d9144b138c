package io.walletrecon.intake;

import java.util.Map;

/** One delivery as received: header names lower-cased, the body exactly as sent. */
public record WebhookRequest(String accountCode, Map<String, String> headers, byte[] body) {

    public String header(String name) {
        return headers.get(name);
    }

    public String require(String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new WebhookRejectedException(RejectionReason.MISSING_HEADERS, "header " + name + " is required");
        }
        return value.trim();
    }
}
