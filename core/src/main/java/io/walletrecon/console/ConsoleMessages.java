package io.walletrecon.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the pages, in English here and in Simplified Chinese in {@code messages/msg_zh-CN.properties}
 * (templates write {@code {msg:key}}; the page's locale picks the language). Build-time checked: a template naming a
 * key that does not exist, or a translation without its key, fails the build.
 */
@MessageBundle(value = "msg", locale = "en")
public interface ConsoleMessages {

    @Message("Skip to content")
    String skipToContent();

    @Message("Main")
    String navLabel();

    @Message("Overview")
    String navOverview();

    @Message("Payments")
    String navPayments();

    @Message("Approvals")
    String navApprovals();

    @Message("Customers")
    String navCustomers();

    @Message("Receivables")
    String navReceivables();

    @Message("Sign out")
    String signOut();

    @Message("Overview")
    String overviewTitle();

    @Message("Payments waiting for approval")
    String waitingForApproval();

    @Message("Open the approvals inbox")
    String openInbox();

    @Message("New payment")
    String newPayment();

    @Message("Import receivables (CSV)")
    String importReceivables();

    @Message("You are signed out")
    String signedOutTitle();

    @Message("Your session on this computer has ended.")
    String signedOutText();

    @Message("Sign in again")
    String signInAgain();

    @Message("Line {line}:")
    String lineNo(Long line);

    @Message("State")
    String stateFilter();

    @Message("All")
    String allStates();

    @Message("Filter")
    String filter();

    @Message("{count} in all")
    String countOf(long count);

    @Message("Type")
    String type();

    @Message("Beneficiary")
    String beneficiary();

    @Message("Amount")
    String amount();

    @Message("Execution date")
    String executeOn();

    @Message("State")
    String stateLabel();

    @Message("Created by (maker)")
    String createdBy();

    @Message("Nothing here yet.")
    String nothingHere();

    @Message("Previous page")
    String previous();

    @Message("Next page")
    String next();

    @Message("Payments others created that wait for your decision. You never approve your own.")
    String approvalsHint();

    @Message("Approvals")
    String approvalsLabel();

    @Message("Open")
    String open();

    @Message("Review")
    String review();

    @Message("yours")
    String yours();

    @Message("{count} approval(s) needed")
    String approvalsNeeded(int count);

    @Message("Open payment {id}")
    String openPayment(long id);

    @Message("Nothing waits for your approval.")
    String inboxEmpty();

    @Message("From account")
    String fromAccount();

    @Message("in the currency's major unit, e.g. 1288.80")
    String amountHint();

    @Message("Currency")
    String currency();

    @Message("Beneficiary name")
    String beneficiaryName();

    @Message("Wallet identity")
    String walletIdentity();

    @Message("payouts and refunds: the Stripe bank account, card or customer")
    String walletIdentityHint();

    @Message("Bank account (IBAN or number)")
    String bankAccount();

    @Message("supplier payments")
    String bankAccountHint();

    @Message("Bank code (BIC, or CNAPS code in China)")
    String bankCode();

    @Message("BIC: 8 or 11 characters; a bank in China: its 12-digit CNAPS code")
    String bankCodeHint();

    @Message("Account name")
    String accountName();

    @Message("the name the account is held in, exactly as the bank has it; required with a CNAPS code")
    String accountNameHint();

    @Message("Reference")
    String reference();

    @Message("Refund of")
    String refundOf();

    @Message("refunds: the charge or payment intent (ch_… or pi_…)")
    String refundOfHint();

    @Message("This form sends idempotency key {key}: sending it twice creates one payment.")
    String idempotencyKeyShown(String key);

    @Message("Create payment")
    String createPayment();

    @Message("Cancel")
    String cancel();

    @Message("Payment {id}")
    String paymentNo(long id);

    @Message("Hold")
    String holdReason();

    @Message("Idempotency key")
    String idempotencyKey();

    @Message("Maker-checker")
    String makerChecker();

    @Message("Decision")
    String decision();

    @Message("Approver (checker)")
    String approver();

    @Message("Comment")
    String comment();

    @Message("When")
    String when();

    @Message("No approvals yet.")
    String noApprovalsYet();

    @Message("You created this payment: another approver must approve it.")
    String ownPaymentNotice();

    @Message("You approved this payment; it waits for a second approver.")
    String alreadyApproved();

    @Message("Comment (optional)")
    String commentOptional();

    @Message("Approve")
    String approve();

    @Message("Reason for rejecting")
    String rejectReason();

    @Message("Reject")
    String reject();

    @Message("Why it may go (required for duplicate and risk holds)")
    String releaseComment();

    @Message("Release")
    String release();

    @Message("Cancel payment")
    String cancelPayment();

    @Message("History")
    String history();

    @Message("Change")
    String change();

    @Message("By")
    String actor();

    @Message("Reason")
    String reason();

    @Message("Attempts at the provider")
    String attempts();

    @Message("Outcome")
    String outcome();

    @Message("Provider id")
    String providerId();

    @Message("Back to payments")
    String backToPayments();

    @Message("Name or external id")
    String searchCustomers();

    @Message("Search")
    String search();

    @Message("Name")
    String customerName();

    @Message("External id")
    String externalId();

    @Message("Collection code")
    String collectionCode();

    @Message("Risk rating")
    String riskRating();

    @Message("Contact")
    String contact();

    @Message("Phone")
    String phone();

    @Message("E-mail")
    String email();

    @Message("Notes")
    String notes();

    @Message("Payer identities")
    String payerIdentities();

    @Message("Kind")
    String identityKind();

    @Message("Identity")
    String identity();

    @Message("Printable page")
    String printCode();

    @Message("QR code of collection code {code}")
    String qrOf(String code);

    @Message("Receivables of this customer")
    String receivablesOfCustomer();

    @Message("Pay with Alipay, WeChat Pay or a bank transfer and write {code} in the payment note, so that we match your payment at once.")
    String howToPayText(String code);

    @Message("Print")
    String print();

    @Message("Customer")
    String customer();

    @Message("Paid")
    String paid();

    @Message("Issued")
    String issueDate();

    @Message("Due")
    String dueDate();

    @Message("A CSV with a header row: customer_external_id or customer_id, reference, amount, currency, issue_date, due_date. All rows or none: a bad line imports nothing and is listed with its number.")
    String importHint();

    @Message("{file}: {rows} rows read, {inserted} imported, {unchanged} already there.")
    String imported(String file, long rows, long inserted, long unchanged);

    @Message("CSV file")
    String csvFile();

    @Message("Import")
    String importButton();

    @Message("This link does not open")
    String linkErrorTitle();

    @Message("This statement link has expired.")
    String linkExpired();

    @Message("This statement no longer exists.")
    String linkGone();

    @Message("This statement link is not valid: it may have been changed or cut short.")
    String linkInvalid();

    @Message("Please ask the company that sent it for a new link.")
    String linkAskSender();

    @Message("Statement of account")
    String statementTitle();

    @Message("From")
    String statementFrom();

    @Message("Period")
    String period();

    @Message("You confirmed this statement. Thank you.")
    String statementConfirmed();

    @Message("You disputed lines of this statement; we will get back to you.")
    String statementDisputed();

    @Message("Balance")
    String balances();

    @Message("Opening balance")
    String opening();

    @Message("Closing balance")
    String closing();

    @Message("Invoiced in the period")
    String invoiced();

    @Message("Received in the period")
    String receivedInPeriod();

    @Message("Lines")
    String lines();

    @Message("Payment received")
    String paymentReceived();

    @Message("Invoice")
    String invoice();

    @Message("Outstanding")
    String outstanding();

    @Message("due {date}")
    String dueOn(String date);

    @Message("Disputed: {comment}")
    String disputedWith(String comment);

    @Message("Dispute this line")
    String disputeLine();

    @Message("What is wrong with this line?")
    String disputeComment();

    @Message("Send dispute")
    String sendDispute();

    @Message("Is everything right?")
    String confirmHeading();

    @Message("Confirm the statement")
    String confirmStatement();

    @Message("Download as PDF")
    String downloadPdf();

    @Message("This link is valid until {until}.")
    String linkValidUntil(String until);

    @Message("{#when s}{#is 'draft'}Draft{#is 'pending_approval'}Pending approval{#is 'approved'}Approved{#is 'scheduled'}Scheduled{#is 'submitted'}Submitted{#is 'completed'}Completed{#is 'failed'}Failed{#is 'returned'}Returned{#is 'cancelled'}Cancelled{#is 'held'}Held{#is 'unknown'}Outcome unknown{#else}{s}{/when}")
    String state(String s);

    @Message("{#when t}{#is 'payout'}Payout{#is 'refund'}Refund{#is 'supplier_payment'}Supplier payment{#else}{t}{/when}")
    String paymentType(String t);

    @Message("{#when d}{#is 'approved'}Approved{#is 'rejected'}Rejected{#else}{d}{/when}")
    String decisionName(String d);

    @Message("{#when h}{#is 'POSSIBLE_DUPLICATE'}Possible duplicate{#is 'RISK'}Risk limit{#is 'LOW_BALANCE'}Balance too low{#is 'DISPATCH_ERROR'}Dispatch error{#else}{h}{/when}")
    String hold(String h);

    @Message("{#when k}{#is 'alipay_buyer_id'}Alipay buyer id{#is 'alipay_logon'}Alipay account{#is 'wechat_openid'}WeChat openid{#is 'stripe_customer'}Stripe customer{#is 'bank_account'}Bank account{#else}{k}{/when}")
    String identityKindName(String k);

    @Message("{#when s}{#is 'open'}Open{#is 'partially_paid'}Partly paid{#is 'paid'}Paid{#is 'written_off'}Written off{#is 'cancelled'}Cancelled{#else}{s}{/when}")
    String receivableStatus(String s);

    @Message("{#when r}{#is 'low'}Low{#is 'normal'}Normal{#is 'high'}High{#is 'blocked'}Blocked{#else}{r}{/when}")
    String risk(String r);

    @Message("Payment page for the customer")
    String paymentPage();

    @Message("Send or print this link: the customer sees the code, the QR, what is due and how to pay, without signing in.")
    String paymentPageHint();

    @Message("Payment")
    String payTitle();

    @Message("Pay to")
    String payTo();

    @Message("Amount due")
    String amountDue();

    @Message("Nothing is due at the moment. Thank you.")
    String nothingDue();

    @Message("How to pay")
    String howToPay();

    @Message("Alipay or WeChat Pay: scan the QR code, or pay us as usual and write {code} in the payment note.")
    String payStepWallet(String code);

    @Message("Bank transfer: to the account on your invoice, with {code} in the remittance information.")
    String payStepBank(String code);

    @Message("With the code we match your payment at once; without it, it may take a few days.")
    String payStepMatch();

    @Message("Open items")
    String openItems();

    @Message("of {amount}")
    String ofAmount(String amount);

    @Message("This payment page link is not valid: it may have been changed or cut short.")
    String payLinkInvalid();

    @Message("This collection code is no longer in use.")
    String payLinkGone();
}
