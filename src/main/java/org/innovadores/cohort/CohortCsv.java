package org.innovadores.cohort;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.innovadores.program.ModuleContent;

/**
 * People × modules × exercises as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted
 * when they hold a comma, quote or line break, quotes doubled), UTF-8 with a byte-order mark so
 * spreadsheet programs read accents right. One row per participant, module and exercise the module
 * asks for; a module without exercises gives one row.
 */
final class CohortCsv {

    static final List<String> HEADER = List.of("subject", "name", "team", "module", "module_state", "content_read_at",
            "exercise_template", "exercise_required", "exercise_title", "exercise_status", "exercise_updated_at");

    private CohortCsv() {
    }

    static String write(Cohort.Snapshot snapshot, String lang) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, HEADER);
        for (Cohort.Standing standing : snapshot.standings()) {
            Cohort.Person person = standing.person();
            String team = Optional.ofNullable(person.team()).map(snapshot.teamsById()::get).map(Cohort.Team::name).orElse("");
            String module = standing.module().content().title().in(lang).text();
            List<ModuleContent.ExerciseUse> uses = standing.module().content().exercises();
            List<String> common = List.of(person.subject(), person.name() == null ? "" : person.name(), team, module,
                    standing.completion().state().name(), time(standing.contentRead()));
            if (uses.isEmpty()) {
                line(out, concat(common, List.of("", "", "", "", "")));
                continue;
            }
            for (ModuleContent.ExerciseUse use : uses) {
                Optional<Cohort.Exercise> latest = latest(snapshot.exercises(), person.team(), standing.module().key(), use.template());
                line(out, concat(common, List.of(use.template(), String.valueOf(use.required()),
                        latest.map(Cohort.Exercise::title).orElse(""), latest.map(Cohort.Exercise::status).orElse(""),
                        latest.map(e -> time(e.updatedAt())).orElse(""))));
            }
        }
        return out.toString();
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

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.append(',');
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String field(String value) {
        // A leading =, +, - or @ would make a spreadsheet run it as a formula: kept as text.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

}
