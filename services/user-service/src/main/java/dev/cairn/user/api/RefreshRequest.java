package dev.cairn.user.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/auth/refresh} and {@code /logout}. */
public record RefreshRequest(@NotBlank @Size(max = 512) String refreshToken) {
}
