package io.walletrecon.matching;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run created: new matches by rule and new exceptions by type. Sorted, so its JSON is deterministic. Beside
 * them, what the run changed on transactions from the provider's bill (recorded transactions, fees), which the run
 * audits at its end; not part of the counts.
 */
final class RunCounts {

    final Map<String, Long> matches = new TreeMap<>();
    final Map<String, Long> exceptions = new TreeMap<>();
    /** Transactions recorded from the bill: {@code count} and {@code ids} (the first {@link RecordRules#AUDIT_IDS}). */
    Map<String, Object> fromBill = Map.of();
    /** Fees taken from the bill: {@code filled}, {@code corrected} and the {@code corrections}. */
    Map<String, Object> feesFromBill = Map.of();
    /**
     * Payment orders the bank's lines settled: ids by the state they moved to ({@code completed}, {@code returned}).
     */
    final Map<String, List<Long>> ordersFromBank = new TreeMap<>();

    private static final TypeReference<Map<String, Long>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };
    private static final TypeReference<List<Long>> IDS = new TypeReference<>() {
    };
    private static final ObjectMapper PLAIN = new ObjectMapper();

    void learntFromBill(String details) {
        fromBill = read(details);
    }

    void feesFromBill(String details) {
        feesFromBill = read(details);
    }

    /** Adds the order ids of {@code ids} (a JSON array) to those that moved to {@code state}. */
    void ordersFromBank(String state, String ids) {
        try {
            List<Long> list = PLAIN.readValue(ids, IDS);
            if (!list.isEmpty()) {
                ordersFromBank.computeIfAbsent(state, k -> new ArrayList<>()).addAll(list);
            }
        } catch (Exception e) {
            throw new IllegalStateException("unreadable ids " + ids, e);
        }
    }

    boolean learntAny() {
        return number(fromBill, "count") > 0;
    }

    boolean feesAny() {
        return number(feesFromBill, "filled") + number(feesFromBill, "corrected") > 0;
    }

    private static long number(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? n.longValue() : 0;
    }

    private static Map<String, Object> read(String details) {
        try {
            return details == null ? Map.of() : PLAIN.readValue(details, DETAILS);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable details " + details, e);
        }
    }

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
