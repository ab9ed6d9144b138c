package io.walletrecon.reports.statements;

import io.smallrye.mutiny.Uni;
import io.walletrecon.console.Language;
import io.walletrecon.data.Paging;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.ProblemType;
import io.walletrecon.problem.Validation;
import io.walletrecon.reports.ChartRenderer;
import io.walletrecon.reports.CsvFormat;
import io.walletrecon.reports.PdfRenderer;
import io.walletrecon.reports.ReportLabels;
import io.walletrecon.reports.ReportsConfig;
import io.walletrecon.reports.RowFormat;
import io.walletrecon.reports.Table;
import io.walletrecon.reports.XlsxWriter;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Produces reports in every format from one plan: the same SQL feeds JSON pages, the CSV stream, the workbook, the
 * PDF and the chart. Methods named write* block (run them on a worker thread); the others are reactive.
 */
@ApplicationScoped
public class ReportService {

    /** Rows per chunk written to the HTTP response; one write per row would cost more than the row. */
    static final int CSV_ROWS_PER_CHUNK = 500;
    /** Rows requested from the cursor stream at a time by the blocking writers (bounded queue, back-pressure). */
    static final int ITERABLE_BATCH = 2048;

    private final ReportPlanner planner;
    private final ReportRepository repository;
    private final PdfRenderer pdf;
    private final ChartRenderer charts;
    private final ReportsConfig config;
    private final Paging paging;

    public ReportService(ReportPlanner planner, ReportRepository repository, PdfRenderer pdf, ChartRenderer charts,
            ReportsConfig config,
            Paging paging) {
        this.paging = paging;
        this.planner = planner;
        this.repository = repository;
        this.pdf = pdf;
        this.charts = charts;
        this.config = config;
    }

    public Uni<ReportPlan> plan(String name, ReportQuery query) {
        return planner.plan(name, query);
    }

    /** The report as JSON: parameters, every summary table in full, and one page of the detail with its total. */
    public Uni<Map<String, Object>> json(String name, ReportQuery query, int page, Integer requestedSize) {
        return json(name, query, page, requestedSize, defaultLanguage());
    }

    /** As {@link #json(String, ReportQuery, int, Integer)}, its title in {@code language}. */
    public Uni<Map<String, Object>> json(String name, ReportQuery query, int page, Integer requestedSize,
            Language language) {
        int size = paging.size(requestedSize);
        List<ProblemError> errors = new ArrayList<>();
        Paging.check(page, size, config.maxPageSize(), errors);
        Validation.refuseIfAny(errors);
        return plan(name, query).chain(plan -> repository.tables(plan.summaries())
                .chain(summaries -> repository.page(plan.detail(), page, size)
                        .chain(items -> repository.count(plan.detail()).map(total -> {
                            Map<String, Object> out = new LinkedHashMap<>();
                            out.put("report", plan.name().path);
                            out.put("title", ReportLabels.of(plan.name().path, language));
                            out.put("subject", plan.subject());
                            out.put("parameters", plan.parameters());
                            for (Table t : summaries) {
                                RowFormat f = new RowFormat(t.columns());
                                List<Map<String, Object>> rows = t.rows().stream().map(f::json).toList();
                                // A one-row summary of a single-currency report reads better as an object.
                                out.put(t.name(),
                                        t.name().equals("figures") ? (rows.isEmpty() ? null : rows.get(0)) : rows);
                            }
                            RowFormat f = new RowFormat(items.columns());
                            Map<String, Object> detail = new LinkedHashMap<>();
                            detail.put("items", items.rows().stream().map(f::json).toList());
                            detail.put("page", page);
                            detail.put("size", size);
                            detail.put("total", total);
                            out.put(plan.detail().name(), detail);
                            return out;
                        }))));
    }

    /** A report as a page shows it: its summaries in full, the first rows of its detail, and how many rows it has. */
    public record Preview(ReportPlan plan, List<Table> summaries, Table detail, long total) {
    }

    /** The report's summaries and the first {@code rows} rows of its detail, for a page to show before a download. */
    public Uni<Preview> preview(String name, ReportQuery query, int rows) {
        return plan(name, query).chain(plan -> repository.tables(plan.summaries())
                .chain(summaries -> repository.page(plan.detail(), 0, rows)
                        .chain(detail -> repository.count(plan.detail())
                                .map(total -> new Preview(plan, summaries, detail, total)))));
    }

    /**
     * Blocking CSV to a stream (HTTP responses and export jobs): BOM and header, then rows straight from the cursor in
     * chunks of {@value #CSV_ROWS_PER_CHUNK}, never all in memory; {@code progress} receives the running row count.
     */
    public long writeCsv(ReportPlan plan, OutputStream out, LongConsumer progress) {
        return writeCsv(plan, out, progress, null);
    }

    /**
     * As {@link #writeCsv(ReportPlan, OutputStream, LongConsumer)}, the header labelled in {@code language}; null
     * keeps the field names, which scripts read columns by.
     */
    public long writeCsv(ReportPlan plan, OutputStream out, LongConsumer progress, Language language) {
        RowFormat f = new RowFormat(plan.detail().columns());
        long n = 0;
        try (Stream<Object[]> rows = rows(plan)) {
            out.write(CsvFormat.header(plan.detail().columns(), language));
            StringBuilder sb = new StringBuilder(64 * 1024);
            for (Iterator<Object[]> it = rows.iterator(); it.hasNext();) {
                CsvFormat.line(sb, f, it.next());
                if (++n % CSV_ROWS_PER_CHUNK == 0) {
                    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                    sb.setLength(0);
                    progress.accept(n);
                }
            }
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.accept(n);
        return n;
    }

    /** Blocking: the workbook (totals sheet + detail sheet), detail rows streamed from the cursor. */
    public long writeXlsx(ReportPlan plan, OutputStream out, LongConsumer progress) {
        return writeXlsx(plan, out, progress, defaultLanguage());
    }

    /** As {@link #writeXlsx(ReportPlan, OutputStream, LongConsumer)}, labelled in {@code language}. */
    public long writeXlsx(ReportPlan plan, OutputStream out, LongConsumer progress, Language language) {
        List<Table> summaries = repository.tables(plan.summaries()).await().indefinitely();
        try (Stream<Object[]> rows = rows(plan)) {
            Iterator<Object[]> it = rows.iterator();
            long[] n = {0};
            Iterable<Object[]> counted = () -> new Iterator<>() {
                public boolean hasNext() {
                    return it.hasNext();
                }

                public Object[] next() {
                    if (++n[0] % 10_000 == 0) {
                        progress.accept(n[0]);
                    }
                    return it.next();
                }
            };
            long written = XlsxWriter.write(out, plan, summaries, counted, language);
            progress.accept(written);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The detail rows as a blocking stream with a bounded buffer. Closing it (try-with-resources) cancels the cursor
     * even when the writer fails half-way, for instance because the client went away: the connection and its
     * transaction go back to the pool instead of leaking.
     */
    private Stream<Object[]> rows(ReportPlan plan) {
        return repository.stream(plan.detail()).subscribe()
                .asStream(ITERABLE_BATCH, () -> new java.util.concurrent.ArrayBlockingQueue<>(ITERABLE_BATCH));
    }

    /**
     * Blocking: the report as a file in {@code format} (csv, xlsx or pdf), labelled in {@code language} (null: CSV
     * keeps the field names, the others take the configured language); returns the detail rows written.
     */
    public long write(ReportPlan plan, String format, OutputStream out, LongConsumer progress, Language language) {
        Language labels = language == null ? defaultLanguage() : language;
        return switch (format) {
            case "csv" -> writeCsv(plan, out, progress, language);
            case "xlsx" -> writeXlsx(plan, out, progress, labels);
            case "pdf" -> writePdf(plan, out, labels);
            default -> throw new IllegalArgumentException("not a file format of reports: " + format);
        };
    }

    /** Blocking: the printable statement. Only the two statements are documents; the other reports are data. */
    public long writePdf(ReportPlan plan, OutputStream out) {
        return writePdf(plan, out, defaultLanguage());
    }

    /** As {@link #writePdf(ReportPlan, OutputStream)}, labelled in {@code language}. */
    public long writePdf(ReportPlan plan, OutputStream out, Language language) {
        if (!plan.name().formats().contains("pdf")) {
            throw new ApiException(ProblemType.NOT_ACCEPTABLE,
                    "PDF is available for reconciliation and customer-statement; "
                            + plan.name().path + " answers application/json, text/csv and XLSX");
        }
        List<Table> summaries = repository.tables(plan.summaries()).await().indefinitely();
        Table detail = repository.table(plan.detail()).await().indefinitely();
        String period = plan.parameters().get("from") + " " + ReportLabels.of("to", language) + " "
                + plan.parameters().get("to");
        pdf.render(new PdfRenderer.Document(config.companyName(), ReportLabels.of(plan.name().path, language),
                plan.subject(), period, summaries, detail, language), out);
        return detail.rows().size();
    }

    /**
     * The fund-flow chart's data: inflow and outflow per period, in one currency, its title, axes and legend
     * labelled in {@code language}.
     */
    public Uni<ChartRenderer.Chart> chart(ReportPlan plan, Language language) {
        if (plan.name() != ReportName.FUND_FLOW) {
            throw new ApiException(ProblemType.NOT_ACCEPTABLE,
                    "Charts (image/png, image/svg+xml) are available for fund-flow; "
                            + plan.name().path + " answers application/json, text/csv and XLSX");
        }
        ReportPlan.SqlQuery series = plan.summaries().stream().filter(s -> s.name().equals("series")).findFirst()
                .orElseThrow();
        return repository.table(series).map(t -> {
            List<String> currencies = t.rows().stream().map(r -> (String) r[t.index("currency")]).distinct().toList();
            if (currencies.size() > 1) {
                throw ApiException.unprocessable("The period has flows in " + String.join(", ", currencies)
                        + "; a chart shows one currency: add currency=<code> (or account=<code>)",
                        List.of(ProblemError.field("currency", "is required when the flows have several currencies")));
            }
            String currency = currencies.isEmpty()
                    ? (plan.currency() == null ? "" : plan.currency())
                    : currencies.get(0);
            RowFormat f = new RowFormat(t.columns());
            int in = t.index("inflow");
            int out = t.index("outflow");
            Map<LocalDate, ChartRenderer.Point> byPeriod = new java.util.TreeMap<>();
            for (Object[] r : t.rows()) {
                LocalDate start = (LocalDate) r[t.index("periodStart")];
                byPeriod.put(start, new ChartRenderer.Point(start, f.decimal(r, in), f.decimal(r, out)));
            }
            // Periods without movements are drawn as zero rather than skipped, so the time axis is the whole period.
            String period = plan.parameters().get("period");
            LocalDate from = LocalDate.parse(plan.parameters().get("from"));
            LocalDate to = LocalDate.parse(plan.parameters().get("to"));
            LocalDate start = switch (period) {
                case "week" -> from.with(java.time.DayOfWeek.MONDAY);
                case "month" -> from.withDayOfMonth(1);
                default -> from;
            };
            for (LocalDate d = start; !d.isAfter(to); d = period.equals("week")
                    ? d.plusWeeks(1)
                    : period.equals("month") ? d.plusMonths(1) : d.plusDays(1)) {
                byPeriod.putIfAbsent(d, new ChartRenderer.Point(d, BigDecimal.ZERO, BigDecimal.ZERO));
            }
            List<ChartRenderer.Point> points = List.copyOf(byPeriod.values());
            String title = ReportLabels.of(plan.name().path, language) + " " + plan.parameters().get("from") + " "
                    + ReportLabels.of("to", language) + " " + plan.parameters().get("to") + " · "
                    + ReportLabels.of("by." + period, language);
            return new ChartRenderer.Chart(title, currency, points, language);
        });
    }

    public byte[] png(ChartRenderer.Chart chart) {
        return charts.png(chart);
    }

    public String svg(ChartRenderer.Chart chart) {
        return charts.svg(chart);
    }

    /** The language of report files when a request names none. */
    public Language defaultLanguage() {
        return Language.of(config.language()).orElse(Language.EN);
    }

    public static String fileName(ReportPlan plan, String extension) {
        return plan.name().path + "_" + plan.parameters().getOrDefault("from", "") + "_"
                + plan.parameters().getOrDefault("to", "") + "." + extension;
    }
}
