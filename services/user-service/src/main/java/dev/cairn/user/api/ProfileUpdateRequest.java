package dev.cairn.user.api;

import dev.cairn.user.service.ProfileChange;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api/v1/users/me}: fields left out stay as they are. Changing email or password needs
 * {@code currentPassword}.
 */
public record ProfileUpdateRequest(
        @Email @Size(min = 3, max = 254) String email,
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Size(max = 128) String password,
        @Size(max = 128) String currentPassword) {

    ProfileChange toChange() {
        return new ProfileChange(email, name, password, currentPassword);
    }
}
