package io.walletrecon.receivables;

/**
 * How far short of its amount a receivable may be paid and still count as paid (fees, FX rounding): the larger of
 * {@code absoluteMinor} and {@code bps} basis points of the amount (100 = 1%), in the receivable's minor units. The
 * account's matching settings give it; the same tolerance holds whether a run or a person pays the receivable.
 */
public record PaymentTolerance(long absoluteMinor, int bps) {

    public static final PaymentTolerance NONE = new PaymentTolerance(0, 0);

    public PaymentTolerance {
        if (absoluteMinor < 0 || bps < 0) {
            throw new IllegalArgumentException("a tolerance is not negative");
        }
    }

    /**
     * The allowance on {@code amountMinor}: basis points rounded down to the minor unit, never below the absolute one.
     */
    public long allowance(long amountMinor) {
        return Math.max(absoluteMinor, Math.multiplyExact(amountMinor, (long) bps) / 10_000);
    }
}
