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
 * tenant off ({@code quarkus.oidc.tenant-enabled=false}) and the API with its bearer tokens runs as before. Its
 * ordinal is below every file, so an explicit setting wins. Registered in
 * {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}.
 */
public class SignInConfigSourceFactory implements ConfigSourceFactory {

    static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue("quarkus.oidc.auth-server-url");
        if (url != null && url.getValue() != null && !url.getValue().isBlank()) {
            return List.of();
        }
        return List.of(new MapBackedConfigSource("walletrecon sign-in off (no OpenID provider)", Map.of("quarkus.oidc.tenant-enabled", "false"), ORDINAL) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
