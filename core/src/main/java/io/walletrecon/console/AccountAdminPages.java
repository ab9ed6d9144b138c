package io.walletrecon.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountRequests;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.accounts.AccountView;
import io.walletrecon.matching.MatchingConfig;
import io.walletrecon.matching.MatchingConfigService;
import io.walletrecon.matching.MatchingRequests;
import io.walletrecon.problem.ApiException;
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

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Administration of accounts: the list, creating one, changing one, and its matching configuration. Credentials are
 * write-only: a page never shows them, only whether they are set, and a form replaces them whole. Every change goes
 * through the service the API calls ({@link AccountService}, {@link MatchingConfigService}), which validates and
 * audits it.
 */
@Path("/console/admin/accounts")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class AccountAdminPages {

    static final String SECTION = "admin";
    /** The providers an account is for, in the order the form offers them. */
    static final List<String> PROVIDERS = List.of("bank", "alipay", "wechatpay", "stripe", "standard");

    private final AccountService accounts;
    private final MatchingConfigService matching;
    private final ConsolePages pages;
    private final CurrentActor actor;
    private final Validator validator;
    private final ObjectMapper json;

    @Location("console/admin-accounts.html")
    Template list;
    @Location("console/admin-account.html")
    Template form;
    @Location("console/admin-matching.html")
    Template matchingForm;

    public AccountAdminPages(AccountService accounts, MatchingConfigService matching, ConsolePages pages,
            CurrentActor actor, Validator validator, ObjectMapper json) {
        this.accounts = accounts;
        this.matching = matching;
        this.pages = pages;
        this.actor = actor;
        this.validator = validator;
        this.json = json;
    }

    @GET
    public Uni<String> accounts() {
        return accounts.list(null).chain(all -> pages.render(list.data("accounts", all), SECTION));
    }

    @GET
    @Path("/new")
    public Uni<Response> newAccount() {
        return showForm(null, new AccountForm(), FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(@BeanParam AccountForm f) {
        return ConsolePages.orShow(Uni.createFrom().deferred(() -> {
            pages.checkForm(f.csrf);
            AccountRequests.Create request = FormErrors.valid(validator, new AccountRequests.Create(null,
                    FormFields.text(f.code), FormFields.text(f.provider), FormFields.text(f.name),
                    upper(f.currency), FormFields.text(f.timeZone), FormFields.text(f.accountNumber),
                    credentials(f.provider, f)));
            return accounts.create(request, actor.name());
        }).map(created -> ConsolePages.seeOther("/console/admin/accounts/" + created.code() + "?saved=1")),
                refused -> showForm(null, f, FormErrors.of(refused)));
    }

    @GET
    @Path("/{code}")
    public Uni<Response> account(@PathParam("code") String code, @QueryParam("saved") String saved) {
        return accounts.get(code).chain(a -> showForm(a, AccountForm.of(a), FormErrors.none(), saved != null));
    }

    @POST
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> update(@PathParam("code") String code, @BeanParam AccountForm f) {
        return accounts.get(code).chain(a -> ConsolePages.orShow(Uni.createFrom().deferred(() -> {
            pages.checkForm(f.csrf);
            AccountRequests.Update request = FormErrors.valid(validator, new AccountRequests.Update(
                    FormFields.text(f.name), FormFields.text(f.timeZone),
                    f.accountNumber == null ? null : f.accountNumber.strip(), credentials(a.provider(), f)));
            return accounts.update(code, request, actor.name());
        }).map(updated -> ConsolePages.seeOther("/console/admin/accounts/" + code + "?saved=1")),
                refused -> showForm(a, f, FormErrors.of(refused))));
    }

    @GET
    @Path("/{code}/matching")
    public Uni<Response> matchingConfig(@PathParam("code") String code, @QueryParam("saved") String saved) {
        return accounts.get(code).chain(a -> matching.get(code)
                .chain(c -> showMatching(a, MatchingForm.of(c, a.currency()), FormErrors.none(), saved != null)));
    }

    @POST
    @Path("/{code}/matching")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> replaceMatchingConfig(@PathParam("code") String code, @BeanParam MatchingForm f) {
        return accounts.get(code).chain(a -> ConsolePages.orShow(Uni.createFrom().deferred(() -> {
            pages.checkForm(f.csrf);
            return matching.put(code, f.toRequest(a.currency()), actor.name());
        }).map(stored -> ConsolePages.seeOther("/console/admin/accounts/" + code + "/matching?saved=1")),
                refused -> showMatching(a, f, FormErrors.of(refused), false)));
    }

    private Uni<Response> showForm(AccountView account, AccountForm f, FormErrors errors) {
        return showForm(account, f, errors, false);
    }

    private Uni<Response> showForm(AccountView account, AccountForm f, FormErrors errors, boolean saved) {
        return pages.render(form.data("account", account).data("form", f).data("errors", errors)
                .data("providers", PROVIDERS).data("saved", saved), SECTION, errors.status());
    }

    private Uni<Response> showMatching(AccountView account, MatchingForm f, FormErrors errors, boolean saved) {
        return accounts.list(null).chain(all -> pages.render(matchingForm.data("account", account).data("form", f)
                .data("errors", errors).data("saved", saved).data("rules", MatchingConfig.RULES)
                .data("settlementAccounts", all.stream()
                        .filter(o -> o.provider().equals("bank") && !o.code().equals(account.code())).toList()),
                SECTION, errors.status()));
    }

    /**
     * The credentials the form replaces, or null to keep them: webhook secrets one per line (Stripe, Standard
     * Webhooks), or the provider's credentials as a JSON object (Alipay, WeChat Pay).
     */
    private JsonNode credentials(String provider, AccountForm f) {
        List<String> secrets = FormFields.lines(f.webhookSecrets);
        if (!secrets.isEmpty()) {
            ObjectNode node = json.createObjectNode();
            secrets.forEach(node.putArray("webhookSecrets")::add);
            return node;
        }
        if (f.credentialsJson == null || f.credentialsJson.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(f.credentialsJson);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not an object");
            }
            return node;
        } catch (Exception e) {
            throw ApiException.invalid("The " + (provider == null ? "" : provider + " ")
                    + "credentials must be a JSON object such as {\"appId\": \"…\", …}",
                    List.of(ProblemError.field("credentials", "is not a JSON object")));
        }
    }

    private static String upper(String s) {
        String t = FormFields.text(s);
        return t == null ? null : t.toUpperCase(java.util.Locale.ROOT);
    }

    /** The account form as the browser sends it. Secrets are never put back into it. */
    public static class AccountForm {
        @FormParam(FormTokens.FIELD)
        public String csrf;
        @FormParam("code")
        public String code;
        @FormParam("provider")
        public String provider;
        @FormParam("name")
        public String name;
        @FormParam("currency")
        public String currency;
        @FormParam("timeZone")
        public String timeZone;
        @FormParam("accountNumber")
        public String accountNumber;
        @FormParam("webhookSecrets")
        public String webhookSecrets;
        @FormParam("credentialsJson")
        public String credentialsJson;

        static AccountForm of(AccountView a) {
            AccountForm f = new AccountForm();
            f.code = a.code();
            f.provider = a.provider();
            f.name = a.name();
            f.currency = a.currency();
            f.timeZone = a.timeZone();
            f.accountNumber = a.accountNumber();
            return f;
        }

        public String code() {
            return code;
        }

        public String provider() {
            return provider;
        }

        public String name() {
            return name;
        }

        public String currency() {
            return currency;
        }

        public String timeZone() {
            return timeZone;
        }

        public String accountNumber() {
            return accountNumber;
        }
    }

    /** An account's matching configuration as the form shows and sends it; amounts in the account's currency. */
    public static class MatchingForm {
        @FormParam(FormTokens.FIELD)
        public String csrf;
        @FormParam("tolerance")
        public String tolerance;
        @FormParam("toleranceBps")
        public String toleranceBps;
        @FormParam("dateWindowDays")
        public String dateWindowDays;
        @FormParam("rules")
        public List<String> rules;
        @FormParam("settlementAfterDays")
        public String settlementAfterDays;
        @FormParam("dayEndTime")
        public String dayEndTime;
        @FormParam("settlementAccount")
        public String settlementAccount;
        @FormParam("graceDays")
        public String graceDays;
        @FormParam("fxToleranceBps")
        public String fxToleranceBps;
        @FormParam("fxRates")
        public String fxRates;
        @FormParam("notDebitedAfterBusinessDays")
        public String notDebitedAfterBusinessDays;
        @FormParam("bankHolidays")
        public String bankHolidays;

        static MatchingForm of(MatchingConfig c, String currency) {
            MatchingForm f = new MatchingForm();
            f.tolerance = RowFormat.plain(c.toleranceMinor(), currency);
            f.toleranceBps = Integer.toString(c.toleranceBps());
            f.dateWindowDays = Integer.toString(c.dateWindowDays());
            f.rules = List.copyOf(c.rules());
            f.settlementAfterDays = Integer.toString(c.settlementAfterDays());
            f.dayEndTime = c.dayEndTime().toString();
            f.settlementAccount = c.settlementAccount();
            f.graceDays = Integer.toString(c.graceDays());
            f.fxToleranceBps = Integer.toString(c.fxToleranceBps());
            f.fxRates = String.join("\n",
                    c.fxRates().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().toPlainString()).toList());
            f.notDebitedAfterBusinessDays = Integer.toString(c.notDebitedAfterBusinessDays());
            f.bankHolidays = String.join("\n", c.bankHolidays().stream().map(Object::toString).toList());
            return f;
        }

        /** The request the API takes; every field that does not read is named in one refusal. */
        MatchingRequests.Config toRequest(String currency) {
            FormFields in = new FormFields();
            Long toleranceMinor = in.amount("tolerance", tolerance, currency);
            Integer bps = in.whole("toleranceBps", toleranceBps);
            Integer window = in.whole("dateWindowDays", dateWindowDays);
            Integer settle = in.whole("settlementAfterDays", settlementAfterDays);
            Integer grace = in.whole("graceDays", graceDays);
            Integer fxBps = in.whole("fxToleranceBps", fxToleranceBps);
            Integer notDebited = in.whole("notDebitedAfterBusinessDays", notDebitedAfterBusinessDays);
            Map<String, BigDecimal> rates = new LinkedHashMap<>();
            for (String line : FormFields.lines(fxRates)) {
                String[] pair = line.split("=", 2);
                try {
                    rates.put(pair[0].strip().toUpperCase(java.util.Locale.ROOT), new BigDecimal(pair[1].strip()));
                } catch (RuntimeException e) {
                    in.add(ProblemError.field("fxRates", "'" + line + "' is not a rate such as USD/EUR=0.92"));
                }
            }
            var holidays = in.dates("bankHolidays", bankHolidays);
            Validation.refuseIfAny(in.errors());
            return new MatchingRequests.Config(toleranceMinor == null ? 0L : toleranceMinor, bps, window,
                    rules == null ? List.of() : rules, settle, FormFields.text(dayEndTime),
                    FormFields.text(settlementAccount), grace, fxBps, rates, notDebited, holidays);
        }

        public String tolerance() {
            return tolerance;
        }

        public String toleranceBps() {
            return toleranceBps;
        }

        public String dateWindowDays() {
            return dateWindowDays;
        }

        public List<String> rules() {
            return rules == null ? List.of() : rules;
        }

        public String settlementAfterDays() {
            return settlementAfterDays;
        }

        public String dayEndTime() {
            return dayEndTime;
        }

        public String settlementAccount() {
            return settlementAccount;
        }

        public String graceDays() {
            return graceDays;
        }

        public String fxToleranceBps() {
            return fxToleranceBps;
        }

        public String fxRates() {
            return fxRates;
        }

        public String notDebitedAfterBusinessDays() {
            return notDebitedAfterBusinessDays;
        }

        public String bankHolidays() {
            return bankHolidays;
        }
    }
}
