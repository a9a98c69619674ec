package org.innovadores.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.innovadores.program.Localized;
import org.junit.jupiter.api.Test;

/** The shipped templates are sound data, and unsound definitions say what is wrong. */
class TemplateDefinitionTest {

    @Test
    void everyShippedTemplateValidatesInBothLanguages() {
        List<TemplateDefinition> templates = TemplateSeed.shipped().templates();
        assertThat(templates).hasSize(19);
        Set<String> keys = templates.stream().map(TemplateDefinition::key).collect(Collectors.toSet());
        for (TemplateDefinition t : templates) {
            assertThat(t.problems(keys)).as(t.key()).isEmpty();
            assertThat(t.fields()).as(t.key()).allSatisfy(f -> {
                assertThat(f.label().es()).isNotBlank();
                assertThat(f.label().en()).isNotBlank();
            });
        }
        TemplateDefinition map = templates.stream().filter(t -> t.key().equals("mapa-de-supuestos")).findFirst().orElseThrow();
        assertThat(map.fields().get(0).type()).isEqualTo(TemplateDefinition.Type.MATRIX);
        TemplateDefinition card = templates.stream().filter(t -> t.key().equals("tarjeta-de-experimento")).findFirst().orElseThrow();
        assertThat(card.field("supuesto").orElseThrow().template()).isEqualTo("mapa-de-supuestos");
        TemplateDefinition learning = templates.stream().filter(t -> t.key().equals("tarjeta-de-aprendizaje")).findFirst().orElseThrow();
        assertThat(learning.field("experimento").orElseThrow().template()).isEqualTo("tarjeta-de-experimento");
        TemplateDefinition notes = templates.stream().filter(t -> t.key().equals("registro-de-campo")).findFirst().orElseThrow();
        assertThat(notes.fields()).anySatisfy(f -> assertThat(f.consent()).isTrue());
    }

    /** The JSON an expert edits is the definition and nothing else: no flags computed from it. */
    @Test
    void theJsonShownCarriesNoInternalFlagsAndReadsBackTheSame() throws Exception {
        try (jakarta.json.bind.Jsonb jsonb = jakarta.json.bind.JsonbBuilder.create(new jakarta.json.bind.JsonbConfig().withFormatting(true))) {
            for (TemplateDefinition t : TemplateSeed.shipped().templates()) {
                String json = jsonb.toJson(t);
                assertThat(json).as(t.key()).doesNotContain("\"isBlank\"").doesNotContain("\"blank\"")
                        .doesNotContain("\"repeatable\"").doesNotContain("\"rowsField\"");
                assertThat(jsonb.fromJson(json, TemplateDefinition.class)).as(t.key()).isEqualTo(t);
            }
        }
    }

    @Test
    void unsoundDefinitionsAreExplained() {
        Localized l = Localized.of("Etiqueta", "Label");
        TemplateDefinition.Field noColumns = new TemplateDefinition.Field("tabla", TemplateDefinition.Type.TABLE, l, null, null,
                null, null, null, null, null, false, false, null, null);
        TemplateDefinition.Field oneOption = new TemplateDefinition.Field("elige", TemplateDefinition.Type.CHOICE, l, null, null,
                List.of(new TemplateDefinition.Option("a", l)), null, null, null, null, false, false, null, null);
        TemplateDefinition.Field badLink = new TemplateDefinition.Field("enlace", TemplateDefinition.Type.LINK, l, null, null,
                null, null, null, null, "no-existe", false, false, null, null);
        TemplateDefinition.Field twice = new TemplateDefinition.Field("elige", TemplateDefinition.Type.TEXT, l, null, null,
                null, null, null, null, null, false, false, null, null);
        TemplateDefinition bad = new TemplateDefinition("Mal Nombre", l, l, List.of(noColumns, oneOption, badLink, twice));
        // Each refusal names the field by its number and label, for the reader's language.
        assertThat(bad.problems(Set.of())).extracting(TemplateDefinition.Problem::key).containsExactly("templates.problem.key",
                "templates.problem.columns", "templates.problem.choiceOptions", "templates.problem.link", "templates.problem.fieldTwice");
        TemplateDefinition.Problem unknown = bad.problems(Set.of()).get(3);
        assertThat(unknown.argsIn("en")).containsExactly(3, l.en(), "no-existe");
        assertThat(unknown.argsIn("es")).containsExactly(3, l.es(), "no-existe");
    }
}
