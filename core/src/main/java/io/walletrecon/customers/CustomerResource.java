package io.walletrecon.customers;

import io.smallrye.mutiny.Uni;
import io.walletrecon.data.PageView;
import io.walletrecon.security.CurrentActor;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/customers")
@Tag(name = "Customers", description = "Customers (客户档案), payer identities and collection codes (finance reads, admin writes)")
@RolesAllowed({Roles.FINANCE, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

    public static final String SVG = "image/svg+xml";
    public static final String PNG = "image/png";

    private final CustomerService service;
    private final PayerIdentityService identities;
    private final CollectionCodeService codes;
    private final CurrentActor actor;

    public CustomerResource(CustomerService service, PayerIdentityService identities, CollectionCodeService codes,
            CurrentActor actor) {
        this.service = service;
        this.identities = identities;
        this.codes = codes;
        this.actor = actor;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @ResponseStatus(201)
    @Operation(summary = "Create a customer with its payer identities; a collection code is issued")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "A payer identity or the externalId belongs to another customer of the company")
    @APIResponse(responseCode = "422", description = "No such company")
    public Uni<CustomerView> create(@Valid @NotNull CustomerRequests.Create request) {
        return service.create(request, actor.name());
    }

    @GET
    @Operation(summary = "List customers (personal data masked), of one company when company is given; q matches name, externalId or collection code")
    @APIResponse(responseCode = "422", description = "No such company")
    @APIResponse(responseCode = "200", description = "A page of customers")
    public Uni<PageView<CustomerView>> list(@QueryParam("company") String company,
            @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") Integer size) {
        return service.list(company, q, page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One customer, personal data in clear")
    public Uni<CustomerView> get(@PathParam("id") long id) {
        return service.get(id);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a customer's fields (absent fields stay)")
    @APIResponse(responseCode = "200", description = "The customer after the change")
    @APIResponse(responseCode = "409", description = "The externalId belongs to another customer")
    public Uni<CustomerView> update(@PathParam("id") long id, @Valid @NotNull CustomerRequests.Update request) {
        return service.update(id, request, actor.name());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @ResponseStatus(204)
    @Operation(summary = "Delete a customer that has no receivables")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The customer has receivables")
    public Uni<Void> delete(@PathParam("id") long id) {
        return service.delete(id, actor.name());
    }

    @POST
    @Path("/{id}/identities")
    @RolesAllowed(Roles.ADMIN)
    @ResponseStatus(201)
    @Operation(summary = "Add a payer identity (Alipay buyer id or logon, WeChat openid, Stripe customer, bank account)")
    @APIResponse(responseCode = "201", description = "Added; the customer is returned")
    @APIResponse(responseCode = "409", description = "The identity belongs to a customer already")
    public Uni<CustomerView> addIdentity(@PathParam("id") long id, @Valid @NotNull CustomerRequests.Identity request) {
        return identities.add(id, request, actor.name());
    }

    @DELETE
    @Path("/{id}/identities/{identityId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a payer identity")
    public Uni<CustomerView> removeIdentity(@PathParam("id") long id, @PathParam("identityId") long identityId) {
        return identities.remove(id, identityId, actor.name());
    }

    @GET
    @Path("/{id}/collection-code")
    @Operation(summary = "The customer's collection code and payment link; Accept image/png or image/svg+xml for its QR image")
    public Uni<CollectionCodeView> collectionCode(@PathParam("id") long id) {
        return codes.ofCustomer(id);
    }

    @GET
    @Path("/{id}/collection-code")
    @Produces(PNG)
    @Operation(summary = "QR image (PNG) of the customer's payment link")
    public Uni<byte[]> collectionCodePng(@PathParam("id") long id) {
        return codes.ofCustomer(id).map(v -> codes.png(v.link()));
    }

    @GET
    @Path("/{id}/collection-code")
    @Produces(SVG)
    @Operation(summary = "QR image (SVG) of the customer's payment link")
    public Uni<String> collectionCodeSvg(@PathParam("id") long id) {
        return codes.ofCustomer(id).map(v -> codes.svg(v.link()));
    }
}
