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
    private final CandidateService candidateService;
    private final SecurityIdentity identity;

    public ExceptionResource(ExceptionService service, ReceiptClaimService claims, CandidateService candidateService,
            SecurityIdentity identity) {
        this.service = service;
        this.candidateService = candidateService;
        this.claims = claims;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Exceptions by company, account, type, status, business date (from/to inclusive), assignee, "
            + "run, age (days since the business date: 0-1, 2-3, 4-7, over-7) or amount range (minAmount/maxAmount, "
            + "decimals in currency, without sign); paged, oldest first")
    @APIResponse(responseCode = "400", description = "Unknown type, status or age; an amount range without currency")
    @APIResponse(responseCode = "422", description = "No such company")
    @APIResponse(responseCode = "200", description = "A page of exceptions")
    public Uni<PageView<MatchingViews.ExceptionView>> list(@QueryParam("company") String company,
            @QueryParam("account") String account, @QueryParam("type") String type,
            @QueryParam("status") String status, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("assignee") String assignee,
            @QueryParam("run") Long run, @QueryParam("age") String age, @QueryParam("currency") String currency,
            @QueryParam("minAmount") String minAmount, @QueryParam("maxAmount") String maxAmount,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") Integer size) {
        return service.list(new ExceptionQuery(company, account, type, status, from, to, assignee, run, age, currency,
                minAmount, maxAmount), page, size);
    }

    @POST
    @Path("/bulk")
    @Operation(summary = "The same decision for several exceptions, all or none: status in_review with an assignee "
            + "(assigns them), resolved or ignored with a reason; each change audited")
    @APIResponse(responseCode = "200", description = "The exceptions in their new status")
    @APIResponse(responseCode = "400", description = "Invalid status, missing reason, more than 200 exceptions")
    @APIResponse(responseCode = "409", description = "One of them does not exist or cannot take the decision "
            + "(each named); nothing was changed")
    public Uni<java.util.List<MatchingViews.ExceptionView>> bulk(@Valid @NotNull ExceptionRequests.Bulk request) {
        return service.bulk(request, identity.getPrincipal().getName());
    }

    @GET
    @Path("/{id}/candidates")
    @Operation(summary = "The exception's item and, for a receipt, the receivables it may pay, best first, each with "
            + "the evidence of the matching rules: the reference its texts name, the amount against what is owed and "
            + "the tolerance, whether the payer is the customer, the days from the due date; and the rule that would "
            + "pair them")
    @APIResponse(responseCode = "200", description = "The item and its candidates")
    @APIResponse(responseCode = "404", description = "No such exception")
    public Uni<CandidateViews.ExceptionCandidates> candidates(@PathParam("id") long id) {
        return candidateService.candidates(id);
    }

    @POST
    @Path("/{id}/assignment")
    @Operation(summary = "Assign the exception to a person, who works it (it is in review from then on), audited")
    @APIResponse(responseCode = "200", description = "The exception, assigned")
    @APIResponse(responseCode = "400", description = "No assignee")
    @APIResponse(responseCode = "404", description = "No such exception")
    @APIResponse(responseCode = "409", description = "The exception is closed")
    public Uni<MatchingViews.ExceptionView> assign(@PathParam("id") long id,
            @Valid @NotNull ExceptionRequests.Assignment request) {
        return service.assign(id, request.assignee(), request.reason(), identity.getPrincipal().getName());
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
