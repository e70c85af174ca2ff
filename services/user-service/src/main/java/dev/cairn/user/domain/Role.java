package dev.cairn.user.domain;

import java.util.Locale;
import java.util.Optional;

/** The roles a Cairn user can hold; they travel in the access token's {@code groups} claim. */
public enum Role {
    /** Every registered user. */
    CUSTOMER,
    /** Operators: manage users, read the audit log, and the admin routes of the other services. */
    ADMIN;

    /** The name used in tokens and the API: {@code customer}, {@code admin}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this API name, if there is one. */
    public static Optional<Role> parse(String value) {
        for (Role role : values()) {
            if (role.value().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
