package org.innovadores.pilots;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.innovadores.exercises.Exercise;
import org.innovadores.exercises.Exercises;
import org.innovadores.exercises.TemplateDefinition;
import org.innovadores.exercises.Templates;
import org.innovadores.program.Program;

/**
 * A proposal's first draft, written from the team's own exercises so it does not start from a blank
 * page: the problem from the initial problem and the challenge, the solution from the selected
 * idea, the plan from the pilot plan, the change from the theory of change, the ask from the pitch.
 * Each exercise's latest content becomes "Label: value" lines the team then edits.
 */
@ApplicationScoped
public class ProposalDrafts {

    /** Which templates feed which section, in order. */
    static final Map<String, List<String>> SOURCES = Map.of(
            "problema", List.of("problema-inicial", "hallazgos-y-desafio"),
            "solucion", List.of("ideas-y-seleccion"),
            "plan", List.of("plan-de-piloto"),
            "cambio", List.of("teoria-de-cambio"),
            "pedido", List.of("pitch"));

    @Inject
    Exercises exercises;

    @Inject
    Templates templates;

    public Map<String, String> of(Program program, UUID team, String lang) {
        List<Exercise> all = exercises.of(team).stream().filter(e -> e.status() != Exercise.Status.DELETED).toList();
        Map<String, String> draft = new LinkedHashMap<>();
        for (String section : PilotCall.SECTIONS) {
            StringBuilder text = new StringBuilder();
            for (String template : SOURCES.get(section)) {
                Optional<Exercise> latest = all.stream().filter(e -> e.templateKey().equals(template))
                        .max(Comparator.comparing(Exercise::updatedAt));
                latest.ifPresent(e -> templates.byId(e.templateId()).ifPresent(v -> text.append(flat(v.definition(), e.values(), lang))));
            }
            draft.put(section, text.toString().strip());
        }
        return draft;
    }

    /** The exercise's filled fields as "Label: value" lines; lists and tables one item per line. */
    static String flat(TemplateDefinition definition, Map<String, JsonValue> values, String lang) {
        StringBuilder out = new StringBuilder();
        for (TemplateDefinition.Field field : definition.fields()) {
            JsonValue value = values.get(field.key());
            String shown = shown(value);
            if (shown.isBlank()) continue;
            out.append(field.label().text(lang)).append(':').append(shown.contains("\n") ? "\n" : " ").append(shown).append("\n\n");
        }
        return out.toString();
    }

    private static String shown(JsonValue value) {
        if (value == null) return "";
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString().strip();
            case NUMBER, TRUE, FALSE -> value.toString();
            case ARRAY -> {
                StringBuilder lines = new StringBuilder();
                for (JsonValue item : (JsonArray) value) {
                    String one = shown(item);
                    if (!one.isBlank()) lines.append("- ").append(one.replace("\n", " ")).append('\n');
                }
                yield lines.toString().strip();
            }
            case OBJECT -> {
                StringBuilder cells = new StringBuilder();
                for (Map.Entry<String, JsonValue> cell : ((JsonObject) value).entrySet()) {
                    String one = shown(cell.getValue());
                    if (one.isBlank() || cell.getKey().startsWith("_")) continue;
                    if (!cells.isEmpty()) cells.append(" · ");
                    cells.append(one);
                }
                yield cells.toString();
            }
            default -> "";
        };
    }
}
