package io.walletrecon.console;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateExtension;
import io.walletrecon.audit.AuditResource;
import io.walletrecon.matching.CandidateRules;
import io.walletrecon.matching.CandidateViews;
import io.walletrecon.matching.ExceptionAge;
import io.walletrecon.matching.MatchingViews;
import io.walletrecon.money.Money;

import java.util.Arrays;
import java.util.List;

/**
 * The types the exceptions queue, the match workbench and the audit trail read (see {@link TemplateModels}: value
 * resolvers generated at build time, no reflection in the native executable), and what their forms offer.
 */
@TemplateData(target = MatchingViews.ExceptionView.class)
@TemplateData(target = MatchingViews.AnnotationView.class)
@TemplateData(target = MatchingViews.SuggestedCustomer.class)
@TemplateData(target = MatchingViews.MatchView.class)
@TemplateData(target = MatchingViews.MatchItemView.class)
@TemplateData(target = CandidateViews.ExceptionCandidates.class)
@TemplateData(target = CandidateViews.Item.class)
@TemplateData(target = CandidateViews.Candidate.class)
@TemplateData(target = CandidateRules.Evidence.class)
@TemplateData(target = AuditResource.AuditView.class)
@TemplateData(target = ExceptionPages.QueueFilter.class)
final class ExceptionTemplateModels {

    /** The exception types in the order the queue offers them ({@code ExceptionService.TYPES}). */
    static final List<String> TYPES = List.of("unidentified_receipt", "unmatched_receipt", "ambiguous",
            "amount_mismatch", "duplicate_payment", "unpaid_receivable", "missing_in_provider", "missing_in_records",
            "settlement_difference", "settlement_not_arrived", "fx_difference", "payment_not_debited",
            "unexpected_debit", "debit_amount_mismatch");

    private ExceptionTemplateModels() {
    }

    @io.quarkus.qute.TemplateGlobal
    static List<String> exceptionTypes() {
        return TYPES;
    }

    @io.quarkus.qute.TemplateGlobal
    static List<String> exceptionStatuses() {
        return List.of("open", "in_review", "resolved", "ignored");
    }

    @io.quarkus.qute.TemplateGlobal
    static List<String> exceptionAges() {
        return Arrays.stream(ExceptionAge.values()).map(ExceptionAge::code).toList();
    }

    /** The objects whose audit trail the audit page offers, as the audit log names them. */
    @io.quarkus.qute.TemplateGlobal
    static List<String> auditTypes() {
        return List.of("recon_exception", "match", "payment_order", "payment_policy", "statement", "customer",
                "receivable", "account", "match_run", "company");
    }

    /** {@code {e.amountMinor}}: the exception's amount as the queue filters it. */
    @TemplateExtension
    static long amountMinor(MatchingViews.ExceptionView e) {
        return io.walletrecon.matching.ExceptionQuery.amountMinor(e.expectedMinor(), e.actualMinor());
    }

    /** {@code {minor.decimal(currency)}}: the amount as a form field takes it back, 1288.80 (no grouping). */
    @TemplateExtension
    static String decimal(Long minorUnits, String currency) {
        return minorUnits == null ? "" : Money.ofMinor(minorUnits, currency).toDecimalString();
    }
}
