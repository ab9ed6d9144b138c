package io.walletrecon.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.accounts.AccountView;
import io.walletrecon.data.PageView;
import io.walletrecon.matching.CandidateService;
import io.walletrecon.matching.CandidateViews;
import io.walletrecon.matching.ExceptionQuery;
import io.walletrecon.matching.ExceptionRequests;
import io.walletrecon.matching.ExceptionService;
import io.walletrecon.matching.MatchReviewService;
import io.walletrecon.matching.MatchingRequests;
import io.walletrecon.matching.MatchingViews;
import io.walletrecon.matching.ReceiptClaimService;
import io.walletrecon.money.Money;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.security.CurrentActor;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The exceptions queue (filters, bulk decisions) and the match workbench of one exception: its item beside the
 * receivables it may pay with the evidence of each rule, matching by hand with amounts, undoing a match, claiming an
 * unidentified receipt for a customer, assigning, annotating and closing. Each form calls the use case the API
 * calls ({@link ExceptionService}, {@link CandidateService}, {@link MatchReviewService}, {@link ReceiptClaimService}).
 */
@Path("/console/exceptions")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
public class ExceptionPages {

    static final String SECTION = "exceptions";
    static final int PAGE_SIZE = 50;
    private static final String QUEUE = "/console/exceptions";

    private final ExceptionService exceptions;
    private final CandidateService candidates;
    private final MatchReviewService matches;
    private final ReceiptClaimService claims;
    private final AccountService accounts;
    private final ConsolePages pages;
    private final CurrentActor actor;

    @Location("console/exceptions.html")
    Template queue;
    @Location("console/exception.html")
    Template workbench;

    public ExceptionPages(ExceptionService exceptions, CandidateService candidates, MatchReviewService matches,
            ReceiptClaimService claims, AccountService accounts, ConsolePages pages, CurrentActor actor) {
        this.exceptions = exceptions;
        this.candidates = candidates;
        this.matches = matches;
        this.claims = claims;
        this.accounts = accounts;
        this.pages = pages;
        this.actor = actor;
    }

    /**
     * The queue's filters as the address carries them; a queue opened without a status shows the open ones, status
     * {@code all} every one (an empty parameter arrives as none at all).
     */
    public static class QueueFilter {
        static final String ALL = "all";

        @QueryParam("type")
        public String type;
        @QueryParam("account")
        public String account;
        @QueryParam("age")
        public String age;
        @QueryParam("assignee")
        public String assignee;
        @QueryParam("status")
        public String status;
        @QueryParam("currency")
        public String currency;
        @QueryParam("minAmount")
        public String minAmount;
        @QueryParam("maxAmount")
        public String maxAmount;

        ExceptionQuery query() {
            return new ExceptionQuery(null, blank(account), blank(type), ALL.equals(status()) ? null : status(),
                    null, null, blank(assignee), null, blank(age),
                    blank(currency) == null ? null : currency.strip().toUpperCase(java.util.Locale.ROOT),
                    blank(minAmount), blank(maxAmount));
        }

        /** The filters as a query string, for the pager and for coming back after a bulk decision. */
        public String queryString() {
            StringBuilder q = new StringBuilder();
            append(q, "type", type);
            append(q, "account", account);
            append(q, "age", age);
            append(q, "assignee", assignee);
            append(q, "status", status());
            append(q, "currency", currency);
            append(q, "minAmount", minAmount);
            append(q, "maxAmount", maxAmount);
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value != null) {
                q.append(q.isEmpty() ? "" : "&").append(name).append('=').append(Formats.urlEncoded(value));
            }
        }

        public String type() {
            return type == null ? "" : type;
        }

        public String account() {
            return account == null ? "" : account;
        }

        public String age() {
            return age == null ? "" : age;
        }

        public String assignee() {
            return assignee == null ? "" : assignee;
        }

        public String status() {
            return blank(status) == null ? "open" : status.strip();
        }

        public String currency() {
            return currency == null ? "" : currency;
        }

        public String minAmount() {
            return minAmount == null ? "" : minAmount;
        }

        public String maxAmount() {
            return maxAmount == null ? "" : maxAmount;
        }
    }

    @GET
    @RolesAllowed(Roles.FINANCE)
    public Uni<Response> list(@BeanParam QueueFilter filter, @QueryParam("page") @DefaultValue("0") int page) {
        return showQueue(filter, Math.max(page, 0), FormErrors.none());
    }

    @POST
    @Path("/bulk")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> bulk(MultivaluedMap<String, String> form) {
        String back = form.getFirst("back");
        return ConsolePages.orShow(Uni.createFrom().voidItem().invoke(() -> pages.checkForm(form.getFirst("csrf")))
                .chain(() -> exceptions.bulk(bulkRequest(form), actor.name()))
                .map(done -> ConsolePages.seeOther(QUEUE + (back == null || back.isBlank() ? "" : "?" + back))),
                refused -> showQueue(new QueueFilter(), 0, FormErrors.of(refused)));
    }

    private static ExceptionRequests.Bulk bulkRequest(MultivaluedMap<String, String> form) {
        List<String> selected = form.get("ids");
        if (selected == null || selected.isEmpty()) {
            throw ApiException.invalid("Select at least one exception",
                    List.of(ProblemError.field("ids", "none selected")));
        }
        String action = form.getFirst("action");
        String status = "assign".equals(action) ? "in_review" : action;
        List<Long> ids = selected.stream().map(id -> number(id, "ids")).toList();
        return new ExceptionRequests.Bulk(ids, status, blank(form.getFirst("reason")),
                "assign".equals(action) ? required(form.getFirst("assignee"), "assignee") : null);
    }

    /** The queue; filters the service refuses (an unknown age, an amount that is none) are shown above no rows. */
    private Uni<Response> showQueue(QueueFilter filter, int page, FormErrors errors) {
        return accounts.list(null).chain(all -> ConsolePages.orShow(
                Uni.createFrom().deferred(() -> exceptions.list(filter.query(), page, PAGE_SIZE))
                        .chain(found -> renderQueue(filter, all, found, errors)),
                refused -> renderQueue(filter, all, new PageView<>(List.of(), 0, PAGE_SIZE, 0),
                        FormErrors.of(refused))));
    }

    private Uni<Response> renderQueue(QueueFilter filter, List<AccountView> all,
            PageView<MatchingViews.ExceptionView> found, FormErrors errors) {
        return pages.render(queue.data("exceptions", found).data("filter", filter).data("accounts", all)
                .data("errors", errors), SECTION, errors.status());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.FINANCE)
    public Uni<Response> exception(@PathParam("id") long id) {
        return showWorkbench(id, FormErrors.none());
    }

    @POST
    @Path("/{id}/assignment")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> assign(@PathParam("id") long id, @FormParam(FormTokens.FIELD) String csrf,
            @FormParam("assignee") String assignee, @FormParam("reason") String reason) {
        return act(id, csrf, () -> exceptions.assign(id, assignee, blank(reason), actor.name()));
    }

    @POST
    @Path("/{id}/annotations")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> annotate(@PathParam("id") long id, @FormParam(FormTokens.FIELD) String csrf,
            @FormParam("body") String body) {
        return act(id, csrf, () -> exceptions.annotate(id, required(body, "body"), actor.name()));
    }

    @POST
    @Path("/{id}/resolution")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> resolve(@PathParam("id") long id, @FormParam(FormTokens.FIELD) String csrf,
            @FormParam("status") String status, @FormParam("reason") String reason) {
        return act(id, csrf, () -> exceptions.resolve(id, status, blank(reason), null, actor.name()));
    }

    @POST
    @Path("/{id}/claim")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> claim(@PathParam("id") long id, @FormParam(FormTokens.FIELD) String csrf,
            @FormParam("customerId") String customer, @FormParam("reason") String reason) {
        return act(id, csrf, () -> claims.claim(id, new MatchingRequests.Claim(number(customer, "customerId"),
                List.of(), required(reason, "reason")), actor.name()));
    }

    /** A match by hand of the exception's receipt with the ticked receivables, each with the amount typed beside it. */
    @POST
    @Path("/{id}/match")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> match(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return act(id, form.getFirst(FormTokens.FIELD), () -> candidates.candidates(id)
                .chain(found -> matches.manual(manualMatch(found, form), actor.name())));
    }

    private static MatchingRequests.ManualMatch manualMatch(CandidateViews.ExceptionCandidates found,
            MultivaluedMap<String, String> form) {
        List<String> ticked = form.get("receivable");
        if (found.item() == null || ticked == null || ticked.isEmpty()) {
            throw ApiException.invalid("Tick at least one receivable to match",
                    List.of(ProblemError.field("receivable", "none ticked")));
        }
        List<MatchingRequests.Item> items = new ArrayList<>();
        items.add(new MatchingRequests.Item("left", found.item().type(), found.item().id(), null));
        for (String rid : ticked) {
            String typed = form.getFirst("amount-" + rid);
            Long minor = blank(typed) == null ? null : amount(typed, found.item().currency(), "amount-" + rid);
            items.add(new MatchingRequests.Item("right", "receivable", number(rid, "receivable"), minor));
        }
        return new MatchingRequests.ManualMatch(found.account(), "receipt_receivable", items,
                required(form.getFirst("reason"), "reason"));
    }

    @POST
    @Path("/{id}/unmatch")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> unmatch(@PathParam("id") long id, @FormParam(FormTokens.FIELD) String csrf,
            @FormParam("match") String match, @FormParam("reason") String reason) {
        return act(id, csrf, () -> matches.unmatch(number(match, "match"), blank(reason), actor.name()));
    }

    /** Checks the form, runs the use case, and shows the workbench again: the result, or the refusal on it. */
    private Uni<Response> act(long id, String csrf, Supplier<Uni<?>> action) {
        return ConsolePages.orShow(Uni.createFrom().voidItem().invoke(() -> pages.checkForm(csrf))
                .chain(() -> action.get())
                .map(done -> ConsolePages.seeOther(QUEUE + "/" + id)),
                refused -> showWorkbench(id, FormErrors.of(refused)));
    }

    private Uni<Response> showWorkbench(long id, FormErrors errors) {
        return exceptions.get(id).chain(e -> candidates.candidates(id)
                .chain(found -> liveMatches(found.liveMatches(), 0, new ArrayList<>())
                        .chain(live -> pages.render(workbench.data("e", e).data("found", found).data("live", live)
                                .data("errors", errors), SECTION, errors.status()))));
    }

    private Uni<List<MatchingViews.MatchView>> liveMatches(List<Long> ids, int i, List<MatchingViews.MatchView> done) {
        return i == ids.size()
                ? Uni.createFrom().item(done)
                : matches.get(ids.get(i)).invoke(done::add).chain(() -> liveMatches(ids, i + 1, done));
    }

    private static Long amount(String typed, String currency, String field) {
        try {
            return Money.parse(typed.strip().replace(",", ""), currency).minorUnits();
        } catch (RuntimeException e) {
            throw ApiException.invalid(field + " must be an amount in " + currency + " such as 1288.80",
                    List.of(ProblemError.field(field, "is not an amount in " + currency)));
        }
    }

    /** A number the form carries (a tampered or empty one is refused with 400, never a server error). */
    private static long number(String value, String field) {
        try {
            return Long.parseLong(value.strip());
        } catch (RuntimeException e) {
            throw ApiException.invalid(field + " must be a number",
                    List.of(ProblemError.field(field, "must be a number")));
        }
    }

    private static String required(String value, String field) {
        if (blank(value) == null) {
            throw ApiException.invalid(field + " is required", List.of(ProblemError.field(field, "is required")));
        }
        return value.strip();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
