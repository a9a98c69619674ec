package org.innovadores.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** Writes and reads the audit trail. */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext(unitName = "innovadores")
    EntityManager em;

    @Transactional
    public AuditEvent record(String actor, String action, String detail) {
        AuditEvent event = new AuditEvent(actor, action, detail);
        em.persist(event);
        return event;
    }

    public List<AuditEvent> latest(int max) {
        return em.createQuery("select e from AuditEvent e order by e.occurredAt desc", AuditEvent.class)
                .setMaxResults(max)
                .getResultList();
    }
}
