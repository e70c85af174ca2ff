package dev.cairn.user.security;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Default of {@code cairn.auth.jwks-file}: a file in the temporary directory named after this process, so that two
 * user services on one machine never share it. The service writes its public keys there at startup and
 * MicroProfile JWT ({@code mp.jwt.verify.publickey.location}) reads them from there: the service verifies its own
 * tokens against exactly the JWKS it publishes. Ordinal 50: every other source overrides it.
 */
public class JwksFileConfigSource implements ConfigSource {

    static final String KEY = "cairn.auth.jwks-file";

    private final Map<String, String> properties = Map.of(KEY, Path.of(System.getProperty("java.io.tmpdir"),
            "cairn-user-service-" + ProcessHandle.current().pid() + "-jwks.json").toString());

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "cairn-user-service-jwks-file";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
