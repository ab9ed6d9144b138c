package io.walletrecon.reports;

import io.walletrecon.console.Language;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Charts read plainly: an empty period has an axis of whole amounts, not of 5E-9 steps. */
class JFreeChartRendererTest {

    private static String svg(BigDecimal in, BigDecimal out) {
        List<ChartRenderer.Point> points = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            points.add(new ChartRenderer.Point(LocalDate.of(2026, 3, d), in, out));
        }
        return new JFreeChartRenderer().svg(new ChartRenderer.Chart("Fund flow", "CNY", points));
    }

    @Test
    void anEmptyPeriodHasNoScientificNotationOnItsAxis() {
        String svg = svg(BigDecimal.ZERO, BigDecimal.ZERO);

        assertFalse(svg.matches("(?s).*>[-0-9.,]*E-?[0-9]+<.*"), "no tick label like 5E-9");
        assertTrue(svg.contains(">0<") || svg.contains(">0.0<") || svg.contains(">0.00<"), "zero is on the axis");
    }

    @Test
    void theTitleAxesAndLegendAreInTheChartsLanguage() {
        List<ChartRenderer.Point> points = List.of(new ChartRenderer.Point(LocalDate.of(2026, 3, 1), BigDecimal.ONE,
                BigDecimal.ZERO));
        for (var expected : List.of(
                List.of("en", "Fund-flow summary", "Period", "Amount (CNY)", "Inflow", "Outflow"),
                List.of("zh-CN", "资金流量汇总", "期间", "金额 (CNY)", "流入", "流出"))) {
            Language language = Language.of(expected.get(0)).orElseThrow();
            var chart = JFreeChartRenderer.build(new ChartRenderer.Chart(expected.get(1), "CNY", points, language));
            var plot = chart.getXYPlot();
            assertEquals(expected.subList(1, 6), List.of(chart.getTitle().getText(), plot.getDomainAxis().getLabel(),
                    plot.getRangeAxis().getLabel(), String.valueOf(plot.getDataset().getSeriesKey(0)),
                    String.valueOf(plot.getDataset().getSeriesKey(1))));
        }
    }

    @Test
    void largeAmountsAreGroupedByThousands() {
        String svg = svg(new BigDecimal("1250000.00"), new BigDecimal("300000.00"));

        assertTrue(svg.matches("(?s).*>1,[0-9]{3},[0-9]{3}<.*"), "a tick like 1,000,000");
    }
}
