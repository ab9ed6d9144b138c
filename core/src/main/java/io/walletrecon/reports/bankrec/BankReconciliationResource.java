package io.walletrecon.reports.bankrec;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.walletrecon.console.Language;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.reports.ReportLanguage;
import io.walletrecon.reports.ReportsConfig;
import io.walletrecon.reports.statements.ReportResource;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.LocalDate;

/**
 * GET /reports/bank-reconciliation: the bank reconciliation statement (余额调节表) of a bank account on a date, as
 * JSON, PDF or XLSX by the Accept header, labelled in {@code lang} or the Accept-Language.
 */
@Path("/reports/bank-reconciliation")
@Tag(name = "Reports", description = "Reconciliation statement, difference report, fund-flow summary, customer statement (role finance)")
@RolesAllowed(Roles.FINANCE)
@APIResponse(responseCode = "400", description = "account or date missing or malformed, or an unknown lang")
@APIResponse(responseCode = "404", description = "No such account")
@APIResponse(responseCode = "422", description = "Not a bank account, or no bank statement reports a balance by the date")
public class BankReconciliationResource {

    private final BankReconciliationService service;
    private final ReportsConfig config;

    public BankReconciliationResource(BankReconciliationService service, ReportsConfig config) {
        this.service = service;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The bank reconciliation statement (余额调节表): journal balance and bank balance, the reconciling "
            + "items of each side with their exceptions, both adjusted balances and any unexplained difference")
    @APIResponse(responseCode = "200", description = "The statement")
    public Uni<BankReconciliationView> json(@QueryParam("account") String account,
            @QueryParam("date") @Parameter(description = "The day the statement is drawn up for, yyyy-MM-dd") LocalDate date,
            @QueryParam("lang") @Parameter(description = "Language of the labels: en | zh-CN (default: Accept-Language, then configuration)") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        return service.statement(account, date, ReportLanguage.choose(lang, acceptLanguage, config));
    }

    @GET
    @Produces(ReportResource.PDF + ";qs=0.5")
    @Blocking
    @Operation(summary = "The bank reconciliation statement as a printable PDF (two columns side by side, then every item)")
    @APIResponse(responseCode = "200", description = "The statement", content = @Content(mediaType = ReportResource.PDF))
    public Response pdf(@QueryParam("account") String account, @QueryParam("date") LocalDate date,
            @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
        return file(account, date, ReportLanguage.choose(lang, acceptLanguage, config), ReportResource.PDF, "pdf",
                service::writePdf);
    }

    @GET
    @Produces(ReportResource.XLSX + ";qs=0.5")
    @Blocking
    @Operation(summary = "The bank reconciliation statement as a workbook: the figures, then every item")
    @APIResponse(responseCode = "200", description = "The workbook", content = @Content(mediaType = ReportResource.XLSX))
    public Response xlsx(@QueryParam("account") String account, @QueryParam("date") LocalDate date,
            @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
        return file(account, date, ReportLanguage.choose(lang, acceptLanguage, config), ReportResource.XLSX, "xlsx",
                service::writeXlsx);
    }

    /** Writes the statement as a file (blocking, on a worker thread). */
    private interface Writer {
        void write(BankReconciliationView statement, Language language, OutputStream out);
    }

    /** The statement (read through the reactive bridge: this runs on a worker thread) written as a file. */
    private Response file(String account, LocalDate date, Language language, String mediaType, String extension,
            Writer writer) {
        BankReconciliationView v = ReactiveBridge.await(() -> service.statement(account, date, language));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(v, language, out);
        return Response.ok(out.toByteArray(), mediaType)
                .header("Content-Disposition",
                        ReportResource.attachment(BankReconciliationService.fileName(v, extension)))
                .build();
    }
}
