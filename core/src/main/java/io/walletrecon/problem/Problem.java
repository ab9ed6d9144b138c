package io.walletrecon.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** RFC 9457 problem details body. {@code errors} lists each invalid field or file line. */
@RegisterForReflection
@Schema(name = "Problem", description = "RFC 9457 problem details: every error the API answers")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        List<ProblemError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title, type.status, detail, null, null);
    }

    public static Problem of(ProblemType type, String detail, List<ProblemError> errors) {
        return new Problem(type.uri(), type.title, type.status, detail, null,
                errors == null || errors.isEmpty() ? null : errors);
    }
}
