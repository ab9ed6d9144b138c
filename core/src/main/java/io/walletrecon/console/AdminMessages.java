package io.walletrecon.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the administration pages (accounts, matching configuration, payment policies), in English here and in
 * Simplified Chinese in {@code messages/adm_zh-CN.properties}; templates write {@code {adm:key}}.
 */
@MessageBundle(value = "adm", locale = "en")
public interface AdminMessages {

    @Message("Administration")
    String navAdmin();

    @Message("Administration")
    String adminNav();

    @Message("Accounts")
    String accountsTitle();

    @Message("Payment policies")
    String policiesTitle();

    @Message("New account")
    String newAccount();

    @Message("Account {code}")
    String accountTitle(String code);

    @Message("Code")
    String code();

    @Message("2-63 lower-case letters, digits or dashes; fixed once created")
    String codeHint();

    @Message("Name")
    String name();

    @Message("Provider")
    String provider();

    @Message("{#when p}{#is 'bank'}Bank account{#is 'alipay'}Alipay{#is 'wechatpay'}WeChat Pay{#is 'stripe'}Stripe{#is 'standard'}Standard Webhooks sender{#else}{p}{/when}")
    String providerName(String p);

    @Message("Currency")
    String currency();

    @Message("ISO 4217, such as CNY; fixed once created")
    String currencyHint();

    @Message("Company")
    String company();

    @Message("Time zone")
    String timeZone();

    @Message("such as Asia/Shanghai; empty takes the company's")
    String timeZoneHint();

    @Message("Account number")
    String accountNumber();

    @Message("IBAN or bank account number its statements name; empty removes it")
    String accountNumberHint();

    @Message("Credentials")
    String credentials();

    @Message("set")
    String credentialsSet();

    @Message("not set")
    String credentialsNotSet();

    @Message("none needed")
    String noCredentialsNeeded();

    @Message("Set credentials")
    String setCredentials();

    @Message("Replace credentials")
    String replaceCredentials();

    @Message("Credentials are stored encrypted and never shown again. Leave both fields empty to keep the ones that are set; whatever you enter replaces them whole.")
    String credentialsWriteOnly();

    @Message("Webhook secrets")
    String webhookSecrets();

    @Message("Stripe and Standard Webhooks: one whsec_ secret per line")
    String webhookSecretsHint();

    @Message("Credentials (JSON)")
    String credentialsJson();

    @Message("Alipay and WeChat Pay: the provider's keys as a JSON object")
    String credentialsJsonHint();

    @Message("Matching")
    String matching();

    @Message("Matching configuration")
    String matchingConfig();

    @Message("Matching configuration of {code}")
    String matchingTitle(String code);

    @Message("Change")
    String change();

    @Message("Create")
    String create();

    @Message("Save")
    String saveChanges();

    @Message("Back to accounts")
    String backToAccounts();

    @Message("Saved.")
    String saved();

    @Message("No accounts yet.")
    String noAccounts();

    @Message("Rules that run")
    String rules();

    @Message("{#when r}{#is 'reference'}Reference (invoice number, order number){#is 'payer_amount'}Known payer and amount{#is 'one_to_many'}One payment for several invoices{#is 'amount_date'}Amount and date{#is 'record_statement'}Provider record against the bill{#is 'settlement'}Settlement into the bank{#else}{r}{/when}")
    String ruleName(String r);

    @Message("Tolerance ({currency})")
    String tolerance(String currency);

    @Message("how far short a payment may be and still pay; the larger of this and the percentage applies")
    String toleranceHint();

    @Message("Tolerance (basis points)")
    String toleranceBps();

    @Message("100 = 1%")
    String bpsHint();

    @Message("Date window (days)")
    String dateWindowDays();

    @Message("Settlement expected after (days)")
    String settlementAfterDays();

    @Message("Payouts settle into")
    String settlementAccount();

    @Message("none")
    String none();

    @Message("End of the business day")
    String dayEndTime();

    @Message("Grace days")
    String graceDays();

    @Message("days a record may wait for a later day's bill")
    String graceDaysHint();

    @Message("FX tolerance (basis points)")
    String fxToleranceBps();

    @Message("Reference FX rates")
    String fxRates();

    @Message("one per line, such as USD/EUR=0.92")
    String fxRatesHint();

    @Message("A submitted bank payment waits for its debit (business days)")
    String notDebitedAfterBusinessDays();

    @Message("Bank holidays")
    String bankHolidays();

    @Message("one date per line, such as 2026-10-01")
    String bankHolidaysHint();

    @Message("Show")
    String show();

    @Message("In force for {currency}")
    String inForce(String currency);

    @Message("Approved at once up to")
    String autoLimit();

    @Message("One approver up to (two above)")
    String dualLimit();

    @Message("Daily amount per beneficiary")
    String beneficiaryDailyAmount();

    @Message("Daily payments per beneficiary")
    String beneficiaryDailyCount();

    @Message("Large payment above")
    String largeAmount();

    @Message("no limit")
    String noLimit();

    @Message("Proposed changes")
    String changesTitle();

    @Message("Proposal")
    String proposal();

    @Message("Proposed by")
    String proposedBy();

    @Message("State")
    String state();

    @Message("Decision")
    String decision();

    @Message("{#when s}{#is 'pending'}Waiting for a second admin{#is 'approved'}Approved, in force{#is 'rejected'}Rejected{#is 'withdrawn'}Withdrawn{#else}{s}{/when}")
    String changeState(String s);

    @Message("You proposed this change: another admin must approve it.")
    String ownChange();

    @Message("Withdraw")
    String withdraw();

    @Message("Comment (optional)")
    String commentOptional();

    @Message("Approve")
    String approve();

    @Message("Reject")
    String reject();

    @Message("No changes proposed yet.")
    String noChanges();

    @Message("Propose a change")
    String proposeTitle();

    @Message("A change is in force only once another admin approves it; it applies to payments created afterwards.")
    String proposeIntro();

    @Message("A change is waiting for a decision; approve, reject or withdraw it before proposing another.")
    String onePending();

    @Message("Proposed. Another admin must approve the change before it is in force.")
    String proposedNotice();

    @Message("in {currency}; 0: every payment needs an approver")
    String autoLimitHint(String currency);

    @Message("in {currency}")
    String dualLimitHint(String currency);

    @Message("optional; empty: no limit")
    String optionalLimit();

    @Message("Reason")
    String reason();

    @Message("Propose")
    String propose();
}
