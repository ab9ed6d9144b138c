package io.walletrecon.customers;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A collection code, the payment link its QR image encodes, and the customer's payment page (code, QR, amount due,
 * how to pay; opens without signing in) to send or print.
 */
@RegisterForReflection
public record CollectionCodeView(String code, long customerId, Long receivableId, String link, String page) {
}
