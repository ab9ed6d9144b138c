package io.walletrecon.periods;

import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.ProblemType;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The rule of locked periods, in plain Java. A reviewed balance confirmation of a bank account locks the account's
 * period up to its period end: a match or an exception is in the locked period when any day it is about (a bank line's
 * value date, a journal entry's date, a transaction's business date, an exception's business date) is on or before
 * the lock's last day. While locked, people cannot make, confirm, reject or unmatch such a match nor move such an
 * exception (409), and matching runs leave those days alone; reopening the confirmation (with a reason) lifts the lock.
 */
public final class PeriodLocks {

    private PeriodLocks() {
    }

    /** Whether {@code lock} covers {@code day}; a null day (nothing dated) is never locked. */
    public static boolean covers(Optional<PeriodLock> lock, LocalDate day) {
        return lock.isPresent() && day != null && !day.isAfter(lock.get().through());
    }

    /** Refuses (409, naming the lock) a change of {@code what} dated {@code day} when {@code lock} covers that day. */
    public static void refuseIfLocked(Optional<PeriodLock> lock, LocalDate day, String what) {
        if (covers(lock, day)) {
            throw refusal(lock.get(), day, what);
        }
    }

    static ApiException refusal(PeriodLock lock, LocalDate day, String what) {
        return new ApiException(ProblemType.CONFLICT, "The period of account '" + lock.account() + "' up to "
                + lock.through() + " is locked by reviewed balance confirmation " + lock.confirmationId() + "; "
                + what + " dated " + day + " cannot change. Reopen the confirmation, with a reason, to change it",
                List.of(ProblemError.field("balanceConfirmation",
                        "confirmation " + lock.confirmationId() + " locks the period up to " + lock.through())));
    }

    /**
     * The first day a matching run may touch: the day after the lock, or null when nothing is locked. A run skips the
     * days before it: it matches nothing dated there and raises no exception about them.
     */
    public static LocalDate firstOpenDay(Optional<PeriodLock> lock) {
        return lock.map(l -> l.through().plusDays(1)).orElse(null);
    }
}
