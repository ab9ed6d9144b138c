package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;
import io.walletrecon.security.CurrentActor;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/payment-status-reports")
@Tag(name = "Payments", description = "Outgoing payment orders: refunds, payouts, supplier payments; approvals and holds")
@RolesAllowed({Roles.FINANCE, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class PaymentStatusReportResource {

    private final PaymentStatusReportService service;
    private final CurrentActor actor;

    public PaymentStatusReportResource(PaymentStatusReportService service, CurrentActor actor) {
        this.service = service;
        this.actor = actor;
    }

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Apply the bank's payment status report (the request body: ISO 20022 pain.002.001.03 to .10) to the "
            + "supplier payments of our pain.001 files, by OrgnlEndToEndId (a transfer without a status of its own takes its "
            + "payment information's, then the group's; a report without transfers applies to every payment of the pain.001 "
            + "message it names). ACCP, ACTC, ACSP, ACSC, ACWC, ACCC: accepted, the payment stays submitted until its debit is on "
            + "the bank statement; PDNG: pending; RJCT: the payment fails with the bank's reason code and text, shown on the "
            + "payment. An end-to-end id we do not know is listed as unknown_end_to_end_id. The same report again changes "
            + "nothing and answers the same, with repeated true")
    @APIResponse(responseCode = "201", description = "Applied; per end-to-end id what it did")
    @APIResponse(responseCode = "200", description = "This report was received before; nothing changed")
    @APIResponse(responseCode = "409", description = "Another report with the same MsgId and other content was received before")
    @APIResponse(responseCode = "422", description = "Not XML, malformed XML or not a pain.002 report (the line is named)")
    public Uni<Response> receive(byte[] body) {
        return service.receive(body == null ? new byte[0] : body, actor.name())
                .map(view -> Response.status(view.repeated() ? 200 : 201).entity(view).build());
    }
}
