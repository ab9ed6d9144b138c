package io.walletrecon.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.walletrecon.data.PageView;
import io.walletrecon.dispatch.PaymentViews;
import io.walletrecon.matching.MatchingViews;
import io.walletrecon.matching.RunHistoryService;
import io.walletrecon.reports.overview.OverviewService;
import io.walletrecon.reports.overview.OverviewView;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The console's front door: {@code /} (a signed-out visitor is sent to sign in first, by the code flow) and the
 * overview. Finance sees every account over a period from the service of {@code GET /reports/overview} (balances,
 * matched share, open exceptions by age, unidentified receipts, settlements not arrived, payments waiting) and the
 * last matching runs; an approver without finance sees how many payments wait for approval.
 */
@Path("/")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    static final int LAST_RUNS = 5;

    private final PaymentViews payments;
    private final OverviewService overviews;
    private final RunHistoryService runs;
    private final ConsolePages pages;

    @Location("console/overview.html")
    Template overview;

    public ConsoleResource(PaymentViews payments, OverviewService overviews, RunHistoryService runs,
            ConsolePages pages) {
        this.payments = payments;
        this.overviews = overviews;
        this.runs = runs;
        this.pages = pages;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.APPROVER})
    public Response home() {
        return ConsolePages.seeOther("/console");
    }

    /** The overview of {@code from}..{@code to}; without them, this month so far (UTC). */
    @GET
    @Path("/console")
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.APPROVER})
    public Uni<Response> overview(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.withDayOfMonth(1) : from;
        Shell shell = pages.shell("overview");
        Uni<Long> waiting = shell.can(Roles.FINANCE) || shell.can(Roles.APPROVER)
                ? payments.list(null, "pending_approval", null, null, null, 0, 1).map(p -> p.total())
                : Uni.createFrom().item(0L);
        if (!shell.can(Roles.FINANCE)) {
            return waiting.chain(n -> show(n, null, null, first, last, FormErrors.none()));
        }
        return waiting.chain(n -> ConsolePages.orShow(
                Uni.createFrom().deferred(() -> overviews.overview(first, last, null))
                        .chain(o -> runs.list(null, null, null, null, 0, LAST_RUNS)
                                .chain(r -> show(n, o, r, first, last, FormErrors.none()))),
                refused -> show(n, null, null, first, last, FormErrors.of(refused))));
    }

    private Uni<Response> show(long waiting, OverviewView figures, PageView<MatchingViews.RunView> lastRuns,
            LocalDate from, LocalDate to, FormErrors errors) {
        return pages.render(overview.data("waiting", waiting).data("o", figures)
                .data("runs", lastRuns == null ? List.of() : lastRuns.items()).data("from", from).data("to", to)
                .data("errors", errors), "overview", errors.any() ? errors.status() : 200);
    }
}
