package io.walletrecon.reports.overview;

import io.smallrye.mutiny.Uni;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

/** GET /reports/overview: every account's balances, matching and open work over a period, for the console. */
@Path("/reports/overview")
@Tag(name = "Reports")
@RolesAllowed(Roles.FINANCE)
public class OverviewResource {

    private final OverviewService service;

    public OverviewResource(OverviewService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Per account and currency: reported and book balance, their difference, the last statement, "
            + "the share of the period's items matched and its open exceptions; the open exceptions by type and age "
            + "(0-1, 2-3, 4-7, more than 7 days), unidentified receipts, settlements not arrived and payments waiting "
            + "for approval")
    @APIResponse(responseCode = "200", description = "The overview")
    @APIResponse(responseCode = "400", description = "A date missing or not yyyy-MM-dd, or from after to")
    @APIResponse(responseCode = "422", description = "No company with that code")
    public Uni<OverviewView> overview(
            @QueryParam("from") @Parameter(description = "First business date, yyyy-MM-dd (inclusive)") LocalDate from,
            @QueryParam("to") @Parameter(description = "Last business date, yyyy-MM-dd (inclusive)") LocalDate to,
            @QueryParam("company") @Parameter(description = "Company code: only its accounts (default every account)") String company) {
        return service.overview(from, to, company == null || company.isBlank() ? null : company);
    }
}
