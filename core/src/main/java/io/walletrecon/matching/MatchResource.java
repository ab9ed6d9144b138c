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

@Path("/matches")
@Tag(name = "Matches", description = "Matches made by the rules or by people; confirm, reject, match by hand, unmatch (role finance)")
@RolesAllowed(Roles.FINANCE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MatchResource {

    private final MatchReviewService service;
    private final SecurityIdentity identity;

    public MatchResource(MatchReviewService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Matches, filtered by account, kind, status (confirmed, suggested, rejected, unmatched), rule, run or transaction; paged")
    public Uni<PageView<MatchingViews.MatchView>> list(@QueryParam("account") String account,
            @QueryParam("kind") String kind,
            @QueryParam("status") String status, @QueryParam("rule") String rule,
            @QueryParam("run") Long run, @QueryParam("transaction") Long transaction,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") Integer size) {
        return service.list(account, kind, status, rule, run, transaction, page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One match with its items")
    public Uni<MatchingViews.MatchView> get(@PathParam("id") long id) {
        return service.get(id);
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Match by hand: the ids of both sides (any cardinality) and a reason")
    @APIResponse(responseCode = "201", description = "Created, confirmed")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "A matching run of the account is in progress, or an item is "
            + "dated in a period a reviewed balance confirmation locks")
    @APIResponse(responseCode = "422", description = "Unknown, foreign, already matched or mixed-currency items")
    public Uni<MatchingViews.MatchView> create(@Valid @NotNull MatchingRequests.ManualMatch request) {
        return service.manual(request, identity.getPrincipal().getName());
    }

    @POST
    @Path("/{id}/confirm")
    @Operation(summary = "Confirm a suggested match")
    @APIResponse(responseCode = "200", description = "The confirmed match")
    @APIResponse(responseCode = "409", description = "Not a suggestion, a run is in progress, or the match is in a "
            + "locked period")
    public Uni<MatchingViews.MatchView> confirm(@PathParam("id") long id, @Valid MatchingRequests.Decision decision) {
        return service.confirm(id, decision == null ? null : decision.reason(), identity.getPrincipal().getName());
    }

    @POST
    @Path("/{id}/reject")
    @Operation(summary = "Reject a suggested match; the pair is never suggested again")
    @APIResponse(responseCode = "200", description = "The rejected match")
    @APIResponse(responseCode = "409", description = "Not a suggestion, a run is in progress, or the match is in a "
            + "locked period")
    public Uni<MatchingViews.MatchView> reject(@PathParam("id") long id, @Valid MatchingRequests.Decision decision) {
        return service.reject(id, decision == null ? null : decision.reason(), identity.getPrincipal().getName());
    }

    @POST
    @Path("/{id}/unmatch")
    @Operation(summary = "Undo a confirmed match (reason required); its items are free again, the pair is not matched again automatically")
    @APIResponse(responseCode = "200", description = "The unmatched match")
    @APIResponse(responseCode = "400", description = "Reason missing")
    @APIResponse(responseCode = "409", description = "Not confirmed, a run is in progress, or the match is in a "
            + "locked period")
    public Uni<MatchingViews.MatchView> unmatch(@PathParam("id") long id, @Valid MatchingRequests.Decision decision) {
        return service.unmatch(id, decision == null ? null : decision.reason(), identity.getPrincipal().getName());
    }
}
