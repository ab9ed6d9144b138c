package io.walletrecon.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Business days as the debit rules count them: Monday to Friday, less the account's bank holidays (its matching
 * configuration). A weekend day the bank works (调休) is not modelled and stays a day off. An SQL fragment for the
 * rules' statements, built from an SQL date expression, a number and parsed dates, never from a request's text.
 */
final class BusinessDays {

    private BusinessDays() {
    }

    /**
     * SQL: the date {@code days} business days after the date {@code dateExpr} ({@code dateExpr} itself for 0), not
     * counting {@code holidays}.
     */
    static String afterSql(String dateExpr, int days, List<LocalDate> holidays) {
        if (days == 0) {
            return "(" + dateExpr + ")";
        }
        String off = holidays.stream().map(d -> "'" + d + "'").collect(Collectors.joining(",", "array[", "]::date[]"));
        return """
                (select cast(bd.day as date) from generate_series(cast(%1$s as timestamp) + interval '1 day',
                     cast(%1$s as timestamp) + interval '%2$d days', interval '1 day') as bd (day)
                 where extract(isodow from bd.day) < 6 and cast(bd.day as date) <> all(%4$s)
                 order by bd.day offset %3$d limit 1)"""
                .formatted(dateExpr, days * 2 + 7 + holidays.size(), days - 1, off);
    }
}
