package org.innovadores.exercises;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innovadores.web.Texts;

/**
 * What an exercise still lacks by its template's own rules before it can be handed in: each required
 * field filled, each table within its rows (for example 5 to 20 actors). Said in words, in the
 * reader's language, for the page and for a refused hand-in.
 */
public final class ExerciseRules {

    private ExerciseRules() {
    }

    public static List<String> incomplete(TemplateDefinition template, Map<String, JsonValue> values, Texts t) {
        List<String> missing = new ArrayList<>();
        for (TemplateDefinition.Field field : template.fields()) {
            JsonValue value = values.get(field.key());
            String label = field.label().text(t.lang());
            boolean empty = switch (field.type()) {
                case TEXT, LONGTEXT, DATE, CHOICE -> FieldValues.string(value).isBlank();
                case LIST, LINK -> FieldValues.strings(value).isEmpty();
                case TABLE, MATRIX -> FieldValues.rows(value).isEmpty();
            };
            if (field.required() && empty) missing.add(t.format("exercises.incomplete.required", label));
            if (field.type() == TemplateDefinition.Type.TABLE || field.type() == TemplateDefinition.Type.MATRIX) {
                int rows = FieldValues.rows(value).size();
                if (field.minRows() != null && rows < field.minRows() && !(empty && field.required())) {
                    missing.add(t.format("exercises.incomplete.minRows", label, field.minRows(), rows));
                }
                if (field.maxRows() != null && rows > field.maxRows()) {
                    missing.add(t.format("exercises.incomplete.maxRows", label, field.maxRows(), rows));
                }
            }
        }
        if (missing.isEmpty() && values.values().stream().allMatch(ExerciseRules::blank)) {
            missing.add(t.get("exercises.incomplete.empty"));
        }
        return missing;
    }

    private static boolean blank(JsonValue value) {
        return FieldValues.plain(value).isBlank();
    }
}
