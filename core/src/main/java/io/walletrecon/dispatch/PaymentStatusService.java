package io.walletrecon.dispatch;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.walletrecon.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Final status of submitted payments, from whichever side learns it first: the provider's callback (through the
 * webhook intake) or polling ({@link PaymentPoller}). Both end in {@link #apply}, one state machine. Repeated and
 * out-of-order reports are harmless: the same outcome twice changes nothing, a report the state machine does not
 * allow (completed after failed) is ignored, logged, and raised as an alert when it means money moved.
 */
@ApplicationScoped
public class PaymentStatusService {

    private static final Logger LOG = Logger.getLogger(PaymentStatusService.class);

    private final PaymentOrderRepository orders;
    private final AlertService alerts;

    public PaymentStatusService(PaymentOrderRepository orders, AlertService alerts) {
        this.orders = orders;
        this.alerts = alerts;
    }

    /**
     * What a status report did to the order. {@code applied} is false for a repeat, a disallowed move or a mismatch.
     */
    @RegisterForReflection
    public record StatusChange(long paymentId, String from, String to, boolean applied) {
    }

    /**
     * For the webhook intake: a provider's signed report about money sent from the account it was signed for. The
     * order is found by (that account, the channel of its provider, the provider's object id), or, for an order whose
     * object id we never learned (its answer was lost), by our payment id the object carries, within that account.
     * The report must name the order's amount and currency: when it does not, nothing changes and an alert is raised.
     * Runs in its own transaction (or joins the caller's). Null when no order of that account matches.
     */
    @WithTransaction
    public Uni<StatusChange> onProviderReport(ProviderReport report) {
        return orders.lockByProviderId(report.accountId(), report.channel(), report.providerObjectId())
                .chain(o -> o != null || report.paymentOrderId() == null
                        ? Uni.createFrom().item(o)
                        : orders.lockInAccount(report.paymentOrderId(), report.accountId(), report.channel()))
                .chain(o -> o == null
                        ? Uni.createFrom().nullItem()
                        : settle(o, report.providerObjectId(), report.amountMinor(), report.currency(),
                                report.outcome(), report.detail(), "provider"));
    }

    /**
     * Applies what the provider says about object {@code objectId} to order {@code o}, unless the object is not this
     * order's (another object id, amount or currency): then an alert and no change. A null outcome means the provider
     * has the payment and it is not final yet (an unknown outcome becomes submitted again).
     */
    Uni<StatusChange> settle(PaymentOrder o, String objectId, Long amountMinor, String currency,
            ProviderOutcome outcome, String detail,
            String actor) {
        String mismatch = mismatch(o, objectId, amountMinor, currency);
        if (mismatch != null) {
            LOG.warnf("payment %d: provider report not applied: %s", o.id, mismatch);
            return alerts
                    .raise("CALLBACK_MISMATCH", o.id,
                            "A provider report about payment " + o.id + " was not applied: " + mismatch + " (" + detail
                                    + ")")
                    .replaceWith(new StatusChange(o.id, o.state, o.state, false));
        }
        if (o.providerPaymentId == null) {
            o.providerPaymentId = objectId;
        }
        if (outcome == null) {
            return o.state() == PaymentState.UNKNOWN
                    ? apply(o, PaymentState.SUBMITTED, detail, actor)
                    : Uni.createFrom().item(new StatusChange(o.id, o.state, o.state, false));
        }
        // A payout reported failed after it was paid has come back from the beneficiary's bank.
        PaymentState to = outcome == ProviderOutcome.FAILED && o.state() == PaymentState.COMPLETED
                ? PaymentState.RETURNED
                : outcome.state();
        return apply(o, to, detail, actor);
    }

    /**
     * Why a report about {@code objectId} is not about order {@code o}, or null. A report that omits the amount is not
     * checked on it.
     */
    static String mismatch(PaymentOrder o, String objectId, Long amountMinor, String currency) {
        if (o.providerPaymentId != null && !o.providerPaymentId.equals(objectId)) {
            return "the payment is " + o.providerPaymentId + " at the provider, the report is about " + objectId;
        }
        if ((currency != null && !o.currency.equals(currency))
                || (amountMinor != null && o.amountMinor != amountMinor)) {
            return "the report says " + amount(amountMinor, currency) + ", the payment is "
                    + amount(o.amountMinor, o.currency);
        }
        return null;
    }

    private static String amount(Long minor, String currency) {
        try {
            return Money.ofMinor(minor, currency).toString();
        } catch (RuntimeException e) {
            return minor + " (minor units) " + currency;
        }
    }

    private Uni<StatusChange> apply(PaymentOrder o, PaymentState to, String detail, String actor) {
        PaymentState from = o.state();
        if (from == to) {
            return Uni.createFrom().item(new StatusChange(o.id, from.code(), to.code(), false));
        }
        if (!PaymentStateMachine.allows(from, to)) {
            LOG.warnf("payment %d is %s; ignoring provider report %s (%s)", o.id, from.code(), to.code(), detail);
            Uni<Void> conflict = to == PaymentState.COMPLETED && from == PaymentState.FAILED
                    ? alerts.raise("PAYMENT_OUTCOME_CONFLICT", o.id,
                            "Payment " + o.id + " is failed here, but the provider reports it paid ("
                                    + detail + "): money left; do not re-issue it, and check any re-issued payment")
                    : Uni.createFrom().voidItem();
            return conflict.replaceWith(new StatusChange(o.id, from.code(), to.code(), false));
        }
        o.state = to.code();
        o.updatedAt = Instant.now();
        if (to.isFinal()) {
            o.finishedAt = o.updatedAt;
        }
        if (to == PaymentState.FAILED || to == PaymentState.RETURNED) {
            o.failureReason = detail;
        }
        Uni<Void> alert = to == PaymentState.FAILED || to == PaymentState.RETURNED
                ? alerts.raise("PAYMENT_FAILED", o.id, "Payment " + o.id + " " + to.code() + ": " + detail)
                : Uni.createFrom().voidItem();
        return orders.history(o.id, from, to, actor, detail).chain(() -> alert)
                .replaceWith(new StatusChange(o.id, from.code(), to.code(), true));
    }

    /** One order's status, as polling learned it, in a transaction of its own. */
    Uni<StatusChange> polled(long paymentId, PaymentProvider.Found found) {
        String detail = "polled: " + found.providerPaymentId() + " " + found.providerStatus();
        return Panache.withTransaction(() -> orders.lock(paymentId)
                .chain(o -> settle(o, found.providerPaymentId(), found.amountMinor(), found.currency(), found.outcome(),
                        detail, "poller")));
    }
}
