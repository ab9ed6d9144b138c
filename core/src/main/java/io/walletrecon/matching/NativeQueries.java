package io.walletrecon.matching;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a row the matching repositories build as a JSON object into its view. */
final class NativeQueries {

    private NativeQueries() {
    }

    static <T> T read(ObjectMapper json, String row, Class<T> type) {
        try {
            return json.readValue(row, type);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable row", e);
        }
    }
}
