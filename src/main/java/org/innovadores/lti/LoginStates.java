package org.innovadores.lti;

import org.innovadores.runtime.Sql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.innovadores.runtime.GeneratedSecrets;

/**
 * Login states and their nonces, in the database so that every instance sharing it sees them.
 * A state is consumed by one conditional UPDATE: of two instances (or two requests) presenting the
 * same state and nonce, exactly one sees its update succeed. Plain JDBC in autocommit, because
 * this is the hot path of every launch and each statement is its own transaction anyway.
 */
@ApplicationScoped
public class LoginStates {

    /** Covers the platform's token lifetime (Moodle: 60 s) and a slow network, with room to spare. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final String COLUMNS = "state, nonce, platform_id, browser_secret, storage_target, login_hint, "
            + "message_hint, target_link_uri, deployment_id, storage_check, expires_at, used_at";

    @Resource(lookup = "java:app/jdbc/innovadores")
    DataSource dataSource;

    LoginState issue(Platform platform, String loginHint, String messageHint, String targetLinkUri,
                     String deploymentId, String storageTarget) {
        Instant now = Instant.now();
        LoginState state = new LoginState(GeneratedSecrets.randomToken(), GeneratedSecrets.randomToken(), platform.id(),
                GeneratedSecrets.randomToken(), storageTarget, loginHint, messageHint, targetLinkUri, deploymentId, null,
                now.plus(LIFETIME), null);
        update("INSERT INTO lti_login_state (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                state.state(), state.nonce(), state.platformId(), state.browserSecret(), storageTarget, loginHint,
                messageHint, targetLinkUri, deploymentId, null, time(state.expiresAt()), null, time(now));
        return state;
    }

    Optional<LoginState> find(String state) {
        if (state == null || state.isEmpty() || state.length() > 64) return Optional.empty();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM lti_login_state WHERE state = ?")) {
            select.setString(1, state);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) return Optional.empty();
                return Optional.of(new LoginState(row.getString(1), row.getString(2), Sql.uuid(row, 3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                        row.getString(9), row.getString(10), instant(Sql.time(row, 11)),
                        instant(Sql.time(row, 12))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read login state", e);
        }
    }

    /** Marks the state used; true for exactly one caller, and only while it is unused and unexpired. */
    boolean consume(String state) {
        OffsetDateTime now = time(Instant.now());
        return update("UPDATE lti_login_state SET used_at = ? WHERE state = ? AND used_at IS NULL AND expires_at > ?",
                now, state, now) == 1;
    }

    /** Sets the one-time secret a cookieless browser must echo with its platform-storage proof. */
    String startStorageCheck(String state) {
        String check = GeneratedSecrets.randomToken();
        int updated = update("UPDATE lti_login_state SET storage_check = ? "
                + "WHERE state = ? AND used_at IS NULL AND storage_check IS NULL", check, state);
        return updated == 1 ? check : null;
    }

    public int dropExpired() {
        return update("DELETE FROM lti_login_state WHERE expires_at < ?", time(Instant.now()));
    }

    private int update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Login state update failed", e);
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
