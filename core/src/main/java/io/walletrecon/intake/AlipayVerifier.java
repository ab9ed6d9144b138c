package io.walletrecon.intake;

import io.walletrecon.accounts.AccountService;
import io.walletrecon.accounts.AlipayCredentials;
import io.walletrecon.data.Account;
import io.walletrecon.data.Provider;
import io.walletrecon.security.PublicKeys;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Alipay asynchronous notifications: RSA2 (SHA256withRSA) in {@code sign} over the other parameters (minus
 * {@code sign_type} and empty ones) sorted by key and joined as {@code k=v&k=v} with decoded values, verified with
 * the Alipay public key. Several keys may be configured while one rotates. The event id is {@code notify_id}.
 * Alipay has no timestamp header; the signed {@code notify_time} (Beijing time, when the notification was sent)
 * must be within {@link #TOLERANCE} of now: wider than the other providers' 5 minutes because Alipay retries for
 * about 25 hours and does not promise a fresh {@code notify_time} per retry. Within it, replays are stopped by
 * the {@code notify_id} unique constraint. The notification must name the account's {@code app_id} (and its
 * {@code seller_id} when the account has one): a mismatch is refused.
 */
@ApplicationScoped
public class AlipayVerifier implements WebhookVerifier {

    static final Duration TOLERANCE = Duration.ofHours(26);
    private static final DateTimeFormatter NOTIFY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Clock clock;
    private final AccountService accounts;

    public AlipayVerifier(@IntakeClock Clock clock, AccountService accounts) {
        this.clock = clock;
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
        checkFresh(params);
        checkBinding(credentials, params);
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
            throw new WebhookRejectedException(RejectionReason.BAD_SIGNATURE,
                    "sign_type " + signType + " is not accepted; only RSA2");
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
        throw new WebhookRejectedException(RejectionReason.BAD_SIGNATURE,
                "sign does not verify with any configured Alipay public key");
    }

    /**
     * A notification is bound to the app (and, when the account names one, the seller) it claims: Alipay signs every
     * app's notifications with keys that accounts may share, so the signature alone does not say whose it is.
     */
    static void checkBinding(AlipayCredentials credentials, Map<String, String> params) {
        String appId = params.get("app_id");
        if (appId == null || !appId.equals(credentials.appId())) {
            throw new WebhookRejectedException(RejectionReason.WRONG_MERCHANT, appId == null
                    ? "the notification names no app_id"
                    : "the notification is for app " + appId + ", not this account's app");
        }
        String sellerId = params.get("seller_id");
        if (credentials.sellerId() != null && sellerId != null && !sellerId.isBlank()
                && !sellerId.equals(credentials.sellerId())) {
            throw new WebhookRejectedException(RejectionReason.WRONG_MERCHANT,
                    "the notification is for seller " + sellerId + ", not this account's seller");
        }
    }

    /** Checks the signed notify_time; call after {@link #verify(List, Map)}. */
    void checkFresh(Map<String, String> params) {
        String value = params.get("notify_time");
        if (value == null || value.isBlank()) {
            throw new WebhookRejectedException(RejectionReason.MISSING_HEADERS, "parameter notify_time is required");
        }
        Instant sent;
        try {
            sent = LocalDateTime.parse(value.trim(), NOTIFY_TIME).atZone(AlipayNormaliser.BEIJING).toInstant();
        } catch (DateTimeParseException e) {
            throw new WebhookRejectedException(RejectionReason.MALFORMED, "notify_time is not yyyy-MM-dd HH:mm:ss");
        }
        Duration age = Duration.between(sent, clock.instant()).abs();
        if (age.compareTo(TOLERANCE) > 0) {
            throw new WebhookRejectedException(RejectionReason.STALE_TIMESTAMP,
                    "notify_time is " + age.toHours() + " h from now; at most " + TOLERANCE.toHours()
                            + " h is accepted");
        }
    }
}
