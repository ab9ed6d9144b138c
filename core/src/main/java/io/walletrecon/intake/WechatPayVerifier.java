package io.walletrecon.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.accounts.WechatPayCredentials;
import io.walletrecon.data.Account;
import io.walletrecon.data.Provider;
import io.walletrecon.security.PublicKeys;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayOutputStream;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

/**
 * WeChat Pay API v3 notifications: SHA256withRSA over {@code "<Wechatpay-Timestamp>\n<Wechatpay-Nonce>\n<raw body>\n"},
 * verified with the platform public key (certificate or "WeChat Pay public key") whose serial is
 * {@code Wechatpay-Serial}. Decrypting the resource is the normaliser's job: a notification that verifies but
 * does not decrypt is still authentic and is kept.
 */
@ApplicationScoped
public class WechatPayVerifier implements WebhookVerifier {

    private final Clock clock;
    private final AccountService accounts;

    public WechatPayVerifier(@IntakeClock Clock clock, AccountService accounts) {
        this.clock = clock;
        this.accounts = accounts;
    }

    @Override
    public Provider provider() {
        return Provider.WECHATPAY;
    }

    @Override
    public AuthenticEvent verify(Account account, WebhookRequest request) {
        Map<String, String> keys = accounts.credentials(account, WechatPayCredentials.class).platformPublicKeys();
        verify(keys, request.require("wechatpay-serial"), request.require("wechatpay-timestamp"),
                request.require("wechatpay-nonce"), request.require("wechatpay-signature"), request.body());
        JsonNode event = EventJson.tryParse(request.body());
        String id = EventJson.text(event, "id");
        return new AuthenticEvent(id != null ? id : "sha256:" + Signatures.sha256Hex(request.body()),
                EventJson.text(event, "event_type"),
                WebhookVerifier.keep(request, "wechatpay-serial", "wechatpay-timestamp", "wechatpay-nonce",
                        "wechatpay-signature", "wechatpay-signature-type", "content-type"));
    }

    public void verify(Map<String, String> keysBySerial, String serial, String timestamp, String nonce,
            String signature, byte[] body) {
        String pem = keysBySerial == null ? null : keysBySerial.get(serial);
        if (pem == null) {
            throw new WebhookRejectedException(RejectionReason.UNKNOWN_SERIAL,
                    "Wechatpay-Serial " + serial + " is not a platform key configured for this account");
        }
        PublicKey key = PublicKeys.parseRsa(pem);
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException(RejectionReason.MALFORMED, "Wechatpay-Signature is not base64");
        }
        ByteArrayOutputStream message = new ByteArrayOutputStream(body.length + 64);
        message.writeBytes(Signatures.utf8(timestamp + "\n" + nonce + "\n"));
        message.writeBytes(body);
        message.write('\n');
        if (!Signatures.sha256WithRsa(key, message.toByteArray(), sig)) {
            throw new WebhookRejectedException(RejectionReason.BAD_SIGNATURE,
                    "Wechatpay-Signature does not verify with the platform key " + serial);
        }
        Signatures.checkTimestamp(timestamp, clock, "Wechatpay-Timestamp");
    }
}
