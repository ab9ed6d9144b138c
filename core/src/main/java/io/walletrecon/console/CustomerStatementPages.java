package io.walletrecon.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.walletrecon.problem.ApiException;
import io.walletrecon.reports.ReportsConfig;
import io.walletrecon.reports.links.StatementLinkRequests;
import io.walletrecon.reports.links.StatementLinkRequests.AnswerView;
import io.walletrecon.reports.links.StatementLinkService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The customer's statement page (电子对账), opened from the link without signing in: the company, the period, the
 * opening and closing balance per currency, every line; confirm, or dispute a line with a comment. The answer is
 * final and shown. Chinese unless the customer switched to English. Forms carry a token bound to the link.
 */
@RequestScoped
public class CustomerStatementPages {

    private final StatementLinkService links;
    private final ReportsConfig reports;
    private final FormTokens tokens;
    private final CurrentVertxRequest current;

    @Location("customer/statement.html")
    Template statement;
    @Location("customer/link-error.html")
    Template linkError;

    public CustomerStatementPages(StatementLinkService links, ReportsConfig reports, FormTokens tokens,
            CurrentVertxRequest current) {
        this.links = links;
        this.reports = reports;
        this.tokens = tokens;
        this.current = current;
    }

    /** The statement page, or the page that says why the link does not open (expired, altered, gone). */
    public Uni<Response> show(String token, FormErrors errors) {
        Language lang = language(current.getCurrent().request());
        return links.view(token).chain(view -> {
            String csrf = tokens.issue(current.getCurrent().request(), current.getCurrent().response(), scope(token));
            return statement.data("s", StatementView.of(reports.companyName(), token, view)).data("errors", errors)
                    .data("csrf", csrf).data("lang", lang).setLocale(lang.locale).createUni();
        }).map(html -> ConsolePages.html(errors.status(), html)).onFailure(ApiException.class)
                .recoverWithUni(e -> error((ApiException) e));
    }

    public Uni<Response> confirm(String token, String csrf, String comment, String clientIp) {
        return answer(token, csrf, () -> links.confirm(token, new StatementLinkRequests.Confirm(comment), clientIp));
    }

    public Uni<Response> dispute(String token, String csrf, String lineType, Long lineId, String comment,
            String clientIp) {
        return answer(token, csrf,
                () -> links.dispute(token, new StatementLinkRequests.Dispute(lineType, lineId, comment), clientIp));
    }

    private Uni<Response> answer(String token, String csrf, java.util.function.Supplier<Uni<AnswerView>> answer) {
        return Uni.createFrom().voidItem().invoke(() -> {
            if (!tokens.valid(current.getCurrent().request(), scope(token), csrf)) {
                throw new ApiException(io.walletrecon.problem.ProblemType.FORBIDDEN,
                        "This form has expired; open the statement again and send your answer once more");
            }
        }).chain(() -> answer.get())
                .map(done -> Response.seeOther(URI.create("/statement-links/" + token)).build())
                .onFailure(ApiException.class).recoverWithUni(e -> show(token, FormErrors.of((ApiException) e)));
    }

    /** The page for a link that does not open, with the status the API would answer (403, 404, 410). */
    public Uni<Response> error(ApiException e) {
        Language lang = language(current.getCurrent().request());
        return linkError.data("status", e.type().status).data("lang", lang)
                .data("revoked", e instanceof io.walletrecon.reports.links.LinkRevokedException)
                .data("path", current.getCurrent().request().path())
                .setLocale(lang.locale).createUni()
                .map(html -> ConsolePages.html(e.type().status, html));
    }

    /** The same, rendered at once, for the router that refuses a bad token before the request reaches a resource. */
    public static String errorPage(Template page, HttpServerRequest request, int status) {
        Language lang = language(request);
        return page.data("status", status).data("lang", lang).data("path", request.path()).setLocale(lang.locale)
                .render();
    }

    static Language language(HttpServerRequest request) {
        Cookie cookie = request.getCookie(Language.COOKIE);
        return Language.of(cookie == null ? null : cookie.getValue()).orElse(Language.ZH_CN);
    }

    private static String scope(String token) {
        return "statement-link:" + token;
    }

    /** The statement as the page shows it, read from the service's answer. */
    public record StatementView(String company, String customer, String token, LocalDate from, LocalDate to,
            String state,
            Instant expiresAt, List<Balance> balances, List<Line> lines, List<AnswerView> answers) {

        public boolean open() {
            return state.equals("sent") || state.equals("disputed");
        }

        public boolean confirmed() {
            return state.equals("confirmed");
        }

        @SuppressWarnings("unchecked")
        static StatementView of(String company, String token, Map<String, Object> view) {
            Map<String, Object> statement = (Map<String, Object>) view.get("statement");
            Map<String, Object> parameters = (Map<String, Object>) statement.get("parameters");
            List<AnswerView> answers = (List<AnswerView>) view.get("answers");
            List<Balance> balances = ((List<Map<String, Object>>) statement.get("balances")).stream()
                    .map(b -> new Balance((String) b.get("currency"), minor(b, "opening"), minor(b, "invoiced"),
                            minor(b, "paid"), minor(b, "closing")))
                    .toList();
            List<Line> lines = ((List<Map<String, Object>>) ((Map<String, Object>) statement.get("lines")).get("items"))
                    .stream()
                    .map(l -> {
                        String type = (String) l.get("lineType");
                        long id = ((Number) l.get("lineId")).longValue();
                        AnswerView dispute = answers.stream()
                                .filter(a -> a.kind().equals("dispute") && type.equals(a.lineType())
                                        && a.lineId() != null && a.lineId() == id)
                                .findFirst().orElse(null);
                        return new Line(type, id, date(l.get("date")), (String) l.get("reference"),
                                (String) l.get("description"),
                                (String) l.get("currency"), (Long) minorOrNull(l, "amount"), minorOrNull(l, "paid"),
                                minorOrNull(l, "outstanding"),
                                date(l.get("dueDate")), dispute);
                    }).toList();
            return new StatementView(company, (String) statement.get("subject"), token, date(parameters.get("from")),
                    date(parameters.get("to")),
                    (String) view.get("state"), Instant.parse((String) view.get("expiresAt")), balances, lines,
                    answers);
        }

        private static long minor(Map<String, Object> row, String column) {
            Long v = minorOrNull(row, column);
            return v == null ? 0 : v;
        }

        private static Long minorOrNull(Map<String, Object> row, String column) {
            Object v = row.get(column + "Minor");
            return v == null ? null : ((Number) v).longValue();
        }

        private static LocalDate date(Object v) {
            return v == null ? null : v instanceof LocalDate d ? d : LocalDate.parse(v.toString());
        }
    }

    public record Balance(String currency, long opening, long invoiced, long paid, long closing) {
    }

    public record Line(String type, long id, LocalDate date, String reference, String description, String currency,
            Long amount,
            Long paid, Long outstanding, LocalDate due, AnswerView dispute) {

        public boolean payment() {
            return type.equals("payment") || type.equals(io.walletrecon.matching.CustomerReceipts.BANK_LINE_TYPE);
        }
    }
}
