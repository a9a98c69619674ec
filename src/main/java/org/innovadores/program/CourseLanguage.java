package org.innovadores.program;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.innovadores.runtime.Sql;

/**
 * The course's language: what the tool's own names in the LMS (the gradebook columns it creates) are
 * written in. The first instructor's language when the course got its program; the cohort page
 * changes it. Read from the database on each use, like the course's zone.
 */
@ApplicationScoped
public class CourseLanguage {

    public static final List<String> OFFERED = List.of("es", "en");

    @Inject
    Sql db;

    public String of(Program program) {
        return of(program.id());
    }

    public String of(java.util.UUID program) {
        List<String> found = new ArrayList<>();
        db.query("SELECT language FROM program WHERE id = ?", row -> found.add(row.getString(1)), program);
        return found.isEmpty() ? "es" : parse(found.getFirst()).orElse("es");
    }

    public void set(Program program, String language) {
        db.update("UPDATE program SET language = ? WHERE id = ?", parse(language).orElseThrow(), program.id());
    }

    /** Set only where the course has none yet (its first instructor's launch). */
    public void setIfNone(Program program, String language) {
        parse(language).ifPresent(l -> db.update("UPDATE program SET language = ? WHERE id = ? AND language IS NULL", l, program.id()));
    }

    public static Optional<String> parse(String language) {
        if (language == null) return Optional.empty();
        String l = language.strip().toLowerCase(java.util.Locale.ROOT);
        if (l.length() > 2) l = l.substring(0, 2);
        return OFFERED.contains(l) ? Optional.of(l) : Optional.empty();
    }
}
