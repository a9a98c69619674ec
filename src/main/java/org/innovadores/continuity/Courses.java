package org.innovadores.continuity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.innovadores.program.CourseProgram;
import org.innovadores.program.CourseVisited;
import org.innovadores.runtime.Recently;
import org.innovadores.runtime.Sql;

/** The courses a new cohort may start from: the other courses of the deployment this instructor teaches. */
@ApplicationScoped
public class Courses {

    /** Another course, as an instructor picks it. */
    public record Source(UUID program, String title, String contextId, Instant lastSeen) {
        public String name() {
            return title == null || title.isBlank() ? contextId : title;
        }
    }

    @Inject
    Sql db;

    private final Recently titled = new Recently(Duration.ofHours(1));

    /** Keeps the LMS's name of the course, as its teaching team launches with it. */
    void remember(@Observes CourseVisited visit) {
        String title = visit.session().contextTitle();
        if (title == null || title.isBlank() || !CourseProgram.canAuthor(visit.session())) return;
        if (!titled.due(visit.program().id() + "|" + title)) return;
        db.update("UPDATE program SET course_title = ? WHERE id = ?", title.length() > 500 ? title.substring(0, 500) : title,
                visit.program().id());
    }

    public List<Source> sources(UUID deployment, UUID current, String subject) {
        List<Source> found = new ArrayList<>();
        db.query("SELECT p.id, p.course_title, p.context_id, MAX(c.last_seen) FROM program p JOIN course_member c ON c.program_id = p.id "
                + "WHERE p.deployment_id = ? AND p.id <> ? AND c.subject = ? AND c.role IN ('INSTRUCTOR', 'ADMIN') "
                + "GROUP BY p.id, p.course_title, p.context_id ORDER BY MAX(c.last_seen) DESC",
                row -> found.add(new Source(Sql.uuid(row, 1), row.getString(2), row.getString(3), Sql.time(row, 4).toInstant())),
                deployment, current, subject);
        return found;
    }
}
