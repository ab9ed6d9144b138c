package io.walletrecon.companies;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.customers.UniqueViolations;
import io.walletrecon.data.TimeZones;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.Validation;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Companies (legal entities) and the one place that turns a company code in a request into a company: absent means
 * the deployment's default company ({@link CompaniesConfig#defaultCompany()}), unknown is a 422 naming the field.
 */
@ApplicationScoped
public class CompanyService {

    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final CompanyRepository companies;
    private final CompaniesConfig config;
    private final AuditLog audit;

    public CompanyService(CompanyRepository companies, CompaniesConfig config, AuditLog audit) {
        this.companies = companies;
        this.config = config;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<CompanyView> create(CompanyRequests.Create request, String actor) {
        List<ProblemError> errors = new ArrayList<>();
        checkCountry(request.country(), errors);
        TimeZones.check(request.timeZone(), "timeZone", errors);
        Validation.refuseIfAny(errors);
        return companies.findByCode(request.code()).chain(existing -> {
            if (existing != null) {
                throw ApiException.conflict("A company with code '" + request.code() + "' already exists");
            }
            Company c = new Company();
            c.code = request.code();
            c.name = request.name().trim();
            c.legalName = request.legalName().trim();
            c.country = request.country();
            c.timeZone = request.timeZone();
            c.createdAt = Instant.now();
            c.updatedAt = c.createdAt;
            return companies.persistAndFlush(c);
        }).call(c -> audit.record(actor, "company.created", "company", c.code, null, summary(c)))
                .map(this::view)
                // Two admins creating one code at once: the unique index decides, the loser hears the same as above.
                .onFailure(UniqueViolations::is)
                .transform(e -> ApiException.conflict("A company with code '" + request.code() + "' already exists"));
    }

    @WithSession
    public Uni<List<CompanyView>> list() {
        return companies.all().map(list -> list.stream().map(this::view).toList());
    }

    @WithSession
    public Uni<CompanyView> get(String code) {
        return require(code).map(this::view);
    }

    @WithTransaction
    public Uni<CompanyView> update(String code, CompanyRequests.Update request, String actor) {
        List<ProblemError> errors = new ArrayList<>();
        if (request.country() != null) {
            checkCountry(request.country(), errors);
        }
        if (request.timeZone() != null) {
            TimeZones.check(request.timeZone(), "timeZone", errors);
        }
        Validation.refuseIfAny(errors);
        return require(code).chain(c -> {
            Map<String, Object> changed = new LinkedHashMap<>();
            c.name = change(changed, "name", c.name, request.name() == null ? null : request.name().trim());
            c.legalName = change(changed, "legalName", c.legalName,
                    request.legalName() == null ? null : request.legalName().trim());
            c.country = change(changed, "country", c.country, request.country());
            c.timeZone = change(changed, "timeZone", c.timeZone, request.timeZone());
            if (changed.isEmpty()) {
                return Uni.createFrom().item(c);
            }
            c.updatedAt = Instant.now();
            return audit.record(actor, "company.updated", "company", c.code, null, changed).replaceWith(c);
        }).map(this::view);
    }

    /**
     * The company a request names by {@code code} in its field {@code field}, or the default company when it names
     * none. Runs in the caller's session. An unknown code is a 422 naming the field.
     */
    public Uni<Company> resolve(String code, String field) {
        boolean named = code != null && !code.isBlank();
        String wanted = named ? code.trim() : config.defaultCompany();
        return companies.findByCode(wanted).map(c -> {
            if (c != null) {
                return c;
            }
            if (named) {
                throw ApiException.unprocessable("No company with code '" + wanted + "'",
                        List.of(ProblemError.field(field, "names no company")));
            }
            throw ApiException.unprocessable("The request names no company and the default company '" + wanted
                    + "' (walletrecon.companies.default-company) does not exist; name a company in " + field,
                    List.of(ProblemError.field(field, "is required: there is no default company")));
        });
    }

    /** {@link #resolve} for an optional filter: null when the request names no company. */
    public Uni<Company> filter(String code, String field) {
        return code == null || code.isBlank() ? Uni.createFrom().nullItem() : resolve(code, field);
    }

    /** Every company's code by id, for views of rows that carry a company id. */
    public Uni<Map<Long, String>> codes() {
        return companies.all().map(list -> {
            Map<Long, String> m = new LinkedHashMap<>();
            list.forEach(c -> m.put(c.id, c.code));
            return m;
        });
    }

    /** The code of the company with this id, in the caller's session. */
    public Uni<String> codeOf(long id) {
        return companies.findById(id).map(c -> c == null ? null : c.code);
    }

    private Uni<Company> require(String code) {
        return companies.findByCode(code).onItem().ifNull()
                .failWith(() -> ApiException.notFound("No company with code '" + code + "'"));
    }

    private CompanyView view(Company c) {
        return CompanyView.of(c, config.defaultCompany());
    }

    private static String change(Map<String, Object> changed, String field, String before, String after) {
        if (after == null || after.equals(before)) {
            return before;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", before);
        m.put("to", after);
        changed.put(field, m);
        return after;
    }

    private static void checkCountry(String country, List<ProblemError> errors) {
        if (country != null && !COUNTRIES.contains(country)) {
            errors.add(ProblemError.field("country", "'" + country + "' is not an ISO 3166-1 alpha-2 country code"));
        }
    }

    private static Map<String, Object> summary(Company c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name);
        m.put("legalName", c.legalName);
        m.put("country", c.country);
        m.put("timeZone", c.timeZone);
        return m;
    }
}
