package org.innovadores.exercises;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.innovadores.program.Localized;

/**
 * An exercise template as data: its typed fields with Spanish and English labels and help. Kept in
 * versions; an exercise stays on the version it was started with. {@code repeats}: a team may keep
 * several exercises of it (test cards, field notes, learning cards); otherwise one per team.
 * {@code picture}: the drawing the method makes of the whole exercise, beside its form.
 */
public record TemplateDefinition(String key, Localized title, Localized purpose, List<Field> fields, Boolean repeats, Picture picture) {

    /**
     * Drawings made of several fields: the problem tree (central problem, "causas" table with
     * "subcausa-de", "efectos" list), the empathy map (its quadrant lists around "quien"), the journey
     * (the "etapas" table with its "emocion" rating).
     */
    public enum Picture { PROBLEM_TREE, EMPATHY_MAP, JOURNEY }

    public enum Type { TEXT, LONGTEXT, DATE, LIST, TABLE, CHOICE, MATRIX, LINK }

    /** What a table's cell holds; an older definition without types has text columns. */
    public enum ColumnType { TEXT, LONGTEXT, CHOICE, RATING, YESNO, DATE, NUMBER }

    /**
     * A named column of a table, or of a matrix's items: its type, the options of a choice, the range
     * of a rating ({@code min}..{@code max}, with what each end means).
     */
    public record Column(String key, Localized label, ColumnType type, List<Option> options, Integer min, Integer max,
                         Localized minLabel, Localized maxLabel) {

        public Column(String key, Localized label) {
            this(key, label, ColumnType.TEXT, null, null, null, null, null);
        }

        @jakarta.json.bind.annotation.JsonbCreator
        public Column {
            type = type == null ? ColumnType.TEXT : type;
            options = options == null ? List.of() : List.copyOf(options);
            if (type == ColumnType.RATING) {
                min = min == null ? 1 : min;
                max = max == null ? 5 : max;
            }
            minLabel = minLabel == null ? Localized.empty() : minLabel;
            maxLabel = maxLabel == null ? Localized.empty() : maxLabel;
        }

        public java.util.Optional<Option> option(String optionKey) {
            return options.stream().filter(o -> o.key().equals(optionKey)).findFirst();
        }
    }

    public record Option(String key, Localized label) {
    }

    /**
     * One field. Tables have {@code columns}; choices {@code options}; a 2×2 matrix places items
     * (described by {@code itemColumns}) by two ratings from 1 to 5 on {@code xAxis} and {@code yAxis};
     * a link points to exercises of another {@code template} of the same team ({@code multiple} for
     * several), or with {@code row} to one row of such an exercise's first table or matrix (the
     * assumption a test card tests). {@code consent} marks the choice that records whether consent
     * was obtained.
     */
    public record Field(String key, Type type, Localized label, Localized help, List<Column> columns, List<Option> options,
                        Localized xAxis, Localized yAxis, List<Column> itemColumns, String template, boolean multiple,
                        boolean consent, Integer minRows, Integer maxRows, Boolean required, Boolean row) {

        public Field(String key, Type type, Localized label, Localized help, List<Column> columns, List<Option> options,
                     Localized xAxis, Localized yAxis, List<Column> itemColumns, String template, boolean multiple,
                     boolean consent, Integer minRows, Integer maxRows, Boolean required) {
            this(key, type, label, help, columns, options, xAxis, yAxis, itemColumns, template, multiple, consent, minRows, maxRows,
                    required, false);
        }

        public Field(String key, Type type, Localized label, Localized help, List<Column> columns, List<Option> options,
                     Localized xAxis, Localized yAxis, List<Column> itemColumns, String template, boolean multiple,
                     boolean consent, Integer minRows, Integer maxRows) {
            this(key, type, label, help, columns, options, xAxis, yAxis, itemColumns, template, multiple, consent, minRows, maxRows, false);
        }

        @jakarta.json.bind.annotation.JsonbCreator
        public Field {
            required = required != null && required;
            row = row != null && row;
            help = help == null ? Localized.empty() : help;
            columns = columns == null ? List.of() : List.copyOf(columns);
            options = options == null ? List.of() : List.copyOf(options);
            itemColumns = itemColumns == null ? List.of() : List.copyOf(itemColumns);
        }
    }

    public TemplateDefinition(String key, Localized title, Localized purpose, List<Field> fields) {
        this(key, title, purpose, fields, false, null);
    }

    @jakarta.json.bind.annotation.JsonbCreator
    public TemplateDefinition {
        fields = fields == null ? List.of() : List.copyOf(fields);
        repeats = repeats != null && repeats;
    }

    public boolean repeatable() {
        return repeats;
    }

    /** The first table or matrix: the rows another exercise's link can point to. */
    public java.util.Optional<Field> rowsField() {
        return fields.stream().filter(f -> f.type() == Type.TABLE || f.type() == Type.MATRIX).findFirst();
    }

    public java.util.Optional<Field> field(String fieldKey) {
        return fields.stream().filter(f -> f.key().equals(fieldKey)).findFirst();
    }

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    /**
     * A refusal as a text key with its arguments: the field's number and label (a {@link Localized},
     * shown in the reader's language) and, for a column, the column's number.
     */
    public record Problem(String key, List<Object> args) {

        public Problem(String key, Object... args) {
            this(key, List.of(args));
        }

        /** The arguments for a message in {@code lang}: labels in that language, or their key when blank. */
        public Object[] argsIn(String lang) {
            return args.stream().map(a -> a instanceof Localized l ? l.text(lang) : a).toArray();
        }
    }

    /** What is wrong with the definition; empty when it is sound. Fields and columns are numbered from 1. */
    public List<Problem> problems(Set<String> knownTemplates) {
        List<Problem> problems = new ArrayList<>();
        if (key == null || !KEY.matcher(key).matches()) problems.add(new Problem("templates.problem.key"));
        if (title == null || title.isBlank()) problems.add(new Problem("templates.problem.title"));
        if (fields.isEmpty()) problems.add(new Problem("templates.problem.fields"));
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            int n = i + 1;
            Localized named = f.label() == null || f.label().isBlank() ? Localized.of(f.key(), f.key()) : f.label();
            if (f.key() == null || !KEY.matcher(f.key()).matches()) problems.add(new Problem("templates.problem.fieldKey", n));
            else if (!keys.add(f.key())) problems.add(new Problem("templates.problem.fieldTwice", n, named));
            if (f.type() == null) {
                problems.add(new Problem("templates.problem.type", n, named));
                continue;
            }
            if (f.label() == null || f.label().isBlank()) problems.add(new Problem("templates.problem.label", n, named));
            switch (f.type()) {
                case TABLE -> columns(f.columns(), n, named, problems);
                case CHOICE -> options(f.options(), n, named, problems, "templates.problem.choiceOptions");
                case MATRIX -> {
                    if (f.xAxis() == null || f.xAxis().isBlank() || f.yAxis() == null || f.yAxis().isBlank()) {
                        problems.add(new Problem("templates.problem.axes", n, named));
                    }
                    columns(f.itemColumns(), n, named, problems);
                }
                case LINK -> {
                    if (f.template() == null || !(knownTemplates.contains(f.template()) || f.template().equals(key))) {
                        problems.add(new Problem("templates.problem.link", n, named, String.valueOf(f.template())));
                    }
                }
                default -> { }
            }
            if (f.minRows() != null && f.maxRows() != null && f.minRows() > f.maxRows()) problems.add(new Problem("templates.problem.rows", n, named));
        }
        return problems;
    }

    private static void options(List<Option> options, int n, Localized named, List<Problem> problems, String tooFew) {
        if (options.size() < 2) problems.add(new Problem(tooFew, n, named));
        Set<String> optionKeys = new HashSet<>();
        for (Option o : options) {
            if (o.key() == null || !KEY.matcher(o.key()).matches() || !optionKeys.add(o.key())) {
                problems.add(new Problem("templates.problem.optionKeys", n, named));
                return;
            }
            if (o.label() == null || o.label().isBlank()) {
                problems.add(new Problem("templates.problem.optionLabel", n, named));
                return;
            }
        }
    }

    private static void columns(List<Column> columns, int n, Localized named, List<Problem> problems) {
        if (columns.isEmpty()) problems.add(new Problem("templates.problem.columns", n, named));
        Set<String> keys = new HashSet<>();
        for (int j = 0; j < columns.size(); j++) {
            Column c = columns.get(j);
            int m = j + 1;
            if (c.key() == null || !KEY.matcher(c.key()).matches() || !keys.add(c.key())) {
                problems.add(new Problem("templates.problem.columnKey", n, named, m));
            }
            if (c.label() == null || c.label().isBlank()) problems.add(new Problem("templates.problem.columnLabel", n, named, m));
            if (c.type() == ColumnType.CHOICE) {
                List<Problem> own = new ArrayList<>();
                options(c.options(), n, named, own, "templates.problem.columnChoice");
                own.forEach(p -> problems.add(new Problem(p.key().replace("problem.option", "problem.columnOption"), n, named, m)));
            }
            if (c.type() == ColumnType.RATING && (c.min() >= c.max() || c.min() < 0 || c.max() > 10)) {
                problems.add(new Problem("templates.problem.rating", n, named, m));
            }
        }
    }
}
