package io.walletrecon.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One thing wrong with a request: a JSON field ({@code field}) or a line and column of an imported file. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemError(String field, Long line, String column, String message) {

    public static ProblemError field(String field, String message) {
        return new ProblemError(field, null, null, message);
    }

    public static ProblemError line(long line, String column, String message) {
        return new ProblemError(null, line, column, message);
    }
}
