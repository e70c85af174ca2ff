package dev.cairn.user.service;

/**
 * A partial update of an account; {@code null} fields stay as they are.
 *
 * @param email           new email
 * @param name            new display name
 * @param password        new password
 * @param currentPassword the current password, required when a user changes their own email or password
 */
public record ProfileChange(String email, String name, String password, String currentPassword) {

    /** Whether the change touches the credentials (email or password). */
    public boolean changesCredentials() {
        return email != null || password != null;
    }
}
