package io.walletrecon.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.walletrecon.data.Account;
import io.walletrecon.data.Provider;
import io.walletrecon.transactions.TransactionStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Our own event shape for providers that sign with Standard Webhooks (documented in docs/intake.md):
 * {@code type} is {@code payment.<status>} or {@code payout.<status>} with status one of pending, succeeded,
 * failed, refunded, partially_refunded; {@code data.id}, {@code data.amount} (integer minor units),
 * {@code data.currency}, {@code data.occurred_at} (RFC 3339) are required; {@code data.fee}, {@code data.refunded}
 * (cumulative), {@code data.payer.kind}/{@code data.payer.id}, {@code data.reference}, {@code data.description}
 * are optional. The top-level {@code timestamp} stands in for a missing {@code data.occurred_at}.
 */
@ApplicationScoped
public class StandardNormaliser implements WebhookNormaliser {

    @Override
    public Provider provider() {
        return Provider.STANDARD;
    }

    @Override
    public Normalised normalise(Account account, byte[] body) {
        JsonNode event = EventJson.parse(body);
        String type = EventJson.requireText(event, "", "type");
        int dot = type.indexOf('.');
        String kind = dot > 0 ? type.substring(0, dot) : type;
        if (!kind.equals("payment") && !kind.equals("payout")) {
            throw new UnprocessableEventException(
                    "event type '" + type + "' is not understood; expected payment.<status> or payout.<status>");
        }
        TransactionStatus status;
        try {
            status = TransactionStatus.fromCode(type.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEventException("event type '" + type
                    + "' has an unknown status; expected one of pending, succeeded, failed, refunded, partially_refunded");
        }
        JsonNode data = EventJson.object(event, "data");
        if (data == null) {
            throw new UnprocessableEventException("data is missing");
        }
        String id = EventJson.requireText(data, "data.", "id");
        long amount = EventJson.requireMinor(data, "data.", "amount");
        String currency = Currencies.iso(EventJson.requireText(data, "data.", "currency"));
        Instant occurred = instant(EventJson.text(data, "occurred_at"), "data.occurred_at");
        if (occurred == null) {
            occurred = instant(EventJson.text(event, "timestamp"), "timestamp");
        }
        if (occurred == null) {
            throw new UnprocessableEventException("data.occurred_at is missing");
        }
        Long refunded = EventJson.optionalMinor(data, "data.", "refunded");
        if ((status == TransactionStatus.REFUNDED || status == TransactionStatus.PARTIALLY_REFUNDED)
                && refunded == null) {
            refunded = status == TransactionStatus.REFUNDED ? amount : null;
            if (refunded == null) {
                throw new UnprocessableEventException(
                        "data.refunded (the cumulative refunded amount) is required for " + type);
            }
        }
        boolean payout = kind.equals("payout");
        TransactionFacts facts = new TransactionFacts(id, kind, payout ? "out" : "in", amount,
                EventJson.optionalMinor(data, "data.", "fee"), refunded, currency, status, null, null, null, null,
                payout ? id : null, occurred, null);
        JsonNode payer = EventJson.object(data, "payer");
        return Normalised.of(facts.withPayer(EventJson.text(payer, "kind"), EventJson.text(payer, "id"))
                .withReference(EventJson.text(data, "reference"), EventJson.text(data, "description")));
    }

    private static Instant instant(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnprocessableEventException(field + " '" + text + "' is not an RFC 3339 date-time with offset");
        }
    }
}
