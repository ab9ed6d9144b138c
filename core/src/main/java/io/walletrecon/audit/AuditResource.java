package io.walletrecon.audit;

import io.smallrye.mutiny.Uni;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

@Path("/admin/audit")
@Tag(name = "Audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditService audit;

    public AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @GET
    @Path("/verify")
    @io.smallrye.common.annotation.Blocking
    @Operation(summary = "Walk the keyed audit chain and report the first edited, inserted or deleted row, or a truncation "
            + "found against the latest anchor of its head (role admin)")
    @APIResponse(responseCode = "200", description = "Verification result; intact=false names the first broken row, or the "
            + "anchored head that is missing (truncated) or carries another hash (rewritten)")
    public AuditVerification verify() {
        return audit.verify();
    }

    @GET
    @Operation(summary = "The audit history of one record (role admin)")
    @APIResponse(responseCode = "200", description = "Audit rows, oldest first")
    public Uni<List<AuditView>> history(@QueryParam("entityType") String entityType,
            @QueryParam("entityId") String entityId) {
        return audit.history(entityType, entityId).map(list -> list.stream().map(AuditView::of).toList());
    }

    @io.quarkus.runtime.annotations.RegisterForReflection
    public record AuditView(long id, Instant occurredAt, String actor, String action, String entityType,
            String entityId,
            String reason, String details) {
        public static AuditView of(AuditEntry e) {
            return new AuditView(e.id, e.occurredAt, e.actor, e.action, e.entityType, e.entityId, e.reason, e.details);
        }
    }
}
