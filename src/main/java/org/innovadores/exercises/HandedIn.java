package org.innovadores.exercises;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.innovadores.program.Program;
import org.innovadores.program.TeamProgress;
import org.innovadores.runtime.Sql;
import org.innovadores.teams.Teams;

/** The team's exercises that count toward a module: submitted (in review) or accepted. */
@ApplicationScoped
public class HandedIn implements TeamProgress {

    @Inject
    Teams teams;

    @Inject
    Sql db;

    @Override
    public Optional<Map<String, Set<String>>> handedIn(Program program, String subject) {
        Optional<UUID> team = teams.teamOf(program.id(), subject);
        if (team.isEmpty()) return Optional.empty();
        Map<String, Set<String>> byModule = new HashMap<>();
        db.query("SELECT module_key, template_key FROM exercise WHERE team_id = ? AND status IN ('SUBMITTED', 'ACCEPTED')",
                row -> byModule.computeIfAbsent(row.getString(1), k -> new HashSet<>()).add(row.getString(2)), team.get());
        return Optional.of(byModule);
    }

    @Override
    public Optional<String> workOn(Program program, String subject, String moduleKey, String templateKey) {
        Optional<UUID> team = teams.teamOf(program.id(), subject);
        if (team.isEmpty()) return Optional.empty();
        String[] exercise = new String[1];
        db.query("SELECT id FROM exercise WHERE team_id = ? AND module_key = ? AND template_key = ? AND status <> 'DELETED' "
                        + "ORDER BY updated_at",
                row -> exercise[0] = Sql.uuid(row, 1).toString(), team.get(), moduleKey, templateKey);
        return Optional.of("/course/teams/" + team.get() + (exercise[0] == null ? "" : "/exercises/" + exercise[0]));
    }

    @Override
    public List<SentBack> sentBack(Program program, String subject) {
        Optional<UUID> team = teams.teamOf(program.id(), subject);
        if (team.isEmpty()) return List.of();
        List<SentBack> found = new ArrayList<>();
        // The reason is the comment the reviewer wrote when sending it back: the exercise's latest comment by someone
        // who is not in the team.
        db.query("SELECT e.id, e.title, (SELECT c.body FROM exercise_comment c WHERE c.exercise_id = e.id AND c.parent_id IS NULL "
                        + "AND c.author NOT IN (SELECT subject FROM team_member WHERE team_id = e.team_id) ORDER BY c.created_at DESC "
                        + "LIMIT 1), (SELECT c.author_name FROM exercise_comment c WHERE c.exercise_id = e.id AND c.parent_id IS NULL "
                        + "AND c.author NOT IN (SELECT subject FROM team_member WHERE team_id = e.team_id) ORDER BY c.created_at DESC "
                        + "LIMIT 1) FROM exercise e WHERE e.team_id = ? AND e.status = 'CHANGES_REQUESTED' ORDER BY e.updated_at DESC",
                row -> found.add(new SentBack(row.getString(2), "/course/teams/" + team.get() + "/exercises/" + Sql.uuid(row, 1),
                        row.getString(3), row.getString(4))), team.get());
        return found;
    }

    @Override
    public Optional<TeamStatus> status(Program program, String subject) {
        Optional<UUID> teamId = teams.teamOf(program.id(), subject);
        if (teamId.isEmpty()) return Optional.empty();
        org.innovadores.teams.Team team = teams.find(program.id(), teamId.get()).orElse(null);
        if (team == null) return Optional.empty();
        String workspace = "/course/teams/" + team.id();
        Map<String, Integer> byStatus = new HashMap<>();
        db.query("SELECT status, COUNT(*) FROM exercise WHERE team_id = ? AND status <> 'DELETED' GROUP BY status", row -> byStatus.put(row.getString(1), row.getInt(2)),
                team.id());
        List<String> mentors = new ArrayList<>();
        db.query("SELECT COALESCE(c.display_name, m.subject) FROM team_mentor m LEFT JOIN course_member c ON c.program_id = ? "
                + "AND c.subject = m.subject WHERE m.team_id = ? ORDER BY 1", row -> mentors.add(row.getString(1)), program.id(), team.id());
        List<Feedback> said = new ArrayList<>();
        // The latest comment on the team's work by someone outside the team.
        db.query("SELECT c.author_name, c.body, e.title, e.id, c.created_at FROM exercise_comment c JOIN exercise e ON e.id = c.exercise_id "
                        + "WHERE e.team_id = ? AND c.author NOT IN (SELECT subject FROM team_member WHERE team_id = e.team_id) "
                        + "ORDER BY c.created_at DESC LIMIT 1",
                row -> said.add(new Feedback(row.getString(1), row.getString(2), row.getString(3),
                        workspace + "/exercises/" + Sql.uuid(row, 4),
                        Sql.time(row, 5).toInstant())), team.id());
        // The next steps agreed at the last mentoring session.
        db.query("SELECT l.next_steps, l.met_on, l.created_at, COALESCE(c.display_name, l.author) FROM mentoring_log l "
                        + "LEFT JOIN course_member c ON c.program_id = ? AND c.subject = l.author WHERE l.team_id = ? "
                        + "ORDER BY l.met_on DESC, l.created_at DESC LIMIT 1",
                row -> {
                    if (row.getString(1) != null && !row.getString(1).isBlank()) {
                        said.add(new Feedback(row.getString(4), row.getString(1), null, workspace + "#log",
                                Sql.time(row, 3).toInstant()));
                    }
                }, program.id(), team.id());
        Feedback latest = said.stream().max(java.util.Comparator.comparing(Feedback::at)).orElse(null);
        return Optional.of(new TeamStatus(team.name(), workspace, mentors, byStatus.getOrDefault("DRAFT", 0),
                byStatus.getOrDefault("SUBMITTED", 0), byStatus.getOrDefault("CHANGES_REQUESTED", 0), byStatus.getOrDefault("ACCEPTED", 0),
                latest));
    }
}
