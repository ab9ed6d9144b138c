package io.walletrecon.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditResource;
import io.walletrecon.audit.AuditService;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * The audit trail of one object (who did what, when and why), from the audit service {@code GET /admin/audit} reads;
 * admins only, as there. The workbench links an exception's and its matches', the payment page a payment's.
 */
@Path("/console/audit")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    private final AuditService audit;
    private final ConsolePages pages;

    @Location("console/audit.html")
    Template trail;

    public AuditPages(AuditService audit, ConsolePages pages) {
        this.audit = audit;
        this.pages = pages;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    public Uni<String> trail(@QueryParam("type") String type, @QueryParam("id") String id) {
        String t = type == null || type.isBlank() ? null : type.strip();
        String i = id == null || id.isBlank() ? null : id.strip();
        Uni<List<AuditResource.AuditView>> rows = t == null || i == null
                ? Uni.createFrom().item(List.of())
                : audit.history(t, i).map(list -> list.stream().map(AuditResource.AuditView::of).toList());
        return rows.chain(found -> pages.render(trail.data("rows", found).data("type", t == null ? "" : t)
                .data("id", i == null ? "" : i).data("asked", t != null && i != null), "audit"));
    }
}
