package org.innovadores.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The template editor's form: words, required marks and order on the structure of the version edited. */
class TemplateFormTest {

    private static TemplateDefinition tree() {
        return TemplateSeed.shipped().templates().stream().filter(t -> t.key().equals("arbol-de-problemas")).findFirst().orElseThrow();
    }

    /** The form as the page sends it for a definition, unchanged. */
    private static MultivaluedMap<String, String> formOf(TemplateDefinition d) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("title_es", d.title().es());
        form.add("title_en", d.title().en());
        form.add("purpose_es", d.purpose().es());
        form.add("purpose_en", d.purpose().en());
        form.add("order", String.join(",", d.fields().stream().map(TemplateDefinition.Field::key).toList()));
        for (TemplateDefinition.Field f : d.fields()) {
            String p = "field." + f.key() + ".";
            form.add(p + "label_es", f.label().es());
            form.add(p + "label_en", f.label().en());
            form.add(p + "help_es", f.help().es());
            form.add(p + "help_en", f.help().en());
            if (Boolean.TRUE.equals(f.required())) form.add(p + "required", "1");
            f.columns().forEach(c -> {
                form.add(p + "column." + c.key() + ".label_es", c.label().es());
                form.add(p + "column." + c.key() + ".label_en", c.label().en());
            });
        }
        return form;
    }

    @Test
    void anUnchangedFormGivesTheSameTemplate() {
        TemplateForm.Result read = TemplateForm.read(tree(), formOf(tree()));
        assertThat(read.problems()).isEmpty();
        assertThat(read.definition()).isEqualTo(tree());
    }

    @Test
    void wordsRequiredAndOrderChangeAndTheStructureStays() {
        MultivaluedMap<String, String> form = formOf(tree());
        form.putSingle("field.causas.label_es", "Causas del problema");
        form.putSingle("field.causas.column.causa.label_en", "The cause");
        form.remove("field.central.required");
        form.putSingle("action", "field-down.central");
        TemplateDefinition changed = TemplateForm.read(tree(), form).definition();
        assertThat(changed.fields()).extracting(TemplateDefinition.Field::key).startsWith("causas", "central");
        TemplateDefinition.Field causas = changed.field("causas").orElseThrow();
        assertThat(causas.label().es()).isEqualTo("Causas del problema");
        assertThat(causas.columns().getFirst().label().en()).isEqualTo("The cause");
        assertThat(causas.columns()).extracting(TemplateDefinition.Column::key)
                .isEqualTo(tree().field("causas").orElseThrow().columns().stream().map(TemplateDefinition.Column::key).toList());
        assertThat(changed.field("central").orElseThrow().required()).isFalse();
        assertThat(changed.picture()).isEqualTo(tree().picture());
        // A field key the version does not have is ignored, not created.
        form.add("field.invented.label_es", "Nuevo");
        assertThat(TemplateForm.read(tree(), form).definition().field("invented")).isEmpty();
    }

    @Test
    void aBlankLabelOrTitleIsNamedWithItsField() {
        MultivaluedMap<String, String> form = formOf(tree());
        form.putSingle("field.efectos.label_es", " ");
        form.putSingle("field.efectos.label_en", "");
        form.putSingle("title_es", "");
        form.putSingle("title_en", "");
        List<TemplateForm.Problem> problems = TemplateForm.read(tree(), form).problems();
        assertThat(problems).extracting(TemplateForm.Problem::key).containsExactly("templates.form.error.title", "templates.form.error.label");
        int efectos = tree().fields().stream().map(TemplateDefinition.Field::key).toList().indexOf("efectos") + 1;
        assertThat(problems.get(1).args()).containsExactly(efectos, "efectos");
    }
}
