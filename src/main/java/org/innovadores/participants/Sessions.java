package org.innovadores.participants;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.innovadores.lti.Launch;
import org.innovadores.runtime.GeneratedSecrets;

/**
 * Sessions after a launch. The session id never travels bare: the cookie and the token carried in
 * links and forms are "id.expiry.mac", signed with a secret the tool generated, so a token cannot be
 * forged, altered or used after it expires. Link tokens live 30 minutes and every page hands out
 * fresh ones; the session itself ends 8 hours after the launch.
 */
@ApplicationScoped
public class Sessions {

    static final Duration SESSION_LIFETIME = Duration.ofHours(8);
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);
    public static final String COOKIE = "innovadores_session";

    @PersistenceContext(unitName = "innovadores")
    EntityManager em;

    @Inject
    GeneratedSecrets secrets;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        key = new SecretKeySpec(secrets.secret("session-mac"), "HmacSHA256");
    }

    @Transactional
    public ToolSession start(Launch launch) {
        ToolSession session = new ToolSession(GeneratedSecrets.randomToken(), launch.deployment(), launch.subject(),
                launch.displayName(), Role.fromLti(launch.roles()), launch.contextId(), launch.contextTitle(),
                launch.resourceLinkId(), launch.locale(), launch.messageType(), launch.claims(),
                Instant.now().plus(SESSION_LIFETIME));
        em.persist(session);
        return session;
    }

    /** The session a token names, when the token is genuine, unexpired, and its session still lives. */
    public Optional<ToolSession> resolve(String token) {
        if (token == null || token.length() > 200) return Optional.empty();
        String[] parts = token.split("\\.");
        if (parts.length != 3) return Optional.empty();
        long expiry;
        try {
            expiry = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        byte[] expected = mac(parts[0] + "." + parts[1]);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(expected, given) || Instant.now().getEpochSecond() > expiry) return Optional.empty();
        ToolSession session = em.find(ToolSession.class, parts[0]);
        if (session == null || session.expiresAt().isBefore(Instant.now())) return Optional.empty();
        return Optional.of(session);
    }

    /** A fresh token for links and forms. */
    public String linkToken(ToolSession session) {
        long expiry = Math.min(Instant.now().plus(TOKEN_LIFETIME).getEpochSecond(), session.expiresAt().getEpochSecond());
        return sign(session.id(), expiry);
    }

    /** The cookie's value: valid as long as the session. */
    public String cookieToken(ToolSession session) {
        return sign(session.id(), session.expiresAt().getEpochSecond());
    }

    /** The anti-forgery value a form of this session must carry. */
    public String csrf(ToolSession session) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac("csrf:" + session.id()));
    }

    public boolean csrfMatches(ToolSession session, String presented) {
        return presented != null && MessageDigest.isEqual(csrf(session).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    @Transactional
    public void chooseLocale(ToolSession session, String locale) {
        ToolSession managed = em.find(ToolSession.class, session.id());
        managed.chooseLocale(locale);
    }

    public String cookieHeader(ToolSession session) {
        long maxAge = Math.max(0, Duration.between(Instant.now(), session.expiresAt()).toSeconds());
        // SameSite=None: the tool runs in the LMS's iframe, a third-party context. Partitioned (CHIPS)
        // so that browsers blocking third-party cookies still keep it for this LMS.
        return COOKIE + "=" + cookieToken(session) + "; Path=/; Max-Age=" + maxAge
                + "; HttpOnly; Secure; SameSite=None; Partitioned";
    }

    private String sign(String id, long expiry) {
        String payload = id + "." + expiry;
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(payload));
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
