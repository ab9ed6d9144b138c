package io.walletrecon.secrets;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Says at start which secrets came from Secrets Manager (by ARN, never a value), so that an operator reading the
 * log of a cold start sees where the function's keys came from. Also what makes {@link SecretsConfig} a mapping
 * Quarkus validates: a mistyped {@code walletrecon.secrets.*} key fails the start.
 */
@ApplicationScoped
public class SecretsStartupLog {

    private static final Logger LOG = Logger.getLogger(SecretsStartupLog.class);

    void onStart(@Observes StartupEvent event, SecretsConfig secrets) {
        List<String> read = new ArrayList<>();
        secrets.masterKeyArn().filter(a -> !a.isBlank()).ifPresent(a -> read.add("master key from " + a));
        secrets.databaseArn().filter(a -> !a.isBlank()).ifPresent(a -> read.add("database login from " + a));
        secrets.stripeApiKeyArn().filter(a -> !a.isBlank()).ifPresent(a -> read.add("Stripe API key from " + a));
        if (!read.isEmpty()) {
            LOG.infof("secrets read from Secrets Manager at start: %s", String.join("; ", read));
        }
    }
}
