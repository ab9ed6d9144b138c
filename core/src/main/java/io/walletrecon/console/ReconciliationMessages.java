package io.walletrecon.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the overview, statement and matching-run screens, in English here and in Simplified Chinese in
 * {@code messages/rec_zh-CN.properties} (templates write {@code {rec:key}}); build-time checked like
 * {@link ConsoleMessages}.
 */
@MessageBundle(value = "rec", locale = "en")
public interface ReconciliationMessages {

    @Message("Statements")
    String navStatements();

    @Message("Matching")
    String navRuns();

    @Message("Period")
    String period();

    @Message("From")
    String from();

    @Message("To")
    String to();

    @Message("Show")
    String show();

    @Message("Accounts")
    String accounts();

    @Message("Account")
    String account();

    @Message("Currency")
    String currency();

    @Message("Reported balance")
    String reported();

    @Message("Book balance")
    String book();

    @Message("Difference")
    String difference();

    @Message("Last statement")
    String lastStatement();

    @Message("Matched")
    String matched();

    @Message("Open exceptions")
    String openExceptions();

    @Message("as of {date}")
    String asOf(String date);

    @Message("{matched} of {items}")
    String matchedOf(long matched, long items);

    @Message("Open exceptions by age (days since the business date)")
    String exceptionsByAge();

    @Message("0–1 days")
    String age0To1();

    @Message("2–3 days")
    String age2To3();

    @Message("4–7 days")
    String age4To7();

    @Message("Over 7 days")
    String ageOver7();

    @Message("Total")
    String total();

    @Message("Unidentified receipts")
    String unidentified();

    @Message("Settlements not arrived")
    String notArrived();

    @Message("None")
    String none();

    @Message("Last runs")
    String lastRuns();

    @Message("All runs")
    String allRuns();

    @Message("{#when t}{#is 'unmatched_receipt'}Unmatched receipt{#is 'unpaid_receivable'}Unpaid receivable{#is 'amount_mismatch'}Amount mismatch{#is 'duplicate_payment'}Duplicate payment{#is 'ambiguous'}Ambiguous{#is 'missing_in_provider'}Missing at the provider{#is 'missing_in_records'}Missing in our records{#is 'settlement_difference'}Settlement difference{#is 'settlement_not_arrived'}Settlement not arrived{#is 'fx_difference'}FX difference{#is 'unidentified_receipt'}Unidentified receipt{#is 'payment_not_debited'}Payment not debited{#is 'unexpected_debit'}Unexpected debit{#is 'debit_amount_mismatch'}Debit amount mismatch{#else}{t}{/when}")
    String exceptionType(String t);

    @Message("{#when s}{#is 'open'}Open{#is 'in_review'}In review{#is 'resolved'}Resolved{#is 'written_off'}Written off{#else}{s}{/when}")
    String exceptionStatus(String s);

    // Statements

    @Message("Statements and bills")
    String statementsTitle();

    @Message("Upload statements")
    String uploadTitle();

    @Message("Format")
    String format();

    @Message("Reference")
    String reference();

    @Message("Lines")
    String lines();

    @Message("Opening")
    String opening();

    @Message("Closing")
    String closing();

    @Message("Imported")
    String imported();

    @Message("{matched} matched, {suggested} suggested, {classified} fees or interest, {unmatched} unmatched")
    String lineStates(long matched, long suggested, long classified, long unmatched);

    @Message("All accounts")
    String allAccounts();

    @Message("Statement {id}")
    String statementTitle(long id);

    @Message("Back to the statements")
    String backToStatements();

    @Message("Line")
    String lineNo();

    @Message("Value date")
    String valueDate();

    @Message("Amount")
    String amount();

    @Message("Kind")
    String kind();

    @Message("Counterparty")
    String counterparty();

    @Message("Remittance and references")
    String remittance();

    @Message("Match")
    String matchState();

    @Message("Exception")
    String exception();

    @Message("{#when s}{#is 'matched'}Matched{#is 'suggested'}Suggested{#is 'unmatched'}Unmatched{#else}{s}{/when}")
    String lineState(String s);

    @Message("{#when k}{#is 'payment'}Payment{#is 'fee'}Bank fee{#is 'interest'}Interest{#else}{k}{/when}")
    String lineKind(String k);

    @Message("Files in camt.053/052/054, MT940/MT942, BAI2, Alipay, WeChat Pay or Stripe format; several at once. Each file is imported whole or not at all: a refused file names its lines.")
    String uploadHint();

    @Message("Account for files that do not name theirs")
    String uploadAccount();

    @Message("Named in the file")
    String fromTheFile();

    @Message("Drop files here")
    String dropHere();

    @Message("Files")
    String files();

    @Message("Upload")
    String uploadButton();

    @Message("Uploading…")
    String uploading();

    @Message("Imported: {lines} lines, {inserted} new, {present} already imported")
    String fileImported(long lines, long inserted, long present);

    @Message("Already imported: this file changed nothing ({lines} lines)")
    String fileUnchanged(long lines);

    @Message("Not imported:")
    String fileRefused();

    @Message("{#when status}{#is 400}The request is not valid{#is 403}This form has expired; open the page again{#is 404}No such account{#is 409}It conflicts with a statement imported before{#is 413}The file is too large{#is 422}The file cannot be read as a statement{#else}The file was refused{/when}")
    String refusal(int status);

    @Message("Statement")
    String statement();

    @Message("Upload failed (HTTP {status}); try again")
    String uploadFailed(String status);

    // Matching runs

    @Message("Matching runs")
    String runsTitle();

    @Message("Start a run")
    String startRun();

    @Message("Start")
    String startButton();

    @Message("Run {id}")
    String runTitle(long id);

    @Message("Kind")
    String runKind();

    @Message("{#when k}{#is 'manual'}Manual{#is 'incremental'}Incremental{#is 'day_end'}Day end{#else}{k}{/when}")
    String kindLabel(String k);

    @Message("{#when s}{#is 'queued'}Queued{#is 'running'}Running{#is 'succeeded'}Succeeded{#is 'failed'}Failed{#is 'refused'}Refused{#is 'abandoned'}Abandoned{#else}{s}{/when}")
    String runState(String s);

    @Message("All")
    String anyState();

    @Message("Progress")
    String progress();

    @Message("{processed} of {total} items")
    String itemsOf(long processed, long total);

    @Message("Requested by")
    String requestedBy();

    @Message("Requested")
    String requestedAt();

    @Message("Finished")
    String finishedAt();

    @Message("New matches by rule")
    String matchesByRule();

    @Message("New exceptions by type")
    String exceptionsByType();

    @Message("No new matches")
    String noMatches();

    @Message("No new exceptions")
    String noExceptions();

    @Message("The run is working; this page follows it.")
    String following();
}
