package org.innovadores.exercises;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
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
}
