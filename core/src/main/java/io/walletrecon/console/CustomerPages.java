package io.walletrecon.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.walletrecon.customers.CollectionCodeService;
import io.walletrecon.customers.PaymentPageLinks;
import io.walletrecon.customers.CustomerService;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Customers: the list, one customer's profile with payer identities and the collection code (收款码) with a QR code
 * that prints, and the link to the customer's payment page.
 */
@Path("/console/customers")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
public class CustomerPages {

    static final int PAGE_SIZE = 50;

    private final CustomerService customers;
    private final CollectionCodeService codes;
    private final PaymentPageLinks payPages;
    private final ConsolePages pages;

    @Location("console/customers.html")
    Template customerList;
    @Location("console/customer.html")
    Template customer;
    @Location("console/collection-code.html")
    Template printableCode;

    public CustomerPages(CustomerService customers, CollectionCodeService codes, PaymentPageLinks payPages,
            ConsolePages pages) {
        this.customers = customers;
        this.codes = codes;
        this.payPages = payPages;
        this.pages = pages;
    }

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    public Uni<String> customers(@QueryParam("q") String query, @QueryParam("page") @DefaultValue("0") int page) {
        String q = query == null || query.isBlank() ? null : query.strip();
        return customers.list(null, q, Math.max(page, 0), PAGE_SIZE)
                .chain(found -> pages.render(customerList.data("customers", found).data("q", q == null ? "" : q),
                        "customers"));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    public Uni<String> customer(@PathParam("id") long id) {
        return customers.get(id).chain(c -> pages.render(customer.data("c", c).data("qr", qr(c.collectionCode()))
                .data("payPage", c.collectionCode() == null ? null : payPages.link(c.collectionCode())), "customers"));
    }

    @GET
    @Path("/{id}/collection-code")
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    public Uni<String> printable(@PathParam("id") long id) {
        return customers.get(id).chain(c -> pages.render(printableCode.data("c", c).data("qr", qr(c.collectionCode()))
                .data("link", c.collectionCode() == null ? null : codes.link(c.collectionCode())), "customers"));
    }

    private String qr(String code) {
        return code == null ? null : codes.svg(codes.link(code));
    }
}
