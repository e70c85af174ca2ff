package dev.cairn.gateway.auth;

import java.util.Set;

/**
 * Who sent a request, as far as the gateway is concerned.
 *
 * @param subject the token's {@code sub}, or null for an anonymous caller
 * @param roles   the token's {@code groups}
 */
public record Caller(String subject, Set<String> roles) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of());

    public boolean authenticated() {
        return subject != null;
    }

    /** Whether the caller has one of {@code required} (true when none is required). */
    public boolean hasAnyOf(Set<String> required) {
        return required.isEmpty() || required.stream().anyMatch(roles::contains);
    }
}
