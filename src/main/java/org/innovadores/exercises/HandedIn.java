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
        db.query("SELECT id FROM exercise WHERE team_id = ? AND module_key = ? AND template_key = ? ORDER BY updated_at",
                row -> exercise[0] = row.getObject(1, UUID.class).toString(), team.get(), moduleKey, templateKey);
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
                row -> found.add(new SentBack(row.getString(2), "/course/teams/" + team.get() + "/exercises/" + row.getObject(1, UUID.class),
                        row.getString(3), row.getString(4))), team.get());
        return found;
    }
}
