package org.innovadores.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tool's RSA signing keys (Security Framework §6). Generated at first start, kept in the
 * database so every instance signs with the same key, never written to git or the logs. Rotation
 * in three steps: a NEXT key is published ahead of use, then becomes CURRENT while the old one is
 * RETIRED but still published for an overlap, after which it is dropped.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@Lock(LockType.READ)
public class ToolKeys {

    private static final Logger LOG = Logger.getLogger(ToolKeys.class.getName());

    enum Status { NEXT, CURRENT, RETIRED }

    @PersistenceContext(unitName = "innovadores")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "lti.keys.retire-after", defaultValue = "PT24H")
    Duration overlap;

    private volatile RSAKey signing;
    private volatile JWKSet published;

    @PostConstruct
    void ensureSigningKey() {
        if (keys().stream().noneMatch(k -> k.status() == Status.CURRENT)) {
            em.persist(new ToolKey(generate(), Status.CURRENT.name()));
            em.flush();
            LOG.info("Generated the tool's first signing key");
        }
        reload();
    }

    /** The key every tool JWT is signed with; its kid goes in the header. */
    public RSAKey signingKey() {
        return signing;
    }

    /** The public keys an LMS may see: next, current, and retired ones still in their overlap. */
    public JWKSet publicKeys() {
        return published;
    }

    /** Publishes a NEXT key, or switches to it when one is already published. Returns the new state. */
    @Lock(LockType.WRITE)
    public List<String> rotate() {
        List<ToolKey> keys = keys();
        ToolKey next = keys.stream().filter(k -> k.status() == Status.NEXT).findFirst().orElse(null);
        if (next == null) {
            em.persist(new ToolKey(generate(), Status.NEXT.name()));
        } else {
            Instant retireAfter = Instant.now().plus(overlap);
            keys.stream().filter(k -> k.status() == Status.CURRENT).forEach(k -> k.retire(retireAfter));
            next.promote();
        }
        em.flush();
        reload();
        changes.announce(TOPIC); // every instance signs with and publishes the same keys at once
        return describe();
    }

    /** Keys rotated or dropped on another instance (or news possibly missed): read them again. */
    @Lock(LockType.WRITE)
    public void keysChangedElsewhere(@jakarta.enterprise.event.Observes org.innovadores.runtime.Changes.Changed changed) {
        if (changed.concerns(TOPIC)) reload();
    }

    static final String TOPIC = "keys";

    @Inject
    org.innovadores.runtime.Changes changes;

    /** Drops retired keys whose overlap has passed. */
    @Schedule(hour = "*", minute = "*/10", persistent = false)
    @Lock(LockType.WRITE)
    public void dropExpiredKeys() {
        int dropped = em.createQuery("delete from ToolKey k where k.status = 'RETIRED' and k.retireAfter < :now")
                .setParameter("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)).executeUpdate();
        if (dropped > 0) {
            reload();
            changes.announce(TOPIC);
        }
    }

    @Lock(LockType.WRITE)
    public void reload() {
        List<ToolKey> keys = keys();
        Instant now = Instant.now();
        signing = keys.stream().filter(k -> k.status() == Status.CURRENT).map(ToolKey::jwk).findFirst()
                .orElseThrow(() -> new IllegalStateException("No current signing key"));
        published = new JWKSet(keys.stream()
                .filter(k -> k.status() != Status.RETIRED || k.retireAfter().isAfter(now))
                .map(k -> (com.nimbusds.jose.jwk.JWK) k.jwk().toPublicJWK())
                .toList());
    }

    public List<String> describe() {
        return keys().stream().map(k -> k.kid() + " " + k.status()
                + (k.retireAfter() == null ? "" : " until " + k.retireAfter())).toList();
    }

    private List<ToolKey> keys() {
        return em.createQuery("select k from ToolKey k", ToolKey.class).getResultList().stream()
                .sorted(Comparator.comparing(ToolKey::createdAt)).toList();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .algorithm(JWSAlgorithm.RS256)
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    static RSAKey parse(String privateJwk) {
        try {
            return RSAKey.parse(privateJwk);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored tool key does not parse", e);
        }
    }
}
