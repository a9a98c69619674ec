package org.innovadores.cohort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.innovadores.program.Program;
import org.innovadores.runtime.Sql;

/**
 * A mentor's week on one page: each of their teams with where it stands, what waits for their
 * review (oldest first), comments not yet resolved, and the agreements and next steps of the last
 * mentoring session, so the weekly session is prepared from here. Built on the cohort's snapshot,
 * kept to the teams the person mentors (an instructor who mentors none sees every team).
 */
@ApplicationScoped
public class MentorWeek {

    @Inject
    Cohort cohort;

    @Inject
    Sql db;

    public record OpenComment(UUID exercise, String exerciseTitle, String author, String body, Instant at) {
    }

    public record LastSession(LocalDate metOn, String agreements, String nextSteps) {
    }

    public record TeamWeek(Cohort.TeamRow row, int members, int currentModule, List<Cohort.Waiting> waiting,
                           List<OpenComment> openComments, LastSession last, int drafts, int accepted, int changesRequested) {
    }

    public record Week(Cohort.Snapshot snapshot, List<TeamWeek> teams, boolean allTeams) {
    }

    public Week of(Program program, String subject, boolean instructor) {
        Cohort.Snapshot snapshot = cohort.of(program);
        Set<UUID> mine = new HashSet<>();
        db.query("SELECT m.team_id FROM team_mentor m JOIN team t ON t.id = m.team_id WHERE t.program_id = ? AND m.subject = ?",
                row -> mine.add(Sql.uuid(row, 1)), program.id(), subject);
        boolean all = mine.isEmpty() && instructor;
        List<Cohort.TeamRow> rows = snapshot.teams().stream().filter(r -> all || mine.contains(r.team().id())).toList();
        if (rows.isEmpty()) return new Week(snapshot, List.of(), all);

        Map<UUID, List<OpenComment>> open = new HashMap<>();
        db.query("SELECT e.team_id, e.id, e.title, c.author_name, c.body, c.created_at FROM exercise_comment c "
                        + "JOIN exercise e ON e.id = c.exercise_id JOIN team t ON t.id = e.team_id "
                        + "WHERE t.program_id = ? AND c.resolved_at IS NULL ORDER BY c.created_at",
                row -> open.computeIfAbsent(Sql.uuid(row, 1), k -> new ArrayList<>()).add(new OpenComment(
                        Sql.uuid(row, 2), row.getString(3), row.getString(4), row.getString(5),
                        Sql.time(row, 6).toInstant())), program.id());
        Map<UUID, LastSession> last = new HashMap<>();
        db.query("SELECT l.team_id, l.met_on, l.agreements, l.next_steps FROM mentoring_log l JOIN team t ON t.id = l.team_id "
                        + "WHERE t.program_id = ? ORDER BY l.met_on, l.created_at",
                row -> last.put(Sql.uuid(row, 1), new LastSession(Sql.date(row, 2), row.getString(3),
                        row.getString(4))), program.id());

        Map<UUID, int[]> statuses = new HashMap<>(); // drafts, accepted, changes requested
        for (Cohort.Exercise e : snapshot.exercises()) {
            int[] counts = statuses.computeIfAbsent(e.team(), k -> new int[3]);
            switch (e.status()) {
                case "DRAFT" -> counts[0]++;
                case "ACCEPTED" -> counts[1]++;
                case "CHANGES_REQUESTED" -> counts[2]++;
                default -> { }
            }
        }
        List<TeamWeek> weeks = new ArrayList<>();
        for (Cohort.TeamRow row : rows) {
            UUID id = row.team().id();
            int members = row.cells().isEmpty() ? 0 : row.cells().getFirst().members();
            int current = 0;
            while (current < row.cells().size() && members > 0 && row.cells().get(current).completed() == members) current++;
            int[] counts = statuses.getOrDefault(id, new int[3]);
            weeks.add(new TeamWeek(row, members, current, snapshot.reviewQueue().stream().filter(w -> w.exercise().team().equals(id)).toList(),
                    open.getOrDefault(id, List.of()), last.get(id), counts[0], counts[1], counts[2]));
        }
        return new Week(snapshot, weeks, all);
    }
}
