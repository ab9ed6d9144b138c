package io.walletrecon.intake;

import io.smallrye.mutiny.Uni;
import io.walletrecon.problem.Problem;
import io.walletrecon.problem.ProblemType;
import io.walletrecon.security.CurrentActor;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin/webhook-events")
@Tag(name = "Webhook events", description = "Stored webhook events, replays and rejection counts (role admin)")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookEventResource {

    private final WebhookReplayService replays;
    private final RejectionCounter rejections;
    private final CurrentActor actor;

    public WebhookEventResource(WebhookReplayService replays, RejectionCounter rejections, CurrentActor actor) {
        this.replays = replays;
        this.rejections = rejections;
        this.actor = actor;
    }

    @GET
    @Path("/rejections")
    @Operation(summary = "Refused deliveries since this instance started, per provider and reason")
    @APIResponse(responseCode = "200", description = "Counts")
    public RejectionCounter.Snapshot rejections() {
        return rejections.snapshot();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One stored webhook event (without its body)")
    @APIResponse(responseCode = "200", description = "The event")
    public Uni<WebhookEventView> get(@PathParam("id") long id) {
        return replays.get(id);
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Re-normalise an unprocessable event into its transaction (audited)")
    @APIResponse(responseCode = "200", description = "Processed now", content = @Content(schema = @Schema(implementation = WebhookEventView.class)))
    @APIResponse(responseCode = "409", description = "Already processed")
    @APIResponse(responseCode = "422", description = "Still unprocessable; detail says why (the new reason is stored)")
    public Uni<Response> replay(@PathParam("id") long id) {
        return replays.replay(id, actor.name()).map(view -> WebhookEventState.PROCESSED.code().equals(view.state())
                ? Response.ok(view).build()
                : Response.status(422).type(Problem.MEDIA_TYPE).entity(Problem.of(ProblemType.UNPROCESSABLE,
                        "Webhook event " + id + " is still unprocessable: " + view.error())).build());
    }
}
