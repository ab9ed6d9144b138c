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
    private final SecurityIdentity identity;

    public ExceptionResource(ExceptionService service, SecurityIdentity identity) {
        this.service = service;
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
    @Operation(summary = "One exception with its annotations")
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
    @Path("/{id}/resolve")
    @Operation(summary = "Set status in_review, resolved or ignored (resolved/ignored need a reason), optionally assign")
    @APIResponse(responseCode = "200", description = "The exception in its new status")
    @APIResponse(responseCode = "400", description = "Invalid status or missing reason")
    public Uni<MatchingViews.ExceptionView> resolve(@PathParam("id") long id,
            @Valid @NotNull MatchingRequests.Resolve request) {
        return service.resolve(id, request.status(), request.reason(), request.assignee(),
                identity.getPrincipal().getName());
    }
}
