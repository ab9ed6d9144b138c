package io.walletrecon.problem;

import java.util.List;

/**
 * The one way a request is refused for what its checks found: collect every {@link ProblemError} in a list, then
 * call {@link #refuseIfAny(List)}. The caller gets all of them in {@code errors[]} and the first, as a sentence
 * ("size must be between 1 and 500"), in {@code detail}; nothing is refused while the list is empty.
 * <pre>{@code
 * List<ProblemError> errors = new ArrayList<>();
 * if (request.amount() <= 0) {
 *     errors.add(ProblemError.field("amount", "must be more than 0"));
 * }
 * paging.check(page, size, errors);
 * Validation.refuseIfAny(errors); // 400 Invalid request
 * }</pre>
 * Use {@link #refuseIfAny(ProblemType, List)} with {@link ProblemType#UNPROCESSABLE} (422) for content that is
 * well-formed but cannot be processed as it stands (items already matched, an unknown customer in a body).
 */
public final class Validation {

    private Validation() {
    }

    /** Refuses the request with 400 ({@link ProblemType#VALIDATION}) when {@code errors} is not empty. */
    public static void refuseIfAny(List<ProblemError> errors) {
        refuseIfAny(ProblemType.VALIDATION, errors);
    }

    /** Refuses the request with {@code type} when {@code errors} is not empty. */
    public static void refuseIfAny(ProblemType type, List<ProblemError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiException(type, sentence(errors.get(0)), errors);
        }
    }

    /** "field message", as the detail names the first problem. */
    static String sentence(ProblemError error) {
        return error.field() + " " + error.message();
    }
}
