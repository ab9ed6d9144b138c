package io.walletrecon.reports;

import jakarta.enterprise.context.ApplicationScoped;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

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

    private static JFreeChart build(Chart chart) {
        TimeSeries inflow = new TimeSeries("Inflow");
        TimeSeries outflow = new TimeSeries("Outflow");
        for (Point p : chart.points()) {
            Day day = new Day(p.periodStart().getDayOfMonth(), p.periodStart().getMonthValue(),
                    p.periodStart().getYear());
            inflow.addOrUpdate(day, p.inflow());
            outflow.addOrUpdate(day, p.outflow());
        }
        TimeSeriesCollection data = new TimeSeriesCollection();
        data.addSeries(inflow);
        data.addSeries(outflow);
        return ChartFactory.createTimeSeriesChart(chart.title(), "Period", "Amount (" + chart.currency() + ")", data,
                true, false, false);
    }
}
