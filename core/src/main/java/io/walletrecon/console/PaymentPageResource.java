package io.walletrecon.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.walletrecon.customers.PaymentPageLinks;
import io.walletrecon.receivables.PaymentPageService;
import io.walletrecon.problem.ApiException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The customer's payment page, opened from the link the finance team sends or prints (no sign-in: the signed link is
 * the credential): the collection code, its QR, the amount due and how to pay. Chinese unless the customer switched
 * to English; a link that does not open gets a page that says why (403 altered, 404 code withdrawn).
 */
@Path(PaymentPageLinks.PATH + "{token}")
@Produces(MediaType.TEXT_HTML)
public class PaymentPageResource {

    private final PaymentPageService pages;

    @Location("customer/pay.html")
    Template pay;
    @Location("customer/link-error.html")
    Template linkError;

    public PaymentPageResource(PaymentPageService pages) {
        this.pages = pages;
    }

    @GET
    @PermitAll
    public Uni<Response> page(@PathParam("token") String token, @CookieParam(Language.COOKIE) String cookie) {
        Language lang = Language.of(cookie).orElse(Language.ZH_CN);
        return pages.page(token)
                .chain(p -> pay.data("p", p).data("token", token).data("lang", lang).setLocale(lang.locale).createUni())
                .map(html -> ConsolePages.html(200, html))
                .onFailure(ApiException.class).recoverWithUni(e -> {
                    int status = ((ApiException) e).type().status;
                    return linkError.data("status", status).data("subject", "payment")
                            .data("path", PaymentPageLinks.PATH + token)
                            .data("lang", lang).setLocale(lang.locale).createUni()
                            .map(html -> ConsolePages.html(status, html));
                });
    }
}
