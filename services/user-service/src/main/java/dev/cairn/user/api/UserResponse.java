package dev.cairn.user.api;

import dev.cairn.user.domain.Role;
import dev.cairn.user.persistence.UserEntity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user as the API shows it (never the password hash or lockout state); {@code ordersPlaced} is counted from the
 * order service's {@code order.created} events.
 */
public record UserResponse(UUID id, String email, String name, List<String> roles, int ordersPlaced, Instant createdAt,
                           Instant updatedAt) {

    static UserResponse of(UserEntity user) {
        return new UserResponse(user.id(), user.email(), user.name(),
                user.roles().stream().map(Role::value).sorted().toList(), user.orderCount(), user.createdAt(),
                user.updatedAt());
    }
}
