package org.innovadores.cohort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.innovadores.program.ModuleContent;

/**
 * The export's rows, people × modules × exercises: one per participant, module and exercise the
 * module asks for (a module without exercises gives one row), with the exercise their team changed
 * last. Cells are strings, booleans or instants; each format writes them its own way.
 */
final class CohortRows {

    static final List<String> HEADER = List.of("subject", "name", "team", "module", "module_state", "content_read_at",
            "exercise_template", "exercise_required", "exercise_title", "exercise_status", "exercise_updated_at");

    record Row(List<Object> cells) {
    }

    private CohortRows() {
    }

    static List<Row> of(Cohort.Snapshot snapshot, String lang) {
        List<Row> rows = new ArrayList<>();
        for (Cohort.Standing standing : snapshot.standings()) {
            Cohort.Person person = standing.person();
            String team = Optional.ofNullable(person.team()).map(snapshot.teamsById()::get).map(Cohort.Team::name).orElse("");
            String module = standing.module().content().title().in(lang).text();
            List<ModuleContent.ExerciseUse> uses = standing.module().content().exercises();
            Object[] common = {person.subject(), person.name() == null ? "" : person.name(), team, module,
                    standing.completion().state().name(), standing.contentRead()};
            if (uses.isEmpty()) {
                rows.add(row(common, "", null, "", "", null));
                continue;
            }
            for (ModuleContent.ExerciseUse use : uses) {
                Optional<Cohort.Exercise> latest = latest(snapshot.exercises(), person.team(), standing.module().key(), use.template());
                rows.add(row(common, use.template(), use.required(), latest.map(Cohort.Exercise::title).orElse(""),
                        latest.map(Cohort.Exercise::status).orElse(""), latest.map(Cohort.Exercise::updatedAt).orElse(null)));
            }
        }
        return rows;
    }

    private static Row row(Object[] common, Object... exercise) {
        List<Object> cells = new ArrayList<>(Arrays.asList(common));
        cells.addAll(Arrays.asList(exercise));
        return new Row(cells);
    }

    /** The team's most recently changed exercise of that template in that module. */
    private static Optional<Cohort.Exercise> latest(List<Cohort.Exercise> exercises, UUID team, String module, String template) {
        if (team == null) return Optional.empty();
        Cohort.Exercise found = null;
        for (Cohort.Exercise e : exercises) { // ordered by updatedAt: the last match is the latest
            if (team.equals(e.team()) && module.equals(e.moduleKey()) && template.equals(e.templateKey())) found = e;
        }
        return Optional.ofNullable(found);
    }

}
