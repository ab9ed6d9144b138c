package io.walletrecon.accounts;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * Alipay: the app id and the Alipay public keys (not the app's own key) that verify notifications; optionally the
 * merchant's partner id ({@code sellerId}, 2088...), which notifications naming a seller must then name.
 */
@RegisterForReflection
public record AlipayCredentials(String appId, List<String> alipayPublicKeys, String sellerId) {
}
