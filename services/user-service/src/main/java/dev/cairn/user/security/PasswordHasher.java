package dev.cairn.user.security;

import com.password4j.Argon2Function;
import com.password4j.BcryptFunction;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * Hashes passwords with Argon2id (password4j), by default with OWASP's parameters (19 MiB, 2 passes, 1 lane);
 * also verifies bcrypt hashes imported from elsewhere and reports hashes that should be upgraded. Passwords are
 * never logged or kept beyond the call.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Function argon2;
    /** A hash of a random password, verified against for unknown emails so they take as long as known ones. */
    private final String decoyHash;

    @Inject
    public PasswordHasher(Config config) {
        this(config.getOptionalValue("cairn.auth.argon2.memory-kib", Integer.class).orElse(19_456),
                config.getOptionalValue("cairn.auth.argon2.iterations", Integer.class).orElse(2),
                config.getOptionalValue("cairn.auth.argon2.parallelism", Integer.class).orElse(1));
    }

    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.argon2 = Argon2Function.getInstance(memoryKib, iterations, parallelism, HASH_BYTES, Argon2.ID, 19);
        this.decoyHash = hash(RefreshTokens.newToken());
    }

    /** The Argon2id hash of {@code password} in PHC string format, with a random salt. */
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(argon2).getResult();
    }

    /** Whether {@code password} matches {@code hash} (Argon2 or bcrypt). */
    public boolean matches(String password, String hash) {
        if (hash.startsWith("$argon2")) {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        }
        if (hash.startsWith("$2")) {
            return Password.check(password, hash).with(BcryptFunction.getInstanceFromHash(hash));
        }
        return false;
    }

    /** Spends the time of one verification without any account, so unknown emails are not faster to reject. */
    public void verifyDecoy(String password) {
        matches(password, decoyHash);
    }

    /** Whether {@code hash} was made with other parameters or another algorithm and should be replaced. */
    public boolean needsRehash(String hash) {
        if (!hash.startsWith("$argon2id$")) {
            return true;
        }
        Argon2Function used = Argon2Function.getInstanceFromHash(hash);
        return used.getMemory() != argon2.getMemory() || used.getIterations() != argon2.getIterations()
                || used.getParallelism() != argon2.getParallelism();
    }
}
