package io.walletrecon.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.ProblemType;
import io.walletrecon.reports.ReportsConfig;
import io.walletrecon.reports.bankrec.BankReconciliationService;
import io.walletrecon.reports.bankrec.BankReconciliationView;
import io.walletrecon.reports.exports.ExportResource;
import io.walletrecon.reports.exports.ExportService;
import io.walletrecon.reports.exports.ExportStartService;
import io.walletrecon.reports.exports.ExportView;
import io.walletrecon.reports.overview.OverviewService;
import io.walletrecon.reports.overview.OverviewView;
import io.walletrecon.reports.statements.ReportName;
import io.walletrecon.reports.statements.ReportPlan;
import io.walletrecon.reports.statements.ReportResource;
import io.walletrecon.reports.statements.ReportService;
import io.walletrecon.security.CurrentActor;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The reports screens: each report previewed for a chosen account and period, downloaded in every format it has and
 * in the page's language, exported in the background with its progress shown until the file is ready; and the bank
 * reconciliation statement (余额调节表) in its two columns. Every figure comes from the service the API's route calls
 * ({@link ReportService}, {@link OverviewService}, {@link BankReconciliationService}); the files are served here
 * because the console's pages sign in with the browser's session, not a bearer token.
 */
@Path("/console/reports")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.FINANCE)
public class ReportPages {

    static final String SECTION = "reports";
    static final String OVERVIEW = "overview";
    /** Rows of a report's detail the page shows; the files have them all. */
    static final int PREVIEW_ROWS = 50;

    private final ReportService reports;
    private final OverviewService overview;
    private final BankReconciliationService bankRec;
    private final ExportStartService exportStart;
    private final ExportService exports;
    private final AccountService accounts;
    private final ReportsConfig config;
    private final ConsolePages pages;
    private final CurrentActor actor;

    @Location("console/reports.html")
    Template reportsPage;
    @Location("console/bank-reconciliation.html")
    Template bankRecPage;
    @Location("console/report-export.html")
    Template exportJob;

    public ReportPages(ReportService reports, OverviewService overview, BankReconciliationService bankRec,
            ExportStartService exportStart, ExportService exports, AccountService accounts, ReportsConfig config,
            ConsolePages pages, CurrentActor actor) {
        this.reports = reports;
        this.overview = overview;
        this.bankRec = bankRec;
        this.exportStart = exportStart;
        this.exports = exports;
        this.accounts = accounts;
        this.config = config;
        this.pages = pages;
        this.actor = actor;
    }

    /** The reports the page offers, in the order a month-end reads them. */
    static List<String> reportNames() {
        List<String> names = new java.util.ArrayList<>();
        for (ReportName n : ReportName.values()) {
            names.add(n.path);
        }
        names.add(OVERVIEW);
        return names;
    }

    @GET
    public Uni<Response> page(@BeanParam ReportForm form, @QueryParam("export") UUID export) {
        form.completed(today());
        Uni<ExportView> job = export == null ? Uni.createFrom().nullItem() : exports.get(export);
        return job.chain(j -> ConsolePages.orShow(Uni.createFrom().deferred(() -> preview(form)),
                refused -> Uni.createFrom().item(new Shown(null, null, FormErrors.of(refused))))
                .chain(shown -> accounts.list(null).chain(all -> pages.render(reportsPage.data("form", form)
                        .data("accounts", all).data("reportNames", reportNames()).data("preview", shown.preview())
                        .data("overview", shown.overview()).data("errors", shown.errors()).data("job", j),
                        SECTION, shown.errors().status()))));
    }

    /** What the page previews: a report's tables, or the overview, or nothing yet; and a refusal to show. */
    private record Shown(ReportScreens.Preview preview, OverviewView overview, FormErrors errors) {
    }

    private Uni<Shown> preview(ReportForm form) {
        Language lang = pages.shell(SECTION).lang();
        if (form.report == null) {
            return Uni.createFrom().item(new Shown(null, null, FormErrors.none()));
        }
        if (form.report.equals(OVERVIEW)) {
            return overview.overview(form.from, form.to, null).map(o -> new Shown(null, o, FormErrors.none()));
        }
        return reports.preview(form.report, form.query(), PREVIEW_ROWS)
                .map(p -> new Shown(ReportScreens.of(p, lang), null, FormErrors.none()));
    }

    /** A report as a file, in the format asked for and the language the link names. */
    @GET
    @Path("/file")
    @Produces(MediaType.WILDCARD)
    @Blocking
    public Response file(@BeanParam ReportForm form, @QueryParam("format") String format,
            @QueryParam("lang") String lang) {
        form.completed(today());
        Language language = Language.of(lang).orElse(reports.defaultLanguage());
        if (OVERVIEW.equals(form.report)) {
            requireFormat(List.of("json"), format, OVERVIEW);
            OverviewView o = ReactiveBridge.await(() -> overview.overview(form.from, form.to, null));
            return json(o, OVERVIEW + "_" + form.from + "_" + form.to + ".json");
        }
        ReportPlan plan = ReactiveBridge.await(() -> reports.plan(form.report, form.query()));
        requireFormat(plan.name().formats(), format, plan.name().path);
        return switch (format) {
            case "json" -> json(ReactiveBridge.await(() -> reports.json(form.report, form.query(), 0, null, language)),
                    ReportService.fileName(plan, "json"));
            case "png" ->
                attachment(reports.png(chart(plan, language)), ReportResource.PNG, ReportService.fileName(plan, "png"));
            case "svg" ->
                attachment(reports.svg(chart(plan, language)), ReportResource.SVG, ReportService.fileName(plan, "svg"));
            default -> ReportResource.file(ReportService.fileName(plan, format), ExportService.contentType(format),
                    out -> reports.write(plan, format, out, n -> {
                    }, language), config.bufferResponses());
        };
    }

    private io.walletrecon.reports.ChartRenderer.Chart chart(ReportPlan plan, Language language) {
        return ReactiveBridge.await(() -> reports.chart(plan, language));
    }

    /** Starts an export of the report on the page; htmx gets the job's progress, a plain form the page again. */
    @POST
    @Path("/exports")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> export(@BeanParam ReportForm form, @FormParam(FormTokens.FIELD) String csrf,
            @FormParam("format") String format, @HeaderParam("HX-Request") String htmx) {
        form.completed(today());
        pages.checkForm(csrf);
        Language language = pages.shell(SECTION).lang();
        return exportStart.start(form.report, form.query(), format, language, actor.name())
                .chain(job -> "true".equals(htmx)
                        ? pages.render(exportJob.data("job", job), SECTION).map(html -> ConsolePages.html(200, html))
                        : Uni.createFrom()
                                .item(ConsolePages
                                        .seeOther("/console/reports?" + form.link() + "&export=" + job.id())));
    }

    /** An export's progress (htmx polls it until the job is final). */
    @GET
    @Path("/exports/{id}")
    public Uni<String> exportProgress(@PathParam("id") UUID id) {
        return exports.get(id).chain(job -> pages.render(exportJob.data("job", job), SECTION));
    }

    @GET
    @Path("/exports/{id}/file")
    @Produces(MediaType.WILDCARD)
    @Blocking
    public Response exportFile(@PathParam("id") UUID id) {
        return ExportResource.answer(exports.download(id).await().indefinitely());
    }

    /** The 余额调节表 of a bank account on a date (the end of the previous month unless chosen). */
    @GET
    @Path("/bank-reconciliation")
    public Uni<Response> bankReconciliation(@QueryParam("account") String account,
            @QueryParam("date") LocalDate date) {
        LocalDate on = date == null ? today().withDayOfMonth(1).minusDays(1) : date;
        String code = account == null || account.isBlank() ? null : account.strip();
        Language lang = pages.shell(SECTION).lang();
        Uni<BankRecShown> shown = code == null
                ? Uni.createFrom().item(new BankRecShown(null, FormErrors.none()))
                : ConsolePages.orShow(Uni.createFrom().deferred(() -> bankRec.statement(code, on, lang))
                        .map(v -> new BankRecShown(ReportScreens.of(v), FormErrors.none())),
                        refused -> Uni.createFrom().item(new BankRecShown(null, FormErrors.of(refused))));
        return shown.chain(s -> accounts.list(null).chain(all -> pages.render(bankRecPage.data("rec", s.rec())
                .data("errors", s.errors()).data("account", code == null ? "" : code).data("date", on)
                .data("accounts", all.stream().filter(a -> a.provider().equals("bank")).toList()), SECTION,
                s.errors().status())));
    }

    private record BankRecShown(ReportScreens.BankRec rec, FormErrors errors) {
    }

    /** The 余额调节表 as a file: JSON, PDF or XLSX. */
    @GET
    @Path("/bank-reconciliation/file")
    @Produces(MediaType.WILDCARD)
    @Blocking
    public Response bankReconciliationFile(@QueryParam("account") String account,
            @QueryParam("date") LocalDate date, @QueryParam("format") String format,
            @QueryParam("lang") String lang) {
        requireFormat(List.of("json", "pdf", "xlsx"), format, "bank-reconciliation");
        Language language = Language.of(lang).orElse(reports.defaultLanguage());
        BankReconciliationView v = ReactiveBridge.await(() -> bankRec.statement(account, date, language));
        String name = BankReconciliationService.fileName(v, format);
        if (format.equals("json")) {
            return json(v, name);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format.equals("pdf")) {
            bankRec.writePdf(v, language, out);
        } else {
            bankRec.writeXlsx(v, language, out);
        }
        return attachment(out.toByteArray(), format.equals("pdf") ? ReportResource.PDF : ReportResource.XLSX, name);
    }

    private static void requireFormat(List<String> formats, String format, String report) {
        if (format == null || !formats.contains(format)) {
            throw new ApiException(ProblemType.NOT_ACCEPTABLE,
                    "The " + report + " report is written as " + String.join(", ", formats),
                    List.of(ProblemError.field("format", "must be one of " + String.join(", ", formats))));
        }
    }

    private static Response json(Object body, String fileName) {
        return attachment(body, MediaType.APPLICATION_JSON, fileName);
    }

    private static Response attachment(Object body, String mediaType, String fileName) {
        return Response.ok(body, mediaType).header("Content-Disposition", ReportResource.attachment(fileName)).build();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
