package io.walletrecon.statements;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A header row read by column name (providers reorder and add columns; positions are not a contract). */
final class Columns {

    private final Map<String, Integer> index = new HashMap<>();
    private final int size;
    private final long headerLine;

    Columns(List<String> names, long headerLine, java.util.function.UnaryOperator<String> normalise) {
        for (int i = 0; i < names.size(); i++) {
            index.putIfAbsent(normalise.apply(names.get(i)), i);
        }
        this.size = names.size();
        this.headerLine = headerLine;
    }

    int size() {
        return size;
    }

    boolean has(String... aliases) {
        for (String a : aliases) {
            if (index.containsKey(a)) {
                return true;
            }
        }
        return false;
    }

    void require(String... aliases) {
        if (!has(aliases)) {
            throw new StatementFormatException(headerLine, "column '" + aliases[0] + "' is missing from the header");
        }
    }

    /** The trimmed value of the first alias present, or null when absent or empty. */
    String get(List<String> values, java.util.function.UnaryOperator<String> clean, String... aliases) {
        for (String a : aliases) {
            Integer i = index.get(a);
            if (i != null && i < values.size()) {
                return Amounts.emptyToNull(clean.apply(values.get(i)));
            }
        }
        return null;
    }
}
