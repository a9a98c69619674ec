package org.innovadores.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.innovadores.testing.CoursePerson.seen;
import static org.innovadores.testing.CoursePerson.INSTRUCTOR;
import static org.innovadores.testing.CoursePerson.LEARNER;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.Browser;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.Deployments;
import org.innovadores.testing.PageChecks;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The directory of public innovators: opt-in, each field shown only by choice, shared by the cohorts
 * (courses) of one deployment and by no other, the entry always the person's own, leaving deletes it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NetworkIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.toolWar();
    }

    @Test
    void theDirectoryHonoursEachChoiceAndTheDeploymentsBoundary() {
        Tenant ministry = CoursePerson.registered("network");
        String cohort2025 = "network-2025-" + System.nanoTime();
        String cohort2026 = "network-2026-" + System.nanoTime();
        CoursePerson teacher = seen(CoursePerson.launch(ministry, "n-irene", "Irene Instructora", INSTRUCTOR, cohort2025));
        CoursePerson ana = seen(CoursePerson.launch(ministry, "n-ana", "Ana Acosta", LEARNER, cohort2025));
        String team = CoursePerson.idAfter(CoursePerson.location(teacher.post("/course/teams", Map.of("name", "Equipo Salud",
                "institutions", "Ministerio de Salud", "challenge", "Reducir la espera de turnos"))), "/course/teams/");
        CoursePerson.location(teacher.post("/course/teams/" + team + "/members", Map.of("subject", "n-ana")));
        CoursePerson luis = seen(CoursePerson.launch(ministry, "n-luis", "Luis Lezcano", LEARNER, cohort2026));
        CoursePerson elsewhere = seen(CoursePerson.launch(CoursePerson.registered("network-other"), "n-otra", "Otra Persona", LEARNER,
                "network-other-" + System.nanoTime()));

        // Nobody is in the directory until they join.
        assertThat(luis.page("/course/network").select("#people li")).isEmpty();

        // Ana's first entry starts from what the course knows; nothing but the name shows until she says so.
        Document form = ana.page("/course/network/me");
        assertThat(form.getElementById("name").val()).isEqualTo("Ana Acosta");
        assertThat(form.getElementById("institution").val()).isEqualTo("Ministerio de Salud");
        assertThat(form.getElementById("challenge").text()).isEqualTo("Reducir la espera de turnos");
        assertThat(form.select("input[type=checkbox][checked]")).isEmpty();
        // Too long is refused with the field named, and nothing is written.
        HttpResponse<String> tooLong = ana.submit(form, "#entry-form", Map.of("contact", "x".repeat(301)), null);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(tooLong.body()).getElementById("problems").text()).contains("«Cómo contactarle» supera los 300 caracteres");
        assertThat(luis.page("/course/network").select("#people li")).isEmpty();
        // The entry is always the person's own: a subject in the form changes nothing of anyone else's.
        Map<String, String> mine = new HashMap<>(Map.of("skills", "Entrevistas, mapa de actores", "contact", "ana@salud.gov.py",
                "show_institution", "1", "show_skills", "1", "subject", "n-luis"));
        CoursePerson.location(ana.submit(form, "#entry-form", mine, null));

        // Luis, of the next cohort, finds her; what she did not choose to show is not there.
        Document found = luis.page("/course/network?q=salud%20entrevistas");
        assertThat(found.select("#people li h2").eachText()).containsExactly("Ana Acosta");
        assertThat(found.getElementById("people").text()).contains("Ministerio de Salud").contains("Entrevistas, mapa de actores")
                .doesNotContain("ana@salud.gov.py").doesNotContain("Reducir la espera");
        assertThat(luis.page("/course/network?q=yacyret%C3%A1").select("#people li")).isEmpty();
        assertThat(luis.page("/course/network/me").getElementById("leave")).as("Luis has not joined").isNull();
        // Another deployment (another program owner) sees nothing of it.
        assertThat(elsewhere.page("/course/network?q=Ana").select("#people li")).isEmpty();

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("network-directory", "/course/network?q=salud&s=" + luis.token());
        pages.put("network-entry", "/course/network/me?s=" + ana.token());
        ChromeDriver driver = Browser.chromium(Browser.Cookies.FIRST_PARTY_ONLY);
        try {
            PageChecks.atPhoneAndLaptopWidths(driver, "network-", pages);
        } finally {
            driver.quit();
        }

        // The gallery: nothing of a team shows until every member consented to that piece of work.
        CoursePerson sara = seen(CoursePerson.launch(ministry, "n-sara", "Sara Sosa", LEARNER, cohort2025));
        CoursePerson.location(teacher.post("/course/teams/" + team + "/members", Map.of("subject", "n-sara")));
        String exercise = CoursePerson.idAfter(CoursePerson.location(ana.post("/course/teams/" + team + "/exercises", Map.of("module",
                "exploracion-institucional", "template", "problema-inicial"))), "/exercises/");
        String path = "/course/teams/" + team + "/exercises/" + exercise;
        assertThat(ana.post("/course/network/gallery", Map.of("action", "propose", "exercise", exercise)).statusCode())
                .as("a draft is not offered").isEqualTo(404);
        CoursePerson.location(ana.handIn(path));
        CoursePerson.location(ana.post("/course/network/gallery", Map.of("action", "propose", "exercise", exercise)));
        Document pending = ana.page("/course/network/gallery");
        assertThat(pending.getElementById("own-publications").text()).contains("1 de 2 integrantes dieron su consentimiento");
        assertThat(luis.page("/course/network/gallery").select("#gallery li")).as("pending: not shown").isEmpty();
        CoursePerson pedro = seen(CoursePerson.launch(ministry, "n-pedro", "Pedro Paredes", LEARNER, cohort2025));
        assertThat(pedro.post("/course/network/gallery", Map.of("action", "propose", "exercise", exercise)).statusCode())
                .as("not a member of a team").isEqualTo(403);
        String publication = pending.select("#own-publications li").first().id().substring("publication-".length());
        CoursePerson.location(sara.post("/course/network/gallery", Map.of("action", "consent", "publication", publication)));
        Document gallery = luis.page("/course/network/gallery?q=salud&method=problema-inicial");
        assertThat(gallery.select("#gallery li h2").eachText()).containsExactly("Problema inicial");
        assertThat(luis.page("/course/network/gallery?method=mapa-de-actores").select("#gallery li")).isEmpty();
        Document item = luis.page("/course/network/gallery/" + publication);
        assertThat(item.getElementById("item-team").text()).contains("Equipo Salud").contains("Ministerio de Salud");
        assertThat(item.getElementById("item-fields").text()).isNotBlank();
        assertThat(elsewhere.get("/course/network/gallery/" + publication).statusCode()).as("another deployment").isEqualTo(404);
        Map<String, String> galleryPages = new LinkedHashMap<>();
        galleryPages.put("network-gallery", "/course/network/gallery?s=" + ana.token());
        galleryPages.put("network-item", "/course/network/gallery/" + publication + "?s=" + luis.token());
        ChromeDriver again = Browser.chromium(Browser.Cookies.FIRST_PARTY_ONLY);
        try {
            PageChecks.atPhoneAndLaptopWidths(again, "network-", galleryPages);
        } finally {
            again.quit();
        }
        CoursePerson.location(sara.post("/course/network/gallery", Map.of("action", "withdraw", "publication", publication)));
        assertThat(luis.page("/course/network/gallery").select("#gallery li")).as("withdrawn").isEmpty();
        assertThat(luis.get("/course/network/gallery/" + publication).statusCode()).isEqualTo(404);

        // The whole portfolio: proposed by one member, shown once every member consented, every handed-in exercise in it.
        CoursePerson.location(sara.post("/course/network/gallery", Map.of("action", "propose-portfolio")));
        String portfolio = sara.page("/course/network/gallery").select("#own-publications li").stream()
                .filter(li -> li.text().contains("portafolio del equipo")).findFirst().orElseThrow().id().substring("publication-".length());
        assertThat(sara.page("/course/network/gallery").getElementById("propose-portfolio")).as("one per team").isNull();
        assertThat(luis.get("/course/network/gallery/" + portfolio).statusCode()).as("pending").isEqualTo(404);
        CoursePerson.location(ana.post("/course/network/gallery", Map.of("action", "consent", "publication", portfolio)));
        Document whole = luis.page("/course/network/gallery/" + portfolio);
        assertThat(whole.select("h2").eachText()).contains("Problema inicial");
        assertThat(whole.getElementById("item-team").text()).contains("Portafolio del equipo");
        assertThat(luis.page("/course/network/gallery?method=portafolio").select("#gallery li h2").eachText())
                .containsExactly("Equipo Salud: portafolio del equipo");
        assertThat(pedro.post("/course/network/gallery", Map.of("action", "propose-portfolio")).statusCode()).isEqualTo(403);
        CoursePerson.location(ana.post("/course/network/gallery", Map.of("action", "withdraw", "publication", portfolio)));

        // Leaving deletes the entry.
        CoursePerson.location(ana.submit(ana.page("/course/network/me"), "#leave-form", Map.of(), null));
        assertThat(luis.page("/course/network").select("#people li")).isEmpty();
        assertThat(ana.page("/course/network/me").getElementById("leave")).isNull();
    }

}
