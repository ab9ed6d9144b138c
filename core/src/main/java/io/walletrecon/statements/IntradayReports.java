package io.walletrecon.statements;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bank's reports of the day so far: camt.052 account reports, camt.054 debit/credit notifications and SWIFT MT942
 * interim transaction reports. They bring booked lines before the day's statement, without balances or period, so
 * they never take part in the statement's opening + lines = closing check nor in the days a statement covers. Their
 * lines are matched at once; the day's statement (camt.053, MT940) then takes each one over as the same entry.
 */
public final class IntradayReports {

    /** statements.format of an intraday report. */
    public static final Set<String> FORMATS = Set.of("camt052", "camt054", "mt942");

    /** {@link #FORMATS} as an SQL list of literals, sorted (constants of the code, never input). */
    public static final String SQL_LIST = FORMATS.stream().sorted().map(f -> "'" + f + "'")
            .collect(Collectors.joining(", "));

    private IntradayReports() {
    }

    public static boolean isIntraday(String format) {
        return FORMATS.contains(format);
    }
}
