package dev.cairn.user.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** {@code PUT /api/v1/users/{id}/roles}: the complete new set of roles ({@code customer}, {@code admin}). */
public record RolesRequest(@NotNull @NotEmpty @Size(max = 8) List<@NotNull String> roles) {
}
