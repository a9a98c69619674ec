package org.innovadores.lti;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.innovadores.runtime.GeneratedSecrets;

/**
 * One-time links an admin of the tool hands an LMS admin: only a holder of an unused, unexpired
 * ticket may register the tool (unless registration is configured open).
 */
@ApplicationScoped
public class RegistrationTickets {

    static final Duration LIFETIME = Duration.ofDays(7);

    @PersistenceContext(unitName = "innovadores")
    EntityManager em;

    @Transactional
    public String mint(String createdBy) {
        String id = GeneratedSecrets.randomToken();
        Instant now = Instant.now();
        em.createNativeQuery("INSERT INTO registration_ticket (id, created_by, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, id).setParameter(2, createdBy)
                .setParameter(3, Timestamp.from(now)).setParameter(4, Timestamp.from(now.plus(LIFETIME)))
                .executeUpdate();
        return id;
    }

    public boolean usable(String ticket) {
        if (ticket == null || ticket.length() > 64) return false;
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM registration_ticket "
                        + "WHERE id = ?1 AND used_at IS NULL AND expires_at > ?2")
                .setParameter(1, ticket).setParameter(2, Timestamp.from(Instant.now()))
                .getSingleResult()).intValue() == 1;
    }

    /** Spends the ticket; true for exactly one caller. */
    @Transactional
    public boolean use(String ticket, String usedBy) {
        if (ticket == null || ticket.length() > 64) return false;
        return em.createNativeQuery("UPDATE registration_ticket SET used_at = ?1, used_by = ?2 "
                        + "WHERE id = ?3 AND used_at IS NULL AND expires_at > ?1")
                .setParameter(1, Timestamp.from(Instant.now())).setParameter(2, usedBy).setParameter(3, ticket)
                .executeUpdate() == 1;
    }
}
