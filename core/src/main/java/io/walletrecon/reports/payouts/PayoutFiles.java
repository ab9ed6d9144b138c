package io.walletrecon.reports.payouts;

import io.walletrecon.console.Language;
import io.walletrecon.reports.Column;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The payout breakdown as files through the reports' renderers (CSV, XLSX, PDF), every heading a
 * {@link ReportLabels label} in the language asked for: a period's payouts (totals per currency, then one row per
 * payout), or one payout (its figures and its bank line, then every item it contains).
 */
@ApplicationScoped
public class PayoutFiles {

    static final List<Column> PAYOUT_COLUMNS = List.of(Column.text("payoutId"), Column.date("date"),
            Column.text("currency"), Column.money("payoutAmount"), Column.money("gross"), Column.money("fees"),
            Column.money("refunds"), Column.money("disputes"), Column.money("adjustments"), Column.money("net"),
            Column.money("difference"), Column.integer("itemCount"), Column.text("arrival"),
            Column.text("bankAccount"), Column.date("arrivedOn"), Column.text("bankCurrency"),
            new Column("bankAmount", Column.Kind.MONEY, "bankCurrency"), Column.text("bankReference"),
            Column.integer("exceptionId"));

    /** The columns of {@link #PAYOUT_COLUMNS} from this one on say where the payout stands at the bank. */
    static final int ARRIVAL_FROM = 12;

    static final List<Column> FIGURE_COLUMNS = List.of(Column.text("currency"), Column.money("payoutAmount"),
            Column.money("gross"), Column.money("fees"), Column.money("refunds"), Column.money("disputes"),
            Column.money("adjustments"), Column.money("net"), Column.money("difference"));

    static final List<Column> ITEM_COLUMNS = List.of(Column.date("date"), Column.text("itemType"),
            Column.integer("itemId"), Column.text("kind"), Column.text("component"), Column.text("providerTxnId"),
            Column.text("reference"), Column.text("description"), Column.text("currency"), Column.money("amount"),
            Column.money("fee"), Column.money("refundedWithoutRow"));

    private final PdfRenderer pdf;
    private final ReportsConfig config;

    public PayoutFiles(PdfRenderer pdf, ReportsConfig config) {
        this.pdf = pdf;
        this.config = config;
    }

    /** What a file is written from: its title, parameters, summary tables and detail table. */
    record Contents(String title, Map<String, String> parameters, String period, List<Table> summaries,
            Table detail) {
    }

    static Contents of(PayoutView.Page page, Language language) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("account", page.account());
        parameters.put("accountName", page.accountName());
        parameters.put("from", page.from().toString());
        parameters.put("to", page.to().toString());
        List<Object[]> rows = new ArrayList<>();
        Map<String, long[]> totals = new TreeMap<>();
        for (PayoutView p : page.payouts()) {
            rows.add(payoutRow(p, language));
            long[] t = totals.computeIfAbsent(p.currency(), c -> new long[8]);
            long[] f = figures(p);
            for (int i = 0; i < f.length; i++) {
                t[i] = Math.addExact(t[i], f[i]);
            }
        }
        List<Object[]> totalRows = new ArrayList<>();
        totals.forEach((currency, t) -> totalRows.add(figureRow(currency, t)));
        String period = page.from() + " " + ReportLabels.of("to", language) + " " + page.to();
        return new Contents(page.title(), parameters, period,
                List.of(new Table("byCurrency", FIGURE_COLUMNS, totalRows)),
                new Table(PayoutService.REPORT, PAYOUT_COLUMNS, rows));
    }

    static Contents of(PayoutView p, Language language) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("account", p.account());
        parameters.put("payoutId", p.id());
        parameters.put("date", p.date().toString());
        Table figures = new Table("figures", FIGURE_COLUMNS, List.<Object[]>of(figureRow(p.currency(), figures(p))));
        Object[] row = payoutRow(p, language);
        Table bank = new Table("arrival", PAYOUT_COLUMNS.subList(ARRIVAL_FROM, PAYOUT_COLUMNS.size()),
                List.<Object[]>of(java.util.Arrays.copyOfRange(row, ARRIVAL_FROM, row.length)));
        List<Object[]> items = new ArrayList<>();
        for (PayoutView.Item i : p.items()) {
            items.add(new Object[]{i.date(), i.source(), i.id(), i.kind(), ReportLabels.of(i.component(), language),
                    i.providerTxnId(), i.reference(), i.description(), p.currency(), i.amountMinor(), i.feeMinor(),
                    i.refundedMinor()});
        }
        return new Contents(ReportLabels.of(PayoutService.ONE_REPORT, language) + " " + p.id(), parameters,
                p.date().toString(), List.of(figures, bank), new Table("items", ITEM_COLUMNS, items));
    }

    private static long[] figures(PayoutView p) {
        return new long[]{p.amount().amountMinor(), p.gross().amountMinor(), p.fees().amountMinor(),
                p.refunds().amountMinor(), p.disputes().amountMinor(), p.adjustments().amountMinor(),
                p.net().amountMinor(), p.difference().amountMinor()};
    }

    private static Object[] figureRow(String currency, long[] f) {
        return new Object[]{currency, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]};
    }

    private static Object[] payoutRow(PayoutView p, Language language) {
        PayoutView.BankLine b = p.arrival().bankLine();
        String arrival = p.arrival().reason() == null
                ? p.arrival().label()
                : p.arrival().label() + ": " + p.arrival().reason();
        return new Object[]{p.id(), p.date(), p.currency(), p.amount().amountMinor(), p.gross().amountMinor(),
                p.fees().amountMinor(), p.refunds().amountMinor(), p.disputes().amountMinor(),
                p.adjustments().amountMinor(), p.net().amountMinor(), p.difference().amountMinor(), p.itemCount(),
                arrival, b == null ? null : b.account(), b == null ? null : b.date(),
                b == null ? p.currency() : b.currency(), b == null ? null : b.amountMinor(),
                b == null ? null : b.reference(), p.arrival().exceptionId()};
    }

    /** The summaries (labelled) then the detail rows, as CSV for a spreadsheet. */
    void csv(Contents c, Language language, OutputStream out) {
        try {
            out.write(CsvFormat.header(c.detail().columns(), language));
            RowFormat format = new RowFormat(c.detail().columns());
            StringBuilder sb = new StringBuilder();
            for (Object[] row : c.detail().rows()) {
                CsvFormat.line(sb, format, row);
            }
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void xlsx(Contents c, Language language, OutputStream out) {
        try {
            XlsxWriter.write(out, c.title(), c.parameters(), c.summaries(), c.detail().name(),
                    c.detail().columns(), c.detail().rows(), language);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void pdf(Contents c, Language language, OutputStream out) {
        String name = c.parameters().get("accountName");
        String subject = name == null
                ? c.parameters().get("account")
                : name + " (" + c.parameters().get("account") + ")";
        pdf.render(new PdfRenderer.Document(config.companyName(), c.title(), subject, c.period(), c.summaries(),
                c.detail(), language), out);
    }
}
