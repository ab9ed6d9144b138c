package io.walletrecon.console;

import io.walletrecon.money.Money;
import io.walletrecon.money.MoneyFormatException;
import io.walletrecon.problem.ProblemError;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the text fields of a form into what the services take, noting each field that does not read (and carrying
 * on, so that one refusal names them all): amounts as people type them (1,000.50) into exact minor units of the
 * currency, whole numbers, dates, one value per line.
 */
final class FormFields {

    private final List<ProblemError> errors = new ArrayList<>();

    /** An amount in {@code currency} as minor units; blank is null. Thousands separators are allowed. */
    Long amount(String field, String text, String currency) {
        if (blank(text)) {
            return null;
        }
        try {
            return Money.parse(text.strip().replace(",", "").replace(" ", ""), currency).minorUnits();
        } catch (MoneyFormatException e) {
            errors.add(ProblemError.field(field, e.getMessage()));
            return null;
        }
    }

    /** A whole number; blank is null. */
    Integer whole(String field, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.add(ProblemError.field(field, "must be a whole number"));
            return null;
        }
    }

    /** One date (yyyy-MM-dd) per line; blank lines are skipped. */
    List<LocalDate> dates(String field, String text) {
        List<LocalDate> out = new ArrayList<>();
        for (String line : lines(text)) {
            try {
                out.add(LocalDate.parse(line));
            } catch (DateTimeParseException e) {
                errors.add(ProblemError.field(field, "'" + line + "' is not a date such as 2026-10-01"));
            }
        }
        return out;
    }

    /** The value of a field as the service wants it: null when blank, else stripped. */
    static String text(String value) {
        return blank(value) ? null : value.strip();
    }

    static List<String> lines(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    void add(ProblemError error) {
        errors.add(error);
    }

    List<ProblemError> errors() {
        return errors;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
