package io.walletrecon.problem;

import java.util.List;

/** A failure the caller can act on. Thrown by services; rendered once, by {@link ProblemMappers}. */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final List<ProblemError> errors;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ApiException(ProblemType type, String detail, List<ProblemError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public List<ProblemError> errors() {
        return errors;
    }

    public Problem toProblem() {
        return Problem.of(type, getMessage(), errors);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(ProblemType.NOT_FOUND, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail);
    }

    public static ApiException invalid(String detail, List<ProblemError> errors) {
        return new ApiException(ProblemType.VALIDATION, detail, errors);
    }

    public static ApiException unprocessable(String detail, List<ProblemError> errors) {
        return new ApiException(ProblemType.UNPROCESSABLE, detail, errors);
    }
}
