package io.walletrecon.statements;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.walletrecon.data.PageView;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

@Path("/statements")
@Tag(name = "Statements", description = "Bank statements and provider bills (finance and admin)")
@RolesAllowed({Roles.FINANCE, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class StatementResource {

    private static final String PERIOD = "With from= and to=, the first and last day a bill covers when the file does not say "
            + "(a WeChat Pay trade bill, a Stripe balance report): matching then knows that those days' bill is in, "
            + "including days without a line. A file that states its own period must agree with them";

    private final StatementImportService service;
    private final StatementViewService views;
    private final CurrentActor actor;

    public StatementResource(StatementImportService service, StatementViewService views, CurrentActor actor) {
        this.service = service;
        this.views = views;
        this.actor = actor;
    }

    @GET
    @Operation(summary = "Imported statements, bills and intraday reports (camt.052/054, MT942), latest first, by company and/or "
            + "account and the days they cover (from/to inclusive; an intraday report covers its lines' value dates); each with its "
            + "format, period, opening and closing balance (null when the file has none), line count and how many of its lines are "
            + "matched, suggested, classified as the bank's fees or interest, or unmatched, the statements that took over an intraday "
            + "report's lines, and who imported it when; paged")
    @APIResponse(responseCode = "200", description = "A page of statements")
    @APIResponse(responseCode = "400", description = "page or size out of range, or to before from")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "422", description = "No such company")
    public Uni<PageView<StatementViews.StatementView>> list(@QueryParam("company") String company,
            @QueryParam("account") String account, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") Integer size) {
        return views.list(company, account, from, to, page, size);
    }

    @GET
    @Path("/{id}/lines")
    @Operation(summary = "The lines of one statement or intraday report, by value date: amount, kind (payment, fee, interest ...), "
            + "counterparty, references, remittance, match state (matched, suggested, unmatched) with the match, and the open "
            + "exception on the line; an intraday report lists the lines it brought, also those a day's statement took over; paged")
    @APIResponse(responseCode = "200", description = "A page of lines")
    @APIResponse(responseCode = "400", description = "page or size out of range")
    @APIResponse(responseCode = "404", description = "No such statement, or none of the company named by company=")
    @APIResponse(responseCode = "422", description = "No such company")
    public Uni<PageView<StatementViews.LineView>> lines(@PathParam("id") long id,
            @QueryParam("company") String company, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") Integer size) {
        return views.lines(id, company, page, size);
    }

    @POST
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.TEXT_PLAIN,
            "text/csv",
            "application/zip", "application/gzip", "application/x-gzip"})
    @Blocking
    @Operation(summary = "Import a statement or bill file (the request body): camt.053/052/054, MT940, MT942, BAI2, Alipay business or "
            + "account-flow bill (also the downloaded zip), WeChat Pay trade bill (also GZIP'd) or Stripe balance CSV; format and charset "
            + "detected from the content unless format= / charset= are given. Each statement goes to the account whose accountNumber it "
            + "names, else to account=; without account= every statement must name one of our accounts. A re-download of a statement "
            + "already imported (same account, period and number, same lines) changes nothing; a corrected one is refused unless replace=true")
    @APIResponse(responseCode = "201", description = "Imported (at least one statement of the file is new)")
    @APIResponse(responseCode = "200", description = "This file, or every statement in it, was imported before; nothing changed")
    @APIResponse(responseCode = "400", description = "Unknown format= or charset=, or no account= for a file that does not name its account")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "413", description = "File larger than the upload limit")
    @APIResponse(responseCode = "409", description = "A statement of the same account, period and number was imported before with other lines or balances (a corrected re-issue): the message says what differs. replace=true replaces it unless matches or exceptions depend on its lines")
    @APIResponse(responseCode = "422", description = "Malformed file (the line is named), unknown format or message type, lines that do not add up to the closing balance, a statement naming an account we do not have")
    public Response upload(@QueryParam("account") String account, @QueryParam("format") String format,
            @QueryParam("charset") String charset, @QueryParam("replace") boolean replace,
            @Parameter(description = PERIOD) @QueryParam("from") LocalDate from,
            @Parameter(description = PERIOD) @QueryParam("to") LocalDate to,
            @HeaderParam("X-File-Name") String fileName, InputStream body) {
        StatementImportResult result = service.importStream(
                new StatementImportService.Upload(account, fileName, format, charset, replace, from, to), body,
                actor.name());
        return created(result);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    @Operation(summary = "Import a statement or bill file uploaded from a browser form (multipart/form-data with exactly one file field); "
            + "account, format and charset as query parameters or form fields; otherwise as the raw-body upload")
    @APIResponse(responseCode = "201", description = "Imported (at least one statement of the file is new)")
    @APIResponse(responseCode = "200", description = "This file, or every statement in it, was imported before; nothing changed")
    @APIResponse(responseCode = "400", description = "Not exactly one file, unknown format= or charset=, or no account= for a file that does not name its account")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "413", description = "File larger than the upload limit")
    @APIResponse(responseCode = "409", description = "A statement of the same account, period and number was imported before with other lines or balances (a corrected re-issue): the message says what differs. replace=true replaces it unless matches or exceptions depend on its lines")
    @APIResponse(responseCode = "422", description = "As for the raw-body upload")
    public Response uploadForm(@QueryParam("account") String account, @QueryParam("format") String format,
            @QueryParam("charset") String charset, @QueryParam("replace") boolean replace,
            @Parameter(description = PERIOD) @QueryParam("from") LocalDate from,
            @Parameter(description = PERIOD) @QueryParam("to") LocalDate to,
            @RestForm("account") String formAccount, @RestForm("format") String formFormat,
            @RestForm("charset") String formCharset, @RestForm(FileUpload.ALL) List<FileUpload> files) {
        if (files == null || files.size() != 1) {
            int n = files == null ? 0 : files.size();
            throw ApiException.invalid("Exactly one file is expected in the form, found " + n,
                    List.of(ProblemError.field("file", "exactly one file field is expected, found " + n)));
        }
        FileUpload file = files.get(0);
        StatementImportService.Upload upload = new StatementImportService.Upload(first(account, formAccount),
                file.fileName(),
                first(format, formFormat), first(charset, formCharset), replace, from, to);
        return created(service.importFile(upload, file.uploadedFile(), actor.name()));
    }

    private static String first(String query, String form) {
        return query != null && !query.isBlank() ? query : form;
    }

    private static Response created(StatementImportResult result) {
        return Response.status(result.created() ? 201 : 200).entity(result).build();
    }
}
