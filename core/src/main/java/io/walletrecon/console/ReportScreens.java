package io.walletrecon.console;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateExtension;
import io.walletrecon.reports.Column;
import io.walletrecon.reports.ReportLabels;
import io.walletrecon.reports.RowFormat;
import io.walletrecon.reports.Table;
import io.walletrecon.reports.bankrec.BankReconciliationView;
import io.walletrecon.reports.exports.ExportView;
import io.walletrecon.reports.statements.ReportService;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the reports screens show, built from the reports' own tables and views: every heading labelled as the files
 * label it ({@link ReportLabels}), money grouped with its currency's decimals, dates in the page's language. Qute
 * reads these types through the resolvers {@code @TemplateData} generates (native, no reflection); the overview's
 * types are declared once, on {@link ReconciliationModels} (a second declaration fails the build).
 */
@TemplateData(target = ExportView.class)
@TemplateData(target = ReportForm.class)
final class ReportScreens {

    private ReportScreens() {
    }

    /** A cell and whether it holds a number (right-aligned). */
    @TemplateData
    record Cell(String text, boolean num) {
    }

    /** A table of a report: its label, headings and rows, and how many rows the report has in all. */
    @TemplateData
    record Shown(String name, String label, List<Cell> headers, List<List<Cell>> rows, long total) {

        public boolean truncated() {
            return total > rows.size();
        }

        /** A single row of many columns (a report's figures) reads better as a list of label and value. */
        public boolean vertical() {
            return rows.size() == 1 && headers.size() > 6;
        }

        /** The single row's values beside their headings. */
        public List<Fact> facts() {
            List<Fact> out = new ArrayList<>();
            for (int i = 0; i < headers.size(); i++) {
                out.add(new Fact(headers.get(i).text(), rows.get(0).get(i)));
            }
            return out;
        }
    }

    /** A heading and the value under it. */
    @TemplateData
    record Fact(String label, Cell value) {
    }

    /** A report previewed: its title and subject, its tables, and the formats it downloads in and exports to. */
    @TemplateData
    record Preview(String title, String subject, List<Shown> tables, List<String> formats,
            List<String> exportFormats) {
    }

    static Preview of(ReportService.Preview p, Language lang) {
        List<Shown> tables = new ArrayList<>();
        for (Table t : p.summaries()) {
            tables.add(table(t, t.rows().size(), lang));
        }
        tables.add(table(p.detail(), p.total(), lang));
        List<String> formats = p.plan().name().formats();
        return new Preview(ReportLabels.of(p.plan().name().path, lang), p.plan().subject(), tables, formats,
                formats.stream().filter(f -> List.of("csv", "xlsx", "pdf").contains(f)).toList());
    }

    static Shown table(Table t, long total, Language lang) {
        RowFormat f = new RowFormat(t.columns());
        List<Cell> headers = t.columns().stream()
                .map(c -> new Cell(ReportLabels.of(c.name(), lang), numeric(c))).toList();
        List<List<Cell>> rows = new ArrayList<>();
        for (Object[] row : t.rows()) {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < row.length; i++) {
                Column c = t.columns().get(i);
                String text = c.kind() == Column.Kind.DATE && row[i] instanceof LocalDate d
                        ? Formats.date(d, lang.locale)
                        : f.display(row, i);
                cells.add(new Cell(text, numeric(c)));
            }
            rows.add(cells);
        }
        return new Shown(t.name(), ReportLabels.of(t.name(), lang), headers, rows, total);
    }

    private static boolean numeric(Column c) {
        return c.kind() == Column.Kind.MONEY || c.kind() == Column.Kind.INTEGER;
    }

    /** One column of the 余额调节表: the balance, what is added, what is taken off, the adjusted balance. */
    @TemplateData
    record RecSide(String label, String balanceLabel, String balance, RecGroup add, RecGroup less,
            String adjustedLabel, String adjusted) {
    }

    /** A group of reconciling items; amounts taken off show as the positive amounts they are on paper. */
    @TemplateData
    record RecGroup(String key, String label, long count, String total, List<RecItem> items) {
    }

    @TemplateData
    record RecItem(LocalDate date, String amount, String counterparty, String reference, String memo,
            Long exceptionId) {
    }

    /** The statement as the screen lays it out, the journal's column on the left, the bank's on the right. */
    @TemplateData
    record BankRec(String title, String account, String accountName, String currency, LocalDate date,
            LocalDate bankStatementDate, LocalDate itemsFrom, RecSide journal, RecSide bank, String gapLabel,
            String gap, boolean balanced) {

        /** The journal's column, then the bank's. */
        public List<RecSide> sides() {
            return List.of(journal, bank);
        }

        /** Every group of reconciling items, the journal's first. */
        public List<RecGroup> groups() {
            return List.of(journal.add(), journal.less(), bank.add(), bank.less());
        }

        /** The formats the statement is written in. */
        public List<String> formats() {
            return List.of("json", "pdf", "xlsx");
        }
    }

    static BankRec of(BankReconciliationView v) {
        String ccy = v.currency();
        return new BankRec(v.title(), v.account(), v.accountName(), ccy, v.date(), v.bankStatementDate(),
                v.itemsFrom(), side(v.journal(), ccy), side(v.bank(), ccy), v.unexplainedDifference().label(),
                Formats.money(v.unexplainedDifference().amountMinor().longValueExact(), ccy), v.balanced());
    }

    private static RecSide side(BankReconciliationView.Side s, String ccy) {
        return new RecSide(s.label(), s.balance().label(),
                Formats.money(s.balance().amountMinor().longValueExact(), ccy), group(s.add(), ccy, false),
                group(s.less(), ccy, true), s.adjustedBalance().label(),
                Formats.money(s.adjustedBalance().amountMinor().longValueExact(), ccy));
    }

    private static RecGroup group(BankReconciliationView.Group g, String ccy, boolean takenOff) {
        List<RecItem> items = g.items().stream()
                .map(i -> new RecItem(i.date(), Formats.money(takenOff ? -i.amountMinor() : i.amountMinor(), ccy),
                        i.counterparty(), i.reference(), i.memo(), i.exceptionId()))
                .toList();
        return new RecGroup(g.key(), g.label(), g.count(),
                Formats.money(takenOff ? -g.totalMinor() : g.totalMinor(), ccy), items);
    }

    /** {@code {share.percent}}: a share (0.9821) as a percentage with one decimal (98.2%); empty without one. */
    @TemplateExtension
    static String percent(BigDecimal share) {
        return share == null
                ? ""
                : share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** {@code {f.upper}}: a format's extension as its name (pdf: PDF). */
    @TemplateExtension
    static String upper(String format) {
        return format.toUpperCase(Locale.ROOT);
    }
}
