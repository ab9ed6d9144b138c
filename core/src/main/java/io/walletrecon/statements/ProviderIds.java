package io.walletrecon.statements;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids a provider's bill line carries beside its {@code provider_txn_id}, under the provider's own names, kept in
 * {@code statement_lines.details}. Together with {@link #RECORD_KEY_SQL} they are the provider-id model (the table in
 * docs/design/provider-ids.md): which id of a bill line is the id our records (the notifications) key the same
 * payment or refund on.
 */
public final class ProviderIds {

    /**
     * Stripe: the PaymentIntent ({@code pi_}) of a charge ({@code ch_}/{@code py_}) or of the payment a refund
     * undoes.
     */
    public static final String PAYMENT_INTENT_ID = "payment_intent_id";
    /** Stripe: the charge ({@code ch_}/{@code py_}) of a balance transaction, when the report names it. */
    public static final String CHARGE_ID = "charge_id";
    /** WeChat Pay 微信退款单号 and Stripe's refund ({@code re_}): the refund's own id. */
    public static final String REFUND_ID = "refund_id";
    /** WeChat Pay 商户退款单号: the merchant's refund number. */
    public static final String OUT_REFUND_NO = "out_refund_no";
    /** Alipay 退款批次号/请求号: the merchant's refund request number. */
    public static final String OUT_REQUEST_NO = "out_request_no";

    /**
     * The id our records key a bill line {@code l} on: a refund line by its refund id (WeChat Pay bills name the
     * refunded payment in 微信订单号 and the refund in 微信退款单号), any other line by its PaymentIntent when it has one
     * (Stripe notifications are keyed by {@code pi_}, the balance report by the charge), else by its provider
     * transaction id. {@code %1$s} is the line's alias. The expression is indexed ({@code V15}): keep it identical.
     */
    public static final String RECORD_KEY_SQL = "(case when %1$s.kind = 'refund' "
            + "then coalesce(%1$s.details ->> 'refund_id', %1$s.provider_txn_id) "
            + "else coalesce(%1$s.details ->> 'payment_intent_id', %1$s.provider_txn_id) end)";

    /**
     * True when the line {@code %1$s} is on a trade bill, not on an account-flow bill (Alipay 账务明细, WeChat Pay
     * 资金账单). An account-flow bill lists the same payments again, with fee and withdrawal rows, and a balance after
     * each: it is the provider's balance, while payments are matched against the trade bill. Without this, a payment
     * on both would meet two lines and match neither.
     */
    public static final String TRADE_LINE_SQL = "not exists (select 1 from statements flow_st where flow_st.id = "
            + "%1$s.statement_id and flow_st.format in ('alipay-flow', 'wechatpay-flow'))";

    private ProviderIds() {
    }

    /** {@link #TRADE_LINE_SQL} over the line alias {@code alias}. */
    public static String tradeLine(String alias) {
        return TRADE_LINE_SQL.formatted(alias);
    }

    /** The record key expression over the line alias {@code alias}. */
    public static String recordKey(String alias) {
        return RECORD_KEY_SQL.formatted(alias);
    }

    /** The non-empty ids of {@code nameValuePairs} (name, value, name, value, ...), in order; null when none. */
    static Map<String, String> of(String... nameValuePairs) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            String value = nameValuePairs[i + 1];
            if (value != null && !value.isBlank()) {
                ids.put(nameValuePairs[i], value);
            }
        }
        return ids.isEmpty() ? null : ids;
    }
}
