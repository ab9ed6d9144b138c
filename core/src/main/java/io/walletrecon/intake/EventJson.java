package io.walletrecon.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** Reads provider JSON as a tree; no reflection, so nothing to register for native images. */
final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {
    }

    /** The tree, or null when the bytes are not a JSON object. */
    static JsonNode tryParse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    static JsonNode parse(byte[] body) {
        JsonNode node = tryParse(body);
        if (node == null) {
            throw new UnprocessableEventException("the body is not a JSON object");
        }
        return node;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    static String requireText(JsonNode node, String path, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new UnprocessableEventException(path + field + " is missing");
        }
        return value;
    }

    /** An integer amount in minor units; decimals and strings are refused, never rounded. */
    static long requireMinor(JsonNode node, String path, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            throw new UnprocessableEventException(path + field + " is missing");
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw new UnprocessableEventException(
                    path + field + " must be a non-negative integer in minor units, was " + v);
        }
        return v.asLong();
    }

    static Long optionalMinor(JsonNode node, String path, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : requireMinor(node, path, field);
    }

    static JsonNode object(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isObject() ? v : null;
    }
}
