package io.walletrecon.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Duration;

/**
 * The language switch of every page (console and customers'): remembers the choice in the browser for a year and
 * goes back to the page it came from. Only a path on this site is followed back, never another site.
 */
@Path("/language")
public class LanguageResource {

    static final int ONE_YEAR = (int) Duration.ofDays(365).toSeconds();

    @GET
    @PermitAll
    public Response choose(@QueryParam("lang") String lang, @QueryParam("back") String back) {
        Language chosen = Language.of(lang).orElse(Language.ZH_CN);
        NewCookie cookie = new NewCookie.Builder(Language.COOKIE).value(chosen.tag).path("/").maxAge(ONE_YEAR)
                .httpOnly(true).secure(true).sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(localPath(back))).cookie(cookie).build();
    }

    /** {@code back} when it is a path of this site ({@code /x}, not {@code //host} or a URL), else the console. */
    static String localPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")
                || back.length() > 2000
                || back.chars().anyMatch(c -> c < 0x20)) {
            return "/console";
        }
        return back;
    }
}
