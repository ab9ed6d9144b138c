package io.walletrecon.ledger;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.walletrecon.data.PageView;
import io.walletrecon.security.CurrentActor;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.time.LocalDate;

@Path("/ledger-entries")
@Tag(name = "Bank journal", description = "The company's bank journal (银行日记账) against the bank's lines (finance and admin)")
@RolesAllowed({Roles.FINANCE, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    private final LedgerService service;
    private final CurrentActor actor;

    public LedgerResource(LedgerService service, CurrentActor actor) {
        this.service = service;
        this.actor = actor;
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Blocking
    @Operation(summary = "Import the bank journal an ERP exports (CSV in UTF-8 or GBK; columns in the docs) for a bank account: "
            + "all entries or none; importing the same entries again adds nothing")
    @APIResponse(responseCode = "200", description = "Imported: rows read, entries added, entries already there")
    @APIResponse(responseCode = "400", description = "account missing")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "413", description = "File larger than the upload limit")
    @APIResponse(responseCode = "422", description = "Not a bank account, or bad rows: errors[] lists each by line and column; nothing was imported")
    public LedgerViews.ImportView importCsv(@QueryParam("account") String account, InputStream body) {
        return service.importCsv(body, account, actor.name());
    }

    @GET
    @Operation(summary = "The account's journal entries by date (from, to) and match state (matched, suggested, unmatched), paged")
    @APIResponse(responseCode = "200", description = "A page of entries, each with its match state and bank lines")
    @APIResponse(responseCode = "400", description = "account missing, bad paging, period or state")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "422", description = "Not a bank account")
    public Uni<PageView<LedgerViews.EntryView>> list(@QueryParam("account") String account,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("state") String state,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") Integer size) {
        return service.list(account, from, to, state, page, size);
    }

    @GET
    @Path("/unreconciled")
    @Operation(summary = "What the journal and the bank's lines of a period do not explain of each other: the reconciling "
            + "items of the bank reconciliation statement (余额调节表), with counts and totals")
    @APIResponse(responseCode = "200", description = "Bank credits and debits not booked; booked receipts and payments not at the bank")
    @APIResponse(responseCode = "400", description = "account, from or to missing, or to before from")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "422", description = "Not a bank account")
    public Uni<LedgerViews.Unreconciled> unreconciled(@QueryParam("account") String account,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return service.unreconciled(account, from, to);
    }
}
