package io.walletrecon.intake;

import java.util.Map;

/**
 * What a verifier vouches for: the provider's event id (the de-duplication key), its type when the envelope names
 * one, and the headers worth keeping with the raw body.
 */
public record AuthenticEvent(String eventId, String eventType, Map<String, String> storedHeaders) {
}
