package io.walletrecon.receivables;

import io.smallrye.common.annotation.Blocking;
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

import java.io.InputStream;
import java.time.LocalDate;

@Path("/receivables")
@Tag(name = "Receivables", description = "Expected payments (finance and admin)")
@RolesAllowed({Roles.FINANCE, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ReceivableResource {

    private final ReceivableService service;
    private final ReceivableImportService importer;
    private final CurrentActor actor;

    public ReceivableResource(ReceivableService service, ReceivableImportService importer, CurrentActor actor) {
        this.service = service;
        this.importer = importer;
        this.actor = actor;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Create one receivable (optionally with its own collection code)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "The customer has a receivable with this reference")
    @APIResponse(responseCode = "422", description = "No such customer, or company is not the customer's")
    public Uni<ReceivableView> create(@Valid @NotNull ReceivableRequests.Create request) {
        return service.create(request, actor.name());
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Blocking
    @Operation(summary = "Import a CSV of receivables (columns in the README) into one company (company; absent: the default company): "
            + "all rows or none; re-importing the same rows changes nothing")
    @APIResponse(responseCode = "200", description = "Imported: rows read, inserted, already present")
    @APIResponse(responseCode = "413", description = "File larger than the upload limit")
    @APIResponse(responseCode = "422", description = "Bad rows; errors[] lists each by line and column; nothing was imported")
    public ImportResult importCsv(@QueryParam("company") String company, InputStream body) {
        return importer.importCsv(body, company, actor.name());
    }

    @GET
    @Operation(summary = "List receivables by company, customer, status, reference, currency and due date range, paged")
    @APIResponse(responseCode = "422", description = "No such company")
    @APIResponse(responseCode = "200", description = "A page of receivables")
    public Uni<PageView<ReceivableView>> list(@QueryParam("company") String company,
            @QueryParam("customerId") Long customerId,
            @QueryParam("status") String status,
            @QueryParam("reference") String reference,
            @QueryParam("currency") String currency,
            @QueryParam("dueFrom") LocalDate dueFrom,
            @QueryParam("dueTo") LocalDate dueTo,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") Integer size) {
        return service.list(company, customerId, status, reference, currency, dueFrom, dueTo, page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One receivable")
    public Uni<ReceivableView> get(@PathParam("id") long id) {
        return service.get(id);
    }
}
