package dev.cairn.user.api;

import dev.cairn.user.persistence.AuditEntryEntity;

import java.time.Instant;
import java.util.UUID;

/** One audit log entry. */
public record AuditEntryResponse(UUID id, Instant occurredAt, String action, String actorId, String actorEmail,
                                 String subjectId, String ip, String detail) {

    static AuditEntryResponse of(AuditEntryEntity entry) {
        return new AuditEntryResponse(entry.id(), entry.occurredAt(), entry.action().name(), entry.actorId(),
                entry.actorEmail(), entry.subjectId(), entry.ip(), entry.detail());
    }
}
