package io.walletrecon.accounts;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;

/**
 * WeChat Pay API v3: the merchant id, the 32-character APIv3 key that decrypts notification resources, and the
 * platform public keys (certificates or "WeChat Pay public key"), keyed by their serial.
 */
@RegisterForReflection
public record WechatPayCredentials(String merchantId, String apiV3Key, Map<String, String> platformPublicKeys) {
}
