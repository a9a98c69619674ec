package org.innovadores.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.innovadores.testing.CoursePerson.INSTRUCTOR;
import static org.innovadores.testing.CoursePerson.LEARNER;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innovadores.lti.LtiClient;
import org.innovadores.lti.TestPlatform;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.Deployments;
import org.innovadores.testing.ToolHttp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The program over HTTP as participants and instructors use it: the course copy made at the first
 * instructor launch, participant pages and progress, authoring with sanitising, revisions and
 * conflicts, attachments, and every refusal (4xx, nothing changed).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProgramIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.toolWar();
    }

    private static Tenant tenant() {
        Tenant tenant = TestPlatform.get().tenant("program");
        LtiClient.register(tenant);
        return tenant;
    }

    private static String course(String name) {
        return name + "-" + System.nanoTime();
    }

    @Test
    void aParticipantBeforeAnyInstructorFindsANoticeThenTheCopyMadeAtTheFirstInstructorLaunch() {
        String course = course("early");
        CoursePerson learner = CoursePerson.launch(tenant(), "early-learner", "Eva Temprana", LEARNER, course);
        assertThat(learner.landing()).isEqualTo("/course");
        Document waiting = learner.page("/course");
        assertThat(waiting.getElementById("not-ready")).isNotNull();
        assertThat(learner.get("/course/modules/descubrimiento").statusCode()).isEqualTo(404);

        CoursePerson teacher = CoursePerson.launch(tenant(), "early-teacher", "Tomás Docente", INSTRUCTOR, course);
        Document overview = teacher.page("/course");
        assertThat(overview.select("#modules > li > a").eachText()).hasSize(9).startsWith("Bienvenida", "Exploración institucional");
        assertThat(overview.select("h1").text()).isEqualTo("Programa de Innovadores Públicos");

        Document ready = learner.page("/course");
        assertThat(ready.getElementById("not-ready")).isNull();
        assertThat(ready.select("#modules > li > a").eachText()).hasSize(9).contains("Prototipado y testeo");
        assertThat(ready.text()).contains("Hola, Eva Temprana").contains("participante");
    }

    @Test
    void aParticipantReadsAModuleMarksItReadAndContinuesWhereTheyLeftOff() {
        String course = course("reading");
        CoursePerson.launch(tenant(), "reading-teacher", "Rita Docente", INSTRUCTOR, course).page("/course");
        CoursePerson learner = CoursePerson.launch(tenant(), "reading-learner", "Raúl Lector", LEARNER, course);

        Document module = learner.page("/course/modules/definicion");
        assertThat(module.getElementById("module-title").text()).isEqualTo("Definición");
        assertThat(module.select("section h2").eachText()).contains("Objetivos de aprendizaje", "Para qué sirve",
                "Cómo aplicarlo a su desafío", "Cómo se ve un buen resultado", "Talleres", "Ejercicios");
        assertThat(module.select("#workshops + ul a").eachText()).containsExactly(
                "Taller 5: De los datos a los hallazgos", "Taller 6: Viaje del usuario y reformulación del desafío");
        assertThat(module.text()).contains("Persona").contains("Viaje del usuario").contains("Pendiente: leer el contenido")
                .contains("no hay grabaciones que ver").contains("(0 de 4)");

        HttpResponse<String> read = learner.post("/course/modules/definicion/read", Map.of());
        assertThat(read.statusCode()).isEqualTo(303);
        Document after = learner.page("/course/modules/definicion");
        assertThat(after.text()).contains("Hecho: leer el contenido").contains("En curso");
        assertThat(after.getElementById("mark-read")).isNull();

        Document overview = learner.page("/course");
        assertThat(overview.getElementById("continue").text()).contains("Definición");
        HttpResponse<String> resume = learner.get("/course/continue");
        assertThat(resume.statusCode()).isEqualTo(303);
        assertThat(resume.headers().firstValue("Location").orElseThrow()).startsWith("/course/modules/definicion?s=");

        Document workshop = learner.page("/course/modules/definicion/workshops/taller-5");
        assertThat(workshop.getElementById("workshop-title").text()).isEqualTo("Taller 5: De los datos a los hallazgos");
        Document exercise = learner.page("/course/modules/definicion/exercises/persona");
        assertThat(exercise.getElementById("exercise-title").text()).isEqualTo("Persona");
        assertThat(learner.get("/course/modules/definicion/workshops/no-such").statusCode()).isEqualTo(404);
        assertThat(learner.get("/course/modules/definicion/exercises/pitch").statusCode()).isEqualTo(404);
    }

    @Test
    void englishReadersGetEnglishAndAMissingTranslationFallsBackVisibly() {
        String course = course("english");
        CoursePerson teacher = CoursePerson.launch(tenant(), "en-teacher", "Tina Teacher", INSTRUCTOR, course);
        Document editor = teacher.page("/course/authoring/modules/descubrimiento");
        HttpResponse<String> saved = teacher.submit(editor, "#editor", Map.of("section.0.body_en", ""), "save");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);

        CoursePerson reader = CoursePerson.launch(tenant(), "en-reader", "Rob Reader", LEARNER, course,
                claims -> claims.put(CoursePerson.CLAIM + "launch_presentation", Map.of("locale", "en")));
        Document module = reader.page("/course/modules/descubrimiento");
        assertThat(module.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(module.getElementById("module-title").text()).isEqualTo("Discovery");
        Element first = module.getElementById("section-s1").parent();
        assertThat(first.selectFirst(".fallback").text()).isEqualTo("(text available only in Spanish)");
        assertThat(first.selectFirst(".prose").attr("lang")).isEqualTo("es");
        assertThat(first.selectFirst(".prose").text()).startsWith("Las instituciones suelen diseñar");
        assertThat(module.getElementById("section-s2").parent().select(".fallback")).isEmpty();
    }

    /** The exercises of a module, in the order the editor lists them. */
    private static List<String> exerciseOrder(Document editor) {
        return editor.select("input[name^=exercise-position.]").stream().map(i -> i.attr("name").substring("exercise-position.".length())).toList();
    }

    @Test
    void theModulesExercisesKeepTheOrderTheInstructorSets() {
        String course = course("exercise-order");
        CoursePerson teacher = CoursePerson.launch(tenant(), "order-teacher", "Olga Orden", INSTRUCTOR, course);
        String path = "/course/authoring/modules/descubrimiento";
        Document editor = teacher.page(path);
        List<String> before = exerciseOrder(editor);
        assertThat(before).hasSizeGreaterThan(3).startsWith("mapa-de-actores", "plan-de-investigacion");

        // Up: saved at once, back at the list.
        String last = before.getLast();
        assertThat(CoursePerson.location(teacher.submit(editor, "#editor", Map.of(), "exercise-up." + last))).contains("#exercises");
        List<String> expected = new ArrayList<>(before);
        java.util.Collections.swap(expected, expected.size() - 1, expected.size() - 2);
        assertThat(exerciseOrder(teacher.page(path))).isEqualTo(expected);

        // A position typed: the third becomes the first.
        String third = expected.get(2);
        CoursePerson.location(teacher.submit(teacher.page(path), "#editor", Map.of("exercise-position." + third, "1"), "save"));
        expected.remove(third);
        expected.addFirst(third);
        assertThat(exerciseOrder(teacher.page(path))).isEqualTo(expected);

        // An unrelated save (the title, then a section's text) keeps that order exactly, which once re-sorted them alphabetically.
        CoursePerson.location(teacher.submit(teacher.page(path), "#editor", Map.of("title_es", "Descubrimiento (cohorte 2027)"), "save"));
        CoursePerson.location(teacher.submit(teacher.page(path), "#editor", Map.of("section.0.body_es", "Texto nuevo."), "save"));
        assertThat(exerciseOrder(teacher.page(path))).isEqualTo(expected);
        // Participants see them in that order too.
        List<String> shown = teacher.page("/course/modules/descubrimiento").select("section[aria-labelledby=exercises] a[href*=/exercises/]").stream()
                .map(a -> a.attr("href").replaceAll(".*/exercises/([^?]+).*", "$1")).toList();
        assertThat(shown).isEqualTo(expected);

        // A position that is not a number: refused with the problem named, nothing saved.
        HttpResponse<String> bad = teacher.submit(teacher.page(path), "#editor", Map.of("exercise-position." + third, "primero"), "save");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body()).getElementById("problems").text()).contains("primero");
        assertThat(exerciseOrder(teacher.page(path))).isEqualTo(expected);
    }

    /** One language at a time: the other is kept as it was and shown for reference. */
    @Test
    void theEditorShowsOneLanguageAtATimeAndKeepsTheOther() {
        String course = course("one-language");
        CoursePerson teacher = CoursePerson.launch(tenant(), "lang-teacher", "Lía Lenguas", INSTRUCTOR, course);
        String path = "/course/authoring/modules/descubrimiento";
        Document spanish = teacher.page(path);
        assertThat(spanish.getElementById("title_es").tagName()).isEqualTo("input");
        assertThat(spanish.getElementById("title_en")).as("English is not edited now").isNull();
        assertThat(spanish.selectFirst("input[type=hidden][name=title_en]").attr("value")).isEqualTo("Discovery");
        assertThat(spanish.selectFirst("details.reference .reference-text[lang=en]").text()).isEqualTo("Discovery");
        assertThat(spanish.getElementById("publication")).as("publishing is a separate, later step").isNotNull();

        // Switching keeps what was typed, unsaved, and shows the other language.
        HttpResponse<String> switched = teacher.submit(spanish, "#editor", Map.of("title_es", "Descubrimiento 2027"), "edit-en");
        assertThat(switched.statusCode()).isEqualTo(200);
        Document english = Jsoup.parse(switched.body());
        assertThat(english.getElementById("title_en").attr("value")).isEqualTo("Discovery");
        assertThat(english.selectFirst("input[type=hidden][name=title_es]").attr("value")).isEqualTo("Descubrimiento 2027");
        assertThat(teacher.page(path).getElementById("title_es").attr("value")).as("nothing saved by switching").isEqualTo("Descubrimiento");

        // A save in English keeps the Spanish typed before and comes back in English.
        String location = CoursePerson.location(teacher.submit(english, "#editor", Map.of("title_en", "Discovery 2027"), "save"));
        assertThat(location).contains("edit=en");
        Document saved = teacher.page(path + "?edit=en");
        assertThat(saved.getElementById("title_en").attr("value")).isEqualTo("Discovery 2027");
        assertThat(saved.selectFirst("input[type=hidden][name=title_es]").attr("value")).isEqualTo("Descubrimiento 2027");
    }

    @Test
    void anEditInOneCourseIsInvisibleInAnother() {
        String courseA = course("cohort-a");
        String courseB = course("cohort-b");
        CoursePerson teacherA = CoursePerson.launch(tenant(), "teacher-a", "Ana A", INSTRUCTOR, courseA);
        CoursePerson teacherB = CoursePerson.launch(tenant(), "teacher-b", "Beto B", INSTRUCTOR, courseB);
        teacherB.page("/course");
        Document editor = teacherA.page("/course/authoring/modules/exploracion-institucional");
        HttpResponse<String> saved = teacherA.submit(editor, "#editor", Map.of("title_es", "Exploración del curso A"), "save");
        assertThat(saved.statusCode()).isEqualTo(303);

        CoursePerson learnerA = CoursePerson.launch(tenant(), "learner-a", "Lía A", LEARNER, courseA);
        CoursePerson learnerB = CoursePerson.launch(tenant(), "learner-b", "Leo B", LEARNER, courseB);
        assertThat(learnerA.page("/course").select("#modules > li > a").get(1).text()).isEqualTo("Exploración del curso A");
        assertThat(learnerB.page("/course").select("#modules > li > a").get(1).text()).isEqualTo("Exploración institucional");
        assertThat(teacherB.page("/course/authoring/modules/exploracion-institucional/history").select("#revisions tbody tr"))
                .hasSize(1);
    }

    @Test
    void authoredHtmlComesOutInertOnTheParticipantsPage() {
        String course = course("xss");
        CoursePerson teacher = CoursePerson.launch(tenant(), "xss-teacher", "Xavi Docente", INSTRUCTOR, course);
        Document editor = teacher.page("/course/authoring/modules/generacion-de-ideas");
        String hostile = """
                Ideas **bienvenidas**.

                <script>alert('body')</script>
                <img src=x onerror="alert('img')">
                [clic](javascript:alert('link'))
                <a href="javascript:alert(1)" onclick="alert(2)">otro</a>
                <iframe src="https://evil.example"></iframe>
                <p style="position:fixed" onmouseover=alert(3)>texto</p>
                """;
        HttpResponse<String> saved = teacher.submit(editor, "#editor",
                Map.of("section.0.body_es", hostile, "title_es", "Ideas <script>alert('title')</script>"), "save");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);

        CoursePerson learner = CoursePerson.launch(tenant(), "xss-learner", "Lola Lectora", LEARNER, course);
        HttpResponse<String> page = learner.get("/course/modules/generacion-de-ideas");
        assertThat(page.statusCode()).isEqualTo(200);
        Document shown = org.jsoup.Jsoup.parse(page.body());
        assertThat(shown.select(".prose")).hasSizeGreaterThan(3);
        shown.select(".prose").forEach(prose -> MarkdownTest.assertInert(prose.html()));
        assertThat(shown.select("script")).as("only the frame's own helper").extracting(e -> e.attr("src")).containsExactly("/static/frame.js");
        assertThat(shown.select("[onerror], [onclick], [onmouseover], iframe, a[href^=javascript]")).isEmpty();
        assertThat(page.body()).contains("<strong>bienvenidas</strong>").doesNotContain("<script>alert")
                .contains("Ideas &lt;script&gt;alert('title')&lt;/script&gt;");

        // The preview is sanitised the same way, and it saves nothing.
        Document again = teacher.page("/course/authoring/modules/generacion-de-ideas");
        HttpResponse<String> preview = teacher.submit(again, "#editor", Map.of("goals_es", "<svg onload=alert(1)>"), "preview");
        assertThat(preview.statusCode()).isEqualTo(200);
        MarkdownTest.assertInert(org.jsoup.Jsoup.parse(preview.body()).getElementById("preview").html());
        assertThat(teacher.page("/course/authoring/modules/generacion-de-ideas/history").select("#revisions tbody tr")).hasSize(2);
    }

    @Test
    void historyShowsWhoChangedWhatAndRestoreBringsItBack() {
        String course = course("history");
        CoursePerson teacher = CoursePerson.launch(tenant(), "history-teacher", "Hugo Historia", INSTRUCTOR, course);
        String path = "/course/authoring/modules/seleccion-de-conceptos";
        teacher.submit(teacher.page(path), "#editor", Map.of("section.1.body_es", "Criterios nuevos del curso."), "save");
        Document history = teacher.page(path + "/history");
        assertThat(history.select("#revisions tbody tr")).hasSize(2);
        assertThat(history.select("#revisions tbody tr").first().text()).contains("Hugo Historia").contains("Editado");
        assertThat(history.select("#revisions tbody tr").last().text()).contains("Copiado del programa base");

        Document diff = teacher.page(path + "/revisions/2");
        assertThat(diff.select(".diff-added").text()).contains("Criterios nuevos del curso.");
        assertThat(diff.select(".diff-removed").text()).contains("Conviertan las familias de ideas en conceptos");
        assertThat(diff.select(".diff-same").text()).contains("Sección 2 [s2] · texto (es)");

        HttpResponse<String> restored = teacher.submit(teacher.page(path + "/revisions/1"), "form[action$=/restore]", Map.of(), null);
        assertThat(restored.statusCode()).isEqualTo(303);
        assertThat(teacher.page("/course/modules/seleccion-de-conceptos").text()).contains("Conviertan las familias de ideas")
                .doesNotContain("Criterios nuevos del curso.");
        assertThat(teacher.page(path + "/history").select("#revisions tbody tr").first().text())
                .contains("Restaurado desde la revisión 1");
    }

    @Test
    void aSaveBasedOnAnOldRevisionIsAConflictThatKeepsBothTexts() {
        String course = course("conflict");
        CoursePerson ana = CoursePerson.launch(tenant(), "conflict-ana", "Ana Uno", INSTRUCTOR, course);
        CoursePerson luis = CoursePerson.launch(tenant(), "conflict-luis", "Luis Dos", INSTRUCTOR, course);
        String path = "/course/authoring/modules/pilotaje-y-evaluacion";
        Document anaEditor = ana.page(path);
        Document luisEditor = luis.page(path);
        assertThat(luis.submit(luisEditor, "#editor", Map.of("goals_es", "Objetivos de Luis"), "save").statusCode()).isEqualTo(303);

        HttpResponse<String> conflict = ana.submit(anaEditor, "#editor", Map.of("goals_es", "Objetivos de Ana"), "save");
        assertThat(conflict.statusCode()).isEqualTo(409);
        Document shown = org.jsoup.Jsoup.parse(conflict.body());
        assertThat(shown.getElementById("conflict").text()).contains("revisión 2");
        assertThat(shown.getElementById("goals_es").text()).isEqualTo("Objetivos de Ana");
        assertThat(ana.page("/course/modules/pilotaje-y-evaluacion").text()).contains("Objetivos de Luis").doesNotContain("Objetivos de Ana");

        // Having seen the conflict, Ana saves on top of revision 2.
        assertThat(ana.submit(shown, "#editor", Map.of(), "save").statusCode()).isEqualTo(303);
        assertThat(ana.page("/course/modules/pilotaje-y-evaluacion").text()).contains("Objetivos de Ana");
        assertThat(ana.page(path + "/history").select("#revisions tbody tr")).hasSize(3);
    }

    @Test
    void instructorsCreateReorderPublishAndAddSectionsAndWorkshopsWithoutDragging() {
        String course = course("authoring");
        CoursePerson teacher = CoursePerson.launch(tenant(), "authoring-teacher", "Alba Autora", INSTRUCTOR, course);
        CoursePerson learner = CoursePerson.launch(tenant(), "authoring-learner", "Luz Lectora", LEARNER, course);
        teacher.page("/course");

        HttpResponse<String> created = teacher.post("/course/authoring/modules", Map.of("title_es", "Cierre y red", "title_en", "Closing and network"));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location").orElseThrow()).startsWith("/course/authoring/modules/cierre-y-red?");
        assertThat(learner.get("/course/modules/cierre-y-red").statusCode()).isEqualTo(404);
        assertThat(learner.page("/course").select("#modules > li")).hasSize(9);

        String path = "/course/authoring/modules/cierre-y-red";
        HttpResponse<String> withSection = teacher.submit(teacher.page(path), "#editor", Map.of(), "add-section");
        assertThat(withSection.statusCode()).isEqualTo(200);
        Document form = org.jsoup.Jsoup.parse(withSection.body(), ToolHttp.baseUrl() + path);
        HttpResponse<String> withWorkshop = teacher.submit(form, "#editor", Map.of("section.0.title_es", "Qué sigue",
                "section.0.body_es", "La red de innovadores."), "add-workshop");
        form = org.jsoup.Jsoup.parse(withWorkshop.body(), ToolHttp.baseUrl() + path);
        assertThat(form.getElementById("section.0.title_es").attr("value")).isEqualTo("Qué sigue");
        HttpResponse<String> saved = teacher.submit(form, "#editor", Map.of("workshop.0.title_es", "Taller 16: Encuentro de la red",
                "workshop.0.date", "2027-03-15", "exercise.bitacora", "required"), "save");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);

        assertThat(teacher.submit(teacher.page(path), "form[action$=/status]", Map.of(), null).statusCode()).isEqualTo(303);
        Document module = learner.page("/course/modules/cierre-y-red");
        assertThat(module.text()).contains("Qué sigue").contains("La red de innovadores.").contains("Taller 16: Encuentro de la red")
                .contains("15/03/2027").doesNotContain("2027-03-15").contains("Bitácora").contains("(0 de 1)");

        // Up/down buttons post a position; a typed position works too.
        Document overview = teacher.page("/course");
        Element last = overview.select("#modules > li").last();
        assertThat(last.text()).contains("Cierre y red");
        assertThat(teacher.submit(overview, "#modules > li:last-child form:nth-of-type(1)", Map.of(), null).statusCode()).isEqualTo(303);
        assertThat(learner.page("/course").select("#modules > li > a").eachText().get(8)).isEqualTo("Cierre y red");
        assertThat(teacher.post(path + "/position", Map.of("position", "1")).statusCode()).isEqualTo(303);
        assertThat(learner.page("/course").select("#modules > li > a").first().text()).isEqualTo("Cierre y red");

        // Sections reorder by their position field and disappear with their remove box.
        Document editor = teacher.page("/course/authoring/modules/descubrimiento");
        teacher.submit(editor, "#editor", Map.of("section.0.position", "9", "section.2.remove", "1"), "save");
        assertThat(learner.page("/course/modules/descubrimiento").select("section > h2[id^=section-]").eachText())
                .containsExactly("Cómo aplicarlo a su desafío", "Un ejemplo: a quién escuchar antes de opinar", "Para leer más",
                        "Para qué sirve");
    }

    @Test
    void badInputIsRefusedWithA4xxAndNothingChanges() {
        String course = course("refusals");
        CoursePerson teacher = CoursePerson.launch(tenant(), "refusal-teacher", "Rafa Docente", INSTRUCTOR, course);
        CoursePerson learner = CoursePerson.launch(tenant(), "refusal-learner", "Rosa Lectora", LEARNER, course);
        String path = "/course/authoring/modules/descubrimiento";
        Document editor = teacher.page(path);

        HttpResponse<String> badDate = teacher.submit(editor, "#editor", Map.of("workshop.0.date", "15/03/2027",
                "title_es", "Cambio que no debe quedar"), "save");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("15/03/2027").contains("AAAA-MM-DD").contains("Cambio que no debe quedar");
        HttpResponse<String> badTime = teacher.submit(editor, "#editor", Map.of("workshop.0.time", "25:99"), "save");
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(badTime.body()).contains("25:99").contains("HH:MM");
        for (String points : List.of("0", "1001", "cien", "-5")) {
            HttpResponse<String> badPoints = teacher.submit(editor, "#editor", Map.of("points", points), "save");
            assertThat(badPoints.statusCode()).as("points " + points).isEqualTo(400);
            assertThat(badPoints.body()).contains("de 1 a 1000");
        }
        HttpResponse<String> noTitle = teacher.submit(editor, "#editor", Map.of("title_es", "", "title_en", " "), "save");
        assertThat(noTitle.statusCode()).isEqualTo(400);
        HttpResponse<String> unknownTemplate = teacher.submit(editor, "#editor", Map.of("exercise.no-such", "required"), "save");
        assertThat(unknownTemplate.statusCode()).isEqualTo(400);
        HttpResponse<String> tooLong = teacher.submit(editor, "#editor", Map.of("goals_es", "x".repeat(50_001)), "save");
        assertThat(tooLong.statusCode()).isEqualTo(400);

        String form = LtiClient.form(Map.of("s", teacher.token(), "title_es", "Sin verificación", "base_revision", "1"));
        assertThat(teacher.postRaw(path, form).statusCode()).isEqualTo(403);
        assertThat(teacher.post(path, Map.of("title_es", "Sin revisión")).statusCode()).isEqualTo(400);
        assertThat(teacher.post(path + "/status", Map.of("status", "GONE")).statusCode()).isEqualTo(400);
        assertThat(teacher.post(path + "/position", Map.of("position", "primero")).statusCode()).isEqualTo(400);
        assertThat(teacher.post(path + "/position", Map.of("position", "0")).statusCode()).isEqualTo(400);
        assertThat(teacher.post("/course/authoring/modules", Map.of("title_es", " ")).statusCode()).isEqualTo(400);
        assertThat(teacher.get("/course/authoring/modules/no-such").statusCode()).isEqualTo(404);
        assertThat(teacher.post("/course/authoring/modules/no-such/revisions/1/restore", Map.of()).statusCode()).isEqualTo(404);
        assertThat(teacher.post(path + "/revisions/99/restore", Map.of()).statusCode()).isEqualTo(404);

        // Participants cannot author, whatever they post.
        assertThat(learner.get(path).statusCode()).isEqualTo(403);
        assertThat(learner.post(path + "/status", Map.of("status", "DRAFT")).statusCode()).isEqualTo(403);
        assertThat(learner.post("/course/authoring/modules", Map.of("title_es", "Intruso")).statusCode()).isEqualTo(403);
        assertThat(learner.post("/course/modules/descubrimiento/read", Map.of("csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(ToolHttp.get("/course/modules/descubrimiento").statusCode()).isEqualTo(401);

        Document history = teacher.page(path + "/history");
        assertThat(history.select("#revisions tbody tr")).as("no refused request left a revision").hasSize(1);
        assertThat(learner.page("/course").select("#modules > li > a").eachText()).hasSize(9).contains("Descubrimiento")
                .doesNotContain("Intruso");
    }

    @Test
    void attachmentsAreTypedByContentAndServedOnlyInsideTheirCourse() throws Exception {
        String course = course("files");
        CoursePerson teacher = CoursePerson.launch(tenant(), "files-teacher", "Fede Docente", INSTRUCTOR, course);
        teacher.page("/course");
        String modulePath = "/course/authoring/modules/definicion";
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        HttpResponse<String> uploaded = upload(teacher, modulePath + "/attachments", "../../etc/mapa de actores.png", png);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(303);
        Document editor = teacher.page(modulePath);
        Element row = editor.select("#attachments-section tbody tr").first();
        assertThat(row.selectFirst("a").text()).isEqualTo("mapa de actores.png");
        String markdown = row.selectFirst("code").text();
        assertThat(markdown).matches("!\\[mapa de actores\\.png\\]\\(/course/files/[0-9a-f-]{36}\\)");
        String fileUrl = markdown.substring(markdown.indexOf("(") + 1, markdown.length() - 1);
        teacher.submit(editor, "#editor", Map.of("section.0.body_es", "Así se ve: " + markdown), "save");

        CoursePerson learner = CoursePerson.launch(tenant(), "files-learner", "Flor Lectora", LEARNER, course);
        Element image = learner.page("/course/modules/definicion").selectFirst(".prose img");
        assertThat(image.attr("src")).startsWith(fileUrl + "?s=");
        HttpResponse<byte[]> served = ToolHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + image.attr("src"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(png);
        assertThat(served.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");

        CoursePerson stranger = CoursePerson.launch(tenant(), "files-stranger", "Otro Curso", INSTRUCTOR, course("other"));
        assertThat(stranger.get(fileUrl).statusCode()).isEqualTo(404);
        assertThat(learner.get("/course/files/not-a-uuid").statusCode()).isEqualTo(404);

        HttpResponse<String> disguised = upload(teacher, modulePath + "/attachments", "foto.png",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertThat(disguised.statusCode()).isEqualTo(400);
        assertThat(disguised.body()).contains("según su contenido");
        assertThat(upload(teacher, modulePath + "/attachments", "vacio.pdf", new byte[0]).statusCode()).isEqualTo(400);
        assertThat(upload(learner, modulePath + "/attachments", "x.png", png).statusCode()).isEqualTo(403);
        assertThat(teacher.page(modulePath).select("#attachments-section tbody tr")).hasSize(1);
    }

    private static HttpResponse<String> upload(CoursePerson person, String path, String fileName, byte[] content) {
        String boundary = "----innovadores" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String csrf = person.csrf();
        for (Map.Entry<String, String> field : Map.of("s", person.token(), "csrf", csrf).entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + path + "?s=" + person.token()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    // --- Deep Linking 2.0 ---------------------------------------------------------------------------

    private static final String DL_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";

    /** A deep linking launch with the settings a real Moodle 5.1 sent, plus a "data" value to echo. */
    private static CoursePerson deepLinkingLaunch(Tenant tenant, String subject, String role, String course, boolean multiple) {
        return CoursePerson.launch(tenant, subject, "Dora Docente", role, course, claims -> {
            Map<String, Object> settings = new java.util.LinkedHashMap<>(moodleDeepLinkingSettings());
            settings.put("deep_link_return_url", tenant.issuer + "/deep-linking-return?course=2&sesskey=abc");
            settings.put("accept_multiple", multiple);
            settings.put("data", "opaque-platform-data-42");
            claims.put(DL_SETTINGS, settings);
            claims.put(CoursePerson.CLAIM + "message_type", "LtiDeepLinkingRequest");
            claims.remove(CoursePerson.CLAIM + "resource_link");
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> moodleDeepLinkingSettings() {
        try (var in = ProgramIT.class.getResourceAsStream("/moodle-5.1/deeplink-claims.json")) {
            Map<String, Object> capture = org.jose4j.json.JsonUtil.parseJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return (Map<String, Object>) ((Map<String, Object>) capture.get("id_token_claims")).get(DL_SETTINGS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> choose(CoursePerson person, String... items) {
        StringBuilder body = new StringBuilder(LtiClient.form(Map.of("s", person.token(), "csrf", person.csrf())));
        for (String item : items) body.append('&').append(LtiClient.form(Map.of("item", item)));
        return person.postRaw("/deep-linking", body.toString());
    }

    @Test
    void theDeepLinkingResponseIsIssuedByTheRegistrationsClientIdWhateverTheRequestsAudience() throws Exception {
        Tenant tenant = tenant();
        // Several audiences, this client named by azp: the first audience is someone else.
        CoursePerson teacher = CoursePerson.launch(tenant, "dl-aud-teacher", "Dora Docente", INSTRUCTOR, course("dl-aud"), claims -> {
            Map<String, Object> settings = new java.util.LinkedHashMap<>(moodleDeepLinkingSettings());
            settings.put("deep_link_return_url", tenant.issuer + "/deep-linking-return");
            claims.put(DL_SETTINGS, settings);
            claims.put(CoursePerson.CLAIM + "message_type", "LtiDeepLinkingRequest");
            claims.remove(CoursePerson.CLAIM + "resource_link");
            claims.put("aud", List.of("another-client", tenant.clientId));
            claims.put("azp", tenant.clientId);
        });
        HttpResponse<String> chosen = choose(teacher, "module/descubrimiento");
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        String jwt = org.jsoup.Jsoup.parse(chosen.body()).selectFirst("#deep-linking-return input[name=JWT]").attr("value");
        Map<String, Object> claims = org.jose4j.jwt.JwtClaims.parse(new String(java.util.Base64.getUrlDecoder()
                .decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8)).getClaimsMap();
        assertThat(claims).containsEntry("iss", tenant.clientId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void deepLinkingPlacesItemsWithASignedResponseAndTheirLaunchesOpenExactlyThoseItems() throws Exception {
        Tenant tenant = tenant();
        String course = course("deep-linking");
        CoursePerson teacher = deepLinkingLaunch(tenant, "dl-teacher", INSTRUCTOR, course, true);
        assertThat(teacher.landing()).isEqualTo("/deep-linking");
        Document picker = teacher.page("/deep-linking");
        assertThat(picker.select("#picker input[name=item]").eachAttr("value")).contains("program", "module/descubrimiento",
                "workshop/descubrimiento/taller-3", "exercise/descubrimiento/mapa-de-actores", "module/adopcion-y-escalamiento")
                .hasSize(1 + 9 + 16 + 33);
        assertThat(picker.select("#picker input[type=checkbox]")).isNotEmpty();

        HttpResponse<String> chosen = choose(teacher, "module/descubrimiento", "exercise/descubrimiento/mapa-de-actores",
                "workshop/descubrimiento/taller-4");
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        Document back = org.jsoup.Jsoup.parse(chosen.body());
        Element form = back.getElementById("deep-linking-return");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo(tenant.issuer + "/deep-linking-return?course=2&sesskey=abc");
        String jwt = form.selectFirst("input[name=JWT]").attr("value");

        // Signed by the tool's published key, addressed to the platform, echoing its data.
        org.jose4j.jwk.JsonWebKeySet keys = new org.jose4j.jwk.JsonWebKeySet(ToolHttp.get("/lti/jwks").body());
        org.jose4j.jwt.consumer.JwtContext verified = new org.jose4j.jwt.consumer.JwtConsumerBuilder()
                .setVerificationKeyResolver(new org.jose4j.keys.resolvers.JwksVerificationKeyResolver(keys.getJsonWebKeys()))
                .setExpectedIssuer(tenant.clientId).setExpectedAudience(tenant.issuer).setRequireExpirationTime()
                .setRequireIssuedAt().build().process(jwt);
        assertThat(verified.getJoseObjects().get(0).getKeyIdHeaderValue()).isNotBlank();
        Map<String, Object> claims = verified.getJwtClaims().getClaimsMap();
        assertThat(claims).containsEntry(CoursePerson.CLAIM + "message_type", "LtiDeepLinkingResponse")
                .containsEntry(CoursePerson.CLAIM + "version", "1.3.0")
                .containsEntry(CoursePerson.CLAIM + "deployment_id", tenant.deploymentId)
                .containsEntry("https://purl.imsglobal.org/spec/lti-dl/claim/data", "opaque-platform-data-42")
                .containsKey("nonce");
        List<Map<String, Object>> items = (List<Map<String, Object>>) claims.get("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
        assertThat(items).hasSize(3);
        List<String> redirectUris = (List<String>) tenant.lastRegistrationRequest.get("redirect_uris");
        assertThat(items).allSatisfy(item -> {
            assertThat(item).containsEntry("type", "ltiResourceLink");
            assertThat(redirectUris).contains((String) item.get("url"));
        });
        assertThat(items.get(0)).containsEntry("title", "Descubrimiento").containsEntry("custom", Map.of("item", "module/descubrimiento"));
        assertThat((Map<String, Object>) items.get(0).get("lineItem")).containsEntry("scoreMaximum", 100.0)
                .containsEntry("label", "Descubrimiento").containsEntry("resourceId", "module/descubrimiento");
        assertThat(items.get(1)).containsEntry("title", "Mapa de actores · Descubrimiento")
                .containsEntry("custom", Map.of("item", "exercise/descubrimiento/mapa-de-actores"));
        assertThat((Map<String, Object>) items.get(1).get("lineItem")).containsEntry("tag", "exercise");
        assertThat(items.get(2)).containsEntry("title", "Taller 4: Investigación en terreno").doesNotContainKey("lineItem");

        // The platform now launches learners into the placed links: each opens exactly its item.
        for (Map<String, Object> item : items) {
            CoursePerson learner = CoursePerson.launch(tenant, "dl-learner", "Lucía Lectora", LEARNER, course, c -> {
                c.put(CoursePerson.CLAIM + "custom", item.get("custom"));
                c.put(CoursePerson.CLAIM + "resource_link", Map.of("id", "link-" + item.get("title").hashCode(), "title", item.get("title")));
                c.put(CoursePerson.CLAIM + "target_link_uri", item.get("url"));
            });
            String expected = switch ((String) ((Map<String, Object>) item.get("custom")).get("item")) {
                case "module/descubrimiento" -> "/course/modules/descubrimiento";
                case "exercise/descubrimiento/mapa-de-actores" -> "/course/modules/descubrimiento/exercises/mapa-de-actores";
                default -> "/course/modules/descubrimiento/workshops/taller-4";
            };
            assertThat(learner.landing()).isEqualTo(expected);
            assertThat(learner.page(expected).selectFirst("h1").text()).isEqualTo(((String) item.get("title")).split(" · ")[0]);
        }
    }

    @Test
    void thePickerRefusesWhatItMustWithA4xx() {
        Tenant tenant = tenant();
        String course = course("dl-refusals");
        CoursePerson single = deepLinkingLaunch(tenant, "dl-single", INSTRUCTOR, course, false);
        assertThat(single.page("/deep-linking").select("#picker input[type=radio]")).isNotEmpty();
        assertThat(choose(single, "module/descubrimiento", "module/definicion").statusCode()).isEqualTo(400);
        assertThat(choose(single).statusCode()).isEqualTo(400);
        assertThat(choose(single, "module/no-such").statusCode()).isEqualTo(400);
        assertThat(choose(single, "../../admin").statusCode()).isEqualTo(400);
        assertThat(single.postRaw("/deep-linking", LtiClient.form(Map.of("s", single.token(), "item", "program"))).statusCode()).isEqualTo(403);
        assertThat(choose(single, "program").statusCode()).isEqualTo(200);

        CoursePerson learner = deepLinkingLaunch(tenant, "dl-learner-2", LEARNER, course, true);
        assertThat(learner.get("/deep-linking").statusCode()).isEqualTo(403);
        assertThat(choose(learner, "program").statusCode()).isEqualTo(403);
        CoursePerson ordinary = CoursePerson.launch(tenant, "dl-ordinary", "Olga Docente", INSTRUCTOR, course);
        assertThat(ordinary.get("/deep-linking").statusCode()).isEqualTo(400);

        // An item of another course's program is unknown here.
        CoursePerson other = deepLinkingLaunch(tenant, "dl-other", INSTRUCTOR, course("dl-other"), true);
        other.post("/course/authoring/modules", Map.of("title_es", "Solo en el otro curso"));
        assertThat(choose(single, "module/solo-en-el-otro-curso").statusCode()).isEqualTo(400);
    }

    @Test
    void pagesAreLight() {
        String course = course("weight");
        CoursePerson teacher = CoursePerson.launch(tenant(), "weight-teacher", "Wanda Docente", INSTRUCTOR, course);
        CoursePerson learner = CoursePerson.launch(tenant(), "weight-learner", "Walter Lector", LEARNER, course);
        teacher.page("/course");
        int css = ToolHttp.get("/static/tool.css").body().getBytes(StandardCharsets.UTF_8).length;
        StringBuilder report = new StringBuilder("page\thtml bytes\twith tool.css\n");
        Map<String, CoursePerson> pages = new java.util.LinkedHashMap<>();
        pages.put("/course", learner);
        pages.put("/course/modules/exploracion-institucional", learner);
        pages.put("/course/modules/prototipado-y-testeo", learner);
        pages.put("/course/modules/descubrimiento/workshops/taller-4", learner);
        pages.put("/course/authoring/modules/descubrimiento", teacher);
        for (Map.Entry<String, CoursePerson> page : pages.entrySet()) {
            String body = page.getValue().get(page.getKey()).body();
            int html = body.getBytes(StandardCharsets.UTF_8).length;
            assertThat(html + css).as(page.getKey() + " bytes with its stylesheet").isLessThan(100 * 1024);
            if (!page.getKey().contains("authoring")) {
                // Only the frame's helper (its height for the LMS, the "new window" link): the page reads without it.
                assertThat(body.replace("<script src=\"/static/frame.js\"></script>", "")).as("readable without JavaScript")
                        .doesNotContain("<script");
            }
            report.append(page.getKey()).append('\t').append(html).append('\t').append(html + css).append('\n');
        }
        // Kept as test output for the README's performance section.
        java.nio.file.Path out = java.nio.file.Path.of(System.getProperty("project.dir", "."), "target", "page-weights.tsv");
        try {
            java.nio.file.Files.writeString(out, report);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
