package io.walletrecon.dispatch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Typed configuration under {@code walletrecon.dispatch.*}; secrets arrive as environment variables. */
@ConfigMapping(prefix = "walletrecon.dispatch")
public interface DispatchConfig {

    /** How often the server's scheduler runs the dispatch cycle (env WALLETRECON_DISPATCH_EVERY). */
    @WithDefault("10s")
    String every();

    /**
     * The server's cycle starts new batches for at most this long. The payment-dispatch Lambda uses its remaining
     * time instead (less {@link #safetyMargin()}), and sizes every batch to end before it.
     */
    @WithDefault("PT40S")
    Duration cycleBudget();

    /** Orders claimed per dispatcher run. */
    @WithDefault("200")
    int batchSize();

    /** Provider calls in flight at once per dispatcher. */
    @WithDefault("16")
    int concurrency();

    /**
     * The shortest lease of a claimed job; after it a crashed dispatcher's job is claimed again. The lease of a batch
     * is longer when the batch needs it: every provider call timing out ({@link DispatchTiming}).
     */
    @WithDefault("PT2M")
    Duration lease();

    /**
     * Sends per order, the first included (transient errors only; a 4xx other than 429 fails at once). When the last
     * one is ambiguous the order becomes unknown, never failed.
     */
    @WithDefault("6")
    int maxAttempts();

    /**
     * Re-sends of an order stop this long after its first send, whatever the count: Stripe may forget an idempotency
     * key 24 hours after it was first used, and would then execute the same request a second time. After it: poll.
     */
    @WithDefault("PT23H")
    Duration resendWindow();

    /** Kept free before a hard deadline (a Lambda's timeout) and added to every lease. */
    @WithDefault("PT10S")
    Duration safetyMargin();

    @WithDefault("PT2S")
    Duration backoffBase();

    @WithDefault("PT10M")
    Duration backoffMax();

    /** When a payment held for low balance is looked at again. */
    @WithDefault("PT5M")
    Duration balanceRecheck();

    /** Recurring orders are generated at creation up to this many days ahead (and at most max-occurrences). */
    @WithDefault("366")
    int recurrenceHorizonDays();

    @WithDefault("24")
    int maxOccurrences();

    /** Defaults when a currency has no row in payment_policies: everything needs one approval, above this two. */
    @WithDefault("100000000")
    long defaultDualLimitMinor();

    Stripe stripe();

    BankFile bankFile();

    Alerts alerts();

    Poll poll();

    interface Stripe {
        @WithDefault("https://api.stripe.com")
        String baseUrl();

        /** Secret key (sk_...); env WALLETRECON_DISPATCH_STRIPE_API_KEY. */
        Optional<String> apiKey();

        @WithDefault("PT10S")
        Duration timeout();
    }

    interface BankFile {
        /** Directory the bank's connector (银企联 client, SFTP sync) picks pain.001 files up from. */
        @WithDefault("${java.io.tmpdir}/walletrecon-bank-out")
        String directory();

        /** Debtor agent BIC written into the file when the account has none configured. */
        @WithDefault("NOTPROVIDED")
        String debtorAgentBic();
    }

    interface Alerts {
        /** Where alerts are POSTed; no URL means alerts stay in the table only. */
        Optional<String> webhookUrl();

        /** Standard Webhooks secret, whsec_<base64>; env WALLETRECON_DISPATCH_ALERTS_WEBHOOK_SECRET. */
        Optional<String> webhookSecret();

        @WithDefault("8")
        int maxAttempts();

        @WithDefault("PT5S")
        Duration backoffBase();

        @WithDefault("PT5S")
        Duration timeout();
    }

    interface Poll {
        /** A submitted order is asked about again after this long without a callback. */
        @WithDefault("PT10M")
        Duration after();

        @WithDefault("100")
        int batchSize();

        /**
         * An order whose outcome is unknown is searched for at the provider for this long after its first send; then a
         * person decides.
         */
        @WithDefault("P7D")
        Duration unknownFor();

        /** Pages of 100 objects one search for an unknown outcome reads at most (Stripe lists newest first). */
        @WithDefault("10")
        int maxSearchPages();
    }
}
