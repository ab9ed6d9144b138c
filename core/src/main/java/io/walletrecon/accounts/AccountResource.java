package io.walletrecon.accounts;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;

@Path("/accounts")
@Tag(name = "Accounts", description = "Company wallet and bank accounts and their provider credentials (role admin)")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final AccountService service;
    private final SecurityIdentity identity;

    public AccountResource(AccountService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Create an account; credentials are validated, encrypted and never returned")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid field or unusable credentials")
    @APIResponse(responseCode = "409", description = "An account with this code exists")
    @APIResponse(responseCode = "422", description = "No such company")
    public Uni<AccountView> create(@Valid @NotNull AccountRequests.Create request) {
        return service.create(request, identity.getPrincipal().getName());
    }

    @GET
    @Operation(summary = "List accounts, of one company when company is given")
    @APIResponse(responseCode = "422", description = "No such company")
    @APIResponse(responseCode = "200", description = "The accounts")
    public Uni<List<AccountView>> list(@QueryParam("company") String company) {
        return service.list(company);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One account")
    public Uni<AccountView> get(@PathParam("code") String code) {
        return service.get(code);
    }

    @PATCH
    @Path("/{code}")
    @Operation(summary = "Change an account's name, time zone or credentials (credentials are replaced whole, e.g. to rotate secrets)")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "400", description = "Invalid field or unusable credentials")
    public Uni<AccountView> update(@PathParam("code") String code, @Valid @NotNull AccountRequests.Update request) {
        return service.update(code, request, identity.getPrincipal().getName());
    }
}
