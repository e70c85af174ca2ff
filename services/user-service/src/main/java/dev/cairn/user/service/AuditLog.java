package dev.cairn.user.service;

import dev.cairn.user.domain.AuditAction;
import dev.cairn.user.persistence.AuditEntryEntity;
import dev.cairn.user.persistence.AuditRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.logging.Logger;

/** Records security-relevant actions in {@code audit_log} (in the caller's transaction) and as a log line. */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger("dev.cairn.user.audit");

    private final AuditRepository entries;
    private final Clock clock;

    @Inject
    public AuditLog(AuditRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * Records one action.
     *
     * @param subjectId the user (or client) acted upon, or {@code null}
     * @param detail    short explanation; never a secret
     */
    public void record(AuditAction action, Actor actor, String subjectId, String detail) {
        entries.add(new AuditEntryEntity(clock.instant(), action, actor.id(), actor.email(), subjectId, actor.ip(), detail));
        LOG.info(() -> "audit " + action + " actor=" + actor.id() + " subject=" + subjectId + " ip=" + actor.ip()
                + (detail == null ? "" : " detail=" + detail));
    }
}
