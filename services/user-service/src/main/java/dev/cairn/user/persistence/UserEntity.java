package dev.cairn.user.persistence;

import dev.cairn.user.domain.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** A user account ({@code users} and {@code user_roles}). */
@Entity
@Table(name = "users")
public class UserEntity {

    @Id
    private UUID id;
    @Column(nullable = false)
    private String email;
    @Column(nullable = false)
    private String name;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "locked_until")
    private Instant lockedUntil;
    @Column(nullable = false)
    private long version;
    @Column(name = "order_count", nullable = false, insertable = false, updatable = false)
    private int orderCount;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected UserEntity() {
    }

    public UserEntity(UUID id, String email, String name, String passwordHash, Set<Role> roles, Instant now) {
        this.id = id;
        this.email = email;
        this.name = name;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.createdAt = now;
        this.updatedAt = now;
        this.version = 1;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    /** The sequence of the newest event of this user (1 after {@code user.created}). */
    public long version() {
        return version;
    }

    /** How many orders the user placed (counted from {@code order.created} events). */
    public int orderCount() {
        return orderCount;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public void changeEmail(String newEmail) {
        this.email = newEmail;
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    public void replaceRoles(Set<Role> newRoles) {
        roles.clear();
        roles.addAll(newRoles);
    }

    public void lockUntil(Instant until) {
        this.lockedUntil = until;
    }

    /** Marks a change that emits an event: bumps the version and returns the new event sequence. */
    public long recordChange(Instant now) {
        this.updatedAt = now;
        return ++version;
    }
}
