package org.innovadores.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.innovadores.exercises.TemplateDefinition;
import org.innovadores.exercises.TemplateSeed;
import org.junit.jupiter.api.Test;

/** The program the tool ships: a welcome, then eight modules following the eight phases, complete in both languages. */
class DefaultProgramTest {

    private final ProgramDocument program = DefaultProgram.document();
    private final DefaultProgram.Definition definition = DefaultProgram.definition();

    @Test
    void aWelcomeThenEightModulesInThePhasesOrderWithSixteenWorkshops() {
        assertThat(program.modules()).extracting(m -> m.content().title().es()).containsExactly("Bienvenida",
                "Exploración institucional", "Descubrimiento", "Definición", "Generación de ideas",
                "Selección de conceptos", "Prototipado y testeo", "Pilotaje y evaluación", "Adopción y escalamiento");
        assertThat(program.modules()).allSatisfy(m -> assertThat(m.status()).isEqualTo(ProgramModule.Status.PUBLISHED));
        assertThat(program.modules().stream().mapToInt(m -> m.content().workshops().size()).sum()).isEqualTo(16);
        Set<String> workshopKeys = program.modules().stream().flatMap(m -> m.content().workshops().stream())
                .map(ModuleContent.Workshop::key).collect(Collectors.toSet());
        assertThat(workshopKeys).hasSize(16);
        assertThat(program.modules()).extracting(ProgramDocument.Module::key).doesNotHaveDuplicates()
                .allSatisfy(k -> assertThat(ProgramItems.path("module/" + k)).isPresent());
    }

    @Test
    void everyTextExistsInSpanishAndEnglishAndTheContentIsSubstantive() {
        for (ProgramDocument.Module module : program.modules()) {
            ModuleContent c = module.content();
            List<Localized> texts = new java.util.ArrayList<>(List.of(c.title(), c.goals()));
            c.sections().forEach(s -> { texts.add(s.title()); texts.add(s.body()); });
            c.workshops().forEach(w -> { texts.add(w.title()); texts.add(w.outline()); texts.add(w.notes()); });
            assertThat(texts).as(module.key()).allSatisfy(t -> {
                assertThat(t.es()).isNotBlank();
                assertThat(t.en()).isNotBlank();
            });
            assertThat(c.sections()).as(module.key()).hasSizeGreaterThanOrEqualTo(3);
            for (String lang : List.of("es", "en")) {
                int words = c.sections().stream().mapToInt(s -> s.body().text(lang).split("\\s+").length).sum();
                assertThat(words).as(module.key() + " " + lang + " words").isGreaterThan(200);
            }
            // The welcome is read, not exercised; every phase asks for a method exercise.
            if (!module.key().equals("bienvenida")) assertThat(c.requiredExercises()).as(module.key()).isPositive();
        }
    }

    @Test
    void theWelcomeCarriesTheProgramsFactsAndEveryPhaseAWorkedExampleAndReadings() {
        ModuleContent welcome = program.modules().getFirst().content();
        String es = welcome.sections().stream().map(x -> x.body().es()).reduce("", String::concat);
        String en = welcome.sections().stream().map(x -> x.body().en()).reduce("", String::concat);
        for (String fact : List.of("Paraguay", "PNUD", "Estrategia Nacional de Innovación", "CONACYT", "Laboratorio de Gobierno",
                "Innovación Pública Ágil", "Objetivo de Desarrollo Sostenible 16", "USD 15 000", "voluntaria", "cinco horas por semana",
                "cambio de autoridades")) {
            assertThat(es).as(fact).contains(fact);
        }
        for (String fact : List.of("Paraguay", "UNDP", "National Innovation Strategy", "CONACYT", "Laboratorio de Gobierno",
                "Agile Public Innovation", "Sustainable Development Goal 16", "USD 15,000", "voluntary", "five hours a week",
                "change of authorities")) {
            assertThat(en).as(fact).contains(fact);
        }
        // One register: the interface's and the content's "usted / ustedes", never "tú".
        assertThat(es).doesNotContainPattern("(?i)\\b(tú|tienes|puedes|debes|tu equipo)\\b");
        for (ProgramDocument.Module module : program.modules().subList(1, program.modules().size())) {
            List<ModuleContent.Section> sections = module.content().sections();
            assertThat(sections).as(module.key()).anySatisfy(x -> {
                assertThat(x.title().es()).startsWith("Un ejemplo:");
                assertThat(x.title().en()).startsWith("A worked example:");
            });
            ModuleContent.Section reading = sections.getLast();
            assertThat(reading.title().es()).isEqualTo("Para leer más");
            assertThat(reading.title().en()).isEqualTo("Further reading");
            assertThat(reading.body().es().lines().filter(l -> l.startsWith("- "))).as(module.key()).hasSizeGreaterThanOrEqualTo(3);
            module.content().workshops().forEach(w -> assertThat(w.notes().es()).contains("**Objetivo:**").contains("**Cuidado con:**"));
        }
    }

    @Test
    void theModulesUseTheTemplatesOfTheCatalogueAndEveryTemplateIsUsed() {
        List<TemplateDefinition> templates = TemplateSeed.shipped().templates();
        Set<String> catalogue = templates.stream().map(TemplateDefinition::key).collect(Collectors.toSet());
        assertThat(catalogue).hasSize(19);
        Set<String> used = program.modules().stream().flatMap(m -> m.content().exercises().stream())
                .map(ModuleContent.ExerciseUse::template).collect(Collectors.toSet());
        assertThat(catalogue).containsAll(used);
        assertThat(used).containsAll(catalogue);
        assertThat(templates).allSatisfy(t -> {
            assertThat(t.title().es()).isNotBlank();
            assertThat(t.title().en()).isNotBlank();
            assertThat(t.purpose().es()).isNotBlank();
            assertThat(t.purpose().en()).isNotBlank();
        });
    }

    @Test
    void aDocumentSurvivesTheJsonRoundTrip() {
        ModuleContent first = program.modules().get(0).content();
        assertThat(Documents.read(Documents.write(first), ModuleContent.class)).isEqualTo(first);
    }

    @Test
    void aMissingTranslationFallsBackVisiblyNeverBlank() {
        Localized onlySpanish = Localized.of("Hola", " ");
        assertThat(onlySpanish.in("en")).isEqualTo(new Localized.Shown("Hola", "es", true));
        assertThat(onlySpanish.in("es")).isEqualTo(new Localized.Shown("Hola", "es", false));
        assertThat(Localized.of("", "Hello").in("es")).isEqualTo(new Localized.Shown("Hello", "en", true));
    }

    @Test
    void itemNamesMapToPagesAndNothingElse() {
        assertThat(ProgramItems.path("program")).contains("/course");
        assertThat(ProgramItems.path("module/descubrimiento")).contains("/course/modules/descubrimiento");
        assertThat(ProgramItems.path("workshop/descubrimiento/taller-3")).contains("/course/modules/descubrimiento/workshops/taller-3");
        assertThat(ProgramItems.path("exercise/definicion/persona")).contains("/course/modules/definicion/exercises/persona");
        assertThat(ProgramItems.path("module/../../admin")).isEmpty();
        assertThat(ProgramItems.path("module/x?y=1")).isEmpty();
        assertThat(ProgramItems.path("https://evil.example")).isEmpty();
        assertThat(ProgramItems.path(null)).isEmpty();
    }

    @Test
    void slugsAreUrlSafe() {
        assertThat(Programs.slug("Módulo de cierre: ¡Adopción!")).isEqualTo("modulo-de-cierre-adopcion");
        assertThat(Programs.slug("   ")).isEqualTo("modulo");
    }
}
