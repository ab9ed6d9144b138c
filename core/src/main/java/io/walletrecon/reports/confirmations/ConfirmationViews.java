package io.walletrecon.reports.confirmations;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.walletrecon.money.Money;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Bodies and answers of the bank balance confirmation API. */
public final class ConfirmationViews {

    private ConfirmationViews() {
    }

    /** A new confirmation: the account, the period end (a business date in its zone) and the bank's balance then. */
    @RegisterForReflection
    public record Create(String account, LocalDate periodEnd, String bankBalance, String currency) {
    }

    /** The preparer's declaration: {@code agrees} (相符) or {@code disagrees} (不相符), and a note. */
    @RegisterForReflection
    public record Preparation(String result, String note) {
    }

    /** The reviewer's decision: {@code approve} (locks the period) or {@code reject} (back to draft), and a note. */
    @RegisterForReflection
    public record Review(String decision, String note) {
    }

    /** Why a reviewed confirmation is reopened (required). */
    @RegisterForReflection
    public record Reopening(String reason) {
    }

    /** A file the confirmation carries, with the SHA-256 of its bytes. */
    @RegisterForReflection
    public record DocumentView(long id, String kind, String language, String sha256, OffsetDateTime createdAt) {
    }

    /**
     * A confirmation: the bank's balance, where it stands, the preparer's result with the statement's figures, who
     * prepared, reviewed and reopened it and when, and its files. {@code locksPeriod}: its account's days up to the
     * period end are locked.
     */
    @RegisterForReflection
    public record ConfirmationView(long id, String account, String accountName, String currency, LocalDate periodEnd,
            String bankBalance, long bankBalanceMinor, String state, boolean locksPeriod, String result,
            Figures figures, String createdBy, OffsetDateTime createdAt, String preparedBy, OffsetDateTime preparedAt,
            String preparationNote, String reviewedBy, OffsetDateTime reviewedAt, String reviewNote,
            String reopenedBy, OffsetDateTime reopenedAt, String reopenReason, List<DocumentView> documents) {

        /** The same with {@code bankBalance} written as an exact decimal of the currency. */
        ConfirmationView withBankBalance() {
            return new ConfirmationView(id, account, accountName, currency, periodEnd,
                    Money.ofMinor(bankBalanceMinor, currency).toDecimalString(), bankBalanceMinor, state, locksPeriod,
                    result, figures, createdBy, createdAt, preparedBy, preparedAt, preparationNote, reviewedBy,
                    reviewedAt, reviewNote, reopenedBy, reopenedAt, reopenReason, documents);
        }
    }
}
