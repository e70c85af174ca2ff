package dev.cairn.user.persistence;

import dev.cairn.user.domain.AuditAction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One line of the audit log: who did what to whom, from where, when. */
@Entity
@Table(name = "audit_log")
public class AuditEntryEntity {

    @Id
    private UUID id;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AuditAction action;
    @Column(name = "actor_id", updatable = false)
    private String actorId;
    @Column(name = "actor_email", updatable = false)
    private String actorEmail;
    @Column(name = "subject_id", updatable = false)
    private String subjectId;
    @Column(updatable = false)
    private String ip;
    @Column(updatable = false)
    private String detail;

    protected AuditEntryEntity() {
    }

    public AuditEntryEntity(Instant occurredAt, AuditAction action, String actorId, String actorEmail,
                            String subjectId, String ip, String detail) {
        this.id = UUID.randomUUID();
        this.occurredAt = occurredAt;
        this.action = action;
        this.actorId = actorId;
        this.actorEmail = truncate(actorEmail, 254);
        this.subjectId = subjectId;
        this.ip = truncate(ip, 64);
        this.detail = truncate(detail, 500);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public UUID id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public AuditAction action() {
        return action;
    }

    public String actorId() {
        return actorId;
    }

    public String actorEmail() {
        return actorEmail;
    }

    public String subjectId() {
        return subjectId;
    }

    public String ip() {
        return ip;
    }

    public String detail() {
        return detail;
    }
}
