package io.walletrecon.companies;

import io.smallrye.mutiny.Uni;
import io.walletrecon.security.CurrentActor;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;

@Path("/companies")
@Tag(name = "Companies", description = "The legal entities (公司主体) that hold accounts, customers and payment policies (admin writes; finance and approvers read)")
@RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.APPROVER})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompanyResource {

    private final CompanyService service;
    private final CurrentActor actor;

    public CompanyResource(CompanyService service, CurrentActor actor) {
        this.service = service;
        this.actor = actor;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @ResponseStatus(201)
    @Operation(summary = "Create a company (audited)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "409", description = "A company with this code exists")
    public Uni<CompanyView> create(@Valid @NotNull CompanyRequests.Create request) {
        return service.create(request, actor.name());
    }

    @GET
    @Operation(summary = "List companies by code; isDefault marks the one requests that name no company belong to")
    @APIResponse(responseCode = "200", description = "The companies")
    public Uni<List<CompanyView>> list() {
        return service.list();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One company")
    @APIResponse(responseCode = "404", description = "No such company")
    @APIResponse(responseCode = "200", description = "The company")
    public Uni<CompanyView> get(@PathParam("code") String code) {
        return service.get(code);
    }

    @PATCH
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a company's name, legal name, country or time zone (absent fields stay; the code is fixed; audited)")
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "404", description = "No such company")
    @APIResponse(responseCode = "200", description = "Updated")
    public Uni<CompanyView> update(@PathParam("code") String code, @Valid @NotNull CompanyRequests.Update request) {
        return service.update(code, request, actor.name());
    }
}
