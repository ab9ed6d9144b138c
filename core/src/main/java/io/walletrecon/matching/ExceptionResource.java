package io.walletrecon.matching;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.walletrecon.data.PageView;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.time.LocalDate;

@Path("/exceptions")
@Tag(name = "Exceptions", description = "Reconciliation differences to work: filter, annotate, assign, resolve (role finance)")
@RolesAllowed(Roles.FINANCE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExceptionResource {

    private final ExceptionService service;
    private final ReceiptClaimService claims;
    private final SecurityIdentity identity;

    public ExceptionResource(ExceptionService service, ReceiptClaimService claims, SecurityIdentity identity) {
        this.service = service;
        this.claims = claims;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Exceptions by company, account, type, status, business date (from/to inclusive), assignee or run; paged, oldest first")
    @APIResponse(responseCode = "422", description = "No such company")
    @APIResponse(responseCode = "200", description = "A page of exceptions")
    public Uni<PageView<MatchingViews.ExceptionView>> list(@QueryParam("company") String company,
            @QueryParam("account") String account, @QueryParam("type") String type,
            @QueryParam("status") String status, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("assignee") String assignee,
            @QueryParam("run") Long run,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") Integer size) {
        return service.list(company, account, type, status, from, to, assignee, run, page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One exception with its annotations; an unidentified receipt also with the customers whose "
            + "name, normalised, is the payer's (suggestions, never a match)")
    @APIResponse(responseCode = "200", description = "The exception")
    @APIResponse(responseCode = "404", description = "No such exception")
    public Uni<MatchingViews.ExceptionView> get(@PathParam("id") long id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/annotations")
    @ResponseStatus(201)
    @Operation(summary = "Add an annotation (备注)")
    @APIResponse(responseCode = "201", description = "The exception with its annotations")
    public Uni<MatchingViews.ExceptionView> annotate(@PathParam("id") long id,
            @Valid @NotNull MatchingRequests.Annotation request) {
        return service.annotate(id, request.body(), identity.getPrincipal().getName());
    }

    @POST
    @Path("/{id}/claim")
    @Operation(summary = "Claim an unidentified receipt (认领) for a customer, optionally paying receivables: writes the "
            + "match (rule claim), pays the receivables, resolves the exception and learns the payer's account as a "
            + "payer identity of the customer")
    @APIResponse(responseCode = "200", description = "The exception, resolved")
    @APIResponse(responseCode = "400", description = "A receivable listed twice, an amount not positive, no reason")
    @APIResponse(responseCode = "404", description = "No such exception")
    @APIResponse(responseCode = "409", description = "Not an open unidentified receipt, the line is already matched, "
            + "a matching run of the account is in progress, or the receipt is in a locked period")
    @APIResponse(responseCode = "422", description = "Unknown customer or receivable, another company's or another "
            + "customer's, amounts beyond the receipt or beyond what a receivable still owes")
    public Uni<MatchingViews.ExceptionView> claim(@PathParam("id") long id,
            @Valid @NotNull MatchingRequests.Claim request) {
        return claims.claim(id, request, identity.getPrincipal().getName());
    }

    @POST
    @Path("/{id}/resolve")
    @Operation(summary = "Set status in_review, resolved or ignored (resolved/ignored need a reason), optionally assign")
    @APIResponse(responseCode = "200", description = "The exception in its new status")
    @APIResponse(responseCode = "400", description = "Invalid status or missing reason")
    @APIResponse(responseCode = "409", description = "Closed already, or dated in a period a reviewed balance "
            + "confirmation locks")
    public Uni<MatchingViews.ExceptionView> resolve(@PathParam("id") long id,
            @Valid @NotNull MatchingRequests.Resolve request) {
        return service.resolve(id, request.status(), request.reason(), request.assignee(),
                identity.getPrincipal().getName());
    }
}
