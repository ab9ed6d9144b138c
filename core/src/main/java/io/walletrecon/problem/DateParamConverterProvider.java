package io.walletrecon.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A malformed date in a query parameter is the caller's mistake (400 naming the value), not a missing resource,
 * which is what JAX-RS answers by default for a query parameter that does not convert.
 */
@Provider
public class DateParamConverterProvider implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != LocalDate.class) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<LocalDate>() {
            @Override
            public LocalDate fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(value.trim());
                } catch (DateTimeParseException e) {
                    throw new BadRequestException(ProblemMappers.respond(Problem.of(ProblemType.VALIDATION,
                            "'" + value + "' is not a date; use yyyy-MM-dd, for example 2026-11-30")));
                }
            }

            @Override
            public String toString(LocalDate value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
