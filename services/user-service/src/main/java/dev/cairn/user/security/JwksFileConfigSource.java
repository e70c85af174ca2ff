package dev.cairn.user.security;

import dev.cairn.commons.config.FixedConfigSource;

import java.nio.file.Path;
import java.util.Map;

/**
 * Default of {@code cairn.auth.jwks-file}: a file in the temporary directory named after this process, so that two
 * user services on one machine never share it. The service writes its public keys there at startup and
 * MicroProfile JWT ({@code mp.jwt.verify.publickey.location}) reads them from there: the service verifies its own
 * tokens against exactly the JWKS it publishes. Ordinal 50: every other source overrides it.
 */
public class JwksFileConfigSource extends FixedConfigSource {

    static final String KEY = "cairn.auth.jwks-file";

    public JwksFileConfigSource() {
        super("cairn-user-service-jwks-file", 50, Map.of(KEY, Path.of(System.getProperty("java.io.tmpdir"),
                "cairn-user-service-" + ProcessHandle.current().pid() + "-jwks.json").toString()));
    }
}
