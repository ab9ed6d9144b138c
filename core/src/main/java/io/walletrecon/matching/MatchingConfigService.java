package io.walletrecon.matching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.data.Account;
import io.walletrecon.data.AccountRepository;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.Validation;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads and replaces an account's matching configuration (absent = defaults). */
@ApplicationScoped
public class MatchingConfigService {

    private final AccountService accounts;
    private final AccountRepository accountRepository;
    private final MatchingConfigRepository configs;
    private final AuditLog audit;
    private final ObjectMapper json;

    public MatchingConfigService(AccountService accounts, AccountRepository accountRepository,
            MatchingConfigRepository configs,
            AuditLog audit, ObjectMapper json) {
        this.accounts = accounts;
        this.configs = configs;
        this.accountRepository = accountRepository;
        this.audit = audit;
        this.json = json;
    }

    @WithSession
    public Uni<MatchingConfig> get(String accountCode) {
        return accounts.require(accountCode).chain(this::load);
    }

    /** The configuration of {@code account}, in the caller's session. */
    Uni<MatchingConfig> load(Account account) {
        return Panache.getSession().chain(s -> configs.find(s, account.id))
                .map(row -> row == null ? MatchingConfig.defaults(account.code) : parse(account.code, row));
    }

    private MatchingConfig parse(String account, String row) {
        try {
            JsonNode n = json.readTree(row);
            Set<String> rules = new LinkedHashSet<>();
            Arrays.stream(n.get("rules").asText().split(",")).map(String::trim).filter(r -> !r.isEmpty())
                    .forEach(rules::add);
            Map<String, BigDecimal> rates = new TreeMap<>();
            json.readTree(n.get("fxRates").asText()).fields()
                    .forEachRemaining(e -> rates.put(e.getKey(), new BigDecimal(e.getValue().asText())));
            return new MatchingConfig(account, n.get("toleranceMinor").asLong(), n.get("toleranceBps").asInt(),
                    n.get("dateWindowDays").asInt(), rules, n.get("settlementAfterDays").asInt(),
                    LocalTime.parse(n.get("dayEndTime").asText()),
                    n.get("settlementAccount").isNull() ? null : n.get("settlementAccount").asText(),
                    n.get("graceDays").asInt(), n.get("fxToleranceBps").asInt(), Collections.unmodifiableMap(rates),
                    n.get("notDebitedAfterBusinessDays").asInt(), holidays(n.get("bankHolidays")));
        } catch (Exception e) {
            throw new IllegalStateException("unreadable matching configuration of " + account, e);
        }
    }

    @WithTransaction
    public Uni<MatchingConfig> put(String accountCode, MatchingRequests.Config request, String actor) {
        MatchingConfig d = MatchingConfig.defaults(accountCode);
        List<ProblemError> errors = new ArrayList<>();
        long tolMinor = request.toleranceMinor() == null ? d.toleranceMinor() : request.toleranceMinor();
        int tolBps = request.toleranceBps() == null ? d.toleranceBps() : request.toleranceBps();
        int window = request.dateWindowDays() == null ? d.dateWindowDays() : request.dateWindowDays();
        int settleDays = request.settlementAfterDays() == null
                ? d.settlementAfterDays()
                : request.settlementAfterDays();
        Set<String> rules = request.rules() == null ? d.rules() : new LinkedHashSet<>(request.rules());
        int grace = request.graceDays() == null ? d.graceDays() : request.graceDays();
        int fxTolBps = request.fxToleranceBps() == null ? d.fxToleranceBps() : request.fxToleranceBps();
        Map<String, BigDecimal> fxRates = request.fxRates() == null ? d.fxRates() : request.fxRates();
        int notDebited = request.notDebitedAfterBusinessDays() == null
                ? d.notDebitedAfterBusinessDays()
                : request.notDebitedAfterBusinessDays();
        List<LocalDate> holidays = request.bankHolidays() == null
                ? d.bankHolidays()
                : request.bankHolidays().stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
        LocalTime dayEnd = d.dayEndTime();
        if (tolMinor < 0) {
            errors.add(ProblemError.field("toleranceMinor", "must be 0 or more"));
        }
        if (tolBps < 0 || tolBps > 10000) {
            errors.add(ProblemError.field("toleranceBps", "must be between 0 and 10000 (basis points, 100 = 1%)"));
        }
        if (window < 0 || window > 60) {
            errors.add(ProblemError.field("dateWindowDays", "must be between 0 and 60"));
        }
        if (settleDays < 0 || settleDays > 60) {
            errors.add(ProblemError.field("settlementAfterDays", "must be between 0 and 60"));
        }
        if (grace < 0 || grace > 14) {
            errors.add(ProblemError.field("graceDays",
                    "must be between 0 and 14 (days a record may wait for a later day's bill)"));
        }
        if (fxTolBps < 0 || fxTolBps > 2000) {
            errors.add(ProblemError.field("fxToleranceBps", "must be between 0 and 2000 (basis points, 100 = 1%)"));
        }
        if (notDebited < 0 || notDebited > 30) {
            errors.add(ProblemError.field("notDebitedAfterBusinessDays",
                    "must be between 0 and 30 (business days a submitted bank payment may wait for its debit)"));
        }
        if (request.bankHolidays() != null && request.bankHolidays().contains(null)) {
            errors.add(ProblemError.field("bankHolidays", "must list dates (yyyy-MM-dd), without nulls"));
        }
        if (holidays.size() > 400) {
            errors.add(ProblemError.field("bankHolidays", "must list at most 400 dates"));
        }
        errors.addAll(FxRates.problems(fxRates));
        for (String rule : rules) {
            if (!MatchingConfig.RULES.contains(rule)) {
                errors.add(ProblemError.field("rules",
                        "unknown rule '" + rule + "'; rules are " + String.join(", ", MatchingConfig.RULES)));
            }
        }
        if (request.dayEndTime() != null) {
            try {
                dayEnd = LocalTime.parse(request.dayEndTime());
            } catch (DateTimeParseException e) {
                errors.add(ProblemError.field("dayEndTime", "must be a local time HH:mm, e.g. 23:30"));
            }
        }
        Validation.refuseIfAny(errors);
        // Stored in the canonical rule order, whatever order the caller sent.
        String ruleList = String.join(",", MatchingConfig.RULES.stream().filter(rules::contains).toList());
        LocalTime dayEndTime = dayEnd;
        return accounts.require(accountCode).chain(account -> settlementAccount(request.settlementAccount(), account)
                .chain(settlement -> Panache.getSession()
                        .chain(s -> configs.put(s, account.id, new MatchingConfigRepository.Stored(
                                tolMinor, tolBps, window, ruleList, settleDays, dayEndTime,
                                settlement == null ? null : settlement.id, grace, fxTolBps, ratesJson(fxRates),
                                notDebited,
                                String.join(",", holidays.stream().map(LocalDate::toString).toList())),
                                actor)))
                .chain(() -> load(account))
                .call(config -> audit.record(actor, "matching.config.updated", "account", account.code, null, config)));
    }

    private static List<LocalDate> holidays(JsonNode days) {
        List<LocalDate> out = new ArrayList<>();
        if (days != null && days.isArray()) {
            days.forEach(d -> out.add(LocalDate.parse(d.asText())));
        }
        return List.copyOf(out);
    }

    private String ratesJson(Map<String, BigDecimal> rates) {
        try {
            return json.writeValueAsString(FxRates.canonical(rates));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("FX rates not writable as JSON", e);
        }
    }

    /**
     * The bank account a wallet account's payouts arrive in: the same company's (money does not settle across legal
     * entities).
     */
    private Uni<Account> settlementAccount(String code, Account wallet) {
        if (code == null || code.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return accountRepository.findByCode(code).map(a -> {
            if (a == null) {
                throw ApiException.invalid("settlementAccount: no account '" + code + "'",
                        List.of(ProblemError.field("settlementAccount", "no account '" + code + "'")));
            }
            if (a.companyId != wallet.companyId) {
                throw ApiException.invalid(
                        "settlementAccount: account '" + code + "' belongs to another company than " + wallet.code
                                + "; payouts settle into an account of the same company",
                        List.of(ProblemError.field("settlementAccount", "belongs to another company")));
            }
            return a;
        });
    }
}
