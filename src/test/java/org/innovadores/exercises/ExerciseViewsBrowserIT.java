package org.innovadores.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.innovadores.testing.CoursePerson.team;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.Browser;
import org.innovadores.testing.Browser.Cookies;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.Deployments;
import org.innovadores.testing.ExerciseFiller;
import org.innovadores.testing.Keyboard;
import org.innovadores.testing.PageChecks;
import org.innovadores.testing.ToolHttp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every shipped template, in Chromium, as each person sees it: the team's filled draft, the team's
 * handed-in exercise, and the mentor's review of it; and the check before handing in and the print
 * view. All free of WCAG violations by axe-core and within the screen at 360 and 1280 px. And a
 * picture that follows the typing: the problem tree redrawn after each autosave, without a reload.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExerciseViewsBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.toolWar();
    }

    /** The program's modules with the templates each uses (the first module that uses a template starts it). */
    private static final Map<String, List<String>> MODULES = new LinkedHashMap<>();

    static {
        MODULES.put("exploracion-institucional", List.of("problema-inicial", "arbol-de-problemas", "bitacora"));
        MODULES.put("descubrimiento", List.of("mapa-de-actores", "plan-de-investigacion", "registro-de-campo", "mapa-de-empatia"));
        MODULES.put("definicion", List.of("persona", "viaje-del-usuario", "hallazgos-y-desafio"));
        MODULES.put("generacion-de-ideas", List.of("ideas-y-seleccion"));
        MODULES.put("seleccion-de-conceptos", List.of("mapa-de-supuestos"));
        MODULES.put("prototipado-y-testeo", List.of("tarjeta-de-experimento", "plan-de-testeo", "tarjeta-de-aprendizaje"));
        MODULES.put("pilotaje-y-evaluacion", List.of("teoria-de-cambio", "plan-de-piloto"));
        MODULES.put("adopcion-y-escalamiento", List.of("plan-de-adopcion", "pitch"));
    }

    @Test
    void everyTemplatesDraftHandInAndReviewHaveNoViolationAndFitAPhoneAndALaptop() {
        Tenant tenant = CoursePerson.registered("views");
        String course = "views-" + System.nanoTime();
        CoursePerson teacher = member(tenant, "v-teacher", "Irene Instructora", CoursePerson.INSTRUCTOR, course);
        CoursePerson ana = member(tenant, "v-ana", "Ana Aguilar", CoursePerson.LEARNER, course);
        CoursePerson bea = member(tenant, "v-bea", "Bea Benítez", CoursePerson.LEARNER, course);
        CoursePerson mentor = member(tenant, "v-mentor", "Marta Mentora", CoursePerson.MENTOR, course);
        String drafts = team(teacher, "Equipo Borradores", "v-ana");
        String handedIn = team(teacher, "Equipo Entregas", "v-bea");
        CoursePerson.location(teacher.post("/course/teams/" + handedIn + "/mentors", Map.of("subject", "v-mentor")));

        Map<String, String> pages = new LinkedHashMap<>();
        int templates = 0;
        for (Map.Entry<String, List<String>> module : MODULES.entrySet()) {
            for (String template : module.getValue()) {
                templates++;
                String draft = start(ana, drafts, module.getKey(), template);
                CoursePerson.location(ana.post(draft, ExerciseFiller.filled(ana.page(draft))));
                pages.put("draft-" + template, draft + "?s=" + ana.token());
                String done = start(bea, handedIn, module.getKey(), template);
                assertThat(CoursePerson.location(bea.handIn(done))).contains("notice=status");
                pages.put("submitted-" + template, done + "?s=" + bea.token());
                pages.put("review-" + template, done + "?s=" + mentor.token());
            }
        }
        assertThat(templates).as("every template of the program").isEqualTo(19);
        pages.put("check-before-handing-in", pages.get("draft-mapa-de-actores").replace("?s=", "/submit?s="));
        pages.put("print-one", pages.get("submitted-arbol-de-problemas").replace("?s=", "/print?s="));
        pages.put("print-team", "/course/teams/" + handedIn + "/exercises/print?s=" + bea.token());
        pages.put("workspace-chain", "/course/teams/" + handedIn + "?s=" + bea.token());

        ChromeDriver driver = Browser.chromium(Cookies.FIRST_PARTY_ONLY);
        try {
            PageChecks.atPhoneAndLaptopWidths(driver, "exercise-", pages);
        } finally {
            driver.quit();
        }
    }

    @Test
    void theProblemTreeFollowsTheTypingAndANewRowKeepsItsIdBetweenSaves() {
        Tenant tenant = CoursePerson.registered("views");
        String course = "live-" + System.nanoTime();
        CoursePerson teacher = member(tenant, "l-teacher", "Irene Instructora", CoursePerson.INSTRUCTOR, course);
        CoursePerson ana = member(tenant, "l-ana", "Ana Aguilar", CoursePerson.LEARNER, course);
        String team = team(teacher, "Equipo Vivo", "l-ana");
        String tree = start(ana, team, "exploracion-institucional", "arbol-de-problemas");

        ChromeDriver driver = Browser.chromium(Cookies.FIRST_PARTY_ONLY);
        try {
            driver.get(ToolHttp.baseUrl() + tree + "?s=" + ana.token());
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#field-causas .add-row button")));
            Keyboard keys = new Keyboard(driver);
            keys.type(By.id("f.central"), "Turnos que se pierden", true);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#problem-tree .problem"), "Turnos que se pierden"));
            keys.type(By.id("f.causas.0.causa"), "Agenda en papel", true);
            wait.until(d -> d.findElements(By.cssSelector("#problem-tree .cause")).size() == 1);
            String firstId = wait.until(d -> {
                String id = d.findElement(By.cssSelector("input[name='f.causas.0._id']")).getAttribute("value");
                return id.isEmpty() ? null : id;
            });
            keys.activate(By.cssSelector("#field-causas .add-row button"));
            keys.type(By.id("f.causas.1.causa"), "Pocos médicos", true);
            wait.until(d -> d.findElements(By.cssSelector("#problem-tree .cause")).size() == 2);
            keys.type(By.id("f.causas.1.causa"), "Pocos médicos de guardia", true);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#problem-tree"), "guardia"));
            String secondId = driver.findElement(By.cssSelector("input[name='f.causas.1._id']")).getAttribute("value");
            assertThat(secondId).isNotEmpty().isNotEqualTo(firstId);
            assertThat(driver.findElement(By.id("f.central")).getAttribute("value")).as("the redraw leaves the form alone")
                    .isEqualTo("Turnos que se pierden");
            // What the page holds is what was stored: the same row ids, not new ones per save.
            Document stored = ana.page(tree);
            assertThat(stored.select("input[name$=._id]").eachAttr("value")).startsWith(firstId, secondId);
            assertThat(stored.select("#problem-tree .cause text").eachText()).contains("Agenda en papel");
        } finally {
            driver.quit();
        }
    }

    /** Someone launched into the course, who has opened it once (so the course knows them). */
    private static CoursePerson member(Tenant tenant, String subject, String name, String role, String course) {
        CoursePerson person = CoursePerson.launch(tenant, subject, name, role, course);
        person.page("/course");
        return person;
    }

    private static String start(CoursePerson person, String team, String module, String template) {
        return CoursePerson.location(person.post("/course/teams/" + team + "/exercises", Map.of("module", module, "template", template)))
                .replaceAll("\\?.*", "").replaceAll("^https?://[^/]+", "");
    }
}
