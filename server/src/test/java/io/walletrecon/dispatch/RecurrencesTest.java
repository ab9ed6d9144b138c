package io.walletrecon.dispatch;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** One order per occurrence from the first execution date, up to the horizon, the recurrence's end or the cap. */
class RecurrencesTest {

    private final Recurrences within90Days = new Recurrences(90, 12);
    private static final LocalDate MAR_10 = LocalDate.of(2026, 3, 10);

    private static PaymentRequests.Recurrence monthly(int day, LocalDate until) {
        return new PaymentRequests.Recurrence("MONTHLY", day, null, until);
    }

    private static PaymentRequests.Recurrence weekly(String day, LocalDate until) {
        return new PaymentRequests.Recurrence("WEEKLY", null, day, until);
    }

    @Test
    void withoutARecurrenceThereIsOneOrderOnTheStartDate() {
        assertEquals(List.of(MAR_10), within90Days.dates(MAR_10, null));
    }

    @Test
    void aMonthlyDayAlreadyPastThisMonthStartsNextMonth() {
        assertEquals(List.of(LocalDate.of(2026, 4, 5), LocalDate.of(2026, 5, 5), LocalDate.of(2026, 6, 5)),
                within90Days.dates(MAR_10, monthly(5, null)));
    }

    @Test
    void aMonthlyDayLaterThisMonthStartsThisMonth() {
        assertEquals(List.of(LocalDate.of(2026, 3, 25), LocalDate.of(2026, 4, 25), LocalDate.of(2026, 5, 25)),
                within90Days.dates(MAR_10, monthly(25, null)));
    }

    @Test
    void aWeeklyRecurrenceStartsOnTheStartDateWhenItIsThatDay() {
        // 10 March 2026 is a Tuesday.
        assertEquals(List.of(MAR_10, LocalDate.of(2026, 3, 17), LocalDate.of(2026, 3, 24)),
                within90Days.dates(MAR_10, weekly("TUESDAY", LocalDate.of(2026, 3, 30))));
    }

    @Test
    void theRecurrencesOwnEndComesBeforeTheHorizon() {
        assertEquals(List.of(LocalDate.of(2026, 3, 13)),
                within90Days.dates(MAR_10, weekly("FRIDAY", LocalDate.of(2026, 3, 19))));
    }

    @Test
    void anEndBeforeTheFirstOccurrenceLeavesNoDates() {
        assertEquals(List.of(), within90Days.dates(MAR_10, monthly(5, LocalDate.of(2026, 3, 31))));
    }

    @Test
    void noMoreThanTheCapOfOccurrences() {
        assertEquals(3, new Recurrences(365, 3).dates(MAR_10, weekly("MONDAY", null)).size());
    }

    @Test
    void theOrderDescribesItsRecurrence() {
        assertEquals("monthly on day 5", Recurrences.describe(monthly(5, null)));
        assertEquals("weekly on FRIDAY", Recurrences.describe(weekly("FRIDAY", null)));
        assertNull(Recurrences.describe(null));
    }
}
