package io.walletrecon.matching;

/**
 * Business days as the debit rules count them: Monday to Friday. Bank holidays are not known here: a holiday between
 * the execution date and the deadline counts as a business day (set the account's number of days with that in mind).
 * An SQL fragment for the rules' statements, built from an SQL date expression and a number, never from a request.
 */
final class BusinessDays {

    private BusinessDays() {
    }

    /** SQL: the date {@code days} business days after the date {@code dateExpr} ({@code dateExpr} itself for 0). */
    static String afterSql(String dateExpr, int days) {
        if (days == 0) {
            return "(" + dateExpr + ")";
        }
        return """
                (select cast(bd.day as date) from generate_series(cast(%1$s as timestamp) + interval '1 day',
                     cast(%1$s as timestamp) + interval '%2$d days', interval '1 day') as bd (day)
                 where extract(isodow from bd.day) < 6 order by bd.day offset %3$d limit 1)"""
                .formatted(dateExpr, days * 2 + 7, days - 1);
    }
}
