package org.innovadores.cohort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
        // Each team's latest exercise of a template in a module, found once rather than per person and row.
        java.util.Map<String, Cohort.Exercise> latest = new java.util.HashMap<>();
        for (Cohort.Exercise e : snapshot.exercises()) latest.put(e.team() + "|" + e.moduleKey() + "|" + e.templateKey(), e); // by updatedAt
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
                Optional<Cohort.Exercise> last = person.team() == null ? Optional.empty()
                        : Optional.ofNullable(latest.get(person.team() + "|" + standing.module().key() + "|" + use.template()));
                rows.add(row(common, use.template(), use.required(), last.map(Cohort.Exercise::title).orElse(""),
                        last.map(Cohort.Exercise::status).orElse(""), last.map(Cohort.Exercise::updatedAt).orElse(null)));
            }
        }
        return rows;
    }

    private static Row row(Object[] common, Object... exercise) {
        List<Object> cells = new ArrayList<>(Arrays.asList(common));
        cells.addAll(Arrays.asList(exercise));
        return new Row(cells);
    }


}
