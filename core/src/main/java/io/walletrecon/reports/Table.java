package io.walletrecon.reports;

import java.util.List;

/** A small, fully computed part of a report (figures, totals, top customers): a few rows, held in memory. */
public record Table(String name, List<Column> columns, List<Object[]> rows) {

    public int index(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + column + " in " + name);
    }

    /** The value of {@code column} in the first row, or null when there is no row. */
    public Object first(String column) {
        return rows.isEmpty() ? null : rows.get(0)[index(column)];
    }
}
