package dev.cairn.user.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/auth/login}. */
public record LoginRequest(
        @NotBlank @Size(max = 254) String email,
        @NotNull @Size(max = 128) String password) {
}
