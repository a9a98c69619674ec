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

    @Test
    void fieldsOptionsAndColumnsAreAddedTypedAndRemovedBeforeTheSave() {
        MultivaluedMap<String, String> form = formOf(tree());
        form.putSingle("new_type", "CHOICE");
        form.putSingle("action", "add-field");
        TemplateForm.Result added = TemplateForm.read(tree(), form);
        assertThat(added.saving()).as("an add redraws, it does not save").isFalse();
        TemplateDefinition.Field made = added.definition().fields().getLast();
        assertThat(made.key()).isEqualTo("campo-" + (tree().fields().size() + 1));
        assertThat(made.type()).isEqualTo(TemplateDefinition.Type.CHOICE);
        assertThat(made.options()).extracting(TemplateDefinition.Option::key).containsExactly("opcion-1", "opcion-2");

        // The page then carries the new field; the person adds a third option, then removes the first.
        String p = "field." + made.key() + ".";
        form.putSingle("order", form.getFirst("order") + "," + made.key());
        form.putSingle(p + "type", "CHOICE");
        form.putSingle(p + "options", "opcion-1,opcion-2");
        form.putSingle(p + "label_es", "Nivel de urgencia");
        form.putSingle("action", "add-option." + made.key());
        assertThat(TemplateForm.read(tree(), form).definition().field(made.key()).orElseThrow().options()).hasSize(3);
        form.putSingle(p + "options", "opcion-1,opcion-2,opcion-3");
        form.putSingle("action", "remove-option." + made.key() + ".opcion-1");
        assertThat(TemplateForm.read(tree(), form).definition().field(made.key()).orElseThrow().options())
                .extracting(TemplateDefinition.Option::key).containsExactly("opcion-2", "opcion-3");

        // Saved with blank option words: refused, naming the field by its number and label.
        form.putSingle(p + "options", "opcion-2,opcion-3");
        form.putSingle("action", "save");
        TemplateForm.Result blank = TemplateForm.read(tree(), form);
        assertThat(blank.saving()).isTrue();
        int n = tree().fields().size() + 1;
        assertThat(blank.definition().problems(java.util.Set.of())).extracting(TemplateDefinition.Problem::key)
                .containsExactly("templates.problem.optionLabel");
        assertThat(blank.definition().problems(java.util.Set.of()).getFirst().argsIn("es")).containsExactly(n, "Nivel de urgencia");
        form.putSingle(p + "option.opcion-2.label_es", "Alta");
        form.putSingle(p + "option.opcion-3.label_es", "Baja");
        TemplateDefinition saved = TemplateForm.read(tree(), form).definition();
        assertThat(saved.problems(java.util.Set.of())).isEmpty();
        assertThat(saved.field(made.key()).orElseThrow().options().getFirst().label().es()).isEqualTo("Alta");

        // Removing a field drops it and nothing else.
        form.putSingle("action", "remove-field.central");
        TemplateForm.Result removed = TemplateForm.read(tree(), form);
        assertThat(removed.saving()).isFalse();
        assertThat(removed.definition().field("central")).isEmpty();
        assertThat(removed.definition().fields()).hasSize(saved.fields().size() - 1);
    }

    @Test
    void aTypeChangeGivesAColumnAndARatingTakesItsRange() {
        MultivaluedMap<String, String> form = formOf(tree());
        form.putSingle("field.central.type", "TABLE");
        form.putSingle("action", "apply");
        TemplateDefinition.Field table = TemplateForm.read(tree(), form).definition().field("central").orElseThrow();
        assertThat(table.type()).isEqualTo(TemplateDefinition.Type.TABLE);
        assertThat(table.columns()).extracting(TemplateDefinition.Column::key).containsExactly("columna-1");

        String c = "field.central.column.columna-1.";
        form.putSingle("field.central.columns", "columna-1");
        form.putSingle(c + "label_es", "Gravedad");
        form.putSingle(c + "type", "RATING");
        form.putSingle(c + "min", "0");
        form.putSingle(c + "max", "3");
        form.putSingle(c + "maxLabel_es", "Muy grave");
        form.putSingle("action", "save");
        TemplateDefinition.Column rating = TemplateForm.read(tree(), form).definition().field("central").orElseThrow().columns().getFirst();
        assertThat(rating.type()).isEqualTo(TemplateDefinition.ColumnType.RATING);
        assertThat(rating.min()).isZero();
        assertThat(rating.max()).isEqualTo(3);
        assertThat(rating.maxLabel().es()).isEqualTo("Muy grave");

        form.putSingle(c + "max", "tres");
        assertThat(TemplateForm.read(tree(), form).problems()).extracting(TemplateForm.Problem::key).containsExactly("templates.form.error.number");
        form.putSingle(c + "max", "20");
        TemplateDefinition wide = TemplateForm.read(tree(), form).definition();
        assertThat(wide.problems(java.util.Set.of())).extracting(TemplateDefinition.Problem::key).containsExactly("templates.problem.rating");
    }

    @Test
    void keysTheFormCarriesAreCheckedAndBounded() {
        MultivaluedMap<String, String> form = formOf(tree());
        form.putSingle("order", "central,../x,CENTRAL,central," + String.join(",", java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> "f" + i).toList()));
        TemplateDefinition d = TemplateForm.read(tree(), form).definition();
        assertThat(d.fields().getFirst().key()).isEqualTo("central");
        assertThat(d.fields()).hasSize(TemplateForm.MAX_FIELDS);
        assertThat(d.fields()).extracting(TemplateDefinition.Field::key).doesNotContain("../x", "CENTRAL");
    }
}
