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

    /**
     * A link as its administrator sees it again: never the secret itself, only a reference to it
     * (the start of its SHA-256), when it was made and until when it serves, and what became of it.
     */
    public record Ticket(String ref, Instant createdAt, Instant expiresAt, Instant usedAt, String usedBy, Instant revokedAt) {
        public enum State { UNUSED, USED, EXPIRED, REVOKED }

        public State state() {
            if (revokedAt != null) return State.REVOKED;
            if (usedAt != null) return State.USED;
            return expiresAt.isAfter(Instant.now()) ? State.UNUSED : State.EXPIRED;
        }
    }

    /** The links one administrator made, newest first (the last 50). */
    public java.util.List<Ticket> mintedBy(String createdBy) {
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = em.createNativeQuery("SELECT id, created_at, expires_at, used_at, used_by, revoked_at "
                + "FROM registration_ticket WHERE created_by = ?1 ORDER BY created_at DESC").setParameter(1, createdBy)
                .setMaxResults(50).getResultList();
        return rows.stream().map(r -> new Ticket(ref((String) r[0]), instant(r[1]), instant(r[2]), instant(r[3]), (String) r[4],
                instant(r[5]))).toList();
    }

    /** Withdraws an unused link of this administrator; false when there is none such (used, expired, someone else's). */
    @Transactional
    public boolean revoke(String createdBy, String ref) {
        @SuppressWarnings("unchecked")
        java.util.List<String> ids = em.createNativeQuery("SELECT id FROM registration_ticket WHERE created_by = ?1 AND used_at IS NULL "
                + "AND revoked_at IS NULL AND expires_at > ?2").setParameter(1, createdBy).setParameter(2, Timestamp.from(Instant.now()))
                .getResultList();
        for (String id : ids) {
            if (ref(id).equals(ref)) {
                return em.createNativeQuery("UPDATE registration_ticket SET revoked_at = ?1 WHERE id = ?2 AND used_at IS NULL")
                        .setParameter(1, Timestamp.from(Instant.now())).setParameter(2, id).executeUpdate() == 1;
            }
        }
        return false;
    }

    static String ref(String id) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object value) {
        if (value == null) return null;
        if (value instanceof Timestamp t) return t.toInstant();
        if (value instanceof java.time.OffsetDateTime o) return o.toInstant();
        if (value instanceof Instant i) return i;
        throw new IllegalStateException("not a time: " + value.getClass());
    }

    public boolean usable(String ticket) {
        if (ticket == null || ticket.length() > 64) return false;
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM registration_ticket "
                        + "WHERE id = ?1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?2")
                .setParameter(1, ticket).setParameter(2, Timestamp.from(Instant.now()))
                .getSingleResult()).intValue() == 1;
    }

    /** Spends the ticket for exactly one caller, answering who handed it out; empty for everyone else. */
    @Transactional
    public java.util.Optional<String> use(String ticket, String usedBy) {
        if (ticket == null || ticket.length() > 64) return java.util.Optional.empty();
        boolean spent = em.createNativeQuery("UPDATE registration_ticket SET used_at = ?1, used_by = ?2 "
                        + "WHERE id = ?3 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?1")
                .setParameter(1, Timestamp.from(Instant.now())).setParameter(2, usedBy).setParameter(3, ticket)
                .executeUpdate() == 1;
        if (!spent) return java.util.Optional.empty();
        return java.util.Optional.of((String) em.createNativeQuery("SELECT created_by FROM registration_ticket WHERE id = ?1")
                .setParameter(1, ticket).getSingleResult());
    }
}
