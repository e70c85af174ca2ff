package dev.cairn.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;

/**
 * The admin account {@code cairn up} creates for local use when the user names none: {@code admin@cairn.local} with
 * a random password generated once and kept in {@code .cairn/admin-password} (not in the run directory, so a
 * second platform with its own run directory shares it). The user service is told to reset the password to this one
 * at start, so the printed credentials always work, even against a database an older checkout filled.
 *
 * @param email    login
 * @param password password
 * @param file     where the password is kept
 */
public record LocalAdmin(String email, String password, Path file) {

    static final String EMAIL = "admin@cairn.local";
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** The local admin, unless the environment chooses one ({@code CAIRN_ADMIN_EMAIL}). */
    public static Optional<LocalAdmin> forRun(Path projectRoot, Map<String, String> environment) {
        if (environment.get("CAIRN_ADMIN_EMAIL") != null) {
            return Optional.empty();
        }
        Path file = projectRoot.resolve(".cairn").resolve("admin-password");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, generate() + "\n");
            }
            return Optional.of(new LocalAdmin(EMAIL, Files.readString(file).trim(), file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the local admin password in " + file, e);
        }
    }

    /** What the user service needs to create (or reset) this admin. */
    public Map<String, String> environment() {
        return Map.of("CAIRN_ADMIN_EMAIL", email, "CAIRN_ADMIN_PASSWORD", password, "CAIRN_ADMIN_RESET_PASSWORD", "true");
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
