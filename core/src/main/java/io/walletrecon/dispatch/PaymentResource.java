package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;
import io.walletrecon.data.PageView;
import io.walletrecon.security.CurrentActor;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

import java.time.LocalDate;

@Path("/payments")
@Tag(name = "Payments", description = "Outgoing payment orders: refunds, payouts, supplier payments; approvals and holds")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    private final PaymentService service;
    private final PaymentApprovalService approvals;
    private final PaymentViews views;
    private final CurrentActor actor;

    public PaymentResource(PaymentService service, PaymentApprovalService approvals, PaymentViews views,
            CurrentActor actor) {
        this.service = service;
        this.approvals = approvals;
        this.views = views;
        this.actor = actor;
    }

    @POST
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a payment order (with a recurrence: one order per occurrence up to the horizon). "
            + "The Idempotency-Key header is required: the same key and body return the first response again")
    @APIResponse(responseCode = "201", description = "Created (or the first response replayed for a repeated key)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field or missing Idempotency-Key")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "422", description = "Key reused with a different body, or the account cannot send this type")
    public Uni<Response> create(@HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull PaymentRequests.Create request) {
        return service.create(request, idempotencyKey, actor.name())
                .map(created -> Response.status(201).type(MediaType.APPLICATION_JSON).entity(created.view())
                        .header("Idempotent-Replayed", Boolean.toString(created.replayed())).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.APPROVER})
    @Operation(summary = "One payment order with its approvals, provider attempts and history")
    @APIResponse(responseCode = "200", description = "The order")
    public Uni<PaymentView> get(@PathParam("id") long id) {
        return views.get(id);
    }

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.APPROVER})
    @Operation(summary = "Payment orders by company (of the paying account), state, execution date (from/to inclusive) and beneficiary (name contains, or masked id), paged")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "422", description = "No such company")
    public Uni<PageView<PaymentView>> list(@QueryParam("company") String company, @QueryParam("state") String state,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("beneficiary") String beneficiary,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") Integer size) {
        return views.list(company, state, from, to, beneficiary, page, size);
    }

    @POST
    @Path("/{id}/approvals")
    @RolesAllowed(Roles.APPROVER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a pending payment (never your own); the last approval the policy needs schedules it")
    @APIResponse(responseCode = "200", description = "The order after the approval")
    @APIResponse(responseCode = "409", description = "Not pending approval (the problem names its state), or you approved it already")
    @APIResponse(responseCode = "403", description = "Not an approver, or you created this payment: another person must approve it "
            + "(maker-checker)")
    public Uni<PaymentView> approve(@PathParam("id") long id, @Valid PaymentRequests.Decision decision) {
        return approvals.approve(id, decision == null ? null : decision.comment(), actor.name());
    }

    @POST
    @Path("/{id}/rejections")
    @RolesAllowed(Roles.APPROVER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a pending payment with a comment; it is cancelled")
    @APIResponse(responseCode = "200", description = "The cancelled order")
    @APIResponse(responseCode = "400", description = "No comment")
    @APIResponse(responseCode = "409", description = "Not pending approval")
    @APIResponse(responseCode = "403", description = "Not an approver, or you created this payment: cancel it instead")
    public Uni<PaymentView> reject(@PathParam("id") long id, @Valid @NotNull PaymentRequests.Decision decision) {
        return approvals.reject(id, decision.comment(), actor.name());
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed({Roles.FINANCE, Roles.APPROVER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a payment that has not been submitted to the provider yet")
    @APIResponse(responseCode = "200", description = "The cancelled order")
    @APIResponse(responseCode = "409", description = "Already submitted or final (the problem names its state)")
    public Uni<PaymentView> cancel(@PathParam("id") long id, @Valid PaymentRequests.Decision decision) {
        return approvals.cancel(id, decision == null ? null : decision.comment(), actor.name());
    }

    @POST
    @Path("/{id}/release")
    @RolesAllowed({Roles.FINANCE, Roles.APPROVER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Release a held payment after a person looked at it. A possible duplicate or a risk-limit hold needs an "
            + "approver who did not create the payment, and a comment; a low-balance or dispatch-error hold may be released by finance")
    @APIResponse(responseCode = "200", description = "The released order")
    @APIResponse(responseCode = "400", description = "No comment for a duplicate or risk hold")
    @APIResponse(responseCode = "409", description = "Not held")
    @APIResponse(responseCode = "403", description = "Neither finance nor approver; or a duplicate or risk hold, which only an approver "
            + "who did not create the payment may release (maker-checker)")
    public Uni<PaymentView> release(@PathParam("id") long id, @Valid PaymentRequests.Decision decision) {
        return approvals.release(id, decision == null ? null : decision.comment(), actor.person());
    }
}
