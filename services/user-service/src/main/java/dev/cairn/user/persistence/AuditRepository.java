package dev.cairn.user.persistence;

import dev.cairn.commons.paging.PageRequest;
import dev.cairn.user.domain.AuditAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The audit log, newest first; every method joins the caller's transaction. */
@ApplicationScoped
public class AuditRepository {

    private final UsersPersistenceContext persistence;

    @Inject
    public AuditRepository(UsersPersistenceContext persistence) {
        this.persistence = persistence;
    }

    public void add(AuditEntryEntity entry) {
        persistence.entityManager().persist(entry);
    }

    /** Up to {@code limit + 1} entries, newest first, optionally of one action and/or about one subject. */
    public List<AuditEntryEntity> page(AuditAction action, String subjectId, PageRequest page) {
        StringBuilder jpql = new StringBuilder("select a from AuditEntryEntity a where 1 = 1");
        if (action != null) {
            jpql.append(" and a.action = :action");
        }
        if (subjectId != null) {
            jpql.append(" and (a.subjectId = :subject or a.actorId = :subject)");
        }
        if (!page.first()) {
            jpql.append(" and (a.occurredAt < :beforeTime or (a.occurredAt = :beforeTime and a.id < :beforeId))");
        }
        jpql.append(" order by a.occurredAt desc, a.id desc");
        TypedQuery<AuditEntryEntity> select = persistence.entityManager().createQuery(jpql.toString(), AuditEntryEntity.class);
        if (action != null) {
            select.setParameter("action", action);
        }
        if (subjectId != null) {
            select.setParameter("subject", subjectId);
        }
        if (!page.first()) {
            select.setParameter("beforeTime", page.cursorPart(0, Instant::parse));
            select.setParameter("beforeId", page.cursorPart(1, UUID::fromString));
        }
        return select.setMaxResults(page.limit() + 1).getResultList();
    }
}
