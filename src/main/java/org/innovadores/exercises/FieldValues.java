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
     * A value the form carried that could not be kept: which field (and row and column of a table),
     * what was typed, and the text key with its arguments that say what is allowed. The rest of the
     * form is saved; this cell keeps what was stored before.
     */
    public record Problem(String field, Integer row, String column, String typed, String key, List<Object> args) {
    }

    /**
     * The values the form describes, for the fields it carries (a field it does not mention is left as
     * it is), and the problems found. Link fields carry a marker ("f.key._") so that unticking every
     * box still says "no links". A value that is not allowed (a choice not offered, a rating out of
     * its range, a date or number that is none) is reported and the stored one kept in its place.
     */
    public static Map<String, JsonValue> fromForm(TemplateDefinition template, MultivaluedMap<String, String> form,
                                                  Set<String> linkable, Map<String, JsonValue> stored, List<Problem> problems) {
        return fromForm(template, form, linkable, stored, problems, new LinkedHashMap<>());
    }

    /** As above; {@code newRowIds} receives the id given to each row that came without one, by its input's name. */
    public static Map<String, JsonValue> fromForm(TemplateDefinition template, MultivaluedMap<String, String> form,
                                                  Set<String> linkable, Map<String, JsonValue> stored, List<Problem> problems,
                                                  Map<String, String> newRowIds) {
        Map<String, JsonValue> values = new LinkedHashMap<>();
        for (Field field : template.fields()) {
            String name = "f." + field.key();
            boolean sent = form.containsKey(name) || form.containsKey(name + "._")
                    || form.keySet().stream().anyMatch(k -> k.startsWith(name + "."));
            if (!sent) continue;
            JsonValue before = stored.get(field.key());
            values.put(field.key(), switch (field.type()) {
                case TEXT, LONGTEXT -> Json.createValue(text(form.getFirst(name), field, null, null, problems));
                case DATE -> {
                    String date = text(form.getFirst(name), field, null, null, problems);
                    if (!date.isEmpty() && !isDate(date)) {
                        problems.add(new Problem(field.key(), null, null, date, "exercises.problem.date", List.of()));
                        yield before instanceof JsonString ? before : Json.createValue("");
                    }
                    yield Json.createValue(date);
                }
                case CHOICE -> {
                    String choice = text(form.getFirst(name), field, null, null, problems);
                    if (!choice.isEmpty() && field.options().stream().noneMatch(o -> o.key().equals(choice))) {
                        problems.add(new Problem(field.key(), null, null, choice, "exercises.problem.choice", List.of()));
                        yield before instanceof JsonString ? before : Json.createValue("");
                    }
                    yield Json.createValue(choice);
                }
                case LIST -> {
                    JsonArrayBuilder items = Json.createArrayBuilder();
                    String text = text(form.getFirst(name), field, null, null, problems);
                    text.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(MAX_ROWS).forEach(items::add);
                    yield items.build();
                }
                case TABLE -> rows(form, name, field, field.columns(), false, rows(before), problems, newRowIds);
                case MATRIX -> rows(form, name, field, field.itemColumns(), true, rows(before), problems, newRowIds);
                case LINK -> {
                    JsonArrayBuilder links = Json.createArrayBuilder();
                    List<String> chosen = form.getOrDefault(name, List.of());
                    boolean refused = false;
                    for (String id : chosen) {
                        if (id == null || id.isBlank()) continue;
                        // A row link names "exercise/row"; an exercise link the exercise alone.
                        if (!linkable.contains(id) || field.row() != id.contains("/")) {
                            problems.add(new Problem(field.key(), null, null, id, "exercises.problem.link", List.of()));
                            refused = true;
                        } else links.add(id);
                        if (!field.multiple()) break;
                    }
                    // A link that is not allowed leaves the stored links as they were.
                    yield refused && before instanceof JsonArray ? before : links.build();
                }
            });
        }
        return values;
    }

    /**
     * Each row keeps an id of its own ("_id", which no column key can be), carried by the form, so a
     * link to one row (a test card's assumption) and a comment on it follow the row when rows are
     * added, moved or removed. A row saved before rows had ids is known as "r" and its position until
     * it is saved again with that id.
     */
    public static final String ROW_ID = "_id";
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9]{1,16}");
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    public static String rowId(Map<String, String> row, int index) {
        String id = row.get(ROW_ID);
        return id == null || id.isBlank() ? "r" + index : id;
    }

    private static String newRowId(Set<String> taken) {
        String id;
        do {
            id = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
            id = id.substring(0, Math.min(10, id.length()));
        } while (taken.contains(id));
        return id;
    }

    private static boolean isDate(String text) {
        try {
            java.time.LocalDate.parse(text);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static JsonArray rows(MultivaluedMap<String, String> form, String name, Field field, List<Column> columns, boolean matrix,
                                  List<Map<String, String>> before, List<Problem> problems, Map<String, String> newRowIds) {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        Set<String> ids = new java.util.HashSet<>();
        int kept = 0;
        for (int r = 0; r < MAX_ROWS; r++) {
            String prefix = name + "." + r + ".";
            boolean present = columns.stream().anyMatch(c -> form.containsKey(prefix + c.key()));
            if (!present && !form.containsKey(prefix + "x")) {
                if (r > 0 && !form.containsKey(name + "." + (r + 1) + "." + columns.get(0).key())) break;
                continue;
            }
            JsonObjectBuilder row = Json.createObjectBuilder();
            String id = form.getFirst(prefix + ROW_ID);
            id = id == null ? "" : id.strip();
            boolean given = !ID.matcher(id).matches() || ids.contains(id);
            if (given) id = newRowId(ids);
            // A refused cell keeps what this same row held: found by its id, or by its place when the form named none.
            String rowKey = id;
            int position = kept;
            Map<String, String> previous = given ? (position < before.size() ? before.get(position) : Map.of())
                    : java.util.stream.IntStream.range(0, before.size()).filter(i -> rowId(before.get(i), i).equals(rowKey))
                    .mapToObj(before::get).findFirst().orElse(Map.of());
            boolean empty = true;
            for (Column c : columns) {
                String cell = text(form.getFirst(prefix + c.key()), field, r, c, problems);
                if (!cell.isEmpty()) empty = false;
                row.add(c.key(), cell(field, r, c, cell, previous.getOrDefault(c.key(), ""), problems));
            }
            if (empty) continue;
            ids.add(id);
            row.add(ROW_ID, id);
            if (given) newRowIds.put(prefix + ROW_ID, id);
            kept++;
            if (matrix) {
                row.add("x", rating(form.getFirst(prefix + "x"), field, r, "x", previous.get("x"), problems));
                row.add("y", rating(form.getFirst(prefix + "y"), field, r, "y", previous.get("y"), problems));
            }
            rows.add(row);
        }
        return rows.build();
    }

    /** A typed cell in its canonical form, or the stored one when the typed one is not allowed. */
    private static String cell(Field field, int row, Column column, String typed, String stored, List<Problem> problems) {
        if (typed.isEmpty()) return typed;
        String problem = switch (column.type()) {
            case TEXT, LONGTEXT -> null;
            case CHOICE -> column.option(typed).isPresent() ? null : "exercises.problem.choice";
            case YESNO -> null;
            case RATING -> {
                try {
                    int rating = Integer.parseInt(typed);
                    yield rating >= column.min() && rating <= column.max() ? null : "exercises.problem.rating";
                } catch (NumberFormatException e) {
                    yield "exercises.problem.rating";
                }
            }
            case DATE -> isDate(typed) ? null : "exercises.problem.date";
            case NUMBER -> typed.replace(',', '.').matches("-?\\d{1,12}(\\.\\d{1,6})?") ? null : "exercises.problem.number";
        };
        if (column.type() == TemplateDefinition.ColumnType.YESNO) return yes(typed) ? "si" : "";
        if (column.type() == TemplateDefinition.ColumnType.NUMBER && problem == null) return typed.replace(',', '.');
        if (problem == null) return typed;
        List<Object> args = column.type() == TemplateDefinition.ColumnType.RATING ? List.of(column.min(), column.max()) : List.of();
        problems.add(new Problem(field.key(), row, column.key(), typed, problem, args));
        return stored;
    }

    /** A matrix rating as a number for placing it; unreadable ones sit in the middle. */
    public static int number(String value) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            return 3;
        }
    }

    /** A yes/no cell: the checkbox's value, or what a team typed in an earlier, untyped column. */
    public static boolean yes(String value) {
        if (value == null) return false;
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        return v.equals("si") || v.equals("sí") || v.equals("yes") || v.equals("x") || v.equals("on") || v.equals("true");
    }

    private static int rating(String value, Field field, int row, String axis, String stored, List<Problem> problems) {
        try {
            int rating = Integer.parseInt(value == null ? "" : value.strip());
            if (rating >= 1 && rating <= 5) return rating;
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Problem(field.key(), row, axis, value == null ? "" : value.strip(), "exercises.problem.rating", List.of(1, 5)));
        try {
            return stored == null ? 3 : Integer.parseInt(stored);
        } catch (NumberFormatException e) {
            return 3;
        }
    }

    private static String text(String value, Field field, Integer row, Column column, List<Problem> problems) {
        if (value == null) return "";
        String text = value.replace("\r\n", "\n").strip();
        if (text.length() > MAX_TEXT) {
            problems.add(new Problem(field.key(), row, column == null ? null : column.key(), "", "exercises.problem.tooLong",
                    List.of(MAX_TEXT)));
            return text.substring(0, MAX_TEXT);
        }
        return text;
    }

    /** The values with each refused cell showing what was typed, so a page shown again loses nothing typed. */
    public static Map<String, JsonValue> withTyped(Map<String, JsonValue> values, List<Problem> problems) {
        Map<String, JsonValue> shown = new LinkedHashMap<>(values);
        for (Problem p : problems) {
            JsonValue value = shown.get(p.field());
            if (p.row() == null) {
                if (value instanceof JsonString) shown.put(p.field(), Json.createValue(p.typed()));
                continue;
            }
            if (!(value instanceof JsonArray rows) || p.row() >= rows.size()) continue;
            JsonArrayBuilder patched = Json.createArrayBuilder();
            for (int r = 0; r < rows.size(); r++) {
                JsonValue row = rows.get(r);
                if (r == p.row() && row instanceof JsonObject cells) {
                    patched.add(Json.createObjectBuilder(cells).add(p.column(), p.typed()));
                } else patched.add(row);
            }
            shown.put(p.field(), patched.build());
        }
        return shown;
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
                case TEXT, LONGTEXT, DATE, CHOICE -> Json.createValue("");
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
                    row.forEach((k, v) -> {
                        if (!k.equals(ROW_ID)) cells.add(k + ": " + (v instanceof JsonString s ? s.getString() : v.toString()));
                    });
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
