package io.walletrecon.intake;

import io.walletrecon.accounts.AccountService;
import io.walletrecon.accounts.AlipayCredentials;
import io.walletrecon.data.Account;
import io.walletrecon.data.Provider;
import io.walletrecon.security.PublicKeys;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Alipay asynchronous notifications: RSA2 (SHA256withRSA) in {@code sign} over the other parameters (minus
 * {@code sign_type} and empty ones) sorted by key and joined as {@code k=v&k=v} with decoded values, verified with
 * the Alipay public key. Several keys may be configured while one rotates. The event id is {@code notify_id}.
 * Alipay signs no timestamp header, so replays are stopped by the {@code notify_id} unique constraint instead.
 */
@ApplicationScoped
public class AlipayVerifier implements WebhookVerifier {

    private final AccountService accounts;

    public AlipayVerifier(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Provider provider() {
        return Provider.ALIPAY;
    }

    @Override
    public AuthenticEvent verify(Account account, WebhookRequest request) {
        AlipayCredentials credentials = accounts.credentials(account, AlipayCredentials.class);
        Map<String, String> params = AlipayForm.parse(request.body());
        verify(credentials.alipayPublicKeys(), params);
        if (credentials.appId() != null && params.containsKey("app_id") && !credentials.appId().equals(params.get("app_id"))) {
            throw new WebhookRejectedException(RejectionReason.UNKNOWN_ACCOUNT,
                    "the notification is for another Alipay app than the one configured for this account");
        }
        String id = params.get("notify_id");
        return new AuthenticEvent(id != null && !id.isBlank() ? id : "sha256:" + Signatures.sha256Hex(request.body()),
                params.get("trade_status"), WebhookVerifier.keep(request, "content-type"));
    }

    public void verify(List<String> publicKeys, Map<String, String> params) {
        String sign = params.get("sign");
        if (sign == null || sign.isBlank()) {
            throw new WebhookRejectedException(RejectionReason.MISSING_HEADERS, "parameter sign is required");
        }
        String signType = params.getOrDefault("sign_type", "RSA2");
        if (!signType.equals("RSA2")) {
            throw new WebhookRejectedException(RejectionReason.BAD_SIGNATURE, "sign_type " + signType + " is not accepted; only RSA2");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(sign.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException(RejectionReason.MALFORMED, "parameter sign is not base64");
        }
        byte[] content = AlipayForm.signingString(params).getBytes(AlipayForm.charset(params.get("charset")));
        for (String key : publicKeys) {
            if (Signatures.sha256WithRsa(PublicKeys.parseRsa(key), content, signature)) {
                return;
            }
        }
        throw new WebhookRejectedException(RejectionReason.BAD_SIGNATURE, "sign does not verify with any configured Alipay public key");
    }
}
