package io.walletrecon.matching;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.TreeMap;

/** What one run created: new matches by rule and new exceptions by type. Sorted, so its JSON is deterministic. */
final class RunCounts {

    final Map<String, Long> matches = new TreeMap<>();
    final Map<String, Long> exceptions = new TreeMap<>();

    private static final TypeReference<Map<String, Long>> MAP = new TypeReference<>() {
    };

    void addMatches(ObjectMapper json, String counts) {
        merge(matches, json, counts);
    }

    void addExceptions(ObjectMapper json, String counts) {
        merge(exceptions, json, counts);
    }

    private static void merge(Map<String, Long> into, ObjectMapper json, String counts) {
        if (counts == null || counts.isBlank()) {
            return;
        }
        try {
            Map<String, Long> add = json.readValue(counts, MAP);
            add.forEach((k, v) -> into.merge(k, v, Long::sum));
        } catch (Exception e) {
            throw new IllegalStateException("unreadable counts " + counts, e);
        }
    }

    String toJson(ObjectMapper json) {
        try {
            return json.writeValueAsString(Map.of("matches", matches, "exceptions", exceptions));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
