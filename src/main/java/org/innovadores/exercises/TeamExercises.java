package org.innovadores.exercises;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.innovadores.program.Program;
import org.innovadores.teams.TeamWork;

/** A team's exercises and learning chain for its workspace. */
@ApplicationScoped
public class TeamExercises implements TeamWork {

    @Inject
    Exercises exercises;

    @Inject
    Templates templates;

    @Override
    public Work of(Program program, UUID team, String lang) {
        List<Exercise> work = exercises.of(team);
        Map<String, String> titles = new HashMap<>();
        templates.all(program.id()).forEach((key, version) -> titles.put(key, version.definition().title().text(lang)));
        return new Work(work.stream().map(TeamExercises::item).toList(), titles,
                LearningChain.of(work, e -> templates.byId(e.templateId()).map(Templates.Version::definition).orElse(null)));
    }

    @Override
    public List<Item> deleted(UUID team) {
        return exercises.deleted(team).stream().map(TeamExercises::item).toList();
    }

    static Item item(Exercise exercise) {
        return exercise == null ? null
                : new Item(exercise.id(), exercise.moduleKey(), exercise.title(), exercise.status().name());
    }
}
