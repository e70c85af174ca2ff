package dev.cairn.user.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One failed login of a known user, counted by the lockout policy. */
@Entity
@Table(name = "login_failures")
public class LoginFailureEntity {

    @Id
    private UUID id;
    @Column(name = "user_id", nullable = false)
    private UUID userId;
    @Column(name = "failed_at", nullable = false)
    private Instant failedAt;

    protected LoginFailureEntity() {
    }

    public LoginFailureEntity(UUID userId, Instant failedAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.failedAt = failedAt;
    }
}
