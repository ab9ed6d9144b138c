package io.walletrecon.reports.bankrec;

import io.walletrecon.console.Language;
import io.walletrecon.reports.Column;
import io.walletrecon.reports.ReportLabels;
import io.walletrecon.reports.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The statement as the tables PDF and XLSX print: the journal's column and the bank's (side by side on paper), the
 * unexplained difference, and every reconciling item. On paper a "less" line shows the amount taken off, so the
 * negative totals of debits and payments print as positive amounts under their "less" label.
 */
final class BankReconciliationTables {

    static final String ITEMS = "items";

    private BankReconciliationTables() {
    }

    static List<Table> summaries(BankReconciliationView v) {
        return List.of(side("journalSide", v.currency(), "journalBalance", v.journal()),
                side("bankSide", v.currency(), "bankBalance", v.bank()),
                new Table("unexplainedDifference",
                        List.of(Column.text("currency"), Column.money("unexplainedDifference")),
                        List.<Object[]>of(new Object[]{v.currency(),
                                v.unexplainedDifference().amountMinor().longValueExact()})));
    }

    private static Table side(String name, String currency, String balanceKey, BankReconciliationView.Side s) {
        List<Column> columns = List.of(Column.text("currency"), Column.money(balanceKey),
                Column.money(s.add().key()), Column.money(s.less().key()), Column.money("adjustedBalance"));
        Object[] row = {currency, s.balance().amountMinor().longValueExact(), s.add().totalMinor(),
                Math.negateExact(s.less().totalMinor()), s.adjustedBalance().amountMinor().longValueExact()};
        return new Table(name, columns, List.<Object[]>of(row));
    }

    static Table items(BankReconciliationView v, Language language) {
        List<Column> columns = List.of(Column.text("group"), Column.date("date"), Column.text("currency"),
                Column.money("amount"), Column.text("counterparty"), Column.text("reference"), Column.text("memo"),
                Column.integer("exceptionId"));
        List<Object[]> rows = new ArrayList<>();
        for (BankReconciliationView.Group g : List.of(v.journal().add(), v.journal().less(), v.bank().add(),
                v.bank().less())) {
            String label = ReportLabels.of(g.key(), language);
            for (BankReconciliationView.Item i : g.items()) {
                rows.add(new Object[]{label, i.date(), v.currency(), i.amountMinor(), i.counterparty(), i.reference(),
                        i.memo(), i.exceptionId()});
            }
        }
        return new Table(ITEMS, columns, rows);
    }
}
