package io.walletrecon.matching;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/matching/config/{account}")
@Tag(name = "Matching", description = "Per-account matching rules (role admin)")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MatchingConfigResource {

    private final MatchingConfigService service;
    private final SecurityIdentity identity;

    public MatchingConfigResource(MatchingConfigService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The account's matching configuration (defaults when never set)")
    public Uni<MatchingConfig> get(@PathParam("account") String account) {
        return service.get(account);
    }

    @PUT
    @Operation(summary = "Replace the account's matching configuration; omitted fields take their defaults")
    @APIResponse(responseCode = "200", description = "Stored")
    public Uni<MatchingConfig> put(@PathParam("account") String account, @NotNull MatchingRequests.Config request) {
        return service.put(account, request, identity.getPrincipal().getName());
    }
}
