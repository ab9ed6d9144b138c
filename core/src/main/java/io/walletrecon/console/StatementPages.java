package io.walletrecon.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.security.CurrentActor;
import io.walletrecon.security.Roles;
import io.walletrecon.statements.StatementImportResult;
import io.walletrecon.statements.StatementImportService;
import io.walletrecon.statements.StatementViewService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.ArrayList;
import java.util.List;

/**
 * Statements: the imported statements and bills (by account), one statement's lines with their match state, and the
 * upload of several files at once, each imported on its own (all of a file or nothing) with its outcome shown next to
 * it: the counts, or the refusal with its line numbers as the API's problem+json states them.
 */
@Path("/console/statements")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
public class StatementPages {

    static final int PAGE_SIZE = 50;
    static final int LINES_PAGE_SIZE = 100;

    private final StatementViewService views;
    private final StatementImportService importer;
    private final AccountService accounts;
    private final ConsolePages pages;
    private final CurrentActor actor;

    @Location("console/statements.html")
    Template statementList;
    @Location("console/statement-lines.html")
    Template statementLines;
    @Location("console/statements-upload.html")
    Template upload;
    @Location("console/statement-outcomes.html")
    Template outcomesOnly;

    public StatementPages(StatementViewService views, StatementImportService importer, AccountService accounts,
            ConsolePages pages, CurrentActor actor) {
        this.views = views;
        this.importer = importer;
        this.accounts = accounts;
        this.pages = pages;
        this.actor = actor;
    }

    /**
     * What became of one uploaded file: imported ({@code result}) or refused ({@code errors}, the API's problem).
     */
    public record FileOutcome(String fileName, StatementImportResult result, FormErrors errors) {

        public boolean refused() {
            return result == null;
        }
    }

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    public Uni<String> statements(@QueryParam("account") String account,
            @QueryParam("page") @DefaultValue("0") int page) {
        String a = account == null || account.isBlank() ? null : account.strip();
        return accounts.list(null).chain(all -> views.list(null, a, null, null, Math.max(page, 0), PAGE_SIZE)
                .chain(found -> pages.render(statementList.data("statements", found).data("accounts", all)
                        .data("account", a == null ? "" : a), "statements")));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    public Uni<String> lines(@PathParam("id") long id, @QueryParam("page") @DefaultValue("0") int page) {
        return views.lines(id, null, Math.max(page, 0), LINES_PAGE_SIZE)
                .chain(found -> pages.render(statementLines.data("id", id).data("lines", found), "statements"));
    }

    @GET
    @Path("/upload")
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    public Uni<String> uploadPage() {
        return accounts.list(null).chain(all -> pages.render(upload.data("accounts", all).data("account", "")
                .data("outcomes", List.of()), "statements"));
    }

    /**
     * The files as a browser form sends them (multipart, one or more {@code files}), each imported by the service of
     * {@code POST /statements}. The page's script sends one file per request with {@code fragment=outcomes} and puts
     * the answer next to the file; without the script the whole page comes back with every file's outcome.
     */
    @POST
    @Path("/upload")
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    public Response importFiles(@RestForm(FormTokens.FIELD) String csrf, @RestForm("account") String account,
            @RestForm("files") List<FileUpload> files, @QueryParam("fragment") String fragment) {
        String into = account == null || account.isBlank() ? null : account.strip();
        List<FileOutcome> outcomes = new ArrayList<>();
        try {
            pages.checkForm(csrf);
            if (files == null || files.isEmpty()) {
                throw ApiException.invalid("Choose at least one file to upload",
                        List.of(ProblemError.field("files", "is required")));
            }
            for (FileUpload file : files) {
                outcomes.add(importOne(into, file));
            }
        } catch (ApiException refused) {
            outcomes.add(new FileOutcome(null, null, FormErrors.of(refused)));
        }
        int status = outcomes.stream().allMatch(FileOutcome::refused) ? outcomes.get(0).errors().status() : 200;
        if ("outcomes".equals(fragment)) {
            return ConsolePages.html(status,
                    pages.renderNow(outcomesOnly.data("outcomes", outcomes), "statements"));
        }
        var all = ReactiveBridge.await(() -> accounts.list(null));
        return ConsolePages.html(status, pages.renderNow(
                upload.data("accounts", all).data("account", into == null ? "" : into).data("outcomes", outcomes),
                "statements"));
    }

    private FileOutcome importOne(String account, FileUpload file) {
        try {
            StatementImportResult result = importer.importFile(
                    new StatementImportService.Upload(account, file.fileName(), null, null), file.uploadedFile(),
                    actor.name());
            return new FileOutcome(file.fileName(), result, FormErrors.none());
        } catch (ApiException refused) {
            return new FileOutcome(file.fileName(), null, FormErrors.of(refused));
        }
    }
}
