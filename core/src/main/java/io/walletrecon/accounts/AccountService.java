package io.walletrecon.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.companies.CompanyService;
import io.walletrecon.data.Account;
import io.walletrecon.data.AccountRepository;
import io.walletrecon.data.Provider;
import io.walletrecon.data.TimeZones;
import io.walletrecon.money.Money;
import io.walletrecon.money.MoneyFormatException;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.Validation;
import io.walletrecon.security.KeyService;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creates and changes accounts, and is the only code that decrypts their credentials. */
@ApplicationScoped
public class AccountService {

    private final AccountRepository accounts;
    private final CompanyService companies;
    private final CredentialsValidator validator;
    private final KeyService keys;
    private final AuditLog audit;
    private final ObjectMapper json;

    public AccountService(AccountRepository accounts, CompanyService companies, CredentialsValidator validator,
            KeyService keys,
            AuditLog audit, ObjectMapper json) {
        this.accounts = accounts;
        this.companies = companies;
        this.validator = validator;
        this.keys = keys;
        this.audit = audit;
        this.json = json;
    }

    @WithTransaction
    public Uni<AccountView> create(AccountRequests.Create request, String actor) {
        Provider provider = Provider.fromCode(request.provider());
        List<ProblemError> errors = new ArrayList<>();
        checkCurrency(request.currency(), errors);
        if (request.timeZone() != null) {
            TimeZones.check(request.timeZone(), "timeZone", errors);
        }
        String number = accountNumber(request.accountNumber(), errors);
        Validation.refuseIfAny(errors);
        Object credentials = validator.validate(provider, request.credentials());
        return companies.resolve(request.company(), "company")
                .chain(company -> accounts.findByCode(request.code()).call(existing -> {
                    if (existing != null) {
                        throw ApiException.conflict("An account with code '" + request.code() + "' already exists");
                    }
                    return numberFree(number, null);
                }).chain(existing -> {
                    Account a = new Account();
                    a.code = request.code();
                    a.companyId = company.id;
                    a.provider = provider;
                    a.name = request.name();
                    a.currency = request.currency();
                    a.timeZone = request.timeZone() == null ? company.timeZone : request.timeZone();
                    a.accountNumber = number;
                    a.credentialsCiphertext = seal(a.code, credentials);
                    a.createdAt = Instant.now();
                    a.updatedAt = a.createdAt;
                    return accounts.persist(a);
                }).call(a -> audit.record(actor, "account.created", "account", a.code, null,
                        summary(a, company.code, credentials != null)))
                        .map(a -> AccountView.of(a, company.code)));
    }

    /** Every account, or those of one company. */
    @WithSession
    public Uni<List<AccountView>> list(String company) {
        return companies.filter(company, "company").chain(c -> accounts.listByCode(c == null ? null : c.id)
                .chain(list -> companies.codes()
                        .map(codes -> list.stream().map(a -> AccountView.of(a, codes.get(a.companyId))).toList())));
    }

    @WithSession
    public Uni<AccountView> get(String code) {
        return require(code).chain(this::view);
    }

    private Uni<AccountView> view(Account a) {
        return companies.codeOf(a.companyId).map(company -> AccountView.of(a, company));
    }

    @WithTransaction
    public Uni<AccountView> update(String code, AccountRequests.Update request, String actor) {
        List<ProblemError> errors = new ArrayList<>();
        String number = request.accountNumber() == null ? null : accountNumber(request.accountNumber(), errors);
        Validation.refuseIfAny(errors);
        return require(code)
                .call(a -> request.accountNumber() == null ? Uni.createFrom().voidItem() : numberFree(number, a.id))
                .chain(a -> {
                    Map<String, Object> changed = new LinkedHashMap<>();
                    if (request.accountNumber() != null && !java.util.Objects.equals(number, a.accountNumber)) {
                        Map<String, Object> change = new LinkedHashMap<>();
                        change.put("from", a.accountNumber);
                        change.put("to", number);
                        changed.put("accountNumber", change);
                        a.accountNumber = number;
                    }
                    if (request.name() != null && !request.name().equals(a.name)) {
                        changed.put("name", Map.of("from", a.name, "to", request.name()));
                        a.name = request.name();
                    }
                    if (request.timeZone() != null && !request.timeZone().equals(a.timeZone)) {
                        List<ProblemError> zoneErrors = new ArrayList<>();
                        TimeZones.check(request.timeZone(), "timeZone", zoneErrors);
                        if (!zoneErrors.isEmpty()) {
                            throw ApiException.invalid("timeZone " + zoneErrors.get(0).message(), zoneErrors);
                        }
                        changed.put("timeZone", Map.of("from", a.timeZone, "to", request.timeZone()));
                        a.timeZone = request.timeZone();
                    }
                    if (request.credentials() != null && !request.credentials().isNull()) {
                        Object credentials = validator.validate(a.provider, request.credentials());
                        a.credentialsCiphertext = seal(a.code, credentials);
                        changed.put("credentials", "replaced");
                    }
                    if (changed.isEmpty()) {
                        return Uni.createFrom().item(a);
                    }
                    a.updatedAt = Instant.now();
                    return audit.record(actor, "account.updated", "account", a.code, null, changed).replaceWith(a);
                }).chain(this::view);
    }

    /** The decrypted credentials of an account, typed for its provider. Callers must not log them. */
    public <T> T credentials(Account account, Class<T> type) {
        if (account.credentialsCiphertext == null) {
            throw new IllegalStateException("account " + account.code + " has no credentials configured");
        }
        byte[] plain = keys.decrypt(account.credentialsCiphertext, associatedData(account.code));
        try {
            return json.readValue(plain, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(
                    "credentials of account " + account.code + " are not " + type.getSimpleName());
        }
    }

    public Uni<Account> require(String code) {
        return accounts.findByCode(code).onItem().ifNull()
                .failWith(() -> ApiException.notFound("No account with code '" + code + "'"));
    }

    private byte[] seal(String code, Object credentials) {
        if (credentials == null) {
            return null;
        }
        try {
            return keys.encrypt(json.writeValueAsString(credentials).getBytes(StandardCharsets.UTF_8),
                    associatedData(code));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String associatedData(String code) {
        return "accounts.credentials:" + code;
    }

    private static Map<String, Object> summary(Account a, String company, boolean hasCredentials) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("company", company);
        m.put("provider", a.provider.code());
        m.put("name", a.name);
        m.put("currency", a.currency);
        m.put("timeZone", a.timeZone);
        m.put("accountNumber", a.accountNumber);
        m.put("credentials", hasCredentials ? "set" : "none");
        return m;
    }

    private static void checkCurrency(String code, List<ProblemError> errors) {
        try {
            Money.currency(code);
        } catch (MoneyFormatException e) {
            errors.add(ProblemError.field("currency", "is not an ISO 4217 currency code"));
        }
    }

    private static String accountNumber(String raw, List<ProblemError> errors) {
        try {
            return AccountNumbers.normalise(raw);
        } catch (IllegalArgumentException e) {
            errors.add(ProblemError.field("accountNumber", e.getMessage()));
            return null;
        }
    }

    /** One number belongs to one account: statements naming it are routed there. */
    private Uni<Void> numberFree(String number, Long self) {
        if (number == null) {
            return Uni.createFrom().voidItem();
        }
        return accounts.findByAccountNumber(number).map(other -> {
            if (other != null && !other.id.equals(self)) {
                throw ApiException.conflict("Account '" + other.code + "' already has account number " + number);
            }
            return null;
        });
    }
}
