package org.innovadores.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.innovadores.testing.CoursePerson.seen;
import static org.innovadores.testing.CoursePerson.team;
import static org.innovadores.testing.CoursePerson.INSTRUCTOR;
import static org.innovadores.testing.CoursePerson.LEARNER;
import static org.innovadores.testing.CoursePerson.MENTOR;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.Deployments;
import org.innovadores.testing.ExerciseFiller;
import org.innovadores.testing.ToolHttp;
import org.innovadores.web.PdfUa;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A team that did the whole program gets its hand-over document: every one of the program's
 * exercises with what the team wrote, the adoption plan's "what must survive", the mentoring log;
 * as a page (axe-clean at 360 and 1280 px) and as a PDF whose text holds every exercise and
 * which passes veraPDF's PDF/UA-1 validation. Members, their mentor and instructors get it;
 * another team's member finds nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortfolioIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.toolWar();
    }

    @Test
    void theWholeProgramInOneAccessibleDocument() throws Exception {
        Tenant tenant = CoursePerson.registered("portfolio");
        String course = "portfolio-" + System.nanoTime();
        CoursePerson teacher = seen(CoursePerson.launch(tenant, "f-irene", "Irene Instructora", INSTRUCTOR, course));
        CoursePerson ana = seen(CoursePerson.launch(tenant, "f-ana", "Ana Acosta", LEARNER, course));
        CoursePerson luis = seen(CoursePerson.launch(tenant, "f-luis", "Luis Benítez", LEARNER, course));
        CoursePerson marta = seen(CoursePerson.launch(tenant, "f-marta", "Marta Mentora", MENTOR, course));
        String team = team(teacher, "Equipo Ñandutí", "f-ana");
        team(teacher, "Equipo Yacyretá", "f-luis");
        CoursePerson.location(teacher.post("/course/teams/" + team + "/mentors", Map.of("subject", "f-marta")));
        CoursePerson.location(ana.post("/course/teams/" + team, Map.of("name", "Equipo Ñandutí", "institutions", "Hospital Regional de Villarrica",
                "challenge", "Turnos sin filas de madrugada", "sponsor_name", "Dra. Rosa Giménez", "sponsor_role", "Directora")));

        // Every template of the program, each started from the first module that offers it and written in full,
        // its first text carrying a sentence the document must keep.
        Map<String, String> sentences = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : ExerciseFiller.templatesByModule().entrySet()) {
            String exercise = CoursePerson.idAfter(CoursePerson.location(ana.post("/course/teams/" + team + "/exercises",
                    Map.of("module", e.getValue(), "template", e.getKey()))), "/exercises/");
            Document form = ana.page("/course/teams/" + team + "/exercises/" + exercise);
            Map<String, String> fields = ExerciseFiller.filled(form);
            String sentence = "Frase conocida del ejercicio " + e.getKey() + " con eñes y tildes";
            Element first = form.select("#exercise-form textarea[name^=f.], #exercise-form input[type=text][name^=f.], #exercise-form input:not([type])[name^=f.]").stream()
                    .filter(i -> !i.attr("name").matches("f\\.[a-z0-9-]+\\.[1-9]\\d*\\..*")).findFirst().orElseThrow();
            fields.put(first.attr("name"), sentence);
            if (e.getKey().equals("plan-de-adopcion")) {
                fields.put("f.unidad", "Dirección de Planificación");
                fields.put("f.presupuesto", sentence);
                fields.put("f.sobrevivir", "La agenda de turnos por mensaje y su presupuesto anual");
            }
            HttpResponse<String> saved = ana.post("/course/teams/" + team + "/exercises/" + exercise, fields);
            assertThat(saved.statusCode()).as(e.getKey() + ": " + saved.body()).isEqualTo(303);
            sentences.put(form.getElementById("exercise-title").text(), sentence);
        }
        assertThat(sentences).hasSize(19);
        CoursePerson.location(marta.post("/course/teams/" + team + "/log", Map.of("met_on", "2026-11-24", "attended", "Ana",
                "notes", "Revisamos el árbol de problemas", "agreements", "Entrevistar a diez pacientes", "next_steps", "Registro de campo")));

        // The page: the team, what must survive, every exercise with its sentence, the mentoring log.
        Document page = marta.page("/course/teams/" + team + "/portfolio");
        assertThat(page.getElementById("team-summary").text()).contains("Hospital Regional de Villarrica", "Turnos sin filas de madrugada",
                "Dra. Rosa Giménez, Directora", "Ana Acosta", "Marta Mentora");
        assertThat(page.getElementById("continuity").text()).contains("Dirección de Planificación",
                "La agenda de turnos por mensaje y su presupuesto anual");
        assertThat(page.getElementById("contents-title").text()).isEqualTo("19 ejercicios");
        assertThat(page.select("section.portfolio-exercise h2").eachText()).containsExactlyInAnyOrderElementsOf(sentences.keySet());
        assertThat(page.select("section.portfolio-exercise").text()).contains(sentences.values());
        assertThat(page.getElementById("mentoring").text()).contains("24/11/2026", "Revisamos el árbol de problemas", "Entrevistar a diez pacientes");
        List<String> ids = page.select("[id]").eachAttr("id");
        assertThat(ids).as("ids stay unique with 19 exercises on one page").doesNotHaveDuplicates();
        assertThat(ana.page("/course/teams/" + team).getElementById("portfolio-link")).isNotNull();

        // The PDF, for the mentor and the teaching team: every exercise's title and sentence, and PDF/UA-1.
        long started = System.nanoTime();
        HttpResponse<byte[]> pdf = bytes(marta, "/course/teams/" + team + "/portfolio/pdf");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains("portafolio-equipo-nanduti.pdf");
        System.out.println("Portfolio PDF of 19 exercises: " + pdf.body().length + " bytes in " + millis + " ms");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            for (Map.Entry<String, String> e : sentences.entrySet()) {
                assertThat(text).contains(e.getKey()).contains(e.getValue());
            }
            assertThat(text).contains("Qué debe sobrevivir a un cambio de autoridades", "La agenda de turnos por mensaje y su presupuesto anual",
                    "Revisamos el árbol de problemas");
            assertThat(doc.getDocumentInformation().getTitle()).contains("Equipo Ñandutí");
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("es");
        }
        assertThat(PdfUa.failures(pdf.body())).as("veraPDF, PDF/UA-1").isEmpty();
        assertThat(bytes(teacher, "/course/teams/" + team + "/portfolio/pdf").statusCode()).isEqualTo(200);

        // Another team's member finds nothing, page or PDF.
        assertThat(luis.get("/course/teams/" + team + "/portfolio").statusCode()).isEqualTo(404);
        assertThat(bytes(luis, "/course/teams/" + team + "/portfolio/pdf").statusCode()).isEqualTo(404);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("portfolio", "/course/teams/" + team + "/portfolio?s=" + ana.token());
        org.openqa.selenium.chrome.ChromeDriver driver = org.innovadores.testing.Browser.chromium(org.innovadores.testing.Browser.Cookies.FIRST_PARTY_ONLY);
        try {
            org.innovadores.testing.PageChecks.atPhoneAndLaptopWidths(driver, "portfolio-", pages);
        } finally {
            driver.quit();
        }
    }

    static HttpResponse<byte[]> bytes(CoursePerson person, String path) throws Exception {
        return ToolHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + path + "?s=" + person.token())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

}
