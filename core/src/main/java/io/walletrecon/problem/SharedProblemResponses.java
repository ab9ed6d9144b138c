package io.walletrecon.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The error responses every operation shares, stated once for the whole OpenAPI document (registered with
 * {@code mp.openapi.filter} in core's {@code microprofile-config.properties}). A resource annotates only what is
 * particular to its operation: its success responses and the errors that carry their own meaning (a 409 "a run of
 * this account is in progress", a 422 naming what the content breaks), as
 * {@code @APIResponse(responseCode = "409", description = "...")} <em>without</em> {@code content}: this filter gives
 * every error response the {@code application/problem+json} body with the {@link Problem} schema.
 *
 * <p>The rule, applied to every operation that does not already state the status itself:
 * <ul>
 * <li>400: operations with a query or header parameter, a text path parameter or a JSON body (bean validation, a
 * malformed date or number, bad JSON, a NUL character); a number in the path that does not parse is a 404;</li>
 * <li>401 and 403: secured operations (those with a security requirement: Quarkus adds one, listing the roles, to
 * every {@code @RolesAllowed} operation, so resources declare no {@code @SecurityRequirement}). The 403 names
 * those roles;</li>
 * <li>404 "No such payment": secured operations with a path parameter that names a record ({@code id},
 * {@code code}, {@code account}, {@code name} or a name ending in {@code Id}), the record named after the
 * collection in the path ({@link #recordName}). A path parameter that is a value rather than a record (a
 * currency, a provider) or a public link's token states its own errors;</li>
 * <li>500: every operation: an unexpected failure, answered with an incident id only.</li>
 * </ul>
 * 409, 410, 413, 422 and other statuses are particular to an operation and stay on it. A status an operation states
 * keeps its description; only its missing body is filled in.
 */
public class SharedProblemResponses implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";

    static final String INVALID = "The request is invalid: errors[] names each bad parameter, field or file line";
    static final String UNAUTHENTICATED = "No bearer token, or one that is expired or not signed by a trusted key";
    static final String FORBIDDEN = "Your token carries none of the roles allowed here";
    static final String NOT_FOUND = "No such ";
    static final String UNEXPECTED = "Unexpected failure on our side: the body holds only an incident id to quote when "
            + "you report it; the cause is in the server's log";

    /**
     * The bodiless placeholders Quarkus' own OpenAPI filter adds before this one runs (401/403 for
     * {@code @RolesAllowed}, 400 for a JSON body), by status: replaced by the descriptions above.
     */
    private static final Map<String, String> GENERATED = Map.of("400", "Bad Request", "401", "Not Authorized",
            "403", "Not Allowed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<SecurityRequirement> documentSecurity = openAPI.getSecurity();
        openAPI.getPaths().getPathItems().forEach((name, path) -> path.getOperations().values()
                .forEach(operation -> addShared(name, path, operation, documentSecurity)));
        requireProblemSchema(openAPI);
    }

    private void addShared(String pathName, PathItem path, Operation operation,
            List<SecurityRequirement> documentSecurity) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        GENERATED.forEach((status, description) -> dropGenerated(responses, status, description));
        List<Parameter> parameters = parameters(operation, path);
        if (parameters.stream().anyMatch(SharedProblemResponses::mayBeMalformed) || hasJsonBody(operation)) {
            addIfAbsent(responses, "400", INVALID);
        }
        List<SecurityRequirement> security = operation.getSecurity() != null
                ? operation.getSecurity()
                : documentSecurity;
        if (security != null && !security.isEmpty()) {
            addIfAbsent(responses, "401", UNAUTHENTICATED);
            addIfAbsent(responses, "403", forbidden(security));
            List<String> records = parameters.stream()
                    .filter(p -> p.getIn() == Parameter.In.PATH && namesRecord(p.getName()))
                    .map(p -> recordName(pathName, p.getName())).toList();
            if (!records.isEmpty()) {
                addIfAbsent(responses, "404", NOT_FOUND + String.join(" or ", records));
            }
        }
        addIfAbsent(responses, "500", UNEXPECTED);
        responses.getAPIResponses().forEach((status, response) -> problemBodyForErrors(status, response));
    }

    /**
     * What a path parameter names, for "No such ...": {@code account} itself, else the collection before it in the
     * path, singular ({@code /payments/bank-files/{id}}: "bank file"; {@code /customers/{id}/identities/{identityId}}:
     * "customer", "identity").
     */
    static String recordName(String path, String parameter) {
        if (parameter.equals("account") || path == null) {
            return parameter;
        }
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + parameter + "}") && !segments[i - 1].isEmpty()
                    && !segments[i - 1].startsWith("{")) {
                return singular(segments[i - 1]).replace('-', ' ');
            }
        }
        return parameter;
    }

    private static String singular(String plural) {
        if (plural.endsWith("ies")) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        if (plural.endsWith("ches") || plural.endsWith("shes") || plural.endsWith("sses") || plural.endsWith("xes")) {
            return plural.substring(0, plural.length() - 2);
        }
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }

    /** Whether a path parameter of this name picks one record (and so a wrong one is a 404). */
    static boolean namesRecord(String parameter) {
        return parameter.equals("id") || parameter.equals("code") || parameter.equals("account")
                || parameter.equals("name") || parameter.endsWith("Id");
    }

    private static String forbidden(List<SecurityRequirement> security) {
        TreeSet<String> roles = new TreeSet<>();
        for (SecurityRequirement requirement : security) {
            if (requirement.getSchemes() != null) {
                requirement.getSchemes().values().forEach(scopes -> {
                    if (scopes != null) {
                        roles.addAll(scopes);
                    }
                });
            }
        }
        return roles.isEmpty() ? FORBIDDEN : FORBIDDEN + ": " + String.join(" or ", roles);
    }

    private static List<Parameter> parameters(Operation operation, PathItem path) {
        List<Parameter> all = new ArrayList<>();
        if (path.getParameters() != null) {
            all.addAll(path.getParameters());
        }
        if (operation.getParameters() != null) {
            all.addAll(operation.getParameters());
        }
        return all;
    }

    /** A query or header parameter, or text in the path; a path number that does not parse routes nowhere (404). */
    private static boolean mayBeMalformed(Parameter parameter) {
        if (parameter.getIn() != Parameter.In.PATH) {
            return true;
        }
        Schema schema = parameter.getSchema();
        return schema == null || schema.getType() == null || schema.getType().contains(Schema.SchemaType.STRING);
    }

    private static boolean hasJsonBody(Operation operation) {
        return operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().hasMediaType("application/json");
    }

    /** Quarkus adds these bodiless placeholders itself ({@code @RolesAllowed}, a JSON body); ours replace them. */
    private static void dropGenerated(APIResponses responses, String status, String description) {
        APIResponse response = responses.getAPIResponse(status);
        if (response != null && description.equals(response.getDescription()) && response.getContent() == null) {
            responses.removeAPIResponse(status);
        }
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    /** An error response without a body gets the problem+json body; one with a problem+json body gets its schema. */
    private static void problemBodyForErrors(String status, APIResponse response) {
        if (!isError(status) || response.getRef() != null) {
            return;
        }
        Content content = response.getContent();
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problemMediaType()));
        } else if (content.hasMediaType(Problem.MEDIA_TYPE)
                && content.getMediaType(Problem.MEDIA_TYPE).getSchema() == null) {
            content.getMediaType(Problem.MEDIA_TYPE).setSchema(OASFactory.createSchema().ref(PROBLEM_REF));
        }
    }

    private static MediaType problemMediaType() {
        return OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF));
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static void requireProblemSchema(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null || !components.getSchemas().containsKey("Problem")) {
            throw new IllegalStateException(
                    "The OpenAPI document has no Problem schema; keep @Schema(name = \"Problem\") on "
                            + Problem.class.getName());
        }
    }
}
