package io.walletrecon.transactions;

import io.smallrye.mutiny.Uni;
import io.walletrecon.data.PageView;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

@Path("/transactions")
@Tag(name = "Transactions", description = "Canonical wallet transactions (role finance)")
@RolesAllowed(Roles.FINANCE)
@Produces(MediaType.APPLICATION_JSON)
public class TransactionResource {

    private final TransactionQueryService service;

    public TransactionResource(TransactionQueryService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Transactions of one account, by business date (from/to inclusive, yyyy-MM-dd) and status, paged")
    @APIResponse(responseCode = "200", description = "One page of transactions")
    @APIResponse(responseCode = "404", description = "No such account")
    public Uni<PageView<TransactionView>> list(@QueryParam("account") String account,
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to,
            @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") Integer size) {
        return service.list(account, from, to, status, page, size);
    }
}
