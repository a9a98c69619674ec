package org.innovadores.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.innovadores.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The program model inside the server, on PostgreSQL through JPA: course copies, revisions on every
 * save, refused stale saves, restore, publish state and reordering.
 */
@ExtendWith(ArquillianExtension.class)
class ProgramModelIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.toolWar(ProgramModelIT.class);
    }

    @Inject
    Programs programs;

    @Inject
    TemplateTexts templateTexts;

    @Inject
    ProgramCopies copies;

    @Inject
    org.innovadores.lti.PlatformRegistry registry;

    private static final Author ANA = new Author("ana-1", "Ana Docente");
    private static final Author LUIS = new Author("luis-2", "Luis Docente");

    private Program newCourse() {
        // A course of the deployment the platform file (lti-config/platforms/moodle.json) registered.
        UUID deployment = registry.deploymentsOf(registry.all().get(0)).get(0).id();
        return copies.create(UUID.randomUUID(), deployment, "course-" + UUID.randomUUID(), programs.document(Program.DEFAULT_ID),
                "default", "copied", ANA);
    }

    @Test
    void theDefaultProgramWasSeededAndACourseCopyHasItsNineModulesAtRevisionOne() {
        Program defaults = programs.find(Program.DEFAULT_ID).orElseThrow();
        assertEquals(9, programs.modules(defaults).size());
        assertEquals(19, templateTexts.of(defaults).size());
        Program course = newCourse();
        List<ProgramModule> modules = programs.modules(course);
        assertEquals(9, modules.size());
        assertEquals("bienvenida", modules.get(0).key());
        assertEquals("exploracion-institucional", modules.get(1).key());
        for (ProgramModule module : modules) {
            assertEquals(1, module.revision());
            assertEquals("copied", programs.revisions(module).get(0).note());
            assertEquals(ProgramModule.Status.PUBLISHED, module.status());
        }
        assertNotEquals(programs.modules(defaults).get(0).id(), modules.get(0).id());
    }

    @Test
    void anEditInOneCourseNeverReachesAnotherOrTheDefaultProgram() {
        Program a = newCourse();
        Program b = newCourse();
        ProgramModule first = programs.modules(a).get(1);
        ModuleContent changed = withTitle(first.content(), "Exploración del curso A");
        programs.save(a, first.key(), first.revision(), changed, ANA);
        assertEquals("Exploración del curso A", programs.module(a, first.key()).orElseThrow().content().title().es());
        assertEquals("Exploración institucional", programs.module(b, first.key()).orElseThrow().content().title().es());
        assertEquals("Exploración institucional",
                programs.modules(programs.find(Program.DEFAULT_ID).orElseThrow()).get(1).content().title().es());
    }

    @Test
    void everySaveIsARevisionAStaleSaveChangesNothingAndRestoreBringsBackAnOldVersion() {
        Program course = newCourse();
        ProgramModule module = programs.modules(course).get(1);
        ModuleContent original = module.content();
        ProgramModule second = programs.save(course, module.key(), 1, withTitle(original, "Descubrimiento v2"), ANA);
        assertEquals(2, second.revision());
        ProgramModule third = programs.save(course, module.key(), 2, withTitle(original, "Descubrimiento v3"), LUIS);
        assertEquals(3, third.revision());

        // Ana still had revision 2 open: her save is refused and Luis's text stays.
        Programs.StaleRevision stale = assertThrows(Programs.StaleRevision.class,
                () -> programs.save(course, module.key(), 2, withTitle(original, "Descubrimiento de Ana"), ANA));
        assertEquals(3, stale.current.revision());
        assertEquals("Descubrimiento v3", programs.module(course, module.key()).orElseThrow().content().title().es());

        List<ModuleRevision> history = programs.revisions(module);
        assertEquals(List.of(3, 2, 1), history.stream().map(ModuleRevision::revision).toList());
        assertEquals("Luis Docente", history.get(0).authorName());
        assertEquals("edited", history.get(0).note());

        ProgramModule restored = programs.restore(course, module.key(), 1, LUIS);
        assertEquals(4, restored.revision());
        assertEquals(original, programs.module(course, module.key()).orElseThrow().content());
        assertEquals("restored:1", programs.revisions(module).get(0).note());
        assertEquals(4, programs.revisions(module).size());
    }

    @Test
    void draftsAreNotPublishedAndPublishingIsARevision() {
        Program course = newCourse();
        ProgramModule created = programs.create(course, Localized.of("Cierre y comunidad", ""), ANA);
        assertEquals("cierre-y-comunidad", created.key());
        assertEquals(ProgramModule.Status.DRAFT, created.status());
        assertEquals(10, programs.modules(course).size());
        assertEquals(9, programs.publishedModules(course).size());
        programs.setStatus(course, created.key(), ProgramModule.Status.PUBLISHED, ANA);
        assertEquals(10, programs.publishedModules(course).size());
        assertEquals("published", programs.revisions(created).get(0).note());
        ProgramModule again = programs.create(course, Localized.of("Cierre y comunidad", ""), ANA);
        assertEquals("cierre-y-comunidad-2", again.key());
    }

    @Test
    void movingAModuleRenumbersTheOthers() {
        Program course = newCourse();
        programs.move(course, "adopcion-y-escalamiento", 1);
        List<ProgramModule> modules = programs.modules(course);
        assertEquals("adopcion-y-escalamiento", modules.get(0).key());
        assertEquals("bienvenida", modules.get(1).key());
        for (int i = 0; i < modules.size(); i++) assertEquals(i + 1, modules.get(i).position());
        programs.move(course, "adopcion-y-escalamiento", 99);
        assertEquals("adopcion-y-escalamiento", programs.modules(course).get(8).key());
        assertTrue(programs.modules(course).stream().allMatch(m -> m.revision() == 1), "reordering is not a content edit");
    }

    private static ModuleContent withTitle(ModuleContent content, String spanish) {
        return new ModuleContent(Localized.of(spanish, content.title().en()), content.goals(), content.sections(),
                content.workshops(), content.exercises());
    }
}
