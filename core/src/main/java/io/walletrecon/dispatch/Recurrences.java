package io.walletrecon.dispatch;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The execution dates of a recurring payment: one order per occurrence from the first execution date up to the
 * horizon (or the recurrence's own end, when earlier), at most {@code maxOccurrences}. Plain rules, no I/O; the
 * request is checked before ({@code MONTHLY} with a day of 1 to 28, {@code WEEKLY} with a day of the week).
 */
public record Recurrences(int horizonDays, int maxOccurrences) {

    public static Recurrences of(DispatchConfig config) {
        return new Recurrences(config.recurrenceHorizonDays(), config.maxOccurrences());
    }

    /** The dates from {@code start}: {@code start} alone without a recurrence. */
    public List<LocalDate> dates(LocalDate start, PaymentRequests.Recurrence rec) {
        if (rec == null) {
            return List.of(start);
        }
        LocalDate horizon = start.plusDays(horizonDays);
        if (rec.until() != null && rec.until().isBefore(horizon)) {
            horizon = rec.until();
        }
        boolean monthly = "MONTHLY".equals(rec.frequency());
        LocalDate d = monthly
                ? start.withDayOfMonth(rec.dayOfMonth())
                : start.with(TemporalAdjusters.nextOrSame(DayOfWeek.valueOf(rec.dayOfWeek())));
        if (d.isBefore(start)) {
            d = d.plusMonths(1);
        }
        List<LocalDate> dates = new ArrayList<>();
        for (; !d.isAfter(horizon) && dates.size() < maxOccurrences; d = monthly ? d.plusMonths(1) : d.plusWeeks(1)) {
            dates.add(d);
        }
        return dates;
    }

    /** How the order shows its recurrence ({@code monthly on day 5}, {@code weekly on FRIDAY}); null without one. */
    public static String describe(PaymentRequests.Recurrence rec) {
        if (rec == null) {
            return null;
        }
        return "MONTHLY".equals(rec.frequency())
                ? "monthly on day " + rec.dayOfMonth()
                : "weekly on " + rec.dayOfWeek();
    }
}
