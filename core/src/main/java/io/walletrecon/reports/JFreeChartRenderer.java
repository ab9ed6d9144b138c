package io.walletrecon.reports;

import io.walletrecon.console.Language;
import jakarta.enterprise.context.ApplicationScoped;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Color;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Inflow and outflow over time as a JFreeChart time-series chart; PNG by ChartUtils, SVG by JFreeSVG. */
@ApplicationScoped
public class JFreeChartRenderer implements ChartRenderer {

    static final int WIDTH = 900;
    static final int HEIGHT = 450;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Override
    public byte[] png(Chart chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, build(chart), WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public String svg(Chart chart) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        build(chart).draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGDocument();
    }

    /**
     * The chart, labelled in the chart's language. The amount axis is never narrower than one unit of the currency and
     * prints grouped decimals: an empty period (every point zero) shows 0 to 1, not a range of 1E-8 labelled in 5E-9
     * steps; it starts at zero unless an amount is negative, so bars of equal height are equal amounts.
     */
    static JFreeChart build(Chart chart) {
        Language lang = chart.language();
        TimeSeries inflow = new TimeSeries(ReportLabels.of("inflow", lang));
        TimeSeries outflow = new TimeSeries(ReportLabels.of("outflow", lang));
        for (Point p : chart.points()) {
            Day day = new Day(p.periodStart().getDayOfMonth(), p.periodStart().getMonthValue(),
                    p.periodStart().getYear());
            inflow.addOrUpdate(day, p.inflow());
            outflow.addOrUpdate(day, p.outflow());
        }
        TimeSeriesCollection data = new TimeSeriesCollection();
        data.addSeries(inflow);
        data.addSeries(outflow);
        String amount = ReportLabels.of("amount", lang)
                + (chart.currency().isEmpty() ? "" : " (" + chart.currency() + ")");
        JFreeChart built = ChartFactory.createTimeSeriesChart(chart.title(), ReportLabels.of("period", lang), amount,
                data, true, false, false);
        XYPlot plot = built.getXYPlot();
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setAutoRangeIncludesZero(true);
        axis.setAutoRangeMinimumSize(1.0);
        axis.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        return built;
    }
}
