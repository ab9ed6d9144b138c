package io.walletrecon.reports.confirmations;

import io.walletrecon.money.Money;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.ProblemType;

import java.util.List;
import java.util.Objects;

/** The decisions of a confirmation, in plain Java: when it may be declared agreeing, and who may review it. */
public final class ConfirmationRules {

    private ConfirmationRules() {
    }

    /**
     * A confirmation agrees (相符) only when both adjusted balances of the bank reconciliation statement on the period
     * end equal the balance the bank states: the books and the bank account for every cent of it. Otherwise the
     * preparer declares it disagreeing, and the statement explaining the difference goes with it.
     */
    public static void refuseAgreeingUnlessBalanced(long id, Money bankBalance, Figures f) {
        long given = bankBalance.minorUnits();
        if (f.adjustedJournalMinor() == given && f.adjustedBankMinor() == given) {
            return;
        }
        String ccy = bankBalance.currency().getCurrencyCode();
        throw ApiException.unprocessable("Confirmation " + id + " cannot be declared agreeing: the bank states "
                + bankBalance + " but the bank reconciliation statement on the period end adjusts to "
                + Money.ofMinor(f.adjustedJournalMinor(), ccy) + " on the books' side and "
                + Money.ofMinor(f.adjustedBankMinor(), ccy) + " on the bank's side. Declare it disagreeing, "
                + "with a note; the statement is attached to it",
                List.of(ProblemError.field("result", "agrees only when both adjusted balances equal the bank's "
                        + "balance")));
    }

    /**
     * Maker-checker: nobody reviews their own preparation. Persons are issuer + subject, so the same subject from
     * another issuer is another person.
     */
    public static void refuseSelfReview(long id, String preparer, String reviewer) {
        if (Objects.equals(preparer, reviewer)) {
            throw new ApiException(ProblemType.FORBIDDEN, "You prepared confirmation " + id
                    + "; another person reviews it (maker-checker)");
        }
    }
}
