package dev.cairn.user.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Cairn's password rules (CONTRACT.md section 3): at least {@code minLength} characters, at most
 * {@link #MAX_LENGTH} (hashing cost is bounded), and not the account's email address or its local part.
 */
public record PasswordPolicy(int minLength) {

    /** Longest password accepted. */
    public static final int MAX_LENGTH = 128;

    public PasswordPolicy {
        if (minLength < 8 || minLength > MAX_LENGTH) {
            throw new IllegalArgumentException("minimum password length must be between 8 and " + MAX_LENGTH);
        }
    }

    /** Why {@code password} is not acceptable for the account {@code email}, or empty when it is. */
    public Optional<String> violation(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            return Optional.of("must be at least " + minLength + " characters long");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters long");
        }
        if (password.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (email != null) {
            String lowered = password.trim().toLowerCase(Locale.ROOT);
            String address = email.trim().toLowerCase(Locale.ROOT);
            int at = address.indexOf('@');
            String localPart = at > 0 ? address.substring(0, at) : address;
            if (lowered.equals(address) || lowered.equals(localPart)) {
                return Optional.of("must not be your email address");
            }
        }
        return Optional.empty();
    }
}
