package io.walletrecon.console;

import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.List;
import java.util.Set;

/**
 * What a refused form shows: the sentence of the refusal and, per field or file line, what is wrong. Built from the
 * same {@link ApiException} the API answers with, so the page says what problem+json says.
 */
public record FormErrors(String message, List<ProblemError> errors, int status) {

    public static FormErrors none() {
        return new FormErrors(null, List.of(), 200);
    }

    public static FormErrors of(ApiException e) {
        return new FormErrors(e.getMessage(), e.errors() == null ? List.of() : e.errors(), e.type().status);
    }

    /** Bean-validation of a bound form, as a refusal naming each field (nothing is called when it fails). */
    public static <T> T valid(Validator validator, T form) {
        Set<ConstraintViolation<T>> violations = validator.validate(form);
        if (violations.isEmpty()) {
            return form;
        }
        List<ProblemError> errors = violations.stream()
                .map(v -> ProblemError.field(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(java.util.Comparator.comparing(ProblemError::field)).toList();
        throw ApiException.invalid(errors.get(0).field() + " " + errors.get(0).message(), errors);
    }

    public boolean any() {
        return message != null;
    }

    /** The message for one field, or null. */
    public String of(String field) {
        return errors.stream().filter(e -> field.equals(e.field())).map(ProblemError::message).findFirst().orElse(null);
    }
}
