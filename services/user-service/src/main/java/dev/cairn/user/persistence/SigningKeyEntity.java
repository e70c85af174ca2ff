package dev.cairn.user.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A signing key the service generated because none was configured; shared by all replicas through the database. */
@Entity
@Table(name = "signing_keys")
public class SigningKeyEntity {

    @Id
    private String kid;
    @Column(name = "private_key_pem", nullable = false, updatable = false)
    private String privateKeyPem;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SigningKeyEntity() {
    }

    public SigningKeyEntity(String kid, String privateKeyPem, Instant createdAt) {
        this.kid = kid;
        this.privateKeyPem = privateKeyPem;
        this.createdAt = createdAt;
    }

    public String kid() {
        return kid;
    }

    public String privateKeyPem() {
        return privateKeyPem;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
