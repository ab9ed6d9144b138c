package io.walletrecon.reports.confirmations;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.walletrecon.console.Language;
import io.walletrecon.data.PageView;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.reports.ReportLanguage;
import io.walletrecon.reports.ReportsConfig;
import io.walletrecon.reports.confirmations.ConfirmationViews.ConfirmationView;
import io.walletrecon.reports.statements.ReportResource;
import io.walletrecon.security.CurrentActor;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/**
 * Bank balance confirmations (银企余额对账) with sign-off: a finance person records the bank's balance on a period
 * end, declares it agreeing (相符) or not (不相符, the bank reconciliation statement attached), another person reviews
 * it, and the approved confirmation locks the account's period until it is reopened with a reason.
 */
@Path("/balance-confirmations")
@Tag(name = "Balance confirmations", description = "Bank balance confirmations prepared and reviewed by two people; "
        + "a reviewed one locks the account's period (role finance)")
@RolesAllowed(Roles.FINANCE)
@Produces(MediaType.APPLICATION_JSON)
public class BalanceConfirmationResource {

    private final BalanceConfirmationService confirmations;
    private final ConfirmationSignOffService signOff;
    private final CurrentActor actor;
    private final ReportsConfig config;

    public BalanceConfirmationResource(BalanceConfirmationService confirmations, ConfirmationSignOffService signOff,
            CurrentActor actor, ReportsConfig config) {
        this.confirmations = confirmations;
        this.signOff = signOff;
        this.actor = actor;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Records the balance a bank states for a bank account on a period end, as a draft: body "
            + "{account, periodEnd (yyyy-MM-dd, the account's business date), bankBalance (decimal string), currency}")
    @APIResponse(responseCode = "201", description = "The draft confirmation")
    @APIResponse(responseCode = "400", description = "A field missing, or the balance not an amount of the currency")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "The account already has a confirmation for that period end")
    @APIResponse(responseCode = "422", description = "Not a bank account, or another currency than the account's")
    public Uni<Response> create(ConfirmationViews.Create body) {
        return confirmations.create(body, actor.name())
                .map(v -> Response.created(URI.create("/balance-confirmations/" + v.id())).entity(v).build());
    }

    @GET
    @Operation(summary = "Confirmations, the latest period end first; by account and state (draft, prepared, "
            + "reviewed, reopened), paged")
    @APIResponse(responseCode = "200", description = "A page of confirmations")
    public Uni<PageView<ConfirmationView>> list(@QueryParam("account") String account,
            @QueryParam("state") String state, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") Integer size) {
        return confirmations.list(account, state, page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One confirmation: the bank's balance, the result and the statement's figures, who prepared, "
            + "reviewed and reopened it and when, its files with their SHA-256")
    @APIResponse(responseCode = "200", description = "The confirmation")
    @APIResponse(responseCode = "404", description = "No such confirmation")
    public Uni<ConfirmationView> get(@PathParam("id") long id) {
        return confirmations.get(id);
    }

    @POST
    @Path("/{id}/preparation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "The preparer declares the bank's balance agreeing (相符) or disagreeing (不相符): body "
            + "{result: agrees | disagrees, note}. The bank reconciliation statement on the period end is computed "
            + "and its figures kept; disagrees needs a note and attaches the statement as a PDF in lang")
    @APIResponse(responseCode = "200", description = "The prepared confirmation")
    @APIResponse(responseCode = "400", description = "Unknown result, or no note for disagrees")
    @APIResponse(responseCode = "404", description = "No such confirmation")
    @APIResponse(responseCode = "409", description = "Not a draft or reopened confirmation")
    @APIResponse(responseCode = "422", description = "agrees while the statement's adjusted balances differ from the "
            + "bank's balance, or no bank statement reports a balance by the period end")
    public ConfirmationView prepare(@PathParam("id") long id, ConfirmationViews.Preparation body,
            @QueryParam("lang") @Parameter(description = "Language of the attached statement: en | zh-CN "
                    + "(default: Accept-Language, then configuration)") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        Language language = ReportLanguage.choose(lang, acceptLanguage, config);
        return signOff.prepare(id, body, language, actor.name());
    }

    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Another person than the preparer reviews: body {decision: approve | reject, note}. Approve "
            + "locks the account's period up to the period end and signs the confirmation PDF (its SHA-256 in the "
            + "audit trail); reject (with a note) sends it back to draft")
    @APIResponse(responseCode = "200", description = "The reviewed (or rejected) confirmation")
    @APIResponse(responseCode = "400", description = "Unknown decision, or no note to reject")
    @APIResponse(responseCode = "403", description = "The reviewer prepared it (maker-checker)")
    @APIResponse(responseCode = "404", description = "No such confirmation")
    @APIResponse(responseCode = "409", description = "Not prepared, or a matching run of the account is in progress")
    public ConfirmationView review(@PathParam("id") long id, ConfirmationViews.Review body) {
        return signOff.review(id, body, actor.name());
    }

    @POST
    @Path("/{id}/reopening")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reopens a reviewed confirmation with a reason (required): the period is unlocked, and the "
            + "confirmation can be prepared and reviewed again")
    @APIResponse(responseCode = "200", description = "The reopened confirmation")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "404", description = "No such confirmation")
    @APIResponse(responseCode = "409", description = "Not a reviewed confirmation")
    public Uni<ConfirmationView> reopen(@PathParam("id") long id, ConfirmationViews.Reopening body) {
        return confirmations.reopen(id, body, actor.name());
    }

    @GET
    @Path("/{id}/pdf")
    @Produces(ReportResource.PDF)
    @Operation(summary = "The signed confirmation as rendered at its review, in lang (en or zh-CN): the bank's and the "
            + "books' balances, the result, the statement's figures, preparer and reviewer with their times")
    @APIResponse(responseCode = "200", description = "The PDF whose SHA-256 the audit trail holds", content = @Content(mediaType = ReportResource.PDF))
    @APIResponse(responseCode = "404", description = "No such confirmation")
    @APIResponse(responseCode = "409", description = "Not reviewed yet")
    public Uni<Response> pdf(@PathParam("id") long id, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        Language language = ReportLanguage.choose(lang, acceptLanguage, config);
        return confirmations.document(id, ConfirmationDocument.KIND, language.tag)
                .map(bytes -> file(bytes, "balance-confirmation_" + id + "_" + language.tag + ".pdf"));
    }

    @GET
    @Path("/{id}/bank-reconciliation")
    @Produces(ReportResource.PDF)
    @Operation(summary = "The bank reconciliation statement (余额调节表) attached when the preparer declared the "
            + "balances disagreeing, as rendered then")
    @APIResponse(responseCode = "200", description = "The attached statement", content = @Content(mediaType = ReportResource.PDF))
    @APIResponse(responseCode = "404", description = "No such confirmation, or none attached")
    public Uni<Response> attachment(@PathParam("id") long id) {
        return confirmations.document(id, ConfirmationDocument.ATTACHMENT, null)
                .map(bytes -> file(bytes, "bank-reconciliation_confirmation-" + id + ".pdf"));
    }

    private static Response file(byte[] bytes, String name) {
        return Response.ok(bytes, ReportResource.PDF).header("Content-Disposition", ReportResource.attachment(name))
                .build();
    }
}
