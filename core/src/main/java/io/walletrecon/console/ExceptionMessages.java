package io.walletrecon.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the exceptions queue, the match workbench and the audit trail, in English here and in Simplified Chinese
 * in {@code messages/exc_zh-CN.properties}; templates write {@code {exc:key}}.
 */
@MessageBundle(value = "exc", locale = "en")
public interface ExceptionMessages {

    @Message("Exceptions")
    String navExceptions();

    @Message("Audit trail")
    String navAudit();

    @Message("Exceptions queue")
    String queueTitle();

    @Message("Filters")
    String filters();

    @Message("Type")
    String type();

    @Message("All types")
    String allTypes();

    @Message("Account")
    String account();

    @Message("All accounts")
    String allAccounts();

    @Message("Age")
    String age();

    @Message("Any age")
    String anyAge();

    @Message("Assignee")
    String assignee();

    @Message("Status")
    String status();

    @Message("All")
    String allStatuses();

    @Message("Currency")
    String currency();

    @Message("Amount from")
    String minAmount();

    @Message("Amount to")
    String maxAmount();

    @Message("Filter")
    String filter();

    @Message("Business date")
    String businessDate();

    @Message("Amount")
    String amount();

    @Message("Detail")
    String detail();

    @Message("Select exception {id}")
    String selectOne(Long id);

    @Message("With the selected exceptions")
    String bulkTitle();

    @Message("Action")
    String bulkAction();

    @Message("Assign")
    String bulkAssign();

    @Message("Resolve")
    String bulkResolve();

    @Message("Ignore")
    String bulkIgnore();

    @Message("Reason")
    String reason();

    @Message("Apply")
    String apply();

    @Message("{n} exceptions")
    String count(Long n);

    @Message("No exception matches these filters.")
    String nothing();

    @Message("Exception {id}")
    String exceptionNo(Long id);

    @Message("Match workbench")
    String workbench();

    @Message("The item")
    String item();

    @Message("Value date")
    String valueDate();

    @Message("Payer")
    String payer();

    @Message("Payer's account")
    String payerAccount();

    @Message("Known payer of customer")
    String knownPayer();

    @Message("Candidates")
    String candidates();

    @Message("No receivable fits this item.")
    String noCandidates();

    @Message("Only a receipt has receivables as candidates.")
    String onlyReceipts();

    @Message("Evidence")
    String evidence();

    @Message("Rule")
    String rule();

    @Message("Reference")
    String evReference();

    @Message("No reference names it")
    String evNoReference();

    @Message("Amount within tolerance")
    String evAmountOk();

    @Message("Amount differs by {diff}")
    String evAmountOff(String diff);

    @Message("tolerance {tol}")
    String evTolerance(String tol);

    @Message("The payer is this customer")
    String evPayerSame();

    @Message("The payer is another customer")
    String evPayerOther();

    @Message("Payer unknown")
    String evPayerUnknown();

    @Message("Days from the due date: {n} (window {w})")
    String evDays(Long n, Integer w);

    @Message("Already paid: this payment would be a duplicate")
    String evAlreadyPaid();

    @Message("Still owed")
    String outstanding();

    @Message("Due")
    String dueDate();

    @Message("Customer")
    String customer();

    @Message("Reference")
    String reference();

    @Message("Match {ref}")
    String pick(String ref);

    @Message("Amount applied to {ref}")
    String applyAmount(String ref);

    @Message("Match the selected")
    String matchSelected();

    @Message("Why they match")
    String matchReason();

    @Message("Matched now")
    String liveMatches();

    @Message("Match {id}")
    String matchNo(Long id);

    @Message("Unmatch")
    String unmatch();

    @Message("Why undo it")
    String unmatchReason();

    @Message("Assign to")
    String assignTo();

    @Message("Assign")
    String assign();

    @Message("Notes")
    String notes();

    @Message("Note")
    String note();

    @Message("Add note")
    String addNote();

    @Message("Decision")
    String decision();

    @Message("Close")
    String resolve();

    @Message("Claim for a customer")
    String claimTitle();

    @Message("Claim")
    String claim();

    @Message("Customers with the payer's name")
    String suggestedCustomers();

    @Message("Customer number")
    String otherCustomer();

    @Message("Audit trail")
    String auditLink();

    @Message("Audit trail")
    String auditTitle();

    @Message("Object type")
    String entityType();

    @Message("Object number")
    String entityId();

    @Message("Show")
    String show();

    @Message("When")
    String when();

    @Message("Who")
    String actor();

    @Message("What")
    String action();

    @Message("Details")
    String details();

    @Message("No audit rows for this object.")
    String noAudit();

    @Message("Closed by {by} at {at}")
    String closedBy(String by, String at);

    @Message("Back to the queue")
    String backToQueue();

    @Message("Resolution")
    String resolution();

    @Message("Open")
    String open();

    @Message("None yet.")
    String nothingYet();

    @Message("{#when a}{#is '0-1'}0–1 days{#is '2-3'}2–3 days{#is '4-7'}4–7 days{#is 'over-7'}Over 7 days{#else}{a}{/when}")
    String ageName(String a);

    @Message("{#when s}{#is 'open'}Open{#is 'in_review'}In review{#is 'resolved'}Resolved{#is 'ignored'}Ignored{#else}{s}{/when}")
    String statusName(String s);

    @Message("{#when t}{#is 'unmatched_receipt'}Unmatched receipt{#is 'unpaid_receivable'}Unpaid receivable{#is 'amount_mismatch'}Amount mismatch{#is 'duplicate_payment'}Duplicate payment{#is 'ambiguous'}Several candidates{#is 'missing_in_provider'}Missing at the provider{#is 'missing_in_records'}Missing in our records{#is 'settlement_difference'}Settlement difference{#is 'settlement_not_arrived'}Settlement not arrived{#is 'fx_difference'}FX difference{#is 'unidentified_receipt'}Unidentified receipt{#is 'payment_not_debited'}Payment not debited{#is 'unexpected_debit'}Unexpected debit{#is 'debit_amount_mismatch'}Debit amount mismatch{#else}{t}{/when}")
    String typeName(String t);

    @Message("{#when t}{#is 'transaction'}Wallet payment{#is 'statement_line'}Bank line{#is 'receivable'}Receivable{#else}{t}{/when}")
    String itemType(String t);

    @Message("{#when f}{#is 'creditor_reference'}Creditor reference{#is 'remittance_info'}Remittance{#is 'end_to_end_id'}End-to-end id{#is 'bank_reference'}Bank reference{#is 'merchant_reference'}Merchant reference{#is 'description'}Description{#is 'reference'}Reference{#is 'collection_code'}Collection code{#else}{f}{/when}")
    String field(String f);

    @Message("{#when r}{#is 'reference'}Reference{#is 'partial_payment'}Partial payment{#is 'payer_amount'}Payer and amount{#is 'amount_date'}Amount and date (a suggestion){#is 'manual'}By hand{#is 'claim'}Claim{#else}No rule on its own{/when}")
    String ruleName(String r);

    @Message("{#when t}{#is 'recon_exception'}Exception{#is 'match'}Match{#is 'payment_order'}Payment{#is 'statement'}Statement{#is 'customer'}Customer{#is 'receivable'}Receivable{#is 'account'}Account{#is 'match_run'}Matching run{#is 'payment_policy'}Payment policy{#is 'company'}Company{#else}{t}{/when}")
    String entityName(String t);
}
