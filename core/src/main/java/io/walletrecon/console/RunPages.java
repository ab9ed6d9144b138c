package io.walletrecon.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.matching.MatchingRunService;
import io.walletrecon.matching.RunHistoryService;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.security.CurrentActor;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Matching runs: the history (by account and state) with the form that starts a run for an account and period (the
 * service of {@code POST /matching/runs}), and one run whose progress the page follows (htmx polls its fragment until
 * the run is over) with what it found.
 */
@Path("/console/runs")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
public class RunPages {

    static final int PAGE_SIZE = 50;

    private final RunHistoryService history;
    private final MatchingRunService runs;
    private final AccountService accounts;
    private final ConsolePages pages;
    private final CurrentActor actor;

    @Location("console/runs.html")
    Template runList;
    @Location("console/run.html")
    Template run;
    @Location("console/run-progress.html")
    Template progress;

    public RunPages(RunHistoryService history, MatchingRunService runs, AccountService accounts, ConsolePages pages,
            CurrentActor actor) {
        this.history = history;
        this.runs = runs;
        this.accounts = accounts;
        this.pages = pages;
        this.actor = actor;
    }

    /** The form's values as they were typed (shown again when the start is refused). */
    public record StartForm(String account, String from, String to) {
    }

    @GET
    @RolesAllowed(Roles.FINANCE)
    public Uni<Response> runs(@QueryParam("account") String account, @QueryParam("state") String state,
            @QueryParam("page") @DefaultValue("0") int page) {
        LocalDate lastMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        StartForm blank = new StartForm(blankToEmpty(account), lastMonth.toString(),
                lastMonth.withDayOfMonth(lastMonth.lengthOfMonth()).toString());
        return show(blankToEmpty(account), blankToEmpty(state), Math.max(page, 0), blank, FormErrors.none());
    }

    @POST
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> start(@FormParam(FormTokens.FIELD) String csrf, @FormParam("account") String account,
            @FormParam("from") String from, @FormParam("to") String to) {
        StartForm form = new StartForm(blankToEmpty(account), blankToEmpty(from), blankToEmpty(to));
        return ConsolePages.orShow(Uni.createFrom().item(form).invoke(f -> pages.checkForm(csrf))
                .chain(f -> runs.start(f.account(), date(f.from(), "from"), date(f.to(), "to"), actor.name()))
                .map(started -> ConsolePages.seeOther("/console/runs/" + started.id())),
                refused -> show(form.account(), "", 0, form, FormErrors.of(refused)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.FINANCE)
    public Uni<String> run(@PathParam("id") long id) {
        return runs.get(id).chain(r -> pages.render(run.data("run", r), "runs"));
    }

    /** The part of the run's page that changes while it works; htmx asks for it until the run is over. */
    @GET
    @Path("/{id}/progress")
    @RolesAllowed(Roles.FINANCE)
    public Uni<String> progress(@PathParam("id") long id) {
        return runs.get(id).chain(r -> pages.render(progress.data("run", r), "runs"));
    }

    private Uni<Response> show(String account, String state, int page, StartForm form, FormErrors errors) {
        return accounts.list(null).chain(all -> history
                .list(null, account.isEmpty() ? null : account, state.isEmpty() ? null : state, null, page, PAGE_SIZE)
                .chain(found -> pages.render(runList.data("runs", found.items()).data("page", found)
                        .data("accounts", all).data("account", account).data("state", state).data("form", form)
                        .data("errors", errors), "runs", errors.any() ? errors.status() : 200)));
    }

    /** A date of the form; an empty one is left to the service (which names it), a malformed one is refused here. */
    private static LocalDate date(String value, String field) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            List<ProblemError> errors = new ArrayList<>();
            errors.add(ProblemError.field(field, "must be a date yyyy-MM-dd, not '" + value + "'"));
            throw ApiException.invalid(field + " must be a date yyyy-MM-dd", errors);
        }
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
