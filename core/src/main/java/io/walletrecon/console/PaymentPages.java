package io.walletrecon.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.dispatch.PaymentRequests;
import io.walletrecon.dispatch.PaymentApprovalService;
import io.walletrecon.dispatch.PaymentService;
import io.walletrecon.dispatch.PaymentViews;
import io.walletrecon.dispatch.PaymentView;
import io.walletrecon.problem.ApiException;
import io.walletrecon.security.CurrentActor;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
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
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/**
 * The payment screens: the list, the form that creates an order (with an idempotency key the page generates, so a
 * form sent twice creates one order), the approvals inbox, and one order with its maker-checker trail and the
 * decisions the signed-in person may take. Each page binds, calls one use case ({@link PaymentService},
 * {@link PaymentApprovalService}, {@link PaymentViews}) and renders.
 */
@Path("/console/payments")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
public class PaymentPages {

    static final String SECTION = "payments";
    static final int PAGE_SIZE = 50;

    private final PaymentService payments;
    private final PaymentApprovalService approvals;
    private final PaymentViews views;
    private final AccountService accounts;
    private final ConsolePages pages;
    private final CurrentActor actor;
    private final Validator validator;

    @Location("console/payments.html")
    Template list;
    @Location("console/payment-new.html")
    Template form;
    @Location("console/payment.html")
    Template detail;
    @Location("console/approvals.html")
    Template inbox;

    public PaymentPages(PaymentService payments, PaymentApprovalService approvals, PaymentViews views,
            AccountService accounts, ConsolePages pages,
            CurrentActor actor, Validator validator) {
        this.payments = payments;
        this.approvals = approvals;
        this.views = views;
        this.accounts = accounts;
        this.pages = pages;
        this.actor = actor;
        this.validator = validator;
    }

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.APPROVER})
    public Uni<String> list(@QueryParam("state") String state, @QueryParam("page") @DefaultValue("0") int page) {
        String filter = state == null || state.isBlank() ? null : state;
        return views.list(null, filter, null, null, null, Math.max(page, 0), PAGE_SIZE)
                .chain(found -> pages.render(list.data("payments", found).data("state", filter == null ? "" : filter),
                        SECTION));
    }

    @GET
    @Path("/approvals")
    @RolesAllowed(Roles.APPROVER)
    public Uni<String> approvals() {
        return views.list(null, "pending_approval", null, null, null, 0, 500)
                .chain(found -> pages.render(inbox.data("payments", found.items()), "approvals"));
    }

    @GET
    @Path("/new")
    @RolesAllowed(Roles.FINANCE)
    public Uni<String> newPayment() {
        return showForm(PaymentForm.blank(UUID.randomUUID().toString()), FormErrors.none())
                .map(r -> (String) r.getEntity());
    }

    @POST
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(@BeanParam PaymentForm form) {
        return ConsolePages.orShow(Uni.createFrom().item(form)
                .invoke(f -> pages.checkForm(f.csrf))
                .map(f -> FormErrors.valid(validator, f.toRequest()))
                .chain(request -> payments.create(request, form.idempotencyKey, actor.name()))
                .map(created -> ConsolePages.seeOther("/console/payments/" + created.view().id())),
                refused -> showForm(form, FormErrors.of(refused)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.APPROVER})
    public Uni<Response> payment(@PathParam("id") long id) {
        return show(id, FormErrors.none());
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed(Roles.APPROVER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> approve(@PathParam("id") long id, @FormParam(FormTokens.FIELD) String csrf,
            @FormParam("comment") String comment) {
        return decide(id, csrf, () -> approvals.approve(id, blankToNull(comment), actor.name()));
    }

    @POST
    @Path("/{id}/rejection")
    @RolesAllowed(Roles.APPROVER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> reject(@PathParam("id") long id, @FormParam(FormTokens.FIELD) String csrf,
            @FormParam("comment") String comment) {
        return decide(id, csrf, () -> approvals.reject(id, comment, actor.name()));
    }

    @POST
    @Path("/{id}/release")
    @RolesAllowed({Roles.FINANCE, Roles.APPROVER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> release(@PathParam("id") long id, @FormParam(FormTokens.FIELD) String csrf,
            @FormParam("comment") String comment) {
        return decide(id, csrf, () -> approvals.release(id, blankToNull(comment), actor.person()));
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed({Roles.FINANCE, Roles.APPROVER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> cancel(@PathParam("id") long id, @FormParam(FormTokens.FIELD) String csrf,
            @FormParam("comment") String comment) {
        return decide(id, csrf, () -> approvals.cancel(id, blankToNull(comment), actor.name()));
    }

    private Uni<Response> decide(long id, String csrf, java.util.function.Supplier<Uni<PaymentView>> decision) {
        return ConsolePages.orShow(Uni.createFrom().voidItem().invoke(() -> pages.checkForm(csrf))
                .chain(() -> decision.get())
                .map(done -> ConsolePages.seeOther("/console/payments/" + id)),
                refused -> show(id, FormErrors.of(refused)));
    }

    private Uni<Response> show(long id, FormErrors errors) {
        return views.get(id).chain(p -> pages.render(detail.data("p", p).data("errors", errors)
                .data("approvedByMe",
                        p.approvals() != null
                                && p.approvals().stream().anyMatch(a -> a.approver().equals(actor.name()))),
                SECTION, errors.status()));
    }

    private Uni<Response> showForm(PaymentForm form, FormErrors errors) {
        return accounts.list(null).chain(all -> pages.render(this.form.data("form", form).data("errors", errors)
                .data("accounts", all.stream().filter(a -> List.of("stripe", "bank").contains(a.provider())).toList()),
                SECTION, errors.status()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The create form as the browser sends it. */
    public static class PaymentForm {
        @FormParam(FormTokens.FIELD)
        public String csrf;
        @FormParam("idempotencyKey")
        public String idempotencyKey;
        @FormParam("type")
        public String type;
        @FormParam("account")
        public String account;
        @FormParam("amount")
        public String amount;
        @FormParam("currency")
        public String currency;
        @FormParam("reference")
        public String reference;
        @FormParam("refundOf")
        public String refundOf;
        @FormParam("executeOn")
        public String executeOn;
        @FormParam("beneficiaryName")
        public String beneficiaryName;
        @FormParam("walletIdentity")
        public String walletIdentity;
        @FormParam("bankAccount")
        public String bankAccount;
        @FormParam("bankCode")
        public String bankCode;
        @FormParam("accountName")
        public String accountName;

        static PaymentForm blank(String key) {
            PaymentForm f = new PaymentForm();
            f.idempotencyKey = key;
            f.type = "payout";
            return f;
        }

        PaymentRequests.Create toRequest() {
            if (idempotencyKey == null || idempotencyKey.isBlank()) {
                throw ApiException.invalid("the form has no idempotency key; open the form again",
                        List.of(io.walletrecon.problem.ProblemError.field("idempotencyKey", "is required")));
            }
            java.time.LocalDate on;
            try {
                on = blankToNull(executeOn) == null ? null : java.time.LocalDate.parse(executeOn.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw ApiException.invalid("executeOn must be a date such as 2026-11-30",
                        List.of(io.walletrecon.problem.ProblemError.field("executeOn",
                                "must be a date such as 2026-11-30")));
            }
            return new PaymentRequests.Create(blankToNull(type), blankToNull(account),
                    new PaymentRequests.Beneficiary(blankToNull(beneficiaryName), blankToNull(walletIdentity),
                            blankToNull(bankAccount), blankToNull(bankCode), blankToNull(accountName)),
                    blankToNull(amount), null,
                    currency == null ? null : currency.strip().toUpperCase(java.util.Locale.ROOT),
                    blankToNull(reference), blankToNull(refundOf), on, null);
        }

        public String csrf() {
            return csrf;
        }
        public String idempotencyKey() {
            return idempotencyKey;
        }
        public String type() {
            return type;
        }
        public String account() {
            return account;
        }
        public String amount() {
            return amount;
        }
        public String currency() {
            return currency;
        }
        public String reference() {
            return reference;
        }
        public String refundOf() {
            return refundOf;
        }
        public String executeOn() {
            return executeOn;
        }
        public String beneficiaryName() {
            return beneficiaryName;
        }
        public String walletIdentity() {
            return walletIdentity;
        }
        public String bankAccount() {
            return bankAccount;
        }
        public String bankCode() {
            return bankCode;
        }
        public String accountName() {
            return accountName;
        }
    }
}
