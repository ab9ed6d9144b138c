package io.walletrecon.periods;

import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodLocksTest {

    static final Optional<PeriodLock> MARCH = Optional.of(new PeriodLock(12, "icbc-cny", LocalDate.of(2031, 3, 31)));

    @Test
    void theLastDayIsLockedAndTheNextIsNot() {
        assertTrue(PeriodLocks.covers(MARCH, LocalDate.of(2031, 3, 31)));
        assertTrue(PeriodLocks.covers(MARCH, LocalDate.of(2030, 12, 1)));
        assertFalse(PeriodLocks.covers(MARCH, LocalDate.of(2031, 4, 1)));
        assertFalse(PeriodLocks.covers(MARCH, null), "nothing dated is never locked");
        assertFalse(PeriodLocks.covers(Optional.empty(), LocalDate.of(2031, 3, 1)));
    }

    @Test
    void aChangeInTheLockedPeriodIsAConflictNamingTheConfirmation() {
        ApiException e = assertThrows(ApiException.class,
                () -> PeriodLocks.refuseIfLocked(MARCH, LocalDate.of(2031, 3, 5), "match 7"));
        assertEquals(ProblemType.CONFLICT, e.type());
        assertEquals("The period of account 'icbc-cny' up to 2031-03-31 is locked by reviewed balance confirmation 12;"
                + " match 7 dated 2031-03-05 cannot change. Reopen the confirmation, with a reason, to change it",
                e.getMessage());
        assertDoesNotThrow(() -> PeriodLocks.refuseIfLocked(MARCH, LocalDate.of(2031, 4, 5), "match 7"));
    }

    @Test
    void aRunStartsTheDayAfterTheLock() {
        assertEquals(LocalDate.of(2031, 4, 1), PeriodLocks.firstOpenDay(MARCH));
        assertNull(PeriodLocks.firstOpenDay(Optional.empty()));
    }
}
