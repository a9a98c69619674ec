package org.innovadores.program;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.innovadores.runtime.Now;
import org.innovadores.runtime.Sql;

/**
 * A participant's own trace through the modules: when they first and last opened each one, and when
 * they marked its content read. Plain JDBC: every module page view writes one row. Pages read it
 * together with the module list ({@link Programs#listing}).
 */
@ApplicationScoped
public class Progress {

    @Inject
    Sql db;

    /** One person's progress in one module. */
    public record Entry(UUID module, Instant firstVisit, Instant lastVisit, Instant contentRead) {
    }


    public void visited(ProgramModule module, String subject) {
        OffsetDateTime now = Now.utc();
        if (update("UPDATE module_progress SET last_visit_at = ? WHERE module_id = ? AND subject = ?", now, module.id(), subject) == 0) {
            insert(module.id(), subject, now, null);
        }
    }

    public void contentRead(ProgramModule module, String subject) {
        OffsetDateTime now = Now.utc();
        if (update("UPDATE module_progress SET content_read_at = COALESCE(content_read_at, ?), last_visit_at = ? "
                + "WHERE module_id = ? AND subject = ?", now, now, module.id(), subject) == 0) {
            insert(module.id(), subject, now, now);
        }
    }

    private void insert(UUID module, String subject, OffsetDateTime now, OffsetDateTime read) {
        try {
            update("INSERT INTO module_progress (module_id, subject, first_visit_at, last_visit_at, content_read_at) "
                    + "VALUES (?, ?, ?, ?, ?)", module, subject, now, now, read);
        } catch (IllegalStateException raced) {
            // The same person in two tabs: the other request wrote the row first; record this visit on it.
            update("UPDATE module_progress SET last_visit_at = ?, content_read_at = COALESCE(content_read_at, ?) "
                    + "WHERE module_id = ? AND subject = ?", now, read, module, subject);
        }
    }

    private int update(String sql, Object... values) {
        return db.update(sql, values);
    }
}
