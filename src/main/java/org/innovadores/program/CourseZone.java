package org.innovadores.program;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.innovadores.runtime.Sql;

/**
 * The course's time zone: workshop times are written and shown in it, and reminders and digests
 * follow its days. Read from the database on each use (never cached in the course's program, which
 * every instance keeps), so a change is seen at once everywhere.
 */
@ApplicationScoped
public class CourseZone {

    /** The program's home: Paraguay. A course elsewhere chooses its own. */
    public static final ZoneId DEFAULT = org.innovadores.web.Page.HOME_ZONE;

    /** The zones offered: the Americas and Spain, where the program's cohorts are, and UTC. */
    public static final List<String> OFFERED = offered();

    @Inject
    Sql db;

    public ZoneId of(Program program) {
        List<String> found = new ArrayList<>();
        db.query("SELECT time_zone FROM program WHERE id = ?", row -> found.add(row.getString(1)), program.id());
        return found.isEmpty() ? DEFAULT : parse(found.getFirst()).orElse(DEFAULT);
    }

    public void set(Program program, ZoneId zone) {
        db.update("UPDATE program SET time_zone = ? WHERE id = ?", zone.getId(), program.id());
    }

    /** A zone the course may choose, or empty. */
    public static Optional<ZoneId> parse(String id) {
        if (id == null || id.isBlank() || !OFFERED.contains(id.strip())) return Optional.empty();
        try {
            return Optional.of(ZoneId.of(id.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> offered() {
        List<String> zones = new ArrayList<>(ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.startsWith("America/") || z.equals("Europe/Madrid") || z.equals("Atlantic/Canary"))
                .filter(z -> z.chars().filter(c -> c == '/').count() == 1).sorted().toList());
        zones.add("UTC");
        return List.copyOf(zones);
    }
}
