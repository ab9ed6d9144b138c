package io.walletrecon.statements;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.walletrecon.security.CurrentActor;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/statements/keywords/{account}")
@Tag(name = "Statements", description = "Bank statements and provider bills (finance and admin)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LineKeywordsResource {

    /** The words that make a bank's own posting a fee or interest. */
    @RegisterForReflection
    public record Keywords(List<String> feeKeywords, List<String> interestKeywords) {
    }

    private final StatementViewService service;
    private final CurrentActor actor;

    public LineKeywordsResource(StatementViewService service, CurrentActor actor) {
        this.service = service;
        this.actor = actor;
    }

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "The words that classify a bank account's imported lines as the bank's fees or interest (the built-in "
            + "lists when the account has none of its own)")
    @APIResponse(responseCode = "200", description = "The account's keywords")
    @APIResponse(responseCode = "404", description = "No such account")
    public Uni<StatementViews.KeywordsView> get(@PathParam("account") String account) {
        return service.keywords(account);
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a bank account's fee and interest keywords (case-insensitive, found in the remittance text, "
            + "counterparty name or posting text of a line that no transaction code classified and that names no counterparty "
            + "account); audited. Lines imported before keep their kind")
    @APIResponse(responseCode = "200", description = "Stored")
    @APIResponse(responseCode = "400", description = "A list missing or too long, a keyword too short, too long or listed twice, "
            + "or a word in both lists")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "422", description = "Not a bank account")
    public Uni<StatementViews.KeywordsView> put(@PathParam("account") String account, @NotNull Keywords request) {
        return service.putKeywords(account, request.feeKeywords(), request.interestKeywords(), actor.name());
    }
}
