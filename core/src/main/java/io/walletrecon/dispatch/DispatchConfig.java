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

    /** A cycle keeps claiming full batches for at most this long (keep it below the Lambda timeout). */
    @WithDefault("PT40S")
    Duration cycleBudget();

    /** Orders claimed per dispatcher run. */
    @WithDefault("200")
    int batchSize();

    /** Provider calls in flight at once per dispatcher. */
    @WithDefault("16")
    int concurrency();

    /** How long a claimed job is reserved; after that a crashed dispatcher's job is claimed again. */
    @WithDefault("PT2M")
    Duration lease();

    /** Provider calls per order before it fails (transient errors only; a 4xx other than 429 fails at once). */
    @WithDefault("6")
    int maxAttempts();

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
    }
}
