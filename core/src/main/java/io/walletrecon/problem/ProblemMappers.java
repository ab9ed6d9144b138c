package io.walletrecon.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.walletrecon.data.DatabaseRefusals;
import io.walletrecon.money.MoneyFormatException;
import io.walletrecon.web.JsonTextRules;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place exceptions become RFC 9457 problem details. Messages are written for the caller; class
 * names, stack traces and SQL never leave the process.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response money(MoneyFormatException e) {
        return respond(Problem.of(ProblemType.VALIDATION, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response violations(ResteasyReactiveViolationException e) {
        return violationsOf(e);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        return violationsOf(e);
    }

    private Response violationsOf(ConstraintViolationException e) {
        List<ProblemError> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> ProblemError.field(fieldOf(v), v.getMessage()))
                .toList();
        String detail = errors.stream().map(err -> err.field() + " " + err.message()).collect(Collectors.joining("; "));
        return respond(Problem.of(ProblemType.VALIDATION, detail, errors));
    }

    /** "create.request.code" becomes "code": the caller knows their JSON, not our method names. */
    private static String fieldOf(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        StringBuilder detail = new StringBuilder("The request body is not valid JSON for this endpoint");
        String field = null;
        String problem = e instanceof JsonTextRules.NulCharacterException
                ? "holds a NUL character (\\u0000), which is not text; remove it"
                : "has the wrong type or format";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            detail.append(": field '").append(field).append("' ").append(problem);
        }
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            detail.append(" (line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr())
                    .append(')');
        }
        List<ProblemError> errors = field == null ? List.of() : List.of(ProblemError.field(field, problem));
        return respond(Problem.of(ProblemType.BAD_REQUEST, detail.toString(), errors));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return respond(Problem.of(ProblemType.UNAUTHORIZED, "Send a valid bearer token (Authorization: Bearer <JWT>)"));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return respond(Problem.of(ProblemType.UNAUTHORIZED,
                "The bearer token is missing, expired or not signed by a trusted key"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "Your token does not carry a role allowed to do this"));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException parse) {
            return json(parse);
        }
        if (status < 400 || e.getResponse().getEntity() instanceof Problem) {
            return e.getResponse();
        }
        ProblemType type = java.util.Arrays.stream(ProblemType.values())
                .filter(t -> t.status == status).findFirst()
                .orElse(status >= 500 ? ProblemType.INTERNAL : ProblemType.BAD_REQUEST);
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "None of the requested media types (Accept) can be produced here";
            case 415 -> "This media type (Content-Type) is not accepted here";
            case 400 ->
                "The request is malformed: check parameter formats (dates are yyyy-MM-dd, numbers are integers)";
            default -> reason;
        };
        Problem base = Problem.of(type, detail);
        return respond(new Problem(base.type(), reason != null ? reason : base.title(), status, detail, null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String state = DatabaseRefusals.sqlState(e);
        if ("22021".equals(state) || "22P05".equals(state)) {
            // text from a query parameter or path that reached SQL with a NUL character: the caller's to fix
            return respond(
                    Problem.of(ProblemType.BAD_REQUEST, "A text value in the request holds a NUL character (\\u0000), "
                            + "which is not text; remove it"));
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, incident %s", incident);
        return respond(Problem.of(ProblemType.INTERNAL,
                "Something went wrong on our side; quote incident " + incident + " when you report it"));
    }
}
