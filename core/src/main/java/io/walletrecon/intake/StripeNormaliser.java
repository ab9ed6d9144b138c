package io.walletrecon.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.walletrecon.data.Account;
import io.walletrecon.data.Provider;
import io.walletrecon.transactions.TransactionStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Stripe events to canonical transactions. A payment is keyed by its PaymentIntent id, so that
 * {@code payment_intent.*} and the {@code charge.refunded} of its charge land on the same row; amounts are already
 * in the currency's minor unit. The merchant reference is {@code metadata.reference} (or {@code order_id}),
 * falling back to the description.
 */
@ApplicationScoped
public class StripeNormaliser implements WebhookNormaliser {

    @Override
    public Provider provider() {
        return Provider.STRIPE;
    }

    @Override
    public Normalised normalise(Account account, byte[] body) {
        JsonNode event = EventJson.parse(body);
        String type = EventJson.requireText(event, "", "type");
        JsonNode object = EventJson.object(EventJson.object(event, "data"), "object");
        if (object == null) {
            throw new UnprocessableEventException("data.object is missing");
        }
        Instant created = event.hasNonNull("created") ? Instant.ofEpochSecond(event.get("created").asLong()) : null;
        return switch (type) {
            case "payment_intent.succeeded" ->
                Normalised.of(paymentIntent(object, TransactionStatus.SUCCEEDED, created));
            case "payment_intent.payment_failed", "payment_intent.canceled" ->
                Normalised.of(paymentIntent(object, TransactionStatus.FAILED, created));
            case "payment_intent.created", "payment_intent.processing", "payment_intent.requires_action" ->
                Normalised.of(paymentIntent(object, TransactionStatus.PENDING, created));
            case "charge.refunded" -> Normalised.of(chargeRefunded(object, created));
            case "payout.paid" -> Normalised.of(payout(object, TransactionStatus.SUCCEEDED, created))
                    .withPaymentOrderId(paymentOrderId(object));
            case "payout.failed", "payout.canceled" -> Normalised.of(payout(object, TransactionStatus.FAILED, created))
                    .withPaymentOrderId(paymentOrderId(object));
            case "refund.created", "refund.updated", "refund.failed", "charge.refund.updated" ->
                Normalised.of(refund(object, created)).withPaymentOrderId(paymentOrderId(object));
            default -> throw new UnprocessableEventException("Stripe event type '" + type + "' is not normalised yet");
        };
    }

    private static TransactionFacts paymentIntent(JsonNode pi, TransactionStatus status, Instant created) {
        long amount = EventJson.requireMinor(pi, "data.object.", "amount");
        Long received = EventJson.optionalMinor(pi, "data.object.", "amount_received");
        if (status == TransactionStatus.SUCCEEDED && received != null && received > 0) {
            amount = received;
        }
        return TransactionFacts.payment(EventJson.requireText(pi, "data.object.", "id"), amount,
                Currencies.iso(EventJson.text(pi, "currency")), status, occurred(pi, created))
                .withPayer("stripe_customer", EventJson.text(pi, "customer"))
                .withReference(reference(pi), EventJson.text(pi, "description"));
    }

    private static TransactionFacts chargeRefunded(JsonNode charge, Instant created) {
        long amount = EventJson.requireMinor(charge, "data.object.", "amount");
        long refunded = EventJson.requireMinor(charge, "data.object.", "amount_refunded");
        String paymentIntent = EventJson.text(charge, "payment_intent");
        String id = paymentIntent != null ? paymentIntent : EventJson.requireText(charge, "data.object.", "id");
        TransactionStatus status = refunded >= amount
                ? TransactionStatus.REFUNDED
                : TransactionStatus.PARTIALLY_REFUNDED;
        return TransactionFacts
                .payment(id, amount, Currencies.iso(EventJson.text(charge, "currency")), status,
                        occurred(charge, created))
                .withPayer("stripe_customer", EventJson.text(charge, "customer"))
                .withReference(reference(charge), EventJson.text(charge, "description"))
                .withRefunded(refunded);
    }

    private static TransactionFacts payout(JsonNode payout, TransactionStatus status, Instant created) {
        String id = EventJson.requireText(payout, "data.object.", "id");
        Instant at = payout.hasNonNull("arrival_date")
                ? Instant.ofEpochSecond(payout.get("arrival_date").asLong())
                : occurred(payout, created);
        return new TransactionFacts(id, "payout", "out", EventJson.requireMinor(payout, "data.object.", "amount"), null,
                null,
                Currencies.iso(EventJson.text(payout, "currency")), status, null, null, null,
                EventJson.text(payout, "description"), id, at, null);
    }

    /**
     * A refund object on its own: its own row (kind refund, out) under the payment it refunds. The payment's
     * refunded total comes from {@code charge.refunded}, which carries it; this row is what tells dispatch that a
     * refund it sent has succeeded or failed.
     */
    private static TransactionFacts refund(JsonNode refund, Instant created) {
        String id = EventJson.requireText(refund, "data.object.", "id");
        String state = EventJson.requireText(refund, "data.object.", "status");
        TransactionStatus status = switch (state) {
            case "succeeded" -> TransactionStatus.SUCCEEDED;
            case "pending", "requires_action" -> TransactionStatus.PENDING;
            case "failed", "canceled" -> TransactionStatus.FAILED;
            default -> throw new UnprocessableEventException("refund status '" + state + "' is not understood");
        };
        String payment = EventJson.text(refund, "payment_intent") != null
                ? EventJson.text(refund, "payment_intent")
                : EventJson.text(refund, "charge");
        return new TransactionFacts(id, "refund", "out", EventJson.requireMinor(refund, "data.object.", "amount"), null,
                null,
                Currencies.iso(EventJson.text(refund, "currency")), status, null, null, reference(refund),
                EventJson.text(refund, "reason"), null, occurred(refund, created), payment);
    }

    /**
     * Our payment order id, which dispatch puts into {@code metadata[payment_id]} of every payout and refund it sends.
     */
    private static Long paymentOrderId(JsonNode object) {
        String id = EventJson.text(EventJson.object(object, "metadata"), "payment_id");
        return id != null && id.matches("[1-9][0-9]{0,17}") ? Long.valueOf(id) : null;
    }

    private static Instant occurred(JsonNode object, Instant eventCreated) {
        if (eventCreated != null) {
            return eventCreated;
        }
        return object.hasNonNull("created") ? Instant.ofEpochSecond(object.get("created").asLong()) : null;
    }

    private static String reference(JsonNode object) {
        JsonNode metadata = EventJson.object(object, "metadata");
        String ref = EventJson.text(metadata, "reference");
        if (ref == null) {
            ref = EventJson.text(metadata, "order_id");
        }
        return ref != null ? ref : EventJson.text(object, "description");
    }
}
