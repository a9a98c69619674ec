package org.innovadores.exercises;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.innovadores.exercises.TemplateDefinition.Column;
import org.innovadores.exercises.TemplateDefinition.Field;

/**
 * An exercise's values, field by field, each in one canonical JSON form so that two saves of the
 * same content compare equal: text as a string, a list as an array of strings, a table or a matrix as
 * an array of rows (objects of column to text; a matrix row also has "x" and "y" from 1 to 5), a link
 * as an array of exercise ids. Forms send plain fields: "f.key", one list item per line, table cells
 * as "f.key.row.column" (a row left empty disappears), so everything works by keyboard and without
 * script.
 */
public final class FieldValues {

    static final int MAX_TEXT = 20_000;
    static final int MAX_ROWS = 100;

    private FieldValues() {
    }

    /**
     * The values the form describes, for the fields it carries (a field it does not mention is left as
     * it is), and the problems found. Link fields carry a marker ("f.key._") so that unticking every
     * box still says "no links".
     */
    public static Map<String, JsonValue> fromForm(TemplateDefinition template, MultivaluedMap<String, String> form,
                                                  Set<String> linkable, List<String> problems) {
        Map<String, JsonValue> values = new LinkedHashMap<>();
        for (Field field : template.fields()) {
            String name = "f." + field.key();
            boolean sent = form.containsKey(name) || form.containsKey(name + "._")
                    || form.keySet().stream().anyMatch(k -> k.startsWith(name + "."));
            if (!sent) continue;
            values.put(field.key(), switch (field.type()) {
                case TEXT, LONGTEXT -> Json.createValue(text(form.getFirst(name), problems));
                case CHOICE -> {
                    String choice = text(form.getFirst(name), problems);
                    if (!choice.isEmpty() && field.options().stream().noneMatch(o -> o.key().equals(choice))) {
                        problems.add(field.key());
                        yield Json.createValue("");
                    }
                    yield Json.createValue(choice);
                }
                case LIST -> {
                    JsonArrayBuilder items = Json.createArrayBuilder();
                    String text = text(form.getFirst(name), problems);
                    text.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(MAX_ROWS).forEach(items::add);
                    yield items.build();
                }
                case TABLE -> rows(form, name, field.columns(), false, problems);
                case MATRIX -> rows(form, name, field.itemColumns(), true, problems);
                case LINK -> {
                    JsonArrayBuilder links = Json.createArrayBuilder();
                    List<String> chosen = form.getOrDefault(name, List.of());
                    for (String id : chosen) {
                        if (id == null || id.isBlank()) continue;
                        if (!linkable.contains(id)) problems.add(field.key());
                        else links.add(id);
                        if (!field.multiple()) break;
                    }
                    yield links.build();
                }
            });
        }
        return values;
    }

    private static JsonArray rows(MultivaluedMap<String, String> form, String name, List<Column> columns, boolean matrix,
                                  List<String> problems) {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (int r = 0; r < MAX_ROWS; r++) {
            String prefix = name + "." + r + ".";
            boolean present = columns.stream().anyMatch(c -> form.containsKey(prefix + c.key()));
            if (!present && !form.containsKey(prefix + "x")) {
                if (r > 0 && !form.containsKey(name + "." + (r + 1) + "." + columns.get(0).key())) break;
                continue;
            }
            JsonObjectBuilder row = Json.createObjectBuilder();
            boolean empty = true;
            for (Column c : columns) {
                String cell = text(form.getFirst(prefix + c.key()), problems);
                if (!cell.isEmpty()) empty = false;
                row.add(c.key(), cell);
            }
            if (empty) continue;
            if (matrix) {
                row.add("x", rating(form.getFirst(prefix + "x"), problems));
                row.add("y", rating(form.getFirst(prefix + "y"), problems));
            }
            rows.add(row);
        }
        return rows.build();
    }

    private static int rating(String value, List<String> problems) {
        try {
            int rating = Integer.parseInt(value == null ? "" : value.strip());
            if (rating >= 1 && rating <= 5) return rating;
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("rating");
        return 3;
    }

    private static String text(String value, List<String> problems) {
        if (value == null) return "";
        String text = value.replace("\r\n", "\n").strip();
        if (text.length() > MAX_TEXT) {
            problems.add("tooLong");
            return text.substring(0, MAX_TEXT);
        }
        return text;
    }

    public static String write(Map<String, JsonValue> values) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        values.forEach(object::add);
        return object.build().toString();
    }

    public static Map<String, JsonValue> read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return new LinkedHashMap<>(reader.readObject());
        }
    }

    /** An empty value for each field of the template. */
    public static Map<String, JsonValue> empty(TemplateDefinition template) {
        Map<String, JsonValue> values = new LinkedHashMap<>();
        for (Field field : template.fields()) {
            values.put(field.key(), switch (field.type()) {
                case TEXT, LONGTEXT, CHOICE -> Json.createValue("");
                default -> JsonValue.EMPTY_JSON_ARRAY;
            });
        }
        return values;
    }

    /** A value as plain text: what history, conflicts and diffs show. */
    public static String plain(JsonValue value) {
        if (value == null) return "";
        if (value instanceof JsonString s) return s.getString();
        if (value instanceof JsonArray array) {
            List<String> lines = new ArrayList<>();
            for (JsonValue item : array) {
                if (item instanceof JsonString s) lines.add("• " + s.getString());
                else if (item instanceof JsonObject row) {
                    List<String> cells = new ArrayList<>();
                    row.forEach((k, v) -> cells.add(k + ": " + (v instanceof JsonString s ? s.getString() : v.toString())));
                    lines.add("• " + String.join(" | ", cells));
                }
            }
            return String.join("\n", lines);
        }
        return value.toString();
    }

    /** The text of a string value, or "" (for forms). */
    public static String string(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : "";
    }

    /** The strings of an array value (list items, linked ids). */
    public static List<String> strings(JsonValue value) {
        List<String> out = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) if (item instanceof JsonString s) out.add(s.getString());
        }
        return out;
    }

    /** The rows of a table or matrix value as maps of column to text (x and y included). */
    public static List<Map<String, String>> rows(JsonValue value) {
        List<Map<String, String>> out = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonObject row) {
                    Map<String, String> cells = new LinkedHashMap<>();
                    row.forEach((k, v) -> cells.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
                    out.add(cells);
                }
            }
        }
        return out;
    }
}
