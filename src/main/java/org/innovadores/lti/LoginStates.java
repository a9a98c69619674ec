package org.innovadores.lti;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.innovadores.runtime.GeneratedSecrets;

/**
 * Login states and their nonces, in the database so that every instance sharing it sees them.
 * A state is consumed by one conditional UPDATE: of two instances (or two requests) presenting the
 * same state and nonce, exactly one sees its update succeed.
 */
@jakarta.enterprise.context.ApplicationScoped
public class LoginStates {

    /** Covers the platform's token lifetime (Moodle: 60 s) and a slow network, with room to spare. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    @PersistenceContext(unitName = "innovadores")
    EntityManager em;

    @Transactional
    LoginState issue(Platform platform, String loginHint, String messageHint, String targetLinkUri,
                     String deploymentId, String storageTarget) {
        LoginState state = new LoginState(GeneratedSecrets.randomToken(), GeneratedSecrets.randomToken(), platform.id(),
                GeneratedSecrets.randomToken(), storageTarget, loginHint, messageHint, targetLinkUri, deploymentId,
                Instant.now().plus(LIFETIME));
        em.persist(state);
        return state;
    }

    Optional<LoginState> find(String state) {
        if (state == null || state.isEmpty() || state.length() > 64) return Optional.empty();
        return Optional.ofNullable(em.find(LoginState.class, state));
    }

    /** Marks the state used; true for exactly one caller, and only while it is unused and unexpired. */
    @Transactional
    boolean consume(String state) {
        Instant now = Instant.now();
        return em.createQuery("update LoginState s set s.usedAt = :now "
                        + "where s.state = :state and s.usedAt is null and s.expiresAt > :now")
                .setParameter("now", now).setParameter("state", state).executeUpdate() == 1;
    }

    /** Sets the one-time secret a cookieless browser must echo with its platform-storage proof. */
    @Transactional
    String startStorageCheck(String state) {
        String check = GeneratedSecrets.randomToken();
        int updated = em.createQuery("update LoginState s set s.storageCheck = :check "
                        + "where s.state = :state and s.usedAt is null and s.storageCheck is null")
                .setParameter("check", check).setParameter("state", state).executeUpdate();
        return updated == 1 ? check : null;
    }

    @Transactional
    public int dropExpired() {
        return em.createQuery("delete from LoginState s where s.expiresAt < :now")
                .setParameter("now", Instant.now()).executeUpdate();
    }
}
