package io.walletrecon.data;

import io.walletrecon.problem.ProblemError;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** The one check of a time zone given in a request (accounts, companies). */
public final class TimeZones {

    private TimeZones() {
    }

    /** Adds an error for {@code field} unless {@code zone} is an IANA time zone id. */
    public static void check(String zone, String field, List<ProblemError> errors) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException | NullPointerException e) {
            errors.add(ProblemError.field(field, "must be an IANA time zone such as Asia/Shanghai"));
        }
    }
}
