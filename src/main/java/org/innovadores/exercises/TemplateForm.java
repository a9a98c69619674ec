package org.innovadores.exercises;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.innovadores.program.Localized;

/**
 * The template editor's form: a whole template without JSON. The words (title, purpose, each field's
 * label and help, its options' and columns' labels, a rating's end labels, a matrix's axes, in both
 * languages), each field's type and whether it is required, the fields', options' and columns' order
 * and number, a column's type and a rating's range, the template a link points to.
 *
 * <p>The form carries the structure it shows ({@code order}, {@code field.K.options},
 * {@code field.K.columns}, …) so that adding, removing and moving can go back and forth before the
 * save; what the form does not show (a link to a row, consent, row limits, the drawing) comes from
 * the version edited. Keys the person never sees are made here ({@code campo-3}, {@code opcion-2}).
 */
public final class TemplateForm {

    static final int MAX_TEXT = 2000;
    /** More than the largest shipped template needs, few enough that a page stays a page. */
    static final int MAX_FIELDS = 40;
    static final int MAX_ITEMS = 30;
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    /** A refusal named for the person: a text key and its arguments (the field's number and label). */
    public record Problem(String key, List<Object> args) {
    }

    /**
     * The template the form describes; {@code saving} when the person asked to save it (an add, a
     * remove, a move or a change of type only redraws the form, which the page's buttons bring back
     * to where the person was with a fragment).
     */
    public record Result(TemplateDefinition definition, List<Problem> problems, boolean saving) {
    }

    private TemplateForm() {
    }

    public static Result read(TemplateDefinition base, MultivaluedMap<String, String> form) {
        List<Problem> problems = new ArrayList<>();
        Localized title = localized(form, "title", problems);
        if (title.isBlank()) problems.add(new Problem("templates.form.error.title", List.of()));
        Localized purpose = localized(form, "purpose", problems);
        String action = form.getFirst("action");
        action = action == null ? "save" : action;

        Map<String, TemplateDefinition.Field> before = new LinkedHashMap<>();
        base.fields().forEach(f -> before.put(f.key(), f));
        List<String> order = form.containsKey("order") ? keys(form.getFirst("order"), MAX_FIELDS) : new ArrayList<>(before.keySet());
        if (action.startsWith("field-up.") || action.startsWith("field-down.")) {
            String moved = after(action);
            int at = order.indexOf(moved);
            int to = action.startsWith("field-up.") ? at - 1 : at + 1;
            if (at >= 0 && to >= 0 && to < order.size()) Collections.swap(order, at, to);
        } else if (action.startsWith("remove-field.")) {
            order.remove(after(action));
        } else if (action.equals("add-field") && order.size() < MAX_FIELDS) {
            order.add(fresh("campo", order));
        }

        List<TemplateDefinition.Field> fields = new ArrayList<>();
        for (int n = 0; n < order.size(); n++) {
            String key = order.get(n);
            TemplateDefinition.Field was = before.get(key);
            String p = "field." + key + ".";
            TemplateDefinition.Type type = choose(TemplateDefinition.Type.class, form.getFirst(p + "type"),
                    was != null ? was.type() : action.equals("add-field") && form.getFirst("new_type") != null
                            ? choose(TemplateDefinition.Type.class, form.getFirst("new_type"), TemplateDefinition.Type.TEXT)
                            : TemplateDefinition.Type.TEXT);
            Localized label = localized(form, p + "label", problems);
            if (label.isBlank()) problems.add(new Problem("templates.form.error.label", List.of(n + 1, key)));
            Localized help = localized(form, p + "help", problems);

            List<TemplateDefinition.Option> options = List.of();
            if (type == TemplateDefinition.Type.CHOICE) {
                List<TemplateDefinition.Option> earlier = was == null ? List.of() : was.options();
                List<String> items = items(form, p + "options", earlier.stream().map(TemplateDefinition.Option::key).toList(), action,
                        "option." + key, 2);
                options = options(form, p, items, earlier, problems);
            }
            List<TemplateDefinition.Column> columns = List.of();
            if (type == TemplateDefinition.Type.TABLE || type == TemplateDefinition.Type.MATRIX) {
                List<TemplateDefinition.Column> earlier = was == null ? List.of()
                        : was.type() == TemplateDefinition.Type.MATRIX ? was.itemColumns() : was.columns();
                List<String> items = items(form, p + "columns", earlier.stream().map(TemplateDefinition.Column::key).toList(), action,
                        "column." + key, 1);
                List<TemplateDefinition.Column> made = new ArrayList<>();
                for (String c : items) {
                    TemplateDefinition.Column old = earlier.stream().filter(e -> e.key().equals(c)).findFirst().orElse(null);
                    made.add(column(form, p + "column." + c + ".", c, old, action, key, problems));
                }
                columns = made;
            }
            Localized xAxis = was == null ? Localized.empty() : was.xAxis();
            Localized yAxis = was == null ? Localized.empty() : was.yAxis();
            if (type == TemplateDefinition.Type.MATRIX) {
                xAxis = keptIfAbsent(form, p + "xAxis", xAxis, problems);
                yAxis = keptIfAbsent(form, p + "yAxis", yAxis, problems);
            }
            String template = was == null ? null : was.template();
            boolean multiple = was != null && was.multiple();
            if (type == TemplateDefinition.Type.LINK) {
                if (form.containsKey(p + "template")) template = form.getFirst(p + "template");
                if (form.containsKey(p + "template")) multiple = form.containsKey(p + "multiple");
            }
            boolean required = form.containsKey(p + "required");
            boolean matrix = type == TemplateDefinition.Type.MATRIX;
            fields.add(new TemplateDefinition.Field(key, type, label, help, matrix ? List.of() : columns, options,
                    matrix ? xAxis : was == null ? null : was.xAxis(), matrix ? yAxis : was == null ? null : was.yAxis(),
                    matrix ? columns : List.of(), type == TemplateDefinition.Type.LINK ? template : was == null ? null : was.template(),
                    multiple, was != null && was.consent(), was == null ? null : was.minRows(), was == null ? null : was.maxRows(), required,
                    was != null && Boolean.TRUE.equals(was.row())));
        }
        return new Result(new TemplateDefinition(base.key(), title, purpose, fields, base.repeats(), base.picture()), problems,
                action.equals("save"));
    }

    /**
     * The keys of a list of options or columns: as the form carries them (or the version's), with an
     * add ({@code add-<what>}) or a remove ({@code remove-<what>.<key>}) applied. A new list starts
     * with {@code least} entries, so a new choice shows its two options at once.
     */
    private static List<String> items(MultivaluedMap<String, String> form, String listName, List<String> earlier, String action,
                                      String what, int least) {
        List<String> keys = form.containsKey(listName) ? keys(form.getFirst(listName), MAX_ITEMS) : new ArrayList<>(earlier);
        String prefix = what.startsWith("option") ? "opcion" : "columna";
        if (!form.containsKey(listName)) while (keys.size() < least) keys.add(fresh(prefix, keys));
        if (action.equals("add-" + what) && keys.size() < MAX_ITEMS) keys.add(fresh(prefix, keys));
        else if (action.startsWith("remove-" + what + ".")) keys.remove(action.substring(("remove-" + what + ".").length()));
        return keys;
    }

    private static List<TemplateDefinition.Option> options(MultivaluedMap<String, String> form, String p, List<String> keys,
                                                           List<TemplateDefinition.Option> earlier, List<Problem> problems) {
        List<TemplateDefinition.Option> options = new ArrayList<>();
        for (String o : keys) {
            Localized was = earlier.stream().filter(e -> e.key().equals(o)).map(TemplateDefinition.Option::label).findFirst()
                    .orElse(Localized.empty());
            options.add(new TemplateDefinition.Option(o, keptIfAbsent(form, p + "option." + o + ".label", was, problems)));
        }
        return options;
    }

    private static TemplateDefinition.Column column(MultivaluedMap<String, String> form, String p, String key, TemplateDefinition.Column old,
                                 String action, String fieldKey, List<Problem> problems) {
        TemplateDefinition.ColumnType type = choose(TemplateDefinition.ColumnType.class, form.getFirst(p + "type"),
                old == null ? TemplateDefinition.ColumnType.TEXT : old.type());
        Localized label = keptIfAbsent(form, p + "label", old == null ? Localized.empty() : old.label(), problems);
        List<TemplateDefinition.Option> options = List.of();
        if (type == TemplateDefinition.ColumnType.CHOICE) {
            List<TemplateDefinition.Option> earlier = old == null ? List.of() : old.options();
            List<String> keys = items(form, p + "options", earlier.stream().map(TemplateDefinition.Option::key).toList(), action,
                    "option." + fieldKey + "." + key, 2);
            options = options(form, p, keys, earlier, problems);
        }
        Integer min = null;
        Integer max = null;
        Localized minLabel = null;
        Localized maxLabel = null;
        if (type == TemplateDefinition.ColumnType.RATING) {
            min = number(form.getFirst(p + "min"), old == null ? null : old.min(), problems);
            max = number(form.getFirst(p + "max"), old == null ? null : old.max(), problems);
            minLabel = keptIfAbsent(form, p + "minLabel", old == null ? Localized.empty() : old.minLabel(), problems);
            maxLabel = keptIfAbsent(form, p + "maxLabel", old == null ? Localized.empty() : old.maxLabel(), problems);
        }
        return new TemplateDefinition.Column(key, label, type, options, min, max, minLabel, maxLabel);
    }

    private static Integer number(String typed, Integer before, List<Problem> problems) {
        if (typed == null) return before;
        if (typed.isBlank()) return null;
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            problems.add(new Problem("templates.form.error.number", List.of(typed.strip())));
            return before;
        }
    }

    private static <E extends Enum<E>> E choose(Class<E> type, String typed, E otherwise) {
        if (typed == null) return otherwise;
        for (E e : type.getEnumConstants()) if (e.name().equals(typed)) return e;
        return otherwise;
    }

    /** Comma-separated keys as the form carries them: well-formed ones only, each once, at most {@code max}. */
    private static List<String> keys(String given, int max) {
        List<String> keys = new ArrayList<>();
        if (given == null) return keys;
        for (String k : given.split(",")) {
            String key = k.strip();
            if (KEY.matcher(key).matches() && !keys.contains(key) && keys.size() < max) keys.add(key);
        }
        return keys;
    }

    /** The key the next added field ({@code campo}), option ({@code opcion}) or column ({@code columna}) gets. */
    public static String fresh(String prefix, List<String> taken) {
        int n = taken.size() + 1;
        while (taken.contains(prefix + "-" + n)) n++;
        return prefix + "-" + n;
    }

    private static String after(String action) {
        return action.substring(action.indexOf('.') + 1);
    }

    /** Words the form did not carry at all keep what the version had; words carried, even blank, are the person's. */
    private static Localized keptIfAbsent(MultivaluedMap<String, String> form, String name, Localized before, List<Problem> problems) {
        if (!form.containsKey(name + "_es") && !form.containsKey(name + "_en")) return before == null ? Localized.empty() : before;
        return localized(form, name, problems);
    }

    private static Localized localized(MultivaluedMap<String, String> form, String name, List<Problem> problems) {
        String es = form.getFirst(name + "_es");
        String en = form.getFirst(name + "_en");
        if ((es != null && es.length() > MAX_TEXT) || (en != null && en.length() > MAX_TEXT)) {
            problems.add(new Problem("templates.form.error.tooLong", List.of(MAX_TEXT)));
        }
        return Localized.of(es == null ? null : es.strip(), en == null ? null : en.strip());
    }
}
