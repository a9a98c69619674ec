package org.innovadores.exercises;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.innovadores.exercises.ExerciseResource.LinkOption;
import org.innovadores.exercises.ExerciseResource.Printed;

/**
 * A team's exercises as they are read away from the form: each with the template version it was
 * written on and what its link fields name. The printed pages and the team portfolio use it.
 */
@ApplicationScoped
public class PrintedWork {

    @Inject
    Exercises exercises;

    @Inject
    Templates templates;

    /** Every exercise the team keeps, in the order they were started. */
    public List<Printed> of(UUID team) {
        List<Exercise> work = exercises.of(team);
        return work.stream().map(e -> {
            TemplateDefinition template = template(e);
            return new Printed(e, template, linkOptions(work, e, template));
        }).toList();
    }

    TemplateDefinition template(Exercise exercise) {
        return templates.byId(exercise.templateId()).orElseThrow().definition();
    }

    /**
     * What each link field may point to: the team's other exercises of the field's template, or for a
     * row link each row of their first table ("Mapa de supuestos · 3. Los vecinos…").
     */
    Map<String, List<LinkOption>> linkOptions(List<Exercise> work, Exercise exercise, TemplateDefinition template) {
        Map<String, List<LinkOption>> options = new HashMap<>();
        for (TemplateDefinition.Field field : template.fields()) {
            if (field.type() != TemplateDefinition.Type.LINK) continue;
            List<LinkOption> found = new ArrayList<>();
            for (Exercise e : work) {
                if (!e.templateKey().equals(field.template()) || e.id().equals(exercise.id())) continue;
                if (!field.row()) {
                    found.add(new LinkOption(e.id().toString(), e.title()));
                    continue;
                }
                template(e).rowsField().ifPresent(rowsField -> {
                    List<Map<String, String>> rows = FieldValues.rows(e.values().get(rowsField.key()));
                    List<TemplateDefinition.Column> columns = rowsField.type() == TemplateDefinition.Type.MATRIX
                            ? rowsField.itemColumns() : rowsField.columns();
                    for (int r = 0; r < rows.size(); r++) {
                        String text = rows.get(r).getOrDefault(columns.get(0).key(), "");
                        found.add(new LinkOption(e.id() + "/" + FieldValues.rowId(rows.get(r), r),
                                e.title() + " · " + (r + 1) + ". " + text));
                    }
                });
            }
            options.put(field.key(), found);
        }
        return options;
    }
}
