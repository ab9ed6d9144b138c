package io.walletrecon.dispatch;

import java.util.UUID;

/**
 * What an adapter needs to send one order. {@code idempotencyKey} is the order's stored key: every send of the order
 * carries it, so a re-send can only repeat the first request.
 */
public record OutboundPayment(long paymentId, String type, long amountMinor, String currency, String reference,
        String destination, String refundOf, String idempotencyKey) {

    /**
     * A new order's key, {@code <account code>.<uuid>}: namespaced by its account's code, made unique by a random
     * part, so that two accounts, two installations sharing a provider account, or ids reused after a database restore
     * never share a key. Only characters that need no escaping anywhere (header, form, URL).
     */
    public static String newIdempotencyKey(String accountCode) {
        return accountCode + "." + UUID.randomUUID();
    }
}
