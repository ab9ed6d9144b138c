package io.walletrecon.customers;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A collection code and the payment link its QR image encodes. */
@RegisterForReflection
public record CollectionCodeView(String code, long customerId, Long receivableId, String link) {
}
