package io.walletrecon.reports.confirmations;

import io.walletrecon.money.Money;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfirmationRulesTest {

    /** Journal 10,734.56 + 888.00 not booked = 11,622.56 = bank 11,622.56 with nothing outstanding. */
    static final Figures BALANCED = new Figures(LocalDate.of(2031, 3, 31), 1_073_456, 88_800, 0, 1_162_256,
            1_162_256, 0, 0, 1_162_256, 0);

    @Test
    void agreesWhenBothAdjustedBalancesAreTheBanksBalance() {
        assertDoesNotThrow(() -> ConfirmationRules.refuseAgreeingUnlessBalanced(1,
                Money.ofMinor(1_162_256, "CNY"), BALANCED));
    }

    @Test
    void aCentOffIsNotAgreeing() {
        ApiException e = assertThrows(ApiException.class, () -> ConfirmationRules.refuseAgreeingUnlessBalanced(7,
                Money.ofMinor(1_162_255, "CNY"), BALANCED));
        assertEquals(ProblemType.UNPROCESSABLE, e.type());
        assertTrue(e.getMessage().contains("the bank states 11622.55 CNY"), e.getMessage());
    }

    @Test
    void nobodyReviewsTheirOwnPreparationButTheSameSubjectOfAnotherIssuerIsAnotherPerson() {
        ApiException e = assertThrows(ApiException.class,
                () -> ConfirmationRules.refuseSelfReview(3, "fiona@walletrecon", "fiona@walletrecon"));
        assertEquals(ProblemType.FORBIDDEN, e.type());
        assertDoesNotThrow(() -> ConfirmationRules.refuseSelfReview(3, "fiona@walletrecon", "fiona@other-idp"));
    }
}
