package io.walletrecon.reports.payouts;

import java.math.BigInteger;
import java.util.Locale;

/**
 * What a payout (Stripe payout, Alipay 提现, WeChat Pay 结算) is made of, in minor units of its currency, after the
 * convention of the providers' payout reconciliation reports:
 * <pre>
 * net = gross − fees − refunds − disputes + adjustments
 * </pre>
 * Each item the payout contains falls into exactly one {@link Component} by its kind; an item's own fee always counts
 * under fees, and the refunded part of a payment that no refund row shows under refunds. So the components add up to
 * the items' signed amounts less their fees, exactly: the net is what the items brought in, and {@code difference} is
 * the payout's amount less that net (0 when the payout pays out exactly what it contains).
 */
public record PayoutBreakdown(BigInteger gross, BigInteger fees, BigInteger refunds, BigInteger disputes,
        BigInteger adjustments) {

    public static final PayoutBreakdown NONE = new PayoutBreakdown(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
            BigInteger.ZERO, BigInteger.ZERO);

    /**
     * Where an item of a payout counts. Money in is positive: a payment adds its amount to gross; a refund, a fee row
     * and a dispute (a Stripe dispute, its balance transaction's source a {@code dp_}/{@code du_} object) count what
     * they took out under their own heading; any other adjustment is added as it is signed.
     */
    public enum Component {
        GROSS, FEES, REFUNDS, DISPUTES, ADJUSTMENTS;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The component of an item of {@code kind} whose provider id is {@code providerId} (null when none). */
        public static Component of(String kind, String providerId) {
            return switch (kind) {
                case "payment" -> GROSS;
                case "refund" -> REFUNDS;
                case "fee" -> FEES;
                default -> isDispute(providerId) ? DISPUTES : ADJUSTMENTS;
            };
        }

        static boolean isDispute(String providerId) {
            return providerId != null && (providerId.startsWith("dp_") || providerId.startsWith("du_"));
        }

        /**
         * {@link #of} in SQL over an item's {@code kind} and {@code provider_id} columns (of alias {@code i}), so the
         * database sums by the same rule.
         */
        static String sql() {
            return """
                    (case when i.kind = 'payment' then '%s' when i.kind = 'refund' then '%s' when i.kind = 'fee' then '%s'
                          when i.provider_id like 'dp\\_%%' or i.provider_id like 'du\\_%%' then '%s' else '%s' end)"""
                    .formatted(GROSS.code(), REFUNDS.code(), FEES.code(), DISPUTES.code(), ADJUSTMENTS.code());
        }
    }

    /** One item's part: its signed amount (money in positive), its fee and a payment's refunded part with no row. */
    public static PayoutBreakdown of(Component component, long signedMinor, long feeMinor, long refundWithoutRow) {
        BigInteger signed = BigInteger.valueOf(signedMinor);
        BigInteger zero = BigInteger.ZERO;
        BigInteger out = signed.negate();
        return new PayoutBreakdown(component == Component.GROSS ? signed : zero,
                (component == Component.FEES ? out : zero).add(BigInteger.valueOf(feeMinor)),
                (component == Component.REFUNDS ? out : zero).add(BigInteger.valueOf(refundWithoutRow)),
                component == Component.DISPUTES ? out : zero, component == Component.ADJUSTMENTS ? signed : zero);
    }

    public PayoutBreakdown plus(PayoutBreakdown o) {
        return new PayoutBreakdown(gross.add(o.gross), fees.add(o.fees), refunds.add(o.refunds),
                disputes.add(o.disputes), adjustments.add(o.adjustments));
    }

    /** gross − fees − refunds − disputes + adjustments. */
    public BigInteger net() {
        return gross.subtract(fees).subtract(refunds).subtract(disputes).add(adjustments);
    }

    /** The payout's amount less the net of what it contains: what its items do not explain. */
    public BigInteger difference(long payoutMinor) {
        return BigInteger.valueOf(payoutMinor).subtract(net());
    }
}
