package io.walletrecon.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.receivables.ImportResult;
import io.walletrecon.receivables.ReceivableImportService;
import io.walletrecon.receivables.ReceivableService;
import io.walletrecon.security.CurrentActor;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** Receivables: the list (by customer and status) and the CSV import that shows each bad line next to the file. */
@Path("/console/receivables")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
public class ReceivablePages {

    static final int PAGE_SIZE = 50;

    private final ReceivableService receivables;
    private final ReceivableImportService importer;
    private final ConsolePages pages;
    private final CurrentActor actor;

    @Location("console/receivables.html")
    Template receivableList;
    @Location("console/receivables-import.html")
    Template importForm;

    public ReceivablePages(ReceivableService receivables, ReceivableImportService importer, ConsolePages pages,
            CurrentActor actor) {
        this.receivables = receivables;
        this.importer = importer;
        this.pages = pages;
        this.actor = actor;
    }

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    public Uni<String> receivables(@QueryParam("customer") Long customer, @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") int page) {
        String s = status == null || status.isBlank() ? null : status;
        return receivables.list(null, customer, s, null, null, null, null, Math.max(page, 0), PAGE_SIZE)
                .chain(found -> pages
                        .render(receivableList.data("receivables", found).data("status", s == null ? "" : s)
                                .data("customer", customer), "receivables"));
    }

    @GET
    @Path("/import")
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    public Uni<String> importPage() {
        return pages.render(importForm.data("result", null).data("errors", FormErrors.none()).data("fileName", null),
                "receivables");
    }

    /**
     * The CSV as a browser form sends it (multipart, one file); all rows or none, bad lines listed next to the file.
     */
    @POST
    @Path("/import")
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    public Response importCsv(@RestForm(FormTokens.FIELD) String csrf, @RestForm("file") FileUpload file) {
        String name = file == null ? null : file.fileName();
        FormErrors errors = FormErrors.none();
        ImportResult result = null;
        try {
            pages.checkForm(csrf);
            if (file == null) {
                throw ApiException.invalid("Choose a CSV file to import",
                        List.of(ProblemError.field("file", "is required")));
            }
            try (InputStream in = Files.newInputStream(file.uploadedFile())) {
                result = importer.importCsv(in, null, actor.name());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } catch (ApiException refused) {
            errors = FormErrors.of(refused);
        }
        ImportResult imported = result;
        FormErrors shown = errors;
        String html = pages.renderNow(importForm.data("result", imported).data("errors", shown).data("fileName", name),
                "receivables");
        return ConsolePages.html(shown.status(), html);
    }
}
