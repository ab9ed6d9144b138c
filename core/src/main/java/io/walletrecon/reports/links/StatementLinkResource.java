package io.walletrecon.reports.links;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.walletrecon.console.CustomerStatementPages;
import io.walletrecon.console.FormErrors;
import io.walletrecon.console.FormTokens;
import io.walletrecon.reports.links.StatementLinkRequests.AnswerView;
import io.walletrecon.reports.links.StatementLinkRequests.LinkView;
import io.walletrecon.reports.statements.ReportPlan;
import io.walletrecon.reports.statements.ReportResource;
import io.walletrecon.reports.statements.ReportService;
import io.walletrecon.security.CurrentActor;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Map;

/**
 * Customer statements as signed links. Sending needs role finance; the customer's routes need no login: the token
 * in the path is the credential, checked on every call (signature and expiry).
 */
@Path("/statement-links")
@Tag(name = "Customer statement links", description = "Customer statements the customer confirms or disputes without login")
@Produces(MediaType.APPLICATION_JSON)
public class StatementLinkResource {

    private final StatementLinkService links;
    private final ReportService reports;
    private final CurrentActor actor;
    private final CustomerStatementPages pages;

    public StatementLinkResource(StatementLinkService links, ReportService reports, CurrentActor actor,
            CustomerStatementPages pages) {
        this.links = links;
        this.reports = reports;
        this.actor = actor;
        this.pages = pages;
    }

    @POST
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sends a customer statement for a period as a signed, expiring link; body {customer, from, to}")
    @APIResponse(responseCode = "201", description = "The link; give its url to the customer")
    @APIResponse(responseCode = "404", description = "No such customer")
    public Uni<Response> send(StatementLinkRequests.Send body) {
        String who = actor.name();
        return links.send(body, who).map((LinkView link) -> Response
                .created(URI.create("/statement-links/" + link.token())).entity(link).build());
    }

    @POST
    @Path("{idOrToken}/revocation")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revokes a link (by its id or its token) with a reason (required): it no longer opens (410); "
            + "the customer's answers and the statement they answered on stay")
    @APIResponse(responseCode = "200", description = "The link, revoked")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "403", description = "The token is not valid (altered or not ours)")
    @APIResponse(responseCode = "404", description = "No such link")
    @APIResponse(responseCode = "409", description = "Already revoked")
    public Uni<StatementLinkRequests.RevokedView> revoke(@PathParam("idOrToken") String idOrToken,
            StatementLinkRequests.Revocation body) {
        return links.revoke(idOrToken, body, actor.name());
    }

    @GET
    @Path("{token}")
    @PermitAll
    @Operation(summary = "The statement behind a link, its state and the answers so far (no login; the token is the credential); "
            + "once the customer has answered, the statement they answered on (frozen, with its SHA-256)")
    @APIResponse(responseCode = "200", description = "The statement")
    @APIResponse(responseCode = "403", description = "The link is not valid (altered or not ours)")
    @APIResponse(responseCode = "410", description = "The link has expired or was revoked")
    public Uni<Map<String, Object>> view(@PathParam("token") String token) {
        return links.view(token);
    }

    /**
     * The same link opened in a browser ({@code Accept: text/html}): the customer's page. JSON stays the answer to
     * API clients and to a wildcard {@code Accept} (the page carries {@code qs=0.5}).
     */
    @GET
    @Path("{token}")
    @PermitAll
    @Produces("text/html;qs=0.5")
    @Operation(hidden = true)
    public Uni<Response> page(@PathParam("token") String token) {
        return pages.show(token, FormErrors.none());
    }

    /** The page's confirm button (a form); the answer is shown on the page it goes back to. */
    @POST
    @Path("{token}/confirmation")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> confirmByForm(@PathParam("token") String token, @FormParam(FormTokens.FIELD) String csrf,
            @FormParam("comment") String comment, @Context HttpServerRequest request) {
        return pages.confirm(token, csrf, comment, ip(request));
    }

    /** The page's dispute form of one line. */
    @POST
    @Path("{token}/disputes")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> disputeByForm(@PathParam("token") String token, @FormParam(FormTokens.FIELD) String csrf,
            @FormParam("lineType") String lineType, @FormParam("lineId") Long lineId,
            @FormParam("comment") String comment, @Context HttpServerRequest request) {
        return pages.dispute(token, csrf, lineType, lineId, comment, ip(request));
    }

    @GET
    @Path("{token}/pdf")
    @PermitAll
    @Produces("application/pdf")
    @io.smallrye.common.annotation.Blocking
    @Operation(summary = "The statement behind a link as a printable PDF (no login; the token is the credential)")
    @APIResponse(responseCode = "200", description = "The statement", content = @Content(mediaType = "application/pdf"))
    @APIResponse(responseCode = "403", description = "The link is not valid (altered or not ours)")
    @APIResponse(responseCode = "410", description = "The link has expired")
    public Response pdf(@PathParam("token") String token) {
        ReportPlan plan = io.walletrecon.data.ReactiveBridge.await(() -> links.plan(token));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        reports.writePdf(plan, out);
        return Response.ok(out.toByteArray(), "application/pdf")
                .header("Content-Disposition", ReportResource.attachment(ReportService.fileName(plan, "pdf"))).build();
    }

    @POST
    @Path("{token}/confirmation")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The customer confirms the statement (客户确认), optionally with a comment")
    @APIResponse(responseCode = "200", description = "Confirmed")
    @APIResponse(responseCode = "403", description = "The link is not valid")
    @APIResponse(responseCode = "409", description = "Already confirmed, or disputed")
    @APIResponse(responseCode = "410", description = "The link has expired")
    public Uni<AnswerView> confirm(@PathParam("token") String token, StatementLinkRequests.Confirm body,
            @Context HttpServerRequest request) {
        return links.confirm(token, body, ip(request));
    }

    @POST
    @Path("{token}/disputes")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The customer disputes one line (payment or receivable) with a comment")
    @APIResponse(responseCode = "201", description = "The dispute is recorded")
    @APIResponse(responseCode = "403", description = "The link is not valid")
    @APIResponse(responseCode = "409", description = "The statement was confirmed, or the line is already disputed")
    @APIResponse(responseCode = "410", description = "The link has expired")
    @APIResponse(responseCode = "422", description = "The line is not on this statement")
    public Uni<Response> dispute(@PathParam("token") String token, StatementLinkRequests.Dispute body,
            @Context HttpServerRequest request) {
        return links.dispute(token, body, ip(request)).map(a -> Response.status(201).entity(a).build());
    }

    private static String ip(HttpServerRequest request) {
        if (request == null || request.remoteAddress() == null) {
            return null;
        }
        return request.remoteAddress().hostAddress();
    }
}
