package io.walletrecon.reports;

import io.walletrecon.console.Language;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Draws the fund-flow chart. An interface because the charting library draws with java.awt (Java2D), which native
 * images support only partly: the JVM server renders charts; a native build would need another implementation.
 */
public interface ChartRenderer {

    record Point(LocalDate periodStart, BigDecimal inflow, BigDecimal outflow) {
    }

    /** A chart labelled in {@code language}. */
    record Chart(String title, String currency, List<Point> points, Language language) {

        /** A chart labelled in English. */
        public Chart(String title, String currency, List<Point> points) {
            this(title, currency, points, Language.EN);
        }
    }

    byte[] png(Chart chart);

    String svg(Chart chart);
}
