package io.walletrecon.intake;

import io.walletrecon.data.Account;
import io.walletrecon.data.Provider;
import io.walletrecon.transactions.TransactionStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Map;

/**
 * Alipay {@code trade_status_sync} notifications. Amounts are yuan decimals ({@code total_amount},
 * {@code refund_fee} = the cumulative refunded amount), converted exactly; times carry no zone and are Beijing time.
 * {@code TRADE_CLOSED} with money refunded is a full refund, without is an unpaid order that was closed.
 */
@ApplicationScoped
public class AlipayNormaliser implements WebhookNormaliser {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter();

    @Override
    public Provider provider() {
        return Provider.ALIPAY;
    }

    @Override
    public Normalised normalise(Account account, byte[] body) {
        Map<String, String> p = AlipayForm.parse(body);
        String state = p.get("trade_status");
        if (state == null || state.isBlank()) {
            throw new UnprocessableEventException(
                    "notification type '" + p.get("notify_type") + "' carries no trade_status");
        }
        String currency = Currencies.iso(p.getOrDefault("currency", "CNY"));
        long total = Currencies.decimalToMinor(p.get("total_amount"), currency, "total_amount");
        Long refunded = p.get("refund_fee") == null || p.get("refund_fee").isBlank()
                ? null
                : Currencies.decimalToMinor(p.get("refund_fee"), currency, "refund_fee");
        boolean anyRefund = refunded != null && refunded > 0;
        TransactionStatus status = switch (state) {
            case "WAIT_BUYER_PAY" -> TransactionStatus.PENDING;
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> anyRefund
                    ? (refunded >= total ? TransactionStatus.REFUNDED : TransactionStatus.PARTIALLY_REFUNDED)
                    : TransactionStatus.SUCCEEDED;
            case "TRADE_CLOSED" -> anyRefund ? TransactionStatus.REFUNDED : TransactionStatus.FAILED;
            default -> throw new UnprocessableEventException("trade_status '" + state + "' is not understood");
        };
        Instant at = first(p, "gmt_payment", "gmt_close", "gmt_create", "notify_time");
        if (at == null) {
            throw new UnprocessableEventException("none of gmt_payment, gmt_close, gmt_create, notify_time is present");
        }
        String tradeNo = p.get("trade_no");
        if (tradeNo == null || tradeNo.isBlank()) {
            throw new UnprocessableEventException("trade_no is missing");
        }
        return Normalised.of(TransactionFacts.payment(tradeNo, total, currency, status, at)
                .withPayer("alipay_buyer_id", p.get("buyer_id"))
                .withReference(p.get("out_trade_no"), p.get("body") != null ? p.get("body") : p.get("subject"))
                .withRefunded(refunded));
    }

    private static Instant first(Map<String, String> p, String... fields) {
        for (String field : fields) {
            String value = p.get(field);
            if (value != null && !value.isBlank()) {
                try {
                    return LocalDateTime.parse(value.trim(), TIME).atZone(BEIJING).toInstant();
                } catch (DateTimeParseException e) {
                    throw new UnprocessableEventException(field + " '" + value + "' is not yyyy-MM-dd HH:mm:ss");
                }
            }
        }
        return null;
    }
}
