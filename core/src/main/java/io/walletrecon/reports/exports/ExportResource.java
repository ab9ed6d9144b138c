package io.walletrecon.reports.exports;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.walletrecon.reports.statements.ReportResource;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.UUID;

/** Export jobs for reports too large for one response (a Lambda response stops at 6 MB). */
@Path("/reports/exports")
@Tag(name = "Reports")
@RolesAllowed(Roles.FINANCE)
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

    private final ExportService exports;

    public ExportResource(ExportService exports) {
        this.exports = exports;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An export job: state, rows written of rows total, and when succeeded where to download the file")
    @APIResponse(responseCode = "200", description = "The job")
    public Uni<ExportView> get(@PathParam("id") UUID id) {
        return exports.get(id);
    }

    @GET
    @Path("{id}/file")
    @Produces(MediaType.WILDCARD)
    @Blocking
    @Operation(summary = "The exported file (server), or a 303 to a pre-signed object-store link (Lambda)")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "303", description = "Download from the pre-signed link in Location")
    @APIResponse(responseCode = "409", description = "The export has not succeeded (yet)")
    public Response file(@PathParam("id") UUID id) {
        return answer(exports.download(id).await().indefinitely());
    }

    /** The answer that hands over a finished export: its bytes, or a 303 to the object store's link. */
    public static Response answer(ExportService.Download d) {
        UUID id = d.view().id();
        if (d.link().isPresent()) {
            return Response.seeOther(d.link().get()).build();
        }
        InputStream in = d.body()
                .orElseThrow(() -> new IllegalStateException("export file " + id + " is missing from storage"));
        StreamingOutput body = out -> {
            try (in) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, d.view().contentType())
                .header("Content-Disposition", ReportResource.attachment(d.view().fileName())).build();
    }
}
