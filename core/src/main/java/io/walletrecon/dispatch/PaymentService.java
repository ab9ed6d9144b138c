package io.walletrecon.dispatch;

import io.walletrecon.data.Paging;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.companies.CompanyService;
import io.walletrecon.data.Account;
import io.walletrecon.data.PageView;
import io.walletrecon.data.Provider;
import io.walletrecon.money.Money;
import io.walletrecon.money.MoneyFormatException;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.ProblemType;
import io.walletrecon.problem.Validation;
import io.walletrecon.security.KeyService;
import io.walletrecon.security.Person;
import io.walletrecon.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Payment orders from request to scheduled: creation (idempotent per caller and key), the approval policy with
 * maker-checker, rejection, cancellation and the release of holds. Every change is audited in its transaction;
 * approving a payment writes its dispatch job (the outbox) in the same transaction.
 */
@ApplicationScoped
public class PaymentService {

    private static final Logger LOG = Logger.getLogger(PaymentService.class);

    public static final Set<String> TYPES = Set.of("refund", "payout", "supplier_payment");
    static final String POLICY_ACTOR = "policy";
    /** Associated data of a beneficiary's encrypted account number: binds the ciphertext to its row's key. */
    static final String BENEFICIARY_ACCOUNT_CONTEXT = "beneficiaries.account:";

    /**
     * An earlier order for the same beneficiary, amount, currency and reference that may have paid or may still pay:
     * any not cancelled within 24 hours, every order whose outcome at the provider is unknown, and failed orders that
     * had an ambiguous attempt (the provider may have acted on it). Answers {@code id|state}.
     */
    static final String DUPLICATE_OF = """
            select p.id || '|' || p.state from payment_orders p where p.beneficiary_id = ?1 and p.amount_minor = ?2 and p.currency = ?3
              and p.reference = ?4 and p.id <> ?5 and (p.series_id is null or p.series_id <> ?6)
              and (p.created_at > now() - interval '24 hours' or p.state = 'unknown') and p.state <> 'cancelled'
              and (p.state <> 'failed' or exists (select 1 from payment_attempts a where a.payment_id = p.id and a.outcome in ('ambiguous', 'crashed')))
            order by p.state = 'unknown' desc, p.id limit 1
            """;

    private final PaymentOrderRepository orders;
    private final AccountService accounts;
    private final CompanyService companies;
    private final PaymentPolicyService policies;
    private final AlertService alerts;
    private final AuditLog audit;
    private final KeyService keys;
    private final DispatchConfig config;
    private final ObjectMapper json;
    private final Paging paging;

    public PaymentService(PaymentOrderRepository orders, AccountService accounts, CompanyService companies, PaymentPolicyService policies,
                          AlertService alerts, AuditLog audit, KeyService keys, DispatchConfig config, ObjectMapper json, Paging paging) {
        this.paging = paging;
        this.orders = orders;
        this.accounts = accounts;
        this.companies = companies;
        this.policies = policies;
        this.alerts = alerts;
        this.audit = audit;
        this.keys = keys;
        this.config = config;
        this.json = json;
    }

    /** The response of POST /payments: the JSON first produced for this key, and whether this is a replay. */
    public record Created(String body, boolean replayed) {
    }

    @WithTransaction
    public Uni<Created> create(PaymentRequests.Create request, String idempotencyKey, String actor) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw ApiException.invalid("Idempotency-Key header is required (1 to 255 characters)",
                    List.of(ProblemError.field("Idempotency-Key", "is required (1 to 255 characters)")));
        }
        Validated v = validate(request);
        String hash = sha256(request);
        // Insert the key first: a concurrent request with the same key waits here on the unique index until this
        // transaction ends, then finds the stored response instead of creating a second order.
        return SessionSql.list("insert into payment_idempotency_keys (actor, idempotency_key, request_sha256) values (?1, ?2, ?3)"
                        + " on conflict (actor, idempotency_key) do nothing returning id", Long.class, actor, idempotencyKey, hash)
                .chain(inserted -> {
                    if (inserted.isEmpty()) {
                        return replay(actor, idempotencyKey, hash);
                    }
                    long keyId = inserted.get(0);
                    return createOrders(request, v, actor)
                            .chain(firstId -> view(firstId, true))
                            .chain(view -> {
                                String body = write(view);
                                return SessionSql.update("update payment_idempotency_keys set payment_id = ?1, response_body = ?2 where id = ?3",
                                        view.id(), body, keyId).replaceWith(new Created(body, false));
                            });
                });
    }

    private Uni<Created> replay(String actor, String key, String hash) {
        return SessionSql.first("select request_sha256 || '|' || coalesce(response_body, '') from payment_idempotency_keys where actor = ?1 and idempotency_key = ?2",
                String.class, actor, key).map(row -> {
            int bar = row.indexOf('|');
            if (!row.substring(0, bar).equals(hash)) {
                throw ApiException.unprocessable("Idempotency-Key '" + key + "' was already used with a different request body;"
                        + " use a new key for a new payment", List.of(ProblemError.field("Idempotency-Key", "reused with a different body")));
            }
            return new Created(row.substring(bar + 1), true);
        });
    }

    private record Validated(Money amount, String channel, String beneficiaryKind) {
    }

    private Validated validate(PaymentRequests.Create r) {
        List<ProblemError> errors = new ArrayList<>();
        if (!TYPES.contains(r.type())) {
            errors.add(ProblemError.field("type", "must be one of payout, refund, supplier_payment"));
        }
        Money amount = null;
        try {
            Money.currency(r.currency());
            if ((r.amount() == null) == (r.amountMinor() == null)) {
                errors.add(ProblemError.field("amount", "give exactly one of amount (decimal string) or amountMinor (integer minor units)"));
            } else {
                amount = r.amount() != null ? Money.parse(r.amount(), r.currency()) : Money.ofMinor(r.amountMinor(), r.currency());
                if (amount.minorUnits() <= 0) {
                    errors.add(ProblemError.field(r.amount() != null ? "amount" : "amountMinor", "must be positive"));
                }
            }
        } catch (MoneyFormatException e) {
            errors.add(ProblemError.field(isCurrency(r.currency()) ? (r.amount() != null ? "amount" : "amountMinor") : "currency", e.getMessage()));
        }
        var b = r.beneficiary();
        String kind = null;
        if (b != null) {
            boolean wallet = b.walletIdentity() != null && !b.walletIdentity().isBlank();
            boolean bank = b.bankAccount() != null && !b.bankAccount().isBlank();
            if (wallet == bank) {
                errors.add(ProblemError.field("beneficiary", "give exactly one of walletIdentity or bankAccount"));
            } else {
                kind = wallet ? "wallet" : "bank_account";
                if (bank && !b.bankAccount().matches("[A-Za-z0-9]{4,34}")) {
                    errors.add(ProblemError.field("beneficiary.bankAccount", "must be an IBAN or account number of 4 to 34 letters and digits"));
                }
                if (b.bankCode() != null && !b.bankCode().matches("[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
                    errors.add(ProblemError.field("beneficiary.bankCode", "must be a BIC (8 or 11 characters)"));
                }
            }
        }
        String channel = null;
        if ("supplier_payment".equals(r.type())) {
            channel = DispatchChannel.BANK_FILE.code();
            if ("wallet".equals(kind)) {
                errors.add(ProblemError.field("beneficiary", "a supplier payment goes to a bankAccount"));
            }
        } else if (TYPES.contains(r.type())) {
            channel = DispatchChannel.STRIPE.code();
            if ("bank_account".equals(kind)) {
                errors.add(ProblemError.field("beneficiary", "a " + r.type() + " goes to a walletIdentity (Stripe destination or customer)"));
            }
            if ("refund".equals(r.type()) && (r.refundOf() == null || r.refundOf().isBlank())) {
                errors.add(ProblemError.field("refundOf", "is required for a refund: the charge or payment intent to refund"));
            }
        }
        var rec = r.recurrence();
        if (rec != null) {
            switch (rec.frequency() == null ? "" : rec.frequency()) {
                case "MONTHLY" -> {
                    if (rec.dayOfMonth() == null || rec.dayOfMonth() < 1 || rec.dayOfMonth() > 28) {
                        errors.add(ProblemError.field("recurrence.dayOfMonth", "must be 1 to 28 for a monthly recurrence"));
                    }
                }
                case "WEEKLY" -> {
                    try {
                        DayOfWeek.valueOf(String.valueOf(rec.dayOfWeek()));
                    } catch (IllegalArgumentException e) {
                        errors.add(ProblemError.field("recurrence.dayOfWeek", "must be MONDAY to SUNDAY for a weekly recurrence"));
                    }
                }
                default -> errors.add(ProblemError.field("recurrence.frequency", "must be MONTHLY or WEEKLY"));
            }
        }
        Validation.refuseIfAny(errors);
        return new Validated(amount, channel, kind);
    }

    private static boolean isCurrency(String code) {
        try {
            Money.currency(code);
            return true;
        } catch (MoneyFormatException e) {
            return false;
        }
    }

    private Uni<Long> createOrders(PaymentRequests.Create r, Validated v, String actor) {
        return accounts.require(r.account()).chain(account -> {
            checkAccount(account, r, v);
            ZoneId zone = account.zone();
            LocalDate today = LocalDate.now(zone);
            LocalDate start = r.executeOn() == null ? today : r.executeOn();
            if (start.isBefore(today)) {
                throw ApiException.invalid("executeOn " + start + " is in the past for account " + account.code + " (today is " + today + " in " + zone + ")",
                        List.of(ProblemError.field("executeOn", "must be today or later")));
            }
            List<LocalDate> dates = occurrences(start, r.recurrence());
            if (dates.isEmpty()) {
                throw ApiException.invalid("recurrence has no occurrence before its until date",
                        List.of(ProblemError.field("recurrence.until", "is before the first occurrence")));
            }
            return beneficiary(account.companyId, r.beneficiary(), v.beneficiaryKind()).chain(ben -> policies.policyOf(account.companyId, v.amount().currencyCode()).chain(policy -> {
                List<PaymentOrder> created = new ArrayList<>();
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (LocalDate date : dates) {
                    chain = chain.chain(() -> createOne(r, v, actor, account, date, ben.id(), created.isEmpty() ? null : created.get(0).id, policy)
                            .invoke(created::add).replaceWithVoid());
                }
                return chain.chain(() -> {
                    PaymentOrder first = created.get(0);
                    List<Uni<Void>> after = new ArrayList<>();
                    if (ben.isNew()) {
                        after.add(alerts.raise("NEW_BENEFICIARY", first.id, "First payment to beneficiary " + ben.masked() + " (" + r.beneficiary().name() + "): "
                                + v.amount() + " from " + account.code));
                    }
                    if (policy.isLarge(v.amount().minorUnits())) {
                        after.add(alerts.raise("LARGE_AMOUNT", first.id, "Payment " + first.id + " of " + v.amount() + " to " + r.beneficiary().name()
                                + " is above the large-amount threshold " + Money.ofMinor(policy.largeAmountMinor(), policy.currency())));
                    }
                    return (after.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(after).andFailFast().replaceWithVoid())
                            .invoke(() -> {
                                if (created.size() > 1) {
                                    first.seriesId = first.id;
                                }
                            })
                            .chain(() -> Panache.flush())
                            .replaceWith(first.id);
                });
            }));
        });
    }

    private static void checkAccount(Account account, PaymentRequests.Create r, Validated v) {
        if (!account.currency.equals(v.amount().currencyCode())) {
            throw ApiException.invalid("Account " + account.code + " holds " + account.currency + ", not " + v.amount().currencyCode(),
                    List.of(ProblemError.field("currency", "must be the account's currency " + account.currency)));
        }
        Provider needed = DispatchChannel.of(v.channel()).provider();
        if (account.provider != needed) {
            throw ApiException.unprocessable("A " + r.type() + " is sent from a " + needed.name().toLowerCase(Locale.ROOT) + " account; "
                    + account.code + " is a " + account.provider.name().toLowerCase(Locale.ROOT) + " account and has no dispatch adapter for it",
                    List.of(ProblemError.field("account", "must be a " + needed.name().toLowerCase(Locale.ROOT) + " account")));
        }
    }

    List<LocalDate> occurrences(LocalDate start, PaymentRequests.Recurrence rec) {
        if (rec == null) {
            return List.of(start);
        }
        LocalDate horizon = start.plusDays(config.recurrenceHorizonDays());
        if (rec.until() != null && rec.until().isBefore(horizon)) {
            horizon = rec.until();
        }
        List<LocalDate> dates = new ArrayList<>();
        if ("MONTHLY".equals(rec.frequency())) {
            LocalDate d = start.withDayOfMonth(rec.dayOfMonth());
            if (d.isBefore(start)) {
                d = d.plusMonths(1);
            }
            for (; !d.isAfter(horizon) && dates.size() < config.maxOccurrences(); d = d.plusMonths(1)) {
                dates.add(d);
            }
        } else {
            LocalDate d = start.with(TemporalAdjusters.nextOrSame(DayOfWeek.valueOf(rec.dayOfWeek())));
            for (; !d.isAfter(horizon) && dates.size() < config.maxOccurrences(); d = d.plusWeeks(1)) {
                dates.add(d);
            }
        }
        return dates;
    }

    private record Ben(long id, boolean isNew, String masked) {
    }

    /** The paying company's beneficiary (first-payment alerts, duplicate checks and daily limits are per company). */
    private Uni<Ben> beneficiary(long companyId, PaymentRequests.Beneficiary b, String kind) {
        String key;
        String masked;
        byte[] ciphertext = null;
        if ("wallet".equals(kind)) {
            key = b.walletIdentity().trim();
            masked = key;
        } else {
            String number = b.bankAccount().toUpperCase(Locale.ROOT);
            key = keys.lookupHash(number);
            masked = "****" + number.substring(number.length() - 4);
            ciphertext = keys.encrypt(number.getBytes(StandardCharsets.UTF_8), BENEFICIARY_ACCOUNT_CONTEXT + key);
        }
        return SessionSql.list("insert into beneficiaries (company_id, kind, beneficiary_key, name, masked, account_ciphertext, bank_code)"
                        + " values (?7, ?1, ?2, ?3, ?4, ?5, ?6) on conflict (company_id, kind, beneficiary_key) do nothing returning id", Long.class,
                        kind, key, b.name(), masked, ciphertext, b.bankCode() == null ? "" : b.bankCode(), companyId)
                .chain(ids -> !ids.isEmpty() ? Uni.createFrom().item(new Ben(ids.get(0), true, masked))
                        : SessionSql.first("select id from beneficiaries where company_id = ?1 and kind = ?2 and beneficiary_key = ?3", Long.class,
                        companyId, kind, key).map(id -> new Ben(id, false, masked)));
    }

    private Uni<PaymentOrder> createOne(PaymentRequests.Create r, Validated v, String actor, Account account, LocalDate date,
                                        long beneficiaryId, Long seriesId, PaymentPolicy policy) {
        PaymentOrder p = new PaymentOrder();
        p.type = r.type();
        p.accountId = account.id;
        p.beneficiaryId = beneficiaryId;
        p.beneficiaryName = r.beneficiary().name();
        p.beneficiaryBankCode = r.beneficiary().bankCode();
        p.idempotencyKey = OutboundPayment.newIdempotencyKey(account.code);
        p.amountMinor = v.amount().minorUnits();
        p.currency = v.amount().currencyCode();
        p.reference = r.reference();
        p.refundOf = r.refundOf();
        p.executeOn = date;
        Instant startOfDay = date.atStartOfDay(account.zone()).toInstant();
        p.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        p.dueAt = startOfDay.isAfter(p.createdAt) ? startOfDay : p.createdAt;
        p.recurrence = describe(r.recurrence());
        p.seriesId = seriesId;
        p.state = PaymentState.DRAFT.code();
        p.approvalsRequired = policy.approvalsRequired(p.amountMinor);
        p.channel = v.channel();
        p.createdBy = actor;
        p.updatedAt = p.createdAt;
        return orders.persist(p)
                .call(o -> history(o.id, null, PaymentState.DRAFT, actor, null))
                .call(o -> audit.record(actor, "payment.created", "payment_order", o.id, null, auditDetails(o, r)))
                .call(o -> SessionSql.first(DUPLICATE_OF, String.class, o.beneficiaryId, o.amountMinor, o.currency, o.reference, o.id,
                                seriesId == null ? -1L : seriesId)
                        .chain(duplicateOf -> {
                            if (duplicateOf != null) {
                                String why = duplicateOf.endsWith("|unknown")
                                        ? "identical to payment " + duplicateOf.substring(0, duplicateOf.indexOf('|'))
                                        + " (same beneficiary, amount and reference), whose outcome at the provider is not known yet"
                                        : "identical to payment " + duplicateOf.substring(0, duplicateOf.indexOf('|'))
                                        + " (same beneficiary, amount and reference) within 24 hours";
                                return hold(o, PaymentState.DRAFT, HoldReason.POSSIBLE_DUPLICATE.code(), POLICY_ACTOR, why)
                                        .call(() -> alerts.raise("POSSIBLE_DUPLICATE", o.id, "Payment " + o.id + " is held: " + why));
                            }
                            return route(o, PaymentState.DRAFT);
                        }));
    }

    private static Map<String, Object> auditDetails(PaymentOrder o, PaymentRequests.Create r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", o.type);
        d.put("amountMinor", o.amountMinor);
        d.put("currency", o.currency);
        d.put("reference", o.reference);
        d.put("beneficiaryId", o.beneficiaryId);
        d.put("executeOn", o.executeOn.toString());
        d.put("approvalsRequired", o.approvalsRequired);
        return d;
    }

    private static String describe(PaymentRequests.Recurrence rec) {
        if (rec == null) {
            return null;
        }
        return "MONTHLY".equals(rec.frequency()) ? "monthly on day " + rec.dayOfMonth() : "weekly on " + rec.dayOfWeek();
    }

    /** After creation or a duplicate release: straight to scheduled when the policy approves it at once, else to approvers. */
    private Uni<Void> route(PaymentOrder o, PaymentState from) {
        if (o.approvalsRequired == 0) {
            return transition(o, from, PaymentState.APPROVED, POLICY_ACTOR, "at or below the auto-approval limit")
                    .chain(() -> schedule(o, POLICY_ACTOR));
        }
        return transition(o, from, PaymentState.PENDING_APPROVAL, POLICY_ACTOR,
                o.approvalsRequired == 1 ? "needs one approval" : "above the dual limit: needs two approvals by different people");
    }

    /** APPROVED → SCHEDULED and the dispatch job, in the caller's transaction (the transactional outbox). */
    private Uni<Void> schedule(PaymentOrder o, String actor) {
        return transition(o, PaymentState.APPROVED, PaymentState.SCHEDULED, actor, "dispatch job written, due " + o.dueAt)
                .chain(() -> SessionSql.update("insert into dispatch_jobs (payment_id, channel, status, due_at) values (?1, ?2, 'pending', ?3)"
                        + " on conflict (payment_id) do update set status = 'pending', due_at = excluded.due_at, updated_at = now()",
                        o.id, o.channel, o.dueAt))
                .replaceWithVoid();
    }

    private Uni<Void> hold(PaymentOrder o, PaymentState from, String reason, String actor, String why) {
        PaymentStateMachine.require(o.id, from, PaymentState.HELD);
        o.holdReason = reason;
        return transition(o, from, PaymentState.HELD, actor, reason + ": " + why)
                .chain(() -> audit.record(actor, "payment.held", "payment_order", o.id, reason, why))
                .replaceWithVoid();
    }

    private Uni<Void> transition(PaymentOrder o, PaymentState from, PaymentState to, String actor, String reason) {
        PaymentStateMachine.require(o.id, from, to);
        o.state = to.code();
        if (to != PaymentState.HELD) {
            o.holdReason = null;
        }
        o.updatedAt = Instant.now();
        if (to.isFinal()) {
            o.finishedAt = o.updatedAt;
        }
        return history(o.id, from, to, actor, reason);
    }

    static Uni<Void> history(long paymentId, PaymentState from, PaymentState to, String actor, String reason) {
        return SessionSql.update("insert into payment_history (payment_id, from_state, to_state, actor, reason) values (?1, cast(?2 as text), ?3, ?4, cast(?5 as text))",
                paymentId, from == null ? null : from.code(), to.code(), actor, reason).replaceWithVoid();
    }

    @WithTransaction
    public Uni<PaymentView> approve(long id, String comment, String actor) {
        return orders.lock(id).chain(o -> {
            PaymentStateMachine.require(o.id, o.state(), PaymentState.APPROVED);
            if (o.state() != PaymentState.PENDING_APPROVAL) {
                throw ApiException.conflict("Payment " + id + " is " + o.state + " and takes no approval");
            }
            if (o.createdBy.equals(actor)) {
                throw new ApiException(ProblemType.FORBIDDEN, "You created payment " + id + "; another person must approve it (maker-checker)");
            }
            return SessionSql.list("insert into payment_approvals (payment_id, decision, approver, comment) values (?1, 'approved', ?2, cast(?3 as text))"
                            + " on conflict (payment_id, approver) do nothing returning id", Long.class, id, actor, comment)
                    .chain(ins -> {
                        if (ins.isEmpty()) {
                            throw ApiException.conflict("You already decided on payment " + id + "; a second approval must come from a different person");
                        }
                        return audit.record(actor, "payment.approved", "payment_order", id, comment, Map.of("amountMinor", o.amountMinor, "currency", o.currency));
                    })
                    .chain(() -> SessionSql.first("select count(*) from payment_approvals where payment_id = ?1 and decision = 'approved'", Long.class, id))
                    .chain(count -> count < o.approvalsRequired
                            ? history(o.id, PaymentState.PENDING_APPROVAL, PaymentState.PENDING_APPROVAL, actor,
                                    "approval " + count + " of " + o.approvalsRequired)
                            : transition(o, PaymentState.PENDING_APPROVAL, PaymentState.APPROVED, actor, "approval " + count + " of " + o.approvalsRequired)
                                    .chain(() -> schedule(o, actor)));
        }).chain(() -> Panache.flush()).chain(() -> view(id, true));
    }

    @WithTransaction
    public Uni<PaymentView> reject(long id, String comment, String actor) {
        if (comment == null || comment.isBlank()) {
            throw ApiException.invalid("comment is required: say why the payment is rejected", List.of(ProblemError.field("comment", "is required")));
        }
        return orders.lock(id).chain(o -> {
            if (o.state() != PaymentState.PENDING_APPROVAL) {
                throw ApiException.conflict("Payment " + id + " is " + o.state + " and cannot be rejected");
            }
            if (o.createdBy.equals(actor)) {
                throw new ApiException(ProblemType.FORBIDDEN, "You created payment " + id + "; cancel it instead of rejecting it");
            }
            return SessionSql.list("insert into payment_approvals (payment_id, decision, approver, comment) values (?1, 'rejected', ?2, ?3)"
                            + " on conflict (payment_id, approver) do nothing returning id", Long.class, id, actor, comment)
                    .chain(ins -> {
                        if (ins.isEmpty()) {
                            throw ApiException.conflict("You already decided on payment " + id);
                        }
                        return transition(o, PaymentState.PENDING_APPROVAL, PaymentState.CANCELLED, actor, "rejected: " + comment);
                    })
                    .chain(() -> audit.record(actor, "payment.rejected", "payment_order", id, comment, null));
        }).chain(() -> Panache.flush()).chain(() -> view(id, true));
    }

    @WithTransaction
    public Uni<PaymentView> cancel(long id, String comment, String actor) {
        // Lock the job before the order, the same order the dispatcher locks them in.
        return SessionSql.list("select payment_id from dispatch_jobs where payment_id = ?1 for update", Long.class, id)
                .chain(() -> orders.lock(id))
                .chain(o -> transition(o, o.state(), PaymentState.CANCELLED, actor, comment)
                        .chain(() -> SessionSql.update("update dispatch_jobs set status = 'done', updated_at = now() where payment_id = ?1", id))
                        .chain(() -> audit.record(actor, "payment.cancelled", "payment_order", id, comment, null)))
                .chain(() -> Panache.flush()).chain(() -> view(id, true));
    }

    /**
     * A person lets a held payment go on: a duplicate to approval, a risk, balance or dispatch-error hold back to
     * dispatch. Duplicate and risk holds guard against the maker: only an approver other than the creator releases
     * them ({@link HoldReason#releasedByChecker()}).
     */
    @WithTransaction
    public Uni<PaymentView> release(long id, String comment, Person person) {
        return SessionSql.list("select payment_id from dispatch_jobs where payment_id = ?1 for update", Long.class, id)
                .chain(() -> orders.lock(id))
                .chain(o -> {
                    if (o.state() != PaymentState.HELD) {
                        throw ApiException.conflict("Payment " + id + " is " + o.state + ", not held; there is nothing to release");
                    }
                    HoldReason reason = HoldReason.of(o.holdReason);
                    checkReleaser(o, reason, comment, person);
                    Uni<Void> next;
                    if (reason == HoldReason.POSSIBLE_DUPLICATE) {
                        next = route(o, PaymentState.HELD);
                    } else {
                        if (reason == HoldReason.RISK) {
                            o.riskCleared = true;
                        }
                        next = transition(o, PaymentState.HELD, PaymentState.SCHEDULED, person.id(), "released from " + reason.code() + ": " + comment)
                                .chain(() -> SessionSql.update("update dispatch_jobs set status = 'pending', due_at = now(), updated_at = now() where payment_id = ?1", id))
                                .replaceWithVoid();
                    }
                    return next.chain(() -> audit.record(person.id(), "payment.released", "payment_order", id, comment,
                            Map.of("holdReason", reason.code(), "createdBy", o.createdBy)));
                })
                .chain(() -> Panache.flush()).chain(() -> view(id, true));
    }

    private static void checkReleaser(PaymentOrder o, HoldReason reason, String comment, Person person) {
        if (!reason.releasedByChecker()) {
            return;
        }
        if (!person.has(Roles.APPROVER)) {
            throw new ApiException(ProblemType.FORBIDDEN, "Payment " + o.id + " is held for " + reason.code()
                    + "; releasing it needs the approver role (maker-checker)");
        }
        if (person.is(o.createdBy)) {
            throw new ApiException(ProblemType.FORBIDDEN, "You created payment " + o.id + "; another approver must release its "
                    + reason.code() + " hold (maker-checker)");
        }
        if (comment == null || comment.isBlank()) {
            throw ApiException.invalid("comment is required: say why the " + reason.code() + " hold may be released",
                    List.of(ProblemError.field("comment", "is required")));
        }
    }

    @WithSession
    public Uni<PaymentView> get(long id) {
        return view(id, true);
    }

    /** Orders by the given filters (each optional), of one company when {@code company} is given. */
    @WithSession
    public Uni<PageView<PaymentView>> list(String company, String state, LocalDate from, LocalDate to, String beneficiary, int page,
                                           Integer requestedSize) {
        int size = paging.size(requestedSize);
        List<ProblemError> errors = new ArrayList<>();
        if (state != null && java.util.Arrays.stream(PaymentState.values()).noneMatch(s -> s.code().equals(state))) {
            errors.add(ProblemError.field("state", "must be one of " + String.join(", ", java.util.Arrays.stream(PaymentState.values()).map(PaymentState::code).toList())));
        }
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(ProblemError.field("from", "must not be after to"));
        }
        paging.check(page, size, errors);
        Validation.refuseIfAny(errors);
        String where = " where (cast(?1 as text) is null or p.state = ?1) and (cast(?2 as date) is null or p.execute_on >= ?2)"
                + " and (cast(?3 as date) is null or p.execute_on <= ?3)"
                + " and (cast(?4 as text) is null or p.beneficiary_name ilike '%' || ?4 || '%' or b.masked = ?4)"
                // An order's beneficiary is its paying account's company's.
                + " and (cast(?5 as bigint) is null or b.company_id = ?5)";
        String pattern = beneficiary == null || beneficiary.isBlank() ? null : beneficiary.replace("%", "\\%").replace("_", "\\_");
        return companies.filter(company, "company").map(c -> c == null ? null : c.id).chain(companyId -> SessionSql.first(
                        "select count(*) from payment_orders p join beneficiaries b on b.id = p.beneficiary_id" + where,
                        Long.class, state, from, to, pattern, companyId)
                .chain(total -> SessionSql.list(viewSql(false) + where + " order by p.execute_on desc, p.id desc limit ?6 offset ?7",
                                String.class, state, from, to, pattern, companyId, size, (long) page * size)
                        .map(rows -> new PageView<>(rows.stream().map(this::parseView).toList(), page, size, total))));
    }

    Uni<PaymentView> view(long id, boolean full) {
        return SessionSql.first(viewSql(full) + " where p.id = ?1", String.class, id).map(row -> {
            if (row == null) {
                throw ApiException.notFound("No payment with id " + id);
            }
            return parseView(row);
        });
    }

    /**
     * The detail view names the beneficiary in full, as this order does: the wallet identity, or the bank account
     * (decrypted in {@link #parseView}) with the order's BIC. Lists show the masked form only.
     */
    static final String BENEFICIARY_IDENTITY = """
            , 'walletIdentity', case when b.kind = 'wallet' then b.beneficiary_key end, 'bankCode', p.beneficiary_bank_code
            , 'accountCiphertext', encode(b.account_ciphertext, 'base64'), 'beneficiaryKey', b.beneficiary_key
            """;

    /** One JSON object per order built by PostgreSQL, so the detail view is one query, not one per collection. */
    static String viewSql(boolean full) {
        String details = full ? """
                , 'approvals', coalesce((select json_agg(json_build_object('decision', x.decision, 'approver', x.approver, 'comment', x.comment,
                      'at', x.decided_at) order by x.id) from payment_approvals x where x.payment_id = p.id), '[]')
                , 'attempts', coalesce((select json_agg(json_build_object('attemptNo', x.attempt_no, 'outcome', x.outcome, 'httpStatus', x.http_status,
                      'providerPaymentId', x.provider_payment_id, 'error', x.error, 'startedAt', x.started_at, 'finishedAt', x.finished_at) order by x.id)
                      from payment_attempts x where x.payment_id = p.id), '[]')
                , 'history', coalesce((select json_agg(json_build_object('from', x.from_state, 'to', x.to_state, 'actor', x.actor, 'reason', x.reason,
                      'at', x.at) order by x.id) from payment_history x where x.payment_id = p.id), '[]')
                , 'occurrenceIds', (select json_agg(x.id order by x.execute_on) from payment_orders x where p.series_id is not null and x.series_id = p.series_id)
                , 'idempotencyKey', p.idempotency_key
                """ : "";
        return """
                select json_build_object('id', p.id, 'type', p.type, 'company', (select c.code from companies c where c.id = a.company_id), 'account', a.code,
                    'beneficiary', json_build_object('id', b.id, 'kind', b.kind, 'name', p.beneficiary_name, 'masked', b.masked
                """ + (full ? BENEFICIARY_IDENTITY : "") + """
                    ),
                    'amountMinor', p.amount_minor, 'currency', p.currency, 'reference', p.reference, 'refundOf', p.refund_of,
                    'executeOn', p.execute_on, 'recurrence', p.recurrence, 'seriesId', p.series_id, 'state', p.state, 'holdReason', p.hold_reason,
                    'approvalsRequired', p.approvals_required, 'channel', p.channel, 'providerPaymentId', p.provider_payment_id,
                    'processedMinor', p.processed_minor, 'failureReason', p.failure_reason, 'createdBy', p.created_by, 'createdAt', p.created_at,
                    'submittedAt', p.submitted_at, 'finishedAt', p.finished_at
                """ + details + """
                )::text from payment_orders p join accounts a on a.id = p.account_id join beneficiaries b on b.id = p.beneficiary_id
                """;
    }

    PaymentView parseView(String row) {
        try {
            ObjectNode node = (ObjectNode) json.readTree(row);
            node.put("amount", Money.ofMinor(node.get("amountMinor").asLong(), node.get("currency").asText()).toDecimalString());
            ObjectNode ben = (ObjectNode) node.get("beneficiary");
            String cipher = ben.path("accountCiphertext").asText(null);
            if (cipher != null) {
                try {
                    ben.put("bankAccount", new String(keys.decrypt(Base64.getMimeDecoder().decode(cipher),
                            BENEFICIARY_ACCOUNT_CONTEXT + ben.get("beneficiaryKey").asText()), StandardCharsets.UTF_8));
                } catch (RuntimeException e) {
                    // A damaged record must not hide the order: it shows without the number; dispatch holds it as DISPATCH_ERROR.
                    LOG.errorf(e, "the bank account of beneficiary %s cannot be decrypted", ben.get("id"));
                }
            }
            ben.remove("accountCiphertext");
            ben.remove("beneficiaryKey");
            return json.treeToValue(node, PaymentView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payment view is not valid JSON", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sha256(PaymentRequests.Create request) {
        try {
            byte[] canonical = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
