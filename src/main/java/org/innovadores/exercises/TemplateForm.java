package org.innovadores.exercises;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innovadores.program.Localized;

/**
 * The template editor's form: the words of a template (title, purpose, each field's label and help,
 * its options' and columns' labels, in both languages), whether each field is required, and the
 * fields' order. The structure (keys, types, options, columns) comes from the version being edited
 * and is changed in the JSON; so a form can only make a sound template from a sound one.
 */
public final class TemplateForm {

    static final int MAX_TEXT = 2000;

    /** A refusal named for the person: a text key and its arguments (the field's number and label). */
    public record Problem(String key, List<Object> args) {
    }

    public record Result(TemplateDefinition definition, List<Problem> problems) {
    }

    private TemplateForm() {
    }

    /**
     * The template the form describes, built on {@code base}; an up/down action reorders without
     * being a problem. Field keys in the form name fields of {@code base} only: anything else is ignored.
     */
    public static Result read(TemplateDefinition base, MultivaluedMap<String, String> form) {
        List<Problem> problems = new ArrayList<>();
        Localized title = localized(form, "title", problems);
        if (title.isBlank()) problems.add(new Problem("templates.form.error.title", List.of()));
        Localized purpose = localized(form, "purpose", problems);

        Map<String, TemplateDefinition.Field> byKey = new LinkedHashMap<>();
        base.fields().forEach(f -> byKey.put(f.key(), f));
        List<String> order = new ArrayList<>();
        String given = form.getFirst("order");
        if (given != null) {
            for (String key : Arrays.asList(given.split(","))) if (byKey.containsKey(key) && !order.contains(key)) order.add(key);
        }
        byKey.keySet().stream().filter(k -> !order.contains(k)).forEach(order::add);
        String action = form.getFirst("action");
        if (action != null && (action.startsWith("field-up.") || action.startsWith("field-down."))) {
            int at = order.indexOf(action.substring(action.indexOf('.') + 1));
            int to = action.startsWith("field-up.") ? at - 1 : at + 1;
            if (at >= 0 && to >= 0 && to < order.size()) Collections.swap(order, at, to);
        }

        List<TemplateDefinition.Field> fields = new ArrayList<>();
        for (int n = 0; n < order.size(); n++) {
            TemplateDefinition.Field f = byKey.get(order.get(n));
            String p = "field." + f.key() + ".";
            Localized label = localized(form, p + "label", problems);
            if (label.isBlank()) problems.add(new Problem("templates.form.error.label", List.of(n + 1, f.key())));
            Localized help = localized(form, p + "help", problems);
            List<TemplateDefinition.Option> options = f.options().stream().map(o -> new TemplateDefinition.Option(o.key(),
                    kept(localized(form, p + "option." + o.key() + ".label", problems), o.label()))).toList();
            List<TemplateDefinition.Column> columns = f.columns().stream().map(c -> new TemplateDefinition.Column(c.key(),
                    kept(localized(form, p + "column." + c.key() + ".label", problems), c.label()), c.type(), c.options(), c.min(),
                    c.max(), c.minLabel(), c.maxLabel())).toList();
            boolean required = form.containsKey(p + "required");
            fields.add(new TemplateDefinition.Field(f.key(), f.type(), label, help, columns, options, f.xAxis(), f.yAxis(),
                    f.itemColumns(), f.template(), f.multiple(), f.consent(), f.minRows(), f.maxRows(), required, f.row()));
        }
        return new Result(new TemplateDefinition(base.key(), title, purpose, fields, base.repeats(), base.picture()), problems);
    }

    /** An option's or column's label the form did not carry keeps its earlier words; a blank one too. */
    private static Localized kept(Localized typed, Localized before) {
        return typed.isBlank() ? before : typed;
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
