package org.innovadores.exercises;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Three-way merge of an exercise save, field by field: what the saver started from ({@code base}),
 * what is stored now ({@code current}), what the saver sends ({@code mine}). A field only the saver
 * changed takes their value; a field only others changed keeps theirs; a field both changed to
 * different values keeps the stored one and returns the saver's as a conflict, so neither text is lost.
 * A field changed since the base only by the saver themself (their own earlier autosave) is theirs
 * to change again, not a conflict.
 */
public final class Merge {

    public record Conflict(String field, JsonValue proposed) {
    }

    public record Result(Map<String, JsonValue> values, List<String> changed, List<Conflict> conflicts) {
    }

    private Merge() {
    }

    public static Result apply(Map<String, JsonValue> base, Map<String, JsonValue> current, Map<String, JsonValue> mine) {
        return apply(base, current, mine, field -> false);
    }

    public static Result apply(Map<String, JsonValue> base, Map<String, JsonValue> current, Map<String, JsonValue> mine,
                               java.util.function.Predicate<String> changedOnlyBySaver) {
        Map<String, JsonValue> merged = new LinkedHashMap<>(current);
        List<String> changed = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (Map.Entry<String, JsonValue> entry : mine.entrySet()) {
            String field = entry.getKey();
            JsonValue m = entry.getValue();
            JsonValue b = base.get(field);
            JsonValue c = current.get(field);
            if (same(m, b) || same(m, c)) continue;
            if (same(c, b) || changedOnlyBySaver.test(field)) {
                merged.put(field, m);
                changed.add(field);
            } else {
                conflicts.add(new Conflict(field, m));
            }
        }
        return new Result(merged, changed, conflicts);
    }

    static boolean same(JsonValue a, JsonValue b) {
        return Objects.equals(a == null ? null : a.toString(), b == null ? null : b.toString());
    }
}
