package org.innovadores.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets the tool makes for itself at first use and keeps in the database, so that every instance
 * of a cluster shares them. They never come from git and are never logged.
 */
@ApplicationScoped
public class GeneratedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "innovadores")
    EntityManager em;

    private final ConcurrentHashMap<String, byte[]> known = new ConcurrentHashMap<>();

    /** Callers keep what they get: this runs in a transaction because the first call writes. */
    @Transactional
    public byte[] secret(String name) {
        return known.computeIfAbsent(name, this::loadOrCreate).clone();
    }

    private byte[] loadOrCreate(String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        // Insert only when missing: when two instances race, the first write wins and both read it.
        em.createNativeQuery("INSERT INTO tool_secret (name, secret, created_at) SELECT ?1, ?2, ?3 "
                        + "WHERE NOT EXISTS (SELECT 1 FROM tool_secret WHERE name = ?1)")
                .setParameter(1, name)
                .setParameter(2, Base64.getEncoder().encodeToString(fresh))
                .setParameter(3, Timestamp.from(Instant.now()))
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<String> stored = em.createNativeQuery("SELECT secret FROM tool_secret WHERE name = ?1")
                .setParameter(1, name).getResultList();
        return Base64.getDecoder().decode(stored.getFirst());
    }

    /** A random, URL-safe token of 256 bits. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
