package io.walletrecon.reports.statements;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.walletrecon.console.Language;
import io.walletrecon.reports.ChartRenderer;
import io.walletrecon.reports.ReportLanguage;
import io.walletrecon.reports.ReportsConfig;
import io.walletrecon.reports.exports.ExportStartService;
import io.walletrecon.security.CurrentActor;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Map;

/**
 * GET /reports/{name} in the format the Accept header asks for. One method per media type, so JAX-RS content
 * negotiation picks the writer and an unsupported type is a 406 before any query runs.
 */
@Path("/reports/{name}")
@Tag(name = "Reports", description = "Reconciliation statement, difference report, fund-flow summary, customer statement (role finance)")
@RolesAllowed(Roles.FINANCE)
@APIResponse(responseCode = "404", description = "No such report, account or customer")
@APIResponse(responseCode = "406", description = "This report has no such format")
public class ReportResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv";
    public static final String PDF = "application/pdf";
    public static final String SVG = "image/svg+xml";
    public static final String PNG = "image/png";
    /** Server-side quality (qs) of the file formats, so that a wildcard Accept (browsers, bare scripts) gets JSON. */
    static final String LOWER = ";qs=0.5";

    private final ReportService service;
    private final ExportStartService exports;
    private final CurrentActor actor;
    private final ReportsConfig config;

    public ReportResource(ReportService service, ExportStartService exports, CurrentActor actor,
            ReportsConfig config) {
        this.service = service;
        this.exports = exports;
        this.actor = actor;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A report as JSON: its totals in full and one page of its detail")
    @APIResponse(responseCode = "200", description = "The report")
    public Uni<Map<String, Object>> json(@BeanParam ReportRequest request,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") Integer size) {
        return service.json(request.name, request.query(), page, size, language(request));
    }

    @GET
    @Produces(CSV + LOWER)
    @Blocking
    @Operation(summary = "The report's detail as CSV (UTF-8 with BOM, RFC 4180), streamed from a database cursor; the header "
            + "has the field names, or the labels of the language lang= or Accept-Language names")
    @APIResponse(responseCode = "200", description = "The rows", content = @Content(mediaType = CSV))
    public Response csv(@BeanParam ReportRequest request) {
        ReportPlan plan = plan(request);
        return file(plan, "csv", "text/csv; charset=UTF-8", out -> service.writeCsv(plan, out, n -> {
        }, askedLanguage(request)));
    }

    /**
     * A report file in {@code mediaType}. The worker thread writes chunks as the cursor delivers rows; a full
     * response write queue blocks the write, which stops the cursor's demand, so memory stays flat however many rows
     * there are. The same code path serves the Lambda adapter, which cannot finish a chunked response: there the
     * file is buffered (large reports go through exports).
     */
    private Response file(ReportPlan plan, String extension, String mediaType, StreamingOutput writer) {
        return file(ReportService.fileName(plan, extension), mediaType, writer, config.bufferResponses());
    }

    /** A report file as the answer, streamed as it is written, or buffered first where responses cannot stream. */
    public static Response file(String fileName, String mediaType, StreamingOutput writer, boolean buffer) {
        String disposition = attachment(fileName);
        if (buffer) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try {
                writer.write(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Response.ok(out.toByteArray(), mediaType).header("Content-Disposition", disposition).build();
        }
        return Response.ok(writer, mediaType).header("Content-Disposition", disposition).build();
    }

    @GET
    @Produces(XLSX + LOWER)
    @Blocking
    @Operation(summary = "The report as a workbook: a Totals sheet and a detail sheet, amounts as numbers")
    @APIResponse(responseCode = "200", description = "The workbook", content = @Content(mediaType = XLSX))
    public Response xlsx(@BeanParam ReportRequest request) {
        ReportPlan plan = plan(request);
        return file(plan, "xlsx", XLSX, out -> service.writeXlsx(plan, out, n -> {
        }, language(request)));
    }

    @GET
    @Produces(PDF + LOWER)
    @Blocking
    @Operation(summary = "The reconciliation or customer statement as a printable PDF")
    @APIResponse(responseCode = "200", description = "The statement", content = @Content(mediaType = PDF))
    public Response pdf(@BeanParam ReportRequest request) {
        ReportPlan plan = plan(request);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        service.writePdf(plan, out, language(request));
        return Response.ok(out.toByteArray(), PDF)
                .header("Content-Disposition", attachment(ReportService.fileName(plan, "pdf"))).build();
    }

    @GET
    @Produces(PNG + LOWER)
    @Blocking
    @Operation(summary = "The fund-flow chart (inflow and outflow over time) as PNG")
    @APIResponse(responseCode = "200", description = "The chart", content = @Content(mediaType = PNG))
    @APIResponse(responseCode = "422", description = "Flows in several currencies and no currency given")
    public Response png(@BeanParam ReportRequest request) {
        return Response.ok(service.png(chart(request)), PNG).build();
    }

    @GET
    @Produces(SVG + LOWER)
    @Blocking
    @Operation(summary = "The fund-flow chart (inflow and outflow over time) as SVG")
    @APIResponse(responseCode = "200", description = "The chart", content = @Content(mediaType = SVG))
    @APIResponse(responseCode = "422", description = "Flows in several currencies and no currency given")
    public Response svg(@BeanParam ReportRequest request) {
        return Response.ok(service.svg(chart(request)), SVG).build();
    }

    @POST
    @Path("exports")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Starts an export of a report to a file (format csv, xlsx or pdf); same parameters as GET /reports/{name}; "
            + "the file is labelled in the language lang= or Accept-Language names (CSV without either keeps the field names)")
    @APIResponse(responseCode = "202", description = "The job, queued; poll its Location")
    @APIResponse(responseCode = "404", description = "No such report, account or customer")
    @APIResponse(responseCode = "406", description = "This report has no such format")
    public Uni<Response> start(@BeanParam ReportRequest request,
            @QueryParam("format") @Parameter(description = "csv | xlsx | pdf") String format) {
        return exports.start(request.name, request.query(), format, askedLanguage(request), actor.name())
                .map(view -> Response.accepted(view).location(URI.create("/reports/exports/" + view.id())).build());
    }

    /** The language the files are labelled in: lang=, else Accept-Language, else configuration. */
    private Language language(ReportRequest request) {
        return ReportLanguage.choose(request.lang, request.acceptLanguage, config);
    }

    /** The language the request names by lang= or Accept-Language; null when it names none. */
    private Language askedLanguage(ReportRequest request) {
        return request.lang == null && request.acceptLanguage == null ? null : language(request);
    }

    /** The file formats run on a worker thread (@Blocking), where waiting for the plan is allowed. */
    private ReportPlan plan(ReportRequest request) {
        return service.plan(request.name, request.query()).await().indefinitely();
    }

    private ChartRenderer.Chart chart(ReportRequest request) {
        return service.chart(plan(request), language(request)).await().indefinitely();
    }

    public static String attachment(String fileName) {
        return "attachment; filename=\"" + fileName + "\"";
    }
}
