package org.innovadores.participants;

import org.innovadores.runtime.Sql;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
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
 * fresh ones; the session itself ends 8 hours after the launch. Plain JDBC: every page resolves a
 * session, and one indexed statement is all it takes.
 */
@ApplicationScoped
public class Sessions {

    static final Duration SESSION_LIFETIME = Duration.ofHours(8);
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);
    public static final String COOKIE = "innovadores_session";

    @Resource(lookup = "java:app/jdbc/innovadores")
    DataSource dataSource;

    @Inject
    GeneratedSecrets secrets;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        key = new SecretKeySpec(secrets.secret("session-mac"), "HmacSHA256");
    }

    public ToolSession start(Launch launch) {
        String locale = chosenLanguage(launch.deployment(), launch.subject()).orElse(launch.locale());
        ToolSession session = new ToolSession(GeneratedSecrets.randomToken(), launch.deployment(), launch.subject(),
                launch.displayName(), Role.fromLti(launch.roles()), launch.contextId(), launch.contextTitle(),
                launch.resourceLinkId(), locale, launch.messageType(), launch.claims(),
                Instant.now().plus(SESSION_LIFETIME));
        update("INSERT INTO tool_session (id, deployment_id, subject, display_name, role, context_id, context_title, "
                        + "resource_link, locale, message_type, launch_claims, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                session.id(), session.deployment(), session.subject(), session.displayName(), session.role().name(),
                session.contextId(), session.contextTitle(), session.resourceLink(), session.locale(),
                session.messageType(), session.launchClaims(), utc(Instant.now()), utc(session.expiresAt()));
        return session;
    }

    /** The session a token names, when the token is genuine, unexpired, and its session still lives. */
    public Optional<ToolSession> resolve(String token) {
        return resolve(token, "");
    }

    /**
     * A token good for one thing only (e.g. "media:{id}", one recording's URL), for as long as the
     * session lives: a video keeps asking for ranges long after a page's 30-minute token expired.
     */
    public String scopedToken(ToolSession session, String scope) {
        return sign(session.id(), session.expiresAt().getEpochSecond(), scope);
    }

    public Optional<ToolSession> resolveScoped(String token, String scope) {
        return resolve(token, scope);
    }

    private Optional<ToolSession> resolve(String token, String scope) {
        if (token == null || token.length() > 200) return Optional.empty();
        String[] parts = token.split("\\.");
        if (parts.length != 3) return Optional.empty();
        long expiry;
        try {
            expiry = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        byte[] expected = mac(scoped(parts[0] + "." + parts[1], scope));
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(expected, given) || Instant.now().getEpochSecond() > expiry) return Optional.empty();
        return find(parts[0]).filter(session -> session.expiresAt().isAfter(Instant.now()));
    }

    private Optional<ToolSession> find(String id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, deployment_id, subject, display_name, "
                     + "role, context_id, context_title, resource_link, locale, message_type, launch_claims, expires_at "
                     + "FROM tool_session WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) return Optional.empty();
                return Optional.of(new ToolSession(row.getString(1), Sql.uuid(row, 2), row.getString(3),
                        row.getString(4), Role.valueOf(row.getString(5)), row.getString(6), row.getString(7),
                        row.getString(8), row.getString(9), row.getString(10), row.getString(11),
                        Sql.time(row, 12).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read a session", e);
        }
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

    /**
     * A 303 to a page of the tool, with a fresh link token for browsers that refuse the cookie (added
     * to the path's query, before any fragment). Relative: right behind any proxy.
     */
    public jakarta.ws.rs.core.Response seeOther(ToolSession session, String path) {
        int hash = path.indexOf('#');
        String bare = hash < 0 ? path : path.substring(0, hash);
        String fragment = hash < 0 ? "" : path.substring(hash);
        return jakarta.ws.rs.core.Response.status(jakarta.ws.rs.core.Response.Status.SEE_OTHER).header("Location",
                bare + (bare.contains("?") ? "&" : "?") + "s=" + linkToken(session) + fragment).build();
    }

    /** The anti-forgery value a form of this session must carry. */
    public String csrf(ToolSession session) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac("csrf:" + session.id()));
    }

    public boolean csrfMatches(ToolSession session, String presented) {
        return presented != null && MessageDigest.isEqual(csrf(session).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The person's own choice of language: it applies at once to all their open sessions and to
     * later launches, whatever locale the LMS sends.
     */
    public void chooseLocale(ToolSession session, String locale) {
        update("UPDATE tool_session SET locale = ? WHERE deployment_id = ? AND subject = ?", locale,
                session.deployment(), session.subject());
        int kept = updateCount("UPDATE person_language SET locale = ?, chosen_at = ? WHERE deployment_id = ? AND subject = ?",
                locale, utc(Instant.now()), session.deployment(), session.subject());
        if (kept == 0) {
            update("INSERT INTO person_language (deployment_id, subject, locale, chosen_at) VALUES (?, ?, ?, ?)",
                    session.deployment(), session.subject(), locale, utc(Instant.now()));
        }
    }

    private Optional<String> chosenLanguage(UUID deployment, String subject) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT locale FROM person_language WHERE deployment_id = ? AND subject = ?")) {
            statement.setObject(1, deployment);
            statement.setString(2, subject);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the chosen language failed", e);
        }
    }

    private void update(String sql, Object... values) {
        updateCount(sql, values);
    }

    private int updateCount(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Session update failed", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public String cookieHeader(ToolSession session) {
        long maxAge = Math.max(0, Duration.between(Instant.now(), session.expiresAt()).toSeconds());
        // SameSite=None: the tool runs in the LMS's iframe, a third-party context. Partitioned (CHIPS)
        // so that browsers blocking third-party cookies still keep it for this LMS.
        return COOKIE + "=" + cookieToken(session) + "; Path=/; Max-Age=" + maxAge
                + "; HttpOnly; Secure; SameSite=None; Partitioned";
    }

    private String sign(String id, long expiry) {
        return sign(id, expiry, "");
    }

    private String sign(String id, long expiry, String scope) {
        String payload = id + "." + expiry;
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(scoped(payload, scope)));
    }

    /** A scoped token's MAC covers its scope, so it cannot serve as a page token or for another scope. */
    private static String scoped(String payload, String scope) {
        return scope.isEmpty() ? payload : "scope:" + scope + ":" + payload;
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
