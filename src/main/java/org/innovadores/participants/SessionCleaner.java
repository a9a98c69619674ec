package org.innovadores.participants;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Ended sessions are deleted every hour: the launch claims they hold are not kept longer than needed. */
@Singleton
public class SessionCleaner {

    /** Whose turn it is across the cluster: one instance runs this per period. */
    @jakarta.inject.Inject
    org.innovadores.runtime.ClusterTasks tasks;

    private static final Logger LOG = Logger.getLogger(SessionCleaner.class.getName());

    @Resource(lookup = "java:app/jdbc/innovadores")
    DataSource dataSource;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void dropEndedSessions() {
        if (!tasks.turn("session-cleaner", java.time.Duration.ofHours(1))) return;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM tool_session WHERE expires_at < ?")) {
            delete.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            int dropped = delete.executeUpdate();
            if (dropped > 0) LOG.fine(() -> "Dropped " + dropped + " ended sessions");
        } catch (SQLException e) {
            LOG.warning(() -> "Could not drop ended sessions: " + e.getMessage());
        }
    }
}
