package io.walletrecon.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the reports screens and the bank reconciliation statement, in English here and in Simplified Chinese
 * in {@code messages/rep_zh-CN.properties}; templates write {@code {rep:key}}. The reports' own headings come from
 * {@code reports.ReportLabels}, the same the files print.
 */
@MessageBundle(value = "rep", locale = "en")
public interface ReportMessages {

    @Message("Reports")
    String navReports();

    @Message("Reports")
    String reportsTitle();

    @Message("Choose a report, an account and a period, then show it. Download it in any of its formats, or export a large report in the background.")
    String reportsIntro();

    @Message("Report")
    String report();

    @Message("{#when r}{#is 'reconciliation'}Reconciliation statement{#is 'differences'}Difference report{#is 'fund-flow'}Fund-flow summary{#is 'customer-statement'}Customer statement{#is 'overview'}Overview of every account{#else}{r}{/when}")
    String reportName(String r);

    @Message("Account")
    String account();

    @Message("required for the reconciliation statement")
    String accountHint();

    @Message("All accounts")
    String allAccounts();

    @Message("From")
    String from();

    @Message("To")
    String to();

    @Message("Customer no.")
    String customer();

    @Message("required for the customer statement")
    String customerHint();

    @Message("Currency")
    String currency();

    @Message("Show")
    String show();

    @Message("Downloads")
    String downloads();

    @Message("Download {format}")
    String downloadAs(String format);

    @Message("Showing the first {shown} of {total} rows; the files have them all.")
    String firstRows(int shown, long total);

    @Message("Nothing in this period.")
    String nothing();

    @Message("Export in the background")
    String exportTitle();

    @Message("For large reports: the file is written in the background; this page shows its progress and a download link when it is ready.")
    String exportIntro();

    @Message("Format")
    String format();

    @Message("Start export")
    String startExport();

    @Message("{#when s}{#is 'queued'}Queued{#is 'running'}Running{#is 'succeeded'}Ready{#is 'failed'}Failed{#else}{s}{/when}")
    String exportState(String s);

    @Message("{written} of {total} rows")
    String rowsOf(long written, Object total);

    @Message("Download the file")
    String downloadFile();

    @Message("Bank reconciliation statement")
    String bankRecTitle();

    @Message("The bank journal's balance and the bank statement's balance of a bank account on a day, each adjusted by the items only one side has booked.")
    String bankRecIntro();

    @Message("Bank account")
    String bankAccount();

    @Message("Choose a bank account")
    String chooseBankAccount();

    @Message("As of")
    String asOf();

    @Message("Bank statement of {date}; items from {from}")
    String statementOf(String date, String from);

    @Message("Bank statement of {date}")
    String statementOn(String date);

    @Message("The two adjusted balances agree: every difference is explained by the items below.")
    String balanced();

    @Message("The adjusted balances do not agree.")
    String unbalanced();

    @Message("Date")
    String date();

    @Message("Amount")
    String amount();

    @Message("Counterparty")
    String counterparty();

    @Message("Reference")
    String reference();

    @Message("Memo")
    String memo();

    @Message("Exception")
    String exception();

    @Message("Exception {id}")
    String exceptionNo(long id);

    @Message("{count} items")
    String items(long count);

    @Message("No items.")
    String noItems();

    @Message("Account")
    String accountColumn();

    @Message("Reported balance")
    String reportedBalance();

    @Message("Book balance")
    String bookBalance();

    @Message("Difference")
    String difference();

    @Message("Last statement")
    String lastStatement();

    @Message("Matched")
    String matched();

    @Message("Open exceptions")
    String openExceptions();
}
