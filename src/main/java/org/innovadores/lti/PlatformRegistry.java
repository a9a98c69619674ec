package org.innovadores.lti;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platforms and deployments the tool knows. Lookups on the launch path are served from a short
 * in-memory cache so a launch does not query them each time; a registration changed on any instance
 * empties every instance's cache at once ({@link org.innovadores.runtime.Changes}), and the cache's
 * lifetime bounds what a lost notification could leave.
 */
@ApplicationScoped
public class PlatformRegistry {

    private static final Duration CACHE_LIFETIME = Duration.ofSeconds(30);

    @PersistenceContext(unitName = "innovadores")
    EntityManager em;

    private record Cached<T>(T value, long expiresAtNanos) {
        boolean fresh() {
            return System.nanoTime() - expiresAtNanos < 0;
        }
    }

    private final ConcurrentHashMap<String, Cached<Optional<Platform>>> platforms = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Cached<Optional<Deployment>>> deployments = new ConcurrentHashMap<>();

    private static long expiry() {
        return System.nanoTime() + CACHE_LIFETIME.toNanos();
    }

    /** Outside a transaction the entities read are already detached, so they are safe to cache. */
    public Optional<Platform> platform(String issuer, String clientId) {
        if (issuer == null || clientId == null) return Optional.empty();
        String key = issuer + '\n' + clientId;
        Cached<Optional<Platform>> cached = platforms.get(key);
        if (cached == null || !cached.fresh()) {
            Optional<Platform> found = em.createQuery(
                            "select p from Platform p where p.issuer = :iss and p.clientId = :client", Platform.class)
                    .setParameter("iss", issuer).setParameter("client", clientId)
                    .getResultStream().findFirst();
            cached = new Cached<>(found, expiry());
            platforms.put(key, cached);
        }
        return cached.value();
    }

    public Optional<Platform> platform(java.util.UUID id) {
        return Optional.ofNullable(em.find(Platform.class, id));
    }

    /** All registrations of one issuer: a login may omit client_id when the issuer has only one. */
    public List<Platform> platformsOf(String issuer) {
        return em.createQuery("select p from Platform p where p.issuer = :iss", Platform.class)
                .setParameter("iss", issuer).getResultList();
    }

    public Optional<Deployment> deployment(Platform platform, String deploymentId) {
        if (deploymentId == null) return Optional.empty();
        String key = platform.id() + "\n" + deploymentId;
        Cached<Optional<Deployment>> cached = deployments.get(key);
        if (cached == null || !cached.fresh()) {
            Optional<Deployment> found = em.createQuery(
                            "select d from Deployment d where d.platform.id = :platform and d.deploymentId = :deployment",
                            Deployment.class)
                    .setParameter("platform", platform.id()).setParameter("deployment", deploymentId)
                    .getResultStream().findFirst();
            cached = new Cached<>(found, expiry());
            deployments.put(key, cached);
        }
        return cached.value();
    }

    /** A deployment by the tool's own id for it (the tenant key sessions carry). */
    public Optional<Deployment> deployment(java.util.UUID id) {
        return Optional.ofNullable(em.find(Deployment.class, id));
    }

    public long count() {
        return em.createQuery("select count(p) from Platform p", Long.class).getSingleResult();
    }

    /**
     * The plain-HTTP origins of the registered platforms (issuer and authorization endpoint), read from
     * the store at each call: what frames the tool must follow registrations at once on every instance.
     */
    public List<String> plainHttpOrigins() {
        List<String> origins = new java.util.ArrayList<>();
        db.query("SELECT issuer, authorization_endpoint FROM lti_platform WHERE issuer LIKE 'http:%' "
                + "OR authorization_endpoint LIKE 'http:%' ORDER BY created_at", row -> {
            origins.add(row.getString(1));
            origins.add(row.getString(2));
        });
        return origins;
    }

    @jakarta.inject.Inject
    org.innovadores.runtime.Sql db;

    public List<Platform> all() {
        return em.createQuery("select p from Platform p order by p.createdAt", Platform.class).getResultList();
    }

    public List<Deployment> deploymentsOf(Platform platform) {
        return em.createQuery("select d from Deployment d where d.platform.id = :p order by d.deploymentId", Deployment.class)
                .setParameter("p", platform.id()).getResultList();
    }

    /** Adds or updates a registration and adds any deployment ids it does not have yet. */
    @Transactional
    public Platform register(PlatformRegistration registration, Platform.Source source) {
        return register(registration, source, null);
    }

    /** As above, noting who handed out the registration link it came with (null when none). */
    @Transactional
    public Platform register(PlatformRegistration registration, Platform.Source source, String registeredBy) {
        Platform platform = em.createQuery(
                        "select p from Platform p where p.issuer = :iss and p.clientId = :client", Platform.class)
                .setParameter("iss", registration.issuer()).setParameter("client", registration.clientId())
                .getResultStream().findFirst().orElse(null);
        if (platform == null) {
            platform = new Platform(registration.issuer(), registration.clientId(), registration.name(),
                    registration.authorizationEndpoint(), registration.tokenEndpoint(), registration.jwksUri(), source);
            platform.registeredBy(registeredBy);
            em.persist(platform);
        } else {
            platform.update(registration.name(), registration.authorizationEndpoint(), registration.tokenEndpoint(),
                    registration.jwksUri(), source);
        }
        addDeployments(platform, registration.deploymentIds());
        forget();
        return platform;
    }

    private void addDeployments(Platform platform, Collection<String> deploymentIds) {
        for (String deploymentId : deploymentIds) {
            Long known = em.createQuery(
                            "select count(d) from Deployment d where d.platform.id = :p and d.deploymentId = :d", Long.class)
                    .setParameter("p", platform.id()).setParameter("d", deploymentId).getSingleResult();
            if (known == 0) {
                em.persist(new Deployment(platform, deploymentId));
            }
        }
    }

    /**
     * Whether the platform was disabled, read from the store at each call (not the cache) so that a
     * platform disabled on one instance refuses logins and launches at once on every instance.
     */
    public boolean disabled(java.util.UUID platformId) {
        boolean[] disabled = {false};
        db.query("SELECT disabled_at FROM lti_platform WHERE id = ?", row -> disabled[0] = row.getObject(1) != null, platformId);
        return disabled[0];
    }

    /**
     * Disables a platform's launches (true) or enables them again (false); answers whether anything
     * changed. Disabling ends its people's open sessions; their courses, work and grades stay.
     */
    @Transactional
    public boolean setDisabled(java.util.UUID platformId, boolean disabled) {
        // Two statements rather than a null parameter: PostgreSQL cannot type an untyped null for the column.
        int changed = disabled
                ? em.createNativeQuery("UPDATE lti_platform SET disabled_at = ?1 WHERE id = ?2 AND disabled_at IS NULL")
                        .setParameter(1, java.sql.Timestamp.from(java.time.Instant.now())).setParameter(2, platformId).executeUpdate()
                : em.createNativeQuery("UPDATE lti_platform SET disabled_at = NULL WHERE id = ?1 AND disabled_at IS NOT NULL")
                        .setParameter(1, platformId).executeUpdate();
        if (changed > 0 && disabled) {
            em.createNativeQuery("DELETE FROM tool_session WHERE deployment_id IN (SELECT id FROM lti_deployment WHERE platform_id = ?1)")
                    .setParameter(1, platformId).executeUpdate();
        }
        forget();
        return changed > 0;
    }

    /** The platforms registered with the links one administrator handed out, oldest first. */
    public List<Platform> registeredBy(String who) {
        return em.createQuery("select p from Platform p where p.registeredBy = :who order by p.createdAt", Platform.class)
                .setParameter("who", who).getResultList();
    }

    /** How many courses of the platform hold a program (their work outlives the registration). */
    public long courses(java.util.UUID platformId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM program p JOIN lti_deployment d ON d.id = p.deployment_id "
                + "WHERE d.platform_id = ?1").setParameter(1, platformId).getSingleResult()).longValue();
    }

    public enum Removal { REMOVED, NOT_FOUND, IN_USE }

    /**
     * Removes a registration that no course has used yet (its login states, sessions and language
     * choices go with it). One whose courses hold a program is kept: its people's work must outlive
     * the registration, so it is answered IN_USE.
     */
    @Transactional
    public Removal remove(String issuer, String clientId) {
        Platform platform = em.createQuery(
                        "select p from Platform p where p.issuer = :iss and p.clientId = :client", Platform.class)
                .setParameter("iss", issuer).setParameter("client", clientId)
                .getResultStream().findFirst().orElse(null);
        if (platform == null) return Removal.NOT_FOUND;
        return remove(platform);
    }

    /** The same, by the tool's own id for the platform. */
    @Transactional
    public Removal remove(java.util.UUID platformId) {
        Platform platform = em.find(Platform.class, platformId);
        return platform == null ? Removal.NOT_FOUND : remove(platform);
    }

    private Removal remove(Platform platform) {
        if (courses(platform.id()) > 0) return Removal.IN_USE;
        String ofDeployments = " WHERE deployment_id IN (SELECT id FROM lti_deployment WHERE platform_id = ?1)";
        em.createNativeQuery("DELETE FROM tool_session" + ofDeployments).setParameter(1, platform.id()).executeUpdate();
        em.createNativeQuery("DELETE FROM person_language" + ofDeployments).setParameter(1, platform.id()).executeUpdate();
        em.createNativeQuery("DELETE FROM lti_login_state WHERE platform_id = ?1").setParameter(1, platform.id()).executeUpdate();
        em.createNativeQuery("DELETE FROM lti_deployment WHERE platform_id = ?1").setParameter(1, platform.id()).executeUpdate();
        em.remove(platform);
        forget();
        return Removal.REMOVED;
    }

    /** Drops what this instance cached after a change it made, and tells the other instances to do the same. */
    public void forget() {
        platforms.clear();
        deployments.clear();
        changes.announce(TOPIC);
    }

    /** Another instance changed a registration (or news may have been missed): read them afresh. */
    void changedElsewhere(@jakarta.enterprise.event.Observes org.innovadores.runtime.Changes.Changed changed) {
        if (!changed.concerns(TOPIC)) return;
        platforms.clear();
        deployments.clear();
    }

    static final String TOPIC = "platforms";

    @jakarta.inject.Inject
    org.innovadores.runtime.Changes changes;
}
