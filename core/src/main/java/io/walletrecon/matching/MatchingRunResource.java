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

@Path("/matching/runs")
@Tag(name = "Matching", description = "Matching runs (role finance)")
@RolesAllowed(Roles.FINANCE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MatchingRunResource {

    private final MatchingRunService service;
    private final RunHistoryService history;
    private final SecurityIdentity identity;

    public MatchingRunResource(MatchingRunService service, RunHistoryService history, SecurityIdentity identity) {
        this.service = service;
        this.history = history;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The runs, the latest requested first, by company, account, state (queued, running, succeeded, "
            + "failed, refused, abandoned) and kind (manual, incremental, day_end), each filter optional; each run as "
            + "GET /matching/runs/{id} shows it; paged")
    @APIResponse(responseCode = "200", description = "A page of runs")
    @APIResponse(responseCode = "400", description = "An unknown state or kind, or page or size out of range")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "422", description = "No such company")
    public Uni<PageView<MatchingViews.RunView>> list(@QueryParam("company") String company,
            @QueryParam("account") String account, @QueryParam("state") String state,
            @QueryParam("kind") String kind, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") Integer size) {
        return history.list(company, account, state, kind, page, size);
    }

    @POST
    @ResponseStatus(202)
    @Operation(summary = "Start a matching run of one account over business dates from..to (inclusive); poll GET /matching/runs/{id}")
    @APIResponse(responseCode = "202", description = "Queued; it runs in the background")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "A run of this account is already queued or running")
    public Uni<MatchingViews.RunView> start(@Valid @NotNull MatchingRequests.StartRun request) {
        return service.start(request.account(), request.from(), request.to(), identity.getPrincipal().getName());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A run: state, items processed of total, counts of new matches by rule and new exceptions by type; "
            + "a failed run's error names an incident id to report")
    @APIResponse(responseCode = "200", description = "The run")
    public Uni<MatchingViews.RunView> get(@PathParam("id") long id) {
        return service.get(id);
    }
}
