package io.walletrecon.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.accounts.WechatPayCredentials;
import io.walletrecon.data.Account;
import io.walletrecon.data.Provider;
import io.walletrecon.transactions.TransactionStatus;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * WeChat Pay v3 notifications: the {@code resource} is decrypted with AEAD_AES_256_GCM (key = the account's
 * 32-byte APIv3 key, IV = {@code nonce}, AAD = {@code associated_data}, tag = last 16 bytes of the ciphertext).
 * {@code TRANSACTION.*} carries a payment keyed by {@code transaction_id} with amounts in fen; {@code REFUND.*}
 * carries one refund (not a running total), stored as its own row under the payment it refunds. The resource must
 * name this account's merchant ({@link #checkMerchant}).
 */
@ApplicationScoped
public class WechatPayNormaliser implements WebhookNormaliser {

    private final AccountService accounts;

    public WechatPayNormaliser(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Provider provider() {
        return Provider.WECHATPAY;
    }

    @Override
    public Normalised normalise(Account account, byte[] body) {
        JsonNode event = EventJson.parse(body);
        String type = EventJson.requireText(event, "", "event_type");
        JsonNode resource = EventJson.object(event, "resource");
        if (resource == null) {
            throw new UnprocessableEventException("resource is missing");
        }
        WechatPayCredentials credentials = accounts.credentials(account, WechatPayCredentials.class);
        JsonNode plain = EventJson.parse(decrypt(credentials.apiV3Key(), resource));
        checkMerchant(credentials.merchantId(), plain);
        Instant created = time(EventJson.text(event, "create_time"), "create_time");
        if (type.startsWith("TRANSACTION.")) {
            return Normalised.of(transaction(plain, account, created));
        }
        if (type.startsWith("REFUND.")) {
            return refund(plain, account, created);
        }
        throw new UnprocessableEventException("WeChat Pay event type '" + type + "' is not normalised yet");
    }

    /**
     * The decrypted resource names the merchant it is about ({@code mchid}; a service provider's notifications name
     * {@code sp_mchid} and {@code sub_mchid}): it must be this account's. Platform keys and APIv3 keys can be shared by
     * a service provider's merchants, so decrypting is not proof of whose event it is. A resource naming no merchant
     * is kept as unprocessable for a person to look at.
     */
    static void checkMerchant(String merchantId, JsonNode resource) {
        List<String> claimed = new ArrayList<>();
        for (String field : List.of("mchid", "sp_mchid", "sub_mchid")) {
            String value = EventJson.text(resource, field);
            if (value != null && !value.isBlank()) {
                claimed.add(value);
            }
        }
        if (claimed.isEmpty()) {
            throw new UnprocessableEventException(
                    "the resource names no merchant (mchid), so it cannot be bound to this account");
        }
        if (!claimed.contains(merchantId)) {
            throw new WebhookRejectedException(RejectionReason.WRONG_MERCHANT,
                    "the notification is for merchant " + String.join("/", claimed) + ", not this account's merchant");
        }
    }

    /** AEAD_AES_256_GCM as WeChat Pay v3 specifies it. */
    public static byte[] decrypt(String apiV3Key, JsonNode resource) {
        String algorithm = EventJson.text(resource, "algorithm");
        if (algorithm != null && !algorithm.equals("AEAD_AES_256_GCM")) {
            throw new UnprocessableEventException("resource.algorithm " + algorithm + " is not supported");
        }
        String nonce = EventJson.requireText(resource, "resource.", "nonce");
        String ciphertext = EventJson.requireText(resource, "resource.", "ciphertext");
        String aad = EventJson.text(resource, "associated_data");
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(apiV3Key.getBytes(StandardCharsets.UTF_8), "AES"),
                    new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
            if (aad != null) {
                cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            }
            return cipher.doFinal(Base64.getDecoder().decode(ciphertext));
        } catch (AEADBadTagException e) {
            throw new UnprocessableEventException(
                    "resource does not decrypt with the account's APIv3 key (check credentials.apiV3Key, then replay)");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnprocessableEventException("resource cannot be decrypted: "
                    + e.getClass().getSimpleName().replace("Exception", "").toLowerCase());
        }
    }

    private static TransactionFacts transaction(JsonNode txn, Account account, Instant created) {
        String state = EventJson.requireText(txn, "resource.", "trade_state");
        TransactionStatus status = switch (state) {
            // REFUND: paid, and a refund has started; the refund's own notification moves it on
            case "SUCCESS", "REFUND" -> TransactionStatus.SUCCEEDED;
            case "NOTPAY", "USERPAYING", "ACCEPT" -> TransactionStatus.PENDING;
            case "CLOSED", "REVOKED", "PAYERROR" -> TransactionStatus.FAILED;
            default -> throw new UnprocessableEventException("trade_state '" + state + "' is not understood");
        };
        JsonNode amount = EventJson.object(txn, "amount");
        String currency = Currencies.iso(
                EventJson.text(amount, "currency") != null ? EventJson.text(amount, "currency") : account.currency);
        Instant at = time(EventJson.text(txn, "success_time"), "success_time");
        return TransactionFacts.payment(EventJson.requireText(txn, "resource.", "transaction_id"),
                EventJson.requireMinor(amount, "resource.amount.", "total"), currency, status,
                at != null ? at : created)
                .withPayer("wechat_openid", EventJson.text(EventJson.object(txn, "payer"), "openid"))
                .withReference(EventJson.text(txn, "out_trade_no"), EventJson.text(txn, "attach"));
    }

    private static Normalised refund(JsonNode refund, Account account, Instant created) {
        String state = EventJson.requireText(refund, "resource.", "refund_status");
        TransactionStatus refundStatus = switch (state) {
            case "SUCCESS" -> TransactionStatus.SUCCEEDED;
            case "PROCESSING" -> TransactionStatus.PENDING;
            case "CLOSED", "ABNORMAL" -> TransactionStatus.FAILED;
            default -> throw new UnprocessableEventException("refund_status '" + state + "' is not understood");
        };
        JsonNode amount = EventJson.object(refund, "amount");
        String currency = Currencies.iso(
                EventJson.text(amount, "currency") != null ? EventJson.text(amount, "currency") : account.currency);
        String paymentId = EventJson.requireText(refund, "resource.", "transaction_id");
        Instant at = time(EventJson.text(refund, "success_time"), "success_time");
        TransactionFacts row = new TransactionFacts(EventJson.requireText(refund, "resource.", "refund_id"), "refund",
                "out",
                EventJson.requireMinor(amount, "resource.amount.", "refund"), null, null, currency, refundStatus, null,
                null,
                EventJson.text(refund, "out_refund_no"), EventJson.text(refund, "user_received_account"), null,
                at != null ? at : created, paymentId);
        // a refund exists only for a paid order: the payment is created (or advanced) as succeeded if we missed it
        TransactionFacts payment = TransactionFacts
                .payment(paymentId, EventJson.requireMinor(amount, "resource.amount.", "total"),
                        currency, TransactionStatus.SUCCEEDED, created != null ? created : row.occurredAt())
                .withReference(EventJson.text(refund, "out_trade_no"), null);
        return new Normalised(row, payment);
    }

    private static Instant time(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnprocessableEventException(field + " '" + text + "' is not an RFC 3339 time");
        }
    }
}
