package io.walletrecon.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.walletrecon.dispatch.PaymentPolicy;
import io.walletrecon.dispatch.PaymentPolicyService;
import io.walletrecon.dispatch.PaymentRequests;
import io.walletrecon.money.Money;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.Validation;
import io.walletrecon.reports.RowFormat;
import io.walletrecon.security.CurrentActor;
import io.walletrecon.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Locale;

/**
 * Payment policies per currency (of the default company): the approval tiers and risk limits in force, a form that
 * proposes new ones, and the proposals with their decisions. A proposal is in force only once another admin approves
 * it ({@link PaymentPolicyService}, maker-checker): the proposer sees no approve button on their own change, only a
 * withdraw.
 */
@Path("/console/admin/policies")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class PolicyPages {

    static final String SECTION = "admin";
    static final String DEFAULT_CURRENCY = "CNY";

    private final PaymentPolicyService policies;
    private final ConsolePages pages;
    private final CurrentActor actor;
    private final Validator validator;

    @Location("console/admin-policies.html")
    Template page;

    public PolicyPages(PaymentPolicyService policies, ConsolePages pages, CurrentActor actor, Validator validator) {
        this.policies = policies;
        this.pages = pages;
        this.actor = actor;
        this.validator = validator;
    }

    @GET
    public Uni<Response> policy(@QueryParam("currency") String currency, @QueryParam("proposed") String proposed) {
        String ccy = currency(currency);
        return policies.get(null, ccy).chain(p -> show(ccy, PolicyForm.of(p), FormErrors.none(), proposed != null));
    }

    @POST
    @Path("/{currency}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> propose(@PathParam("currency") String currency, @BeanParam PolicyForm f) {
        String ccy = currency(currency);
        return ConsolePages.orShow(Uni.createFrom().deferred(() -> {
            pages.checkForm(f.csrf);
            return policies.propose(null, ccy, FormErrors.valid(validator, f.toRequest(ccy)), actor.name());
        }).map(change -> ConsolePages.seeOther("/console/admin/policies?currency=" + ccy + "&proposed=1")),
                refused -> show(ccy, f, FormErrors.of(refused), false));
    }

    @POST
    @Path("/{currency}/changes/{id}/approval")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> approve(@PathParam("currency") String currency, @PathParam("id") long id,
            @FormParam(FormTokens.FIELD) String csrf, @FormParam("comment") String comment) {
        String ccy = currency(currency);
        return decide(ccy, csrf, () -> policies.approve(null, ccy, id, FormFields.text(comment), actor.name()));
    }

    @POST
    @Path("/{currency}/changes/{id}/rejection")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> reject(@PathParam("currency") String currency, @PathParam("id") long id,
            @FormParam(FormTokens.FIELD) String csrf, @FormParam("comment") String comment) {
        String ccy = currency(currency);
        return decide(ccy, csrf, () -> policies.reject(null, ccy, id, FormFields.text(comment), actor.name()));
    }

    private Uni<Response> decide(String ccy, String csrf,
            java.util.function.Supplier<Uni<PaymentPolicyService.ChangeView>> decision) {
        return ConsolePages.orShow(Uni.createFrom().deferred(() -> {
            pages.checkForm(csrf);
            return decision.get();
        }).map(done -> ConsolePages.seeOther("/console/admin/policies?currency=" + ccy)),
                refused -> policies.get(null, ccy)
                        .chain(p -> show(ccy, PolicyForm.of(p), FormErrors.of(refused), false)));
    }

    private Uni<Response> show(String ccy, PolicyForm form, FormErrors errors, boolean proposed) {
        return policies.get(null, ccy).chain(inForce -> policies.changes(null, ccy)
                .chain(changes -> pages.render(page.data("currency", ccy).data("policy", inForce)
                        .data("changes", changes).data("form", form).data("errors", errors)
                        .data("proposed", proposed)
                        .data("pending", changes.stream().anyMatch(c -> c.state().equals("pending"))), SECTION,
                        errors.status())));
    }

    /** The currency asked for, upper case; a code that is not ISO 4217 is refused by the service. */
    private static String currency(String currency) {
        String c = FormFields.text(currency);
        return c == null ? DEFAULT_CURRENCY : c.toUpperCase(Locale.ROOT);
    }

    /** The proposal form: amounts as people type them, in the policy's currency. */
    public static class PolicyForm {
        @FormParam(FormTokens.FIELD)
        public String csrf;
        @FormParam("autoLimit")
        public String autoLimit;
        @FormParam("dualLimit")
        public String dualLimit;
        @FormParam("beneficiaryDailyAmount")
        public String beneficiaryDailyAmount;
        @FormParam("beneficiaryDailyCount")
        public String beneficiaryDailyCount;
        @FormParam("largeAmount")
        public String largeAmount;
        @FormParam("reason")
        public String reason;

        static PolicyForm of(PaymentPolicy p) {
            PolicyForm f = new PolicyForm();
            f.autoLimit = RowFormat.plain(p.autoLimitMinor(), p.currency());
            f.dualLimit = RowFormat.plain(p.dualLimitMinor(), p.currency());
            f.beneficiaryDailyAmount = p.beneficiaryDailyAmountMinor() == null
                    ? ""
                    : RowFormat.plain(p.beneficiaryDailyAmountMinor(), p.currency());
            f.beneficiaryDailyCount = p.beneficiaryDailyCount() == null ? "" : p.beneficiaryDailyCount().toString();
            f.largeAmount = p.largeAmountMinor() == null ? "" : RowFormat.plain(p.largeAmountMinor(), p.currency());
            return f;
        }

        PaymentRequests.Policy toRequest(String currency) {
            Money.currency(currency);
            FormFields in = new FormFields();
            Long auto = in.amount("autoLimit", autoLimit, currency);
            Long dual = in.amount("dualLimit", dualLimit, currency);
            if (FormFields.text(autoLimit) == null) {
                in.add(ProblemError.field("autoLimit", "is required (0: every payment needs an approver)"));
            }
            if (FormFields.text(dualLimit) == null) {
                in.add(ProblemError.field("dualLimit", "is required"));
            }
            Long daily = in.amount("beneficiaryDailyAmount", beneficiaryDailyAmount, currency);
            Integer count = in.whole("beneficiaryDailyCount", beneficiaryDailyCount);
            Long large = in.amount("largeAmount", largeAmount, currency);
            Validation.refuseIfAny(in.errors());
            return new PaymentRequests.Policy(auto, dual, daily, count, large, FormFields.text(reason));
        }

        public String autoLimit() {
            return autoLimit;
        }

        public String dualLimit() {
            return dualLimit;
        }

        public String beneficiaryDailyAmount() {
            return beneficiaryDailyAmount;
        }

        public String beneficiaryDailyCount() {
            return beneficiaryDailyCount;
        }

        public String largeAmount() {
            return largeAmount;
        }

        public String reason() {
            return reason;
        }
    }
}
