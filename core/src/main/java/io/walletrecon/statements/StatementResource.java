package io.walletrecon.statements;

import io.smallrye.common.annotation.Blocking;
import io.walletrecon.problem.Problem;
import io.walletrecon.security.CurrentActor;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

@Path("/statements")
@Tag(name = "Statements", description = "Bank statements and provider bills (finance and admin)")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.FINANCE, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role finance or admin required", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StatementResource {

    private final StatementImportService service;
    private final CurrentActor actor;

    public StatementResource(StatementImportService service, CurrentActor actor) {
        this.service = service;
        this.actor = actor;
    }

    @POST
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.TEXT_PLAIN, "text/csv"})
    @Blocking
    @Operation(summary = "Import a statement or bill file (the request body): camt.053, MT940, Alipay bill, WeChat Pay trade bill or "
            + "Stripe balance CSV; format detected from the content unless format= is given")
    @APIResponse(responseCode = "201", description = "Imported")
    @APIResponse(responseCode = "200", description = "This file was imported before; nothing changed")
    @APIResponse(responseCode = "400", description = "Unknown format= or missing account", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "File larger than the upload limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Malformed file (the line is named), unknown format or message type, lines that do not add up to the closing balance", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response upload(@QueryParam("account") String account, @QueryParam("format") String format,
                           @HeaderParam("X-File-Name") String fileName, InputStream body) {
        StatementImportResult result = service.importStream(account, body, fileName, format, actor.name());
        return Response.status(result.created() ? 201 : 200).entity(result).build();
    }
}
