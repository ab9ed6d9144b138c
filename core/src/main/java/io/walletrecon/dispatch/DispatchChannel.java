package io.walletrecon.dispatch;

import io.walletrecon.data.Provider;

import java.util.Arrays;
import java.util.Optional;

/** How an order leaves ({@code payment_orders.channel}), and which kind of account it leaves from. */
public enum DispatchChannel {
    /** Stripe's API (payouts and refunds) from a stripe account. */
    STRIPE("stripe", Provider.STRIPE),
    /** A pain.001 file handed to the bank from a bank account. */
    BANK_FILE("bank_file", Provider.BANK);

    private final String code;
    private final Provider provider;

    DispatchChannel(String code, Provider provider) {
        this.code = code;
        this.provider = provider;
    }

    public String code() {
        return code;
    }

    /** The kind of account an order of this channel is sent from. */
    public Provider provider() {
        return provider;
    }

    public static DispatchChannel of(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown dispatch channel " + code));
    }

    /**
     * The channel whose orders a signed webhook to an account of {@code provider} may settle: Stripe's own events
     * settle Stripe orders. Nothing else: a bank file is settled by the bank (statement, pain.002), never by a wallet
     * provider's or a Standard Webhooks event.
     */
    public static Optional<DispatchChannel> settledByWebhooksOf(Provider provider) {
        return provider == Provider.STRIPE ? Optional.of(STRIPE) : Optional.empty();
    }
}
