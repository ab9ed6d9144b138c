package io.walletrecon.reports.payouts;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.walletrecon.console.Language;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.reports.ReportLanguage;
import io.walletrecon.reports.ReportsConfig;
import io.walletrecon.reports.statements.ReportResource;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * GET /reports/payouts and /reports/payouts/{id}: the payouts and withdrawals of a wallet account with their
 * breakdown (gross, fees, refunds, disputes, adjustments, net), what each contains and the bank line it arrived as;
 * JSON, CSV, XLSX or PDF by the Accept header, labelled in {@code lang} or the Accept-Language.
 */
@Path("/reports/payouts")
@Tag(name = "Reports", description = "Reconciliation statement, difference report, fund-flow summary, customer statement (role finance)")
@RolesAllowed(Roles.FINANCE)
@APIResponse(responseCode = "400", description = "account, from or to missing or malformed, a bad page or size, or an unknown lang")
@APIResponse(responseCode = "404", description = "No such account, or no such payout of the account")
@APIResponse(responseCode = "422", description = "A bank account: payouts are shown for the wallet they leave")
public class PayoutResource {

    private final PayoutService service;
    private final PayoutFiles files;
    private final ReportsConfig config;

    public PayoutResource(PayoutService service, PayoutFiles files, ReportsConfig config) {
        this.service = service;
        this.files = files;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The payouts of a wallet account valued in a period, each with its breakdown and bank line")
    @APIResponse(responseCode = "200", description = "A page of payouts, by date")
    public Uni<PayoutView.Page> list(@QueryParam("account") String account,
            @QueryParam("from") @Parameter(description = "First value date, yyyy-MM-dd") LocalDate from,
            @QueryParam("to") @Parameter(description = "Last value date, yyyy-MM-dd") LocalDate to,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") Integer size,
            @QueryParam("lang") @Parameter(description = "Language of the labels: en | zh-CN (default: Accept-Language, then configuration)") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        return service.list(account, from, to, page, size, ReportLanguage.choose(lang, acceptLanguage, config));
    }

    @GET
    @Produces({ReportResource.CSV + ";qs=0.5", ReportResource.XLSX + ";qs=0.5", ReportResource.PDF + ";qs=0.5"})
    @Blocking
    @Operation(summary = "The payouts of a period as a file: CSV (one row per payout), XLSX or PDF (totals per currency, then the payouts)")
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = ReportResource.CSV), @Content(mediaType = ReportResource.XLSX),
            @Content(mediaType = ReportResource.PDF)})
    public Response listFile(@QueryParam("account") String account, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage, @HeaderParam("Accept") String accept) {
        Language language = ReportLanguage.choose(lang, acceptLanguage, config);
        PayoutView.Page page = ReactiveBridge.await(() -> service.all(account, from, to, language));
        return file(accept, language, () -> PayoutFiles.of(page, language),
                ext -> PayoutService.fileName(page, ext));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One payout or withdrawal by the provider's payout id: its breakdown, every item it contains and "
            + "the bank line it arrived as (null with the reason when it has not)")
    @APIResponse(responseCode = "200", description = "The payout")
    public Uni<PayoutView> one(@PathParam("id") String id, @QueryParam("account") String account,
            @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
        return service.one(account, id, ReportLanguage.choose(lang, acceptLanguage, config));
    }

    @GET
    @Path("/{id}")
    @Produces({ReportResource.CSV + ";qs=0.5", ReportResource.XLSX + ";qs=0.5", ReportResource.PDF + ";qs=0.5"})
    @Blocking
    @Operation(summary = "One payout as a file: CSV (its items), XLSX or PDF (its figures and bank line, then its items)")
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = ReportResource.CSV), @Content(mediaType = ReportResource.XLSX),
            @Content(mediaType = ReportResource.PDF)})
    public Response oneFile(@PathParam("id") String id, @QueryParam("account") String account,
            @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage,
            @HeaderParam("Accept") String accept) {
        Language language = ReportLanguage.choose(lang, acceptLanguage, config);
        PayoutView payout = ReactiveBridge.await(() -> service.one(account, id, language));
        return file(accept, language, () -> PayoutFiles.of(payout, language),
                ext -> PayoutService.fileName(payout, ext));
    }

    /** Writes the file the Accept header asks for (blocking, on a worker thread). */
    private Response file(String accept, Language language, Supplier<PayoutFiles.Contents> contents,
            java.util.function.Function<String, String> name) {
        String type = accept != null && accept.contains(ReportResource.PDF)
                ? ReportResource.PDF
                : accept != null && accept.contains(ReportResource.XLSX) ? ReportResource.XLSX : ReportResource.CSV;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PayoutFiles.Contents c = contents.get();
        String extension = switch (type) {
            case ReportResource.PDF -> write(() -> files.pdf(c, language, out), "pdf");
            case ReportResource.XLSX -> write(() -> files.xlsx(c, language, out), "xlsx");
            default -> write(() -> files.csv(c, language, out), "csv");
        };
        return Response.ok(out.toByteArray(), type)
                .header("Content-Disposition", ReportResource.attachment(name.apply(extension))).build();
    }

    private static String write(Runnable writer, String extension) {
        writer.run();
        return extension;
    }
}
