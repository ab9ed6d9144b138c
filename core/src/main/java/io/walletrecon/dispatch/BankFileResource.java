package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;
import io.walletrecon.security.CurrentActor;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/payments/bank-files/{id}")
@Tag(name = "Payments", description = "Outgoing payment orders: refunds, payouts, supplier payments; approvals and holds")
@Produces(MediaType.APPLICATION_JSON)
public class BankFileResource {

    private final BankFileService service;
    private final CurrentActor actor;

    public BankFileResource(BankFileService service, CurrentActor actor) {
        this.service = service;
        this.actor = actor;
    }

    /** What the bank confirmed about an uncertain hand-over. */
    public record Resolution(@NotNull Boolean delivered, @Size(max = 1000) String comment) {
    }

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.APPROVER})
    @Operation(summary = "A pain.001 file: its state on the way to the bank, SHA-256, payments and control sum")
    public Uni<BankFileService.BankFileView> get(@PathParam("id") long id) {
        return service.get(id);
    }

    @POST
    @Path("/resolution")
    @RolesAllowed(Roles.APPROVER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Settle an uncertain hand-over after asking the bank: delivered=true (the bank has it) or false (deliver the same "
            + "file again); a comment saying what the bank confirmed is required (audited)")
    @APIResponse(responseCode = "200", description = "The file after the decision")
    @APIResponse(responseCode = "400", description = "No comment")
    @APIResponse(responseCode = "409", description = "The file is not uncertain")
    public Uni<BankFileService.BankFileView> resolve(@PathParam("id") long id, @Valid @NotNull Resolution resolution) {
        return service.resolve(id, resolution.delivered(), resolution.comment(), actor.name());
    }
}
