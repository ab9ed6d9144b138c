package io.walletrecon.console;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The console's sign-in is on exactly when an OpenID provider is configured ({@code quarkus.oidc.auth-server-url},
 * env {@code QUARKUS_OIDC_AUTH_SERVER_URL}): without one, Quarkus would refuse to start, so this turns the default
 * tenant off and the API with its bearer tokens runs as before. It always answers {@code quarkus.oidc.tenant-enabled}
 * (true or false), because the build runs this factory too and records what it answered then (no provider at build
 * time: false) as a run-time default; only a value given again at start, from the start's own configuration, replaces
 * that. Its ordinal is below every file, so an explicit setting wins. Registered in
 * {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}.
 */
public class SignInConfigSourceFactory implements ConfigSourceFactory {

    static final int ORDINAL = 50;
    static final String NAME = "walletrecon sign-in (on when an OpenID provider is configured)";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue("quarkus.oidc.auth-server-url");
        boolean configured = url != null && url.getValue() != null && !url.getValue().isBlank();
        return List.of(new MapBackedConfigSource(NAME,
                Map.of("quarkus.oidc.tenant-enabled", String.valueOf(configured)), ORDINAL) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
