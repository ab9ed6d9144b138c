package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;
import io.walletrecon.security.CurrentActor;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Payment policies, per company and currency: {@code company} (a query parameter on every route) names the company,
 * absent means the default company. Read by admins and approvers (the people who set and apply the controls); not by
 * finance, whose
 * payments the limits control. Changed only by two admins: one proposes, another approves.
 */
@Path("/payment-policies/{currency}")
@Tag(name = "Payment policies", description = "Approval tiers (审批权限) and risk limits per company and currency; changes need a second admin")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "422", description = "No such company")
public class PaymentPolicyResource {

    private final PaymentPolicyService service;
    private final CurrentActor actor;

    public PaymentPolicyResource(PaymentPolicyService service, CurrentActor actor) {
        this.service = service;
        this.actor = actor;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.APPROVER})
    @Operation(summary = "The policy in force for a company's currency (the configured default when none was set)")
    @APIResponse(responseCode = "200", description = "The policy in force")
    public Uni<PaymentPolicy> get(@PathParam("currency") String currency, @QueryParam("company") String company) {
        return service.get(company, currency);
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Propose new approval tiers and risk limits for a company's currency (audited). Nothing changes until another admin "
            + "approves the change; it then applies to orders created afterwards")
    @APIResponse(responseCode = "202", description = "The pending change", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentPolicyService.ChangeView.class)))
    @APIResponse(responseCode = "409", description = "Another change of this currency is waiting for a decision")
    @APIResponse(responseCode = "400", description = "Invalid currency or limits")
    public Uni<Response> propose(@PathParam("currency") String currency, @QueryParam("company") String company,
            @Valid @NotNull PaymentRequests.Policy policy) {
        return service.propose(company, currency, policy, actor.name())
                .map(change -> Response.accepted(change).build());
    }

    @GET
    @Path("/changes")
    @RolesAllowed({Roles.ADMIN, Roles.APPROVER})
    @Operation(summary = "The latest proposed changes of a company's policy of a currency, newest first, with their decisions")
    @APIResponse(responseCode = "200", description = "The changes, newest first")
    public Uni<List<PaymentPolicyService.ChangeView>> changes(@PathParam("currency") String currency,
            @QueryParam("company") String company) {
        return service.changes(company, currency);
    }

    @POST
    @Path("/changes/{id}/approval")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a pending change proposed by another admin; it is in force at once (audited)")
    @APIResponse(responseCode = "200", description = "The approved change")
    @APIResponse(responseCode = "404", description = "No such change of this company's currency")
    @APIResponse(responseCode = "403", description = "Not an admin, or you proposed this change: another admin must approve it "
            + "(maker-checker)")
    @APIResponse(responseCode = "409", description = "The change was already decided")
    public Uni<PaymentPolicyService.ChangeView> approve(@PathParam("currency") String currency,
            @PathParam("id") long id,
            @QueryParam("company") String company, @Valid PaymentRequests.Decision decision) {
        return service.approve(company, currency, id, decision == null ? null : decision.comment(), actor.name());
    }

    @POST
    @Path("/changes/{id}/rejection")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a pending change (another admin) or withdraw it (its proposer); the policy stays as it is (audited)")
    @APIResponse(responseCode = "200", description = "The rejected or withdrawn change")
    @APIResponse(responseCode = "404", description = "No such change of this company's currency")
    @APIResponse(responseCode = "409", description = "The change was already decided")
    public Uni<PaymentPolicyService.ChangeView> reject(@PathParam("currency") String currency, @PathParam("id") long id,
            @QueryParam("company") String company, @Valid PaymentRequests.Decision decision) {
        return service.reject(company, currency, id, decision == null ? null : decision.comment(), actor.name());
    }
}
