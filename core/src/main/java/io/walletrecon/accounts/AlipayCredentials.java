package io.walletrecon.accounts;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** Alipay: the app id and the Alipay public keys (not the app's own key) that verify notifications. */
@RegisterForReflection
public record AlipayCredentials(String appId, List<String> alipayPublicKeys) {
}
