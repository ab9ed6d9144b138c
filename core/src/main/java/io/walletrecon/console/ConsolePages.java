package io.walletrecon.console;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;

/**
 * The frame of a console request: builds the {@link Shell} (language, person, roles, form token) for the page,
 * renders a template in the page's language, and checks the form token of a posted form. Page resources call it
 * around their one service call.
 */
@RequestScoped
public class ConsolePages {

    private final SecurityIdentity identity;
    private final CurrentVertxRequest current;
    private final FormTokens tokens;
    private Shell shell;

    public ConsolePages(SecurityIdentity identity, CurrentVertxRequest current, FormTokens tokens) {
        this.identity = identity;
        this.current = current;
        this.tokens = tokens;
    }

    /** The shell of this request; {@code section} marks the navigation entry the page belongs to. */
    public Shell shell(String section) {
        if (shell == null || !shell.section().equals(section)) {
            RoutingContext ctx = current.getCurrent();
            Cookie cookie = ctx.request().getCookie(Language.COOKIE);
            Language lang = Language.choose(cookie == null ? null : cookie.getValue(),
                    ctx.request().getHeader("Accept-Language"), Language.ZH_CN);
            String person = identity.isAnonymous() ? null : identity.getPrincipal().getName();
            String csrf = tokens.issue(ctx.request(), ctx.response(), scope());
            shell = new Shell(lang, person, displayName(), identity.getRoles(), csrf, ctx.request().uri(), section);
        }
        return shell;
    }

    /** Renders {@code page} (which names its data) with the shell and the page's locale. */
    public Uni<String> render(TemplateInstance page, String section) {
        Shell s = shell(section);
        return page.data("shell", s).setLocale(s.lang().locale).createUni();
    }

    /** The same on a worker thread (blocking resources such as uploads). */
    public String renderNow(TemplateInstance page, String section) {
        Shell s = shell(section);
        return page.data("shell", s).setLocale(s.lang().locale).render();
    }

    /** A page answer with a status other than 200 (a refused form shown again with its errors). */
    public Uni<Response> render(TemplateInstance page, String section, int status) {
        return render(page, section).map(html -> html(status, html));
    }

    /** A rendered page as the answer, with its status (every page answers UTF-8 HTML, its errors included). */
    public static Response html(int status, String html) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    /** Refuses a posted form whose token is not this browser's for this person (403, nothing changes). */
    public void checkForm(String token) {
        RoutingContext ctx = current.getCurrent();
        if (!tokens.valid(ctx.request(), scope(), token)) {
            throw new ApiException(ProblemType.FORBIDDEN,
                    "This form has expired or did not come from this console; open the page again and resend it");
        }
    }

    /**
     * The page to show when a use case refuses: {@code onRefusal} renders the page again with the refusal's message
     * (and its status); anything else is not the person's doing and goes on to the error handling.
     */
    public static <T> Uni<T> orShow(Uni<T> action, java.util.function.Function<ApiException, Uni<T>> onRefusal) {
        return action.onFailure(ApiException.class).recoverWithUni(e -> onRefusal.apply((ApiException) e));
    }

    /** After a form was handled: the browser fetches the result page (post/redirect/get). */
    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    private String scope() {
        return identity.isAnonymous() ? "anonymous" : "person:" + identity.getPrincipal().getName();
    }

    private String displayName() {
        if (identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            for (String claim : new String[]{"name", "preferred_username", "email", "upn"}) {
                Object value = token.getClaim(claim);
                String text = value instanceof jakarta.json.JsonString json
                        ? json.getString()
                        : value == null ? null : value.toString();
                if (text != null && !text.isBlank()) {
                    return text;
                }
            }
        }
        return identity.getPrincipal().getName();
    }
}
