package io.walletrecon.reports.confirmations;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.walletrecon.reports.bankrec.BankReconciliationView;

import java.time.LocalDate;

/**
 * The bank reconciliation statement's figures a confirmation keeps from its preparation, signed minor units as the
 * statement has them (what is taken off is negative): the books' column, the bank's column and their gap.
 */
@RegisterForReflection
public record Figures(LocalDate bankStatementDate, long journalBalanceMinor, long bankReceivedNotBookedMinor,
        long bankPaidNotBookedMinor, long adjustedJournalMinor, long statementBalanceMinor,
        long bookedReceivedNotInBankMinor, long bookedPaidNotInBankMinor, long adjustedBankMinor,
        long unexplainedDifferenceMinor) {

    static Figures of(BankReconciliationView v) {
        return new Figures(v.bankStatementDate(), v.journal().balance().amountMinor().longValueExact(),
                v.journal().add().totalMinor(), v.journal().less().totalMinor(),
                v.journal().adjustedBalance().amountMinor().longValueExact(),
                v.bank().balance().amountMinor().longValueExact(), v.bank().add().totalMinor(),
                v.bank().less().totalMinor(), v.bank().adjustedBalance().amountMinor().longValueExact(),
                v.unexplainedDifference().amountMinor().longValueExact());
    }
}
