package io.walletrecon.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.data.Account;
import io.walletrecon.money.Money;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creating payment orders: idempotent per caller and key, one order per occurrence of a recurrence, each routed by its
 * company's approval policy (approved and scheduled at once, or to approvers) unless it is held as a possible
 * duplicate. The orders, their jobs and alerts are written first; their audit rows last, in the same transaction.
 * Deciding on orders is {@link PaymentApprovalService}; reading them {@link PaymentViews}.
 */
@ApplicationScoped
public class PaymentService {

    public static final Set<String> TYPES = PaymentRequestRules.TYPES;

    private final PaymentOrderRepository orders;
    private final AccountService accounts;
    private final Beneficiaries beneficiaries;
    private final PaymentPolicyService policies;
    private final PaymentTransitions transitions;
    private final AlertService alerts;
    private final PaymentViews views;
    private final AuditLog audit;
    private final Recurrences recurrences;
    private final ObjectMapper json;

    public PaymentService(PaymentOrderRepository orders, AccountService accounts, Beneficiaries beneficiaries,
            PaymentPolicyService policies,
            PaymentTransitions transitions, AlertService alerts, PaymentViews views, AuditLog audit,
            DispatchConfig config,
            ObjectMapper json) {
        this.orders = orders;
        this.accounts = accounts;
        this.beneficiaries = beneficiaries;
        this.policies = policies;
        this.transitions = transitions;
        this.alerts = alerts;
        this.views = views;
        this.audit = audit;
        this.recurrences = Recurrences.of(config);
        this.json = json;
    }

    /** The order (the first of a series) as first created for this key, and whether this answer is a replay. */
    public record Created(PaymentView view, boolean replayed) {
    }

    /** What one create request makes: its orders, and the audit rows recorded after the last of them. */
    private record Creation(PaymentRequests.Create request, PaymentRequestRules.Validated valid, String actor,
            PendingAudit audits) {
    }

    @WithTransaction
    public Uni<Created> create(PaymentRequests.Create request, String idempotencyKey, String actor) {
        PaymentRequestRules.checkKey(idempotencyKey);
        Creation c = new Creation(request, PaymentRequestRules.check(request), actor, new PendingAudit());
        String hash = sha256(request);
        return orders.takeKey(actor, idempotencyKey, hash)
                .chain(keyId -> keyId == null
                        ? replay(actor, idempotencyKey, hash)
                        : createOrders(c)
                                .chain(views::view)
                                .call(view -> orders.saveResponse(keyId, view.id(), write(view)))
                                .call(() -> c.audits().recordAll(audit))
                                .map(view -> new Created(view, false)));
    }

    private Uni<Created> replay(String actor, String key, String hash) {
        return orders.storedKey(actor, key).map(stored -> {
            if (!stored.requestSha256().equals(hash)) {
                throw ApiException.unprocessable(
                        "The idempotency key '" + key + "' was already used for a different payment request;"
                                + " use a new key for a new payment",
                        List.of(ProblemError.field("Idempotency-Key", "reused with a different body")));
            }
            return new Created(read(stored.responseBody()), true);
        });
    }

    private Uni<Long> createOrders(Creation c) {
        return accounts.require(c.request().account()).chain(account -> {
            PaymentRequestRules.checkAccount(account, c.request(), c.valid());
            List<LocalDate> dates = dates(account, c.request());
            return beneficiaries.of(account.companyId, c.request().beneficiary(), c.valid().beneficiaryKind())
                    .chain(ben -> policies.policyOf(account.companyId, c.valid().amount().currencyCode())
                            .chain(policy -> createSeries(c, account, dates, ben, policy)));
        });
    }

    private List<LocalDate> dates(Account account, PaymentRequests.Create r) {
        LocalDate today = LocalDate.now(account.zone());
        List<LocalDate> dates = recurrences.dates(
                PaymentRequestRules.firstExecution(account, r.executeOn(), account.zone(), today), r.recurrence());
        if (dates.isEmpty()) {
            throw ApiException.invalid("recurrence has no occurrence before its until date",
                    List.of(ProblemError.field("recurrence.until", "is before the first occurrence")));
        }
        return dates;
    }

    /**
     * One order per date, then the alerts about the first: a new beneficiary, a large amount. Answers the first order's
     * id.
     */
    private Uni<Long> createSeries(Creation c, Account account, List<LocalDate> dates, Beneficiaries.Beneficiary ben,
            PaymentPolicy policy) {
        List<PaymentOrder> created = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (LocalDate date : dates) {
            chain = chain.chain(
                    () -> createOne(c, account, date, ben, created.isEmpty() ? null : created.get(0).id, policy)
                            .invoke(created::add).replaceWithVoid());
        }
        return chain.chain(() -> {
            PaymentOrder first = created.get(0);
            if (created.size() > 1) {
                first.seriesId = first.id;
            }
            return firstOrderAlerts(c, account, ben, policy, first).chain(() -> Panache.flush()).replaceWith(first.id);
        });
    }

    private Uni<Void> firstOrderAlerts(Creation c, Account account, Beneficiaries.Beneficiary ben, PaymentPolicy policy,
            PaymentOrder first) {
        Money amount = c.valid().amount();
        String name = c.request().beneficiary().name();
        Uni<Void> alerted = Uni.createFrom().voidItem();
        if (ben.isNew()) {
            alerted = alerted.chain(() -> alerts.raise("NEW_BENEFICIARY", first.id,
                    "First payment to beneficiary " + ben.masked() + " (" + name + "): "
                            + amount + " from " + account.code));
        }
        if (policy.isLarge(amount.minorUnits())) {
            alerted = alerted.chain(() -> alerts.raise("LARGE_AMOUNT", first.id,
                    "Payment " + first.id + " of " + amount + " to " + name
                            + " is above the large-amount threshold "
                            + Money.ofMinor(policy.largeAmountMinor(), policy.currency())));
        }
        return alerted;
    }

    private Uni<PaymentOrder> createOne(Creation c, Account account, LocalDate date, Beneficiaries.Beneficiary ben,
            Long seriesId, PaymentPolicy policy) {
        PaymentOrder p = newOrder(c, account, date, ben.id(), seriesId, policy);
        if ("bank_account".equals(c.valid().beneficiaryKind())) {
            p.beneficiaryAccountName = beneficiaries.sealAccountName(c.request().beneficiary().accountName(),
                    ben.key());
        }
        return orders.persist(p)
                .call(o -> orders.history(o.id, null, PaymentState.DRAFT, c.actor(), null))
                .invoke(o -> c.audits().add(c.actor(), "payment.created", "payment_order", o.id, null, auditDetails(o)))
                .call(o -> orders.duplicateOf(o)
                        .chain(duplicate -> duplicate == null
                                ? transitions.route(o, PaymentState.DRAFT)
                                : holdAsDuplicate(o, duplicate, c.audits())));
    }

    private Uni<Void> holdAsDuplicate(PaymentOrder o, PaymentOrderRepository.Duplicate duplicate, PendingAudit audits) {
        String why = "identical to payment " + duplicate.id() + " (same beneficiary, amount and reference)"
                + (duplicate.state() == PaymentState.UNKNOWN
                        ? ", whose outcome at the provider is not known yet"
                        : " within 24 hours");
        audits.add(PaymentTransitions.POLICY_ACTOR, "payment.held", "payment_order", o.id,
                HoldReason.POSSIBLE_DUPLICATE.code(), why);
        return transitions
                .hold(o, PaymentState.DRAFT, HoldReason.POSSIBLE_DUPLICATE, PaymentTransitions.POLICY_ACTOR, why)
                .chain(() -> alerts.raise("POSSIBLE_DUPLICATE", o.id, "Payment " + o.id + " is held: " + why));
    }

    private static PaymentOrder newOrder(Creation c, Account account, LocalDate date, long beneficiaryId, Long seriesId,
            PaymentPolicy policy) {
        PaymentRequests.Create r = c.request();
        PaymentOrder p = new PaymentOrder();
        p.type = r.type();
        p.accountId = account.id;
        p.beneficiaryId = beneficiaryId;
        p.beneficiaryName = r.beneficiary().name();
        p.beneficiaryBankCode = r.beneficiary().bankCode();
        p.idempotencyKey = OutboundPayment.newIdempotencyKey(account.code);
        p.amountMinor = c.valid().amount().minorUnits();
        p.currency = c.valid().amount().currencyCode();
        p.reference = r.reference();
        p.refundOf = r.refundOf();
        p.executeOn = date;
        Instant startOfDay = date.atStartOfDay(account.zone()).toInstant();
        p.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        p.dueAt = startOfDay.isAfter(p.createdAt) ? startOfDay : p.createdAt;
        p.recurrence = Recurrences.describe(r.recurrence());
        p.seriesId = seriesId;
        p.state = PaymentState.DRAFT.code();
        p.approvalsRequired = policy.approvalsRequired(p.amountMinor);
        p.channel = c.valid().channel();
        p.createdBy = c.actor();
        p.updatedAt = p.createdAt;
        return p;
    }

    private static Map<String, Object> auditDetails(PaymentOrder o) {
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

    private String write(PaymentView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PaymentView read(String stored) {
        try {
            return json.readValue(stored, PaymentView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored response of an idempotency key is not a payment", e);
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
