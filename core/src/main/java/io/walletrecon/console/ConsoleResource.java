package io.walletrecon.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.walletrecon.dispatch.PaymentViews;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The console's front door: {@code /} (a signed-out visitor is sent to sign in first, by the code flow) and the
 * overview with what waits for the signed-in person.
 */
@Path("/")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    private final PaymentViews payments;
    private final ConsolePages pages;

    @Location("console/overview.html")
    Template overview;

    public ConsoleResource(PaymentViews payments, ConsolePages pages) {
        this.payments = payments;
        this.pages = pages;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.APPROVER})
    public Response home() {
        return ConsolePages.seeOther("/console");
    }

    @GET
    @Path("/console")
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.APPROVER})
    public Uni<String> overview() {
        boolean readsPayments = pages.shell("overview").can(Roles.FINANCE)
                || pages.shell("overview").can(Roles.APPROVER);
        Uni<Long> waiting = readsPayments
                ? payments.list(null, "pending_approval", null, null, null, 0, 1).map(p -> p.total())
                : Uni.createFrom().item(0L);
        return waiting.chain(n -> pages.render(overview.data("waiting", n), "overview"));
    }
}
