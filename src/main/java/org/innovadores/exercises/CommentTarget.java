package org.innovadores.exercises;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innovadores.exercises.TemplateDefinition.Field;
import org.innovadores.web.Texts;

/**
 * Something a comment points to: a field ("actores") or one row of a table ("actores/k3j9x2"),
 * named by the row's own id so the comment follows the row when rows move. {@code value} is what
 * the comment form sends and the comment keeps; {@code label} how the page names it.
 */
public record CommentTarget(String value, String label) {

    static final int MAX = 100;

    public static List<CommentTarget> all(TemplateDefinition template, Map<String, JsonValue> values, Texts t) {
        List<CommentTarget> targets = new ArrayList<>();
        for (Field field : template.fields()) {
            targets.add(new CommentTarget(field.key(), field.label().text(t.lang())));
            if (field.type() != TemplateDefinition.Type.TABLE && field.type() != TemplateDefinition.Type.MATRIX) continue;
            List<Map<String, String>> rows = FieldValues.rows(values.get(field.key()));
            for (int r = 0; r < rows.size(); r++) {
                String value = field.key() + "/" + FieldValues.rowId(rows.get(r), r);
                if (value.length() <= MAX) targets.add(new CommentTarget(value, rowLabel(field, rows.get(r), r, t)));
            }
        }
        return targets;
    }

    /** The words for a target; a row that has since been removed is named as the field's "removed row". */
    static String place(TemplateDefinition template, Map<String, JsonValue> values, String target, Texts t) {
        int slash = target.indexOf('/');
        String fieldKey = slash < 0 ? target : target.substring(0, slash);
        Field field = template.field(fieldKey).orElse(null);
        if (field == null) return target;
        if (slash < 0) return field.label().text(t.lang());
        String rowId = target.substring(slash + 1);
        List<Map<String, String>> rows = FieldValues.rows(values.get(fieldKey));
        for (int r = 0; r < rows.size(); r++) {
            if (FieldValues.rowId(rows.get(r), r).equals(rowId)) return rowLabel(field, rows.get(r), r, t);
        }
        return t.format("exercises.comment.removedRow", field.label().text(t.lang()));
    }

    private static String rowLabel(Field field, Map<String, String> row, int r, Texts t) {
        List<TemplateDefinition.Column> columns = field.type() == TemplateDefinition.Type.MATRIX ? field.itemColumns() : field.columns();
        String first = columns.isEmpty() ? "" : row.getOrDefault(columns.get(0).key(), "");
        if (first.length() > 60) first = first.substring(0, 59) + "…";
        return t.format("exercises.comment.row", field.label().text(t.lang()), r + 1, first);
    }
}
