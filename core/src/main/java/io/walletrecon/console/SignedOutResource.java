package io.walletrecon.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Where sign-out ends: says so, and offers to sign in again. */
@Path("/signed-out")
@Produces(MediaType.TEXT_HTML)
public class SignedOutResource {

    @Location("console/signed-out.html")
    Template page;

    @GET
    @PermitAll
    public Uni<String> signedOut(@CookieParam(Language.COOKIE) String lang,
            @HeaderParam("Accept-Language") String accept) {
        Language l = Language.choose(lang, accept, Language.ZH_CN);
        return page.data("lang", l).setLocale(l.locale).createUni();
    }
}
