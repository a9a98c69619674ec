package org.innovadores.pilots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.innovadores.testing.CoursePerson.seen;
import static org.innovadores.testing.CoursePerson.team;
import static org.innovadores.testing.CoursePerson.INSTRUCTOR;
import static org.innovadores.testing.CoursePerson.LEARNER;
import static org.innovadores.testing.CoursePerson.MENTOR;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A pilot call end to end: opened with a rubric and evaluators (a bad form refused with every
 * problem and nothing created), proposals before the deadline and a late one refused, blind scoring
 * with the mentor of a team excluded, the ranking's weighted means, the decision and each team's feedback.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PilotsIT {

    private static final String GRADER = "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#Grader";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.toolWar();
    }

    @Test
    void aCallFromOpeningToDecision() {
        Tenant tenant = CoursePerson.registered("pilots");
        String course = "pilots-" + System.nanoTime();
        CoursePerson teacher = seen(CoursePerson.launch(tenant, "p-irene", "Irene Instructora", INSTRUCTOR, course));
        CoursePerson ana = seen(CoursePerson.launch(tenant, "p-ana", "Ana Acosta", LEARNER, course));
        CoursePerson sara = seen(CoursePerson.launch(tenant, "p-sara", "Sara Sosa", LEARNER, course));
        CoursePerson marta = seen(CoursePerson.launch(tenant, "p-marta", "Marta Mentora", MENTOR, course));
        CoursePerson eva = CoursePerson.launch(tenant, "p-eva", "Eva Evaluadora", GRADER, course);
        assertThat(eva.landing()).as("an invited evaluator lands on the calls").isEqualTo("/course/pilots");
        assertThat(eva.page("/course/pilots").getElementById("new-call")).as("and opens none").isNull();
        String salud = team(teacher, "Equipo Salud", "p-ana");
        String tierras = team(teacher, "Equipo Tierras", "p-sara");
        CoursePerson.location(teacher.post("/course/teams/" + salud + "/mentors", Map.of("subject", "p-marta")));
        // Ana's team has written its initial problem: the proposal starts from it.
        String exercise = CoursePerson.idAfter(CoursePerson.location(ana.post("/course/teams/" + salud + "/exercises", Map.of("module",
                "exploracion-institucional", "template", "problema-inicial"))), "/exercises/");
        Document form = ana.page("/course/teams/" + salud + "/exercises/" + exercise);
        CoursePerson.location(ana.submit(form, "#exercise-form", Map.of("f.problema", "Los pacientes rurales esperan 45 días"), null));

        // A bad call is refused with each problem, keeps what was typed, and creates nothing.
        Document calls = teacher.page("/course/pilots");
        assertThat(calls.select("#call-form input[name^=evaluator.]").eachAttr("name"))
                .containsExactlyInAnyOrder("evaluator.p-irene", "evaluator.p-marta", "evaluator.p-eva");
        HttpResponse<String> bad = teacher.submit(calls, "#call-form", Map.of("title", "Pilotos 2027", "date", "2020-01-01",
                "criterion.1.es", "", "criterion.1.en", "", "criterion.2.es", "", "criterion.2.en", "", "criterion.3.es", "",
                "criterion.3.en", "", "criterion.4.es", "", "criterion.4.en", ""), null);
        assertThat(bad.statusCode()).isEqualTo(400);
        Document refused = Jsoup.parse(bad.body());
        assertThat(refused.getElementById("problems").text()).contains("posterior a este momento")
                .contains("al menos dos criterios").contains("al menos una persona");
        assertThat(refused.getElementById("title").val()).isEqualTo("Pilotos 2027");
        assertThat(teacher.page("/course/pilots").getElementById("no-calls")).isNotNull();

        // Opened: two pilots of USD 15.000, deadline tomorrow in the course's zone, three evaluators.
        String tomorrow = LocalDate.now(ZoneId.of("America/Asuncion")).plusDays(1).toString();
        HttpResponse<String> opened = teacher.submit(calls, "#call-form", Map.of("title", "Pilotos 2027", "date", tomorrow, "time", "18:00",
                "evaluator.p-irene", "1", "evaluator.p-marta", "1", "evaluator.p-eva", "1"), null);
        String call = CoursePerson.location(opened).replaceAll(".*/course/pilots/([0-9a-f-]{36}).*", "$1");
        Document callPage = teacher.page("/course/pilots/" + call);
        assertThat(callPage.getElementById("deadline").text()).startsWith(LocalDate.parse(tomorrow).format(
                java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " 18:00").contains("hora de Paraguay");
        assertThat(callPage.select("#call-summary dd").get(1).text()).isEqualTo("15.000 USD");
        assertThat(callPage.select("#rubric tbody tr")).hasSize(5);
        assertThat(ana.page("/course/notifications").text()).contains("Irene Instructora abrió la convocatoria de pilotos «Pilotos 2027»");

        // Ana's team proposes: prefilled from its exercises; a blank section is refused by name.
        Document anaCall = ana.page("/course/pilots/" + call);
        assertThat(anaCall.getElementById("section.problema").text()).contains("Los pacientes rurales esperan 45 días");
        HttpResponse<String> blank = ana.submit(anaCall, "#proposal-form", Map.of("section.pedido", " "), null);
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(blank.body()).getElementById("problems").text()).contains("Falta «El pedido»");
        CoursePerson.location(ana.submit(anaCall, "#proposal-form", filled("Salud"), null));
        assertThat(ana.page("/course/pilots/" + call).getElementById("sent")).isNotNull();
        Document saraCall = sara.page("/course/pilots/" + call);
        CoursePerson.location(sara.submit(saraCall, "#proposal-form", filled("Tierras"), null));

        // No scoring while teams may still change their proposals.
        assertThat(eva.post("/course/pilots/" + call + "/proposals/" + java.util.UUID.randomUUID() + "/review",
                Map.of("action", "score")).statusCode()).isEqualTo(409);
        // Closed now: a late proposal is refused and the one sent stays as it was.
        CoursePerson.location(teacher.post("/course/pilots/" + call + "/close", Map.of()));
        HttpResponse<String> late = sara.submit(saraCall, "#proposal-form", Map.of("section.pedido", "Un cambio tardío"), null);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(late.body()).getElementById("problems").text()).contains("ya cerró");

        String saludProposal = proposalOf(eva, call, "Equipo Salud");
        String tierrasProposal = proposalOf(eva, call, "Equipo Tierras");
        // Marta mentors Salud: excluded, and refused if she tries.
        Document martaCall = marta.page("/course/pilots/" + call);
        assertThat(martaCall.getElementById("excluded-" + saludProposal)).isNotNull();
        assertThat(marta.post("/course/pilots/" + call + "/proposals/" + saludProposal + "/review", scores(5, 5)).statusCode()).isEqualTo(403);
        CoursePerson.location(marta.post("/course/pilots/" + call + "/proposals/" + tierrasProposal + "/review", scores(3, 3)));
        assertThat(teacher.page("/course/pilots/" + call).getElementById("ranking")).as("the teacher evaluates too: not before").isNull();

        // Eva sees no one else's scores before hers is in; a missing justification is refused; then she sees Marta's.
        Document evaCall = eva.page("/course/pilots/" + call);
        assertThat(evaCall.getElementById("others-" + tierrasProposal)).isNull();
        Map<String, String> noWhy = new HashMap<>(scores(5, 4));
        noWhy.put("why.c2", "");
        HttpResponse<String> unjustified = eva.post("/course/pilots/" + call + "/proposals/" + tierrasProposal + "/review", noWhy);
        assertThat(unjustified.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(unjustified.body()).getElementById("problems").text()).contains("Falta la justificación de «Evidencia reunida»");
        CoursePerson.location(eva.post("/course/pilots/" + call + "/proposals/" + tierrasProposal + "/review", scores(5, 4)));
        assertThat(eva.page("/course/pilots/" + call).getElementById("others-" + tierrasProposal).text()).contains("Marta Mentora");
        assertThat(eva.post("/course/pilots/" + call + "/proposals/" + tierrasProposal + "/review", scores(1, 1)).statusCode())
                .as("a score sent is final").isEqualTo(409);
        CoursePerson.location(eva.post("/course/pilots/" + call + "/proposals/" + saludProposal + "/review", scores(4, 2)));
        CoursePerson.location(teacher.post("/course/pilots/" + call + "/proposals/" + saludProposal + "/review",
                Map.of("action", "conflict", "conflict", "Trabajé en ese hospital")));
        CoursePerson.location(teacher.post("/course/pilots/" + call + "/proposals/" + tierrasProposal + "/review", scores(4, 4)));

        // The ranking: weights 25, 25, 20, 20, 10. Tierras: impact (3+5+4)/3 = 4, the rest (3+4+4)/3 = 11/3 → (100 + 275)/100 = 3,75;
        // Salud: Eva alone, impact 4, the rest 2 → (25·4 + 75·2)/100 = 2,5.
        Document ranked = teacher.page("/course/pilots/" + call);
        assertThat(ranked.select("#ranking tbody th").eachText()).containsExactly("Equipo Tierras", "Equipo Salud");
        assertThat(ranked.select("#ranking tbody .weighted").eachText()).containsExactly("3,75", "2,5");
        assertThat(ranked.select("#ranking tbody tr").get(1).text()).contains("1 evaluación, 1 conflicto");

        // The decision: too many refused; then Tierras, with the reason and each team's feedback.
        Map<String, String> decision = new HashMap<>(Map.of("rationale", "Mejor evidencia y un responsable de carrera",
                "feedback." + saludProposal, "Reúnan evidencia de más comunidades", "feedback." + tierrasProposal, "Adelante"));
        assertThat(teacher.post("/course/pilots/" + call + "/decision", Map.of("rationale", "x")).statusCode()).isEqualTo(400);
        decision.put("select." + tierrasProposal, "1");
        CoursePerson.location(teacher.post("/course/pilots/" + call + "/decision", decision));
        Document anaAfter = ana.page("/course/pilots/" + call);
        assertThat(anaAfter.getElementById("outcome").text()).contains("no fue seleccionada");
        assertThat(anaAfter.getElementById("feedback").text()).isEqualTo("Reúnan evidencia de más comunidades");
        assertThat(sara.page("/course/pilots/" + call).getElementById("outcome").text()).contains("fue seleccionada para un piloto");
        assertThat(ana.page("/course/notifications").text()).contains("Se decidió la convocatoria de pilotos «Pilotos 2027»");
        assertThat(teacher.post("/course/pilots/" + call + "/decision", decision).statusCode()).as("decided once").isEqualTo(409);

        // The selected pilot followed: its team records milestones, expenses and indicators; an instructor the go / no-go.
        String follow = sara.page("/course/pilots/" + call).getElementById("follow-link").attr("href").replaceAll("[?&]s=.*", "");
        assertThat(follow).isEqualTo("/course/pilots/" + call + "/pilot/" + tierrasProposal);
        String today = LocalDate.now(ZoneId.of("America/Asuncion")).toString();
        CoursePerson.location(sara.post(follow, Map.of("action", "milestone", "title", "Primer mes de turnos por colectivo", "due", today)));
        CoursePerson.location(sara.post(follow, Map.of("action", "expense", "spent_on", today, "amount", "4.500,50", "note", "Mensajes")));
        HttpResponse<String> badAmount = sara.post(follow, Map.of("action", "expense", "spent_on", today, "amount", "-3", "note", "x"));
        assertThat(badAmount.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(badAmount.body()).getElementById("problems").text()).contains("mayor que cero");
        CoursePerson.location(sara.post(follow, Map.of("action", "indicator", "name", "Ausentismo (%)", "baseline", "25", "target", "10")));
        String indicator = sara.page(follow).select("article.indicator").first().id().substring("indicator-".length());
        CoursePerson.location(sara.post(follow, Map.of("action", "measure", "indicator", indicator, "measured_on", today, "value", "15")));
        Document followed = sara.page(follow);
        assertThat(followed.getElementById("budget-text").text()).startsWith("Gastado: 4.500,50 USD de 15.000 USD (30 %)");
        assertThat(followed.select("article.indicator").text()).contains("de 25 a 10").contains("67 % del camino a la meta");
        assertThat(followed.select(".milestones li").text()).contains("Primer mes de turnos por colectivo");
        String milestone = followed.select(".milestones li").first().id().substring("milestone-".length());
        CoursePerson.location(sara.post(follow, Map.of("action", "done", "milestone", milestone, "done_on", today)));
        assertThat(sara.page(follow).select(".milestones li").text()).contains("cumplido el");
        assertThat(sara.post(follow, Map.of("action", "go", "decision", "GO", "reason", "Nos conviene")).statusCode())
                .as("the go / no-go is the teaching team's").isEqualTo(403);
        CoursePerson.location(teacher.post(follow, Map.of("action", "go", "decision", "GO", "reason", "El ausentismo bajó de 25 a 15 %")));
        assertThat(sara.page(follow).getElementById("go-decision").text()).contains("Sigue");
        // Both outcomes reach the teams' portfolios: the selected pilot with its follow-up, the other with its feedback.
        Document tierrasPortfolio = sara.page("/course/teams/" + tierras + "/portfolio");
        assertThat(tierrasPortfolio.getElementById("pilot-" + tierrasProposal).text()).contains("Pilotos 2027", "Piloto seleccionado",
                "Primer mes de turnos por colectivo", "Gastado 4.500,50 USD de 15.000 USD", "Ausentismo (%): de 25 a 10", "Sigue",
                "El ausentismo bajó de 25 a 15 %");
        assertThat(ana.page("/course/teams/" + salud + "/portfolio").getElementById("pilot-" + saludProposal).text())
                .contains("Propuesta no seleccionada", "Reúnan evidencia de más comunidades");
        assertThat(ana.get(follow).statusCode()).as("another team's pilot").isEqualTo(403);
        assertThat(marta.get(follow).statusCode()).as("a mentor of another team").isEqualTo(403);
        assertThat(sara.get("/course/pilots/" + call + "/pilot/" + saludProposal).statusCode()).as("not selected: no pilot").isEqualTo(404);

        // Every state of the pages, checked by axe-core and photographed at 360 and 1280 px: a second call,
        // proposed to by Ana and closed, that Eva alone evaluates, so the teacher sees the ranking and the decision form.
        HttpResponse<String> second = teacher.submit(teacher.page("/course/pilots"), "#call-form", Map.of("title", "Pilotos 2028",
                "date", tomorrow, "time", "18:00", "evaluator.p-eva", "1"), null);
        String call2 = CoursePerson.location(second).replaceAll(".*/course/pilots/([0-9a-f-]{36}).*", "$1");
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("pilots-list", "/course/pilots?s=" + teacher.token());
        pages.put("pilots-proposal-open", "/course/pilots/" + call2 + "?s=" + ana.token());
        pages.put("pilots-outcome", "/course/pilots/" + call + "?s=" + ana.token());
        pages.put("pilots-decided", "/course/pilots/" + call + "?s=" + teacher.token());
        pages.put("pilots-reviewed", "/course/pilots/" + call + "?s=" + eva.token());
        pages.put("pilots-follow-up", follow + "?s=" + sara.token());
        pages.put("pilots-follow-up-lead", follow + "?s=" + teacher.token());
        org.openqa.selenium.chrome.ChromeDriver driver = org.innovadores.testing.Browser.chromium(org.innovadores.testing.Browser.Cookies.FIRST_PARTY_ONLY);
        try {
            org.innovadores.testing.PageChecks.atPhoneAndLaptopWidths(driver, "pilots-", pages);
            CoursePerson.location(ana.submit(ana.page("/course/pilots/" + call2), "#proposal-form", filled("Salud"), null));
            CoursePerson.location(teacher.post("/course/pilots/" + call2 + "/close", Map.of()));
            Map<String, String> closed = new java.util.LinkedHashMap<>();
            closed.put("pilots-to-score", "/course/pilots/" + call2 + "?s=" + eva.token());
            closed.put("pilots-ranking-to-decide", "/course/pilots/" + call2 + "?s=" + teacher.token());
            org.innovadores.testing.PageChecks.atPhoneAndLaptopWidths(driver, "pilots-", closed);
        } finally {
            driver.quit();
        }
        assertThat(eva.page("/course/pilots/" + call2).select("#review form")).hasSize(1);
        assertThat(teacher.page("/course/pilots/" + call2).getElementById("decision-form")).isNotNull();

        // Another course does not find it; a participant cannot open or decide one.
        CoursePerson stranger = CoursePerson.launch(tenant, "p-otro", "Otro Docente", INSTRUCTOR, course + "-otro");
        assertThat(stranger.get("/course/pilots/" + call).statusCode()).isEqualTo(404);
        assertThat(ana.post("/course/pilots", Map.of("title", "Mía")).statusCode()).isEqualTo(403);
        assertThat(ana.post("/course/pilots/" + call + "/decision", decision).statusCode()).isEqualTo(403);
    }

    /** By keyboard alone in Chromium: a participant sends the team's proposal from the home; an evaluator scores it. */
    @Test
    void aParticipantProposesAndAnEvaluatorScoresByKeyboard() {
        Tenant tenant = CoursePerson.registered("pilots-keys");
        String course = "pilots-keys-" + System.nanoTime();
        CoursePerson teacher = seen(CoursePerson.launch(tenant, "k-irene", "Irene Instructora", INSTRUCTOR, course));
        CoursePerson ana = seen(CoursePerson.launch(tenant, "k-ana", "Ana Acosta", LEARNER, course));
        CoursePerson eva = CoursePerson.launch(tenant, "k-eva", "Eva Evaluadora", GRADER, course);
        eva.page("/course/pilots");
        team(teacher, "Equipo Agua", "k-ana");
        String tomorrow = LocalDate.now(ZoneId.of("America/Asuncion")).plusDays(1).toString();
        String call = CoursePerson.location(teacher.submit(teacher.page("/course/pilots"), "#call-form", Map.of("title", "Pilotos del agua",
                "date", tomorrow, "time", "18:00", "evaluator.k-eva", "1"), null)).replaceAll(".*/course/pilots/([0-9a-f-]{36}).*", "$1");

        org.openqa.selenium.chrome.ChromeDriver driver = org.innovadores.testing.Browser.chromium(org.innovadores.testing.Browser.Cookies.FIRST_PARTY_ONLY);
        try {
            org.innovadores.testing.Keyboard keys = new org.innovadores.testing.Keyboard(driver);
            var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30));
            driver.get(org.innovadores.testing.ToolHttp.baseUrl() + "/course?s=" + ana.token());
            keys.activate(org.openqa.selenium.By.id("pilots-home-link"));
            wait.until(d -> d.findElements(org.openqa.selenium.By.linkText("Pilotos del agua")).size() == 1);
            keys.activate(org.openqa.selenium.By.linkText("Pilotos del agua"));
            wait.until(d -> d.findElements(org.openqa.selenium.By.id("proposal-form")).size() == 1);
            for (String s : PilotCall.SECTIONS) {
                keys.type(org.openqa.selenium.By.id("section." + s), "Agua segura para escuelas rurales: " + s, true);
            }
            keys.activate(org.openqa.selenium.By.id("send-proposal"));
            wait.until(d -> d.findElements(org.openqa.selenium.By.id("sent")).size() == 1);
            assertThat(driver.findElement(org.openqa.selenium.By.id("sent")).getText()).startsWith("Propuesta enviada el");

            CoursePerson.location(teacher.post("/course/pilots/" + call + "/close", Map.of()));
            driver.get(org.innovadores.testing.ToolHttp.baseUrl() + "/course/pilots?s=" + eva.token());
            keys.activate(org.openqa.selenium.By.linkText("Pilotos del agua"));
            wait.until(d -> d.findElements(org.openqa.selenium.By.cssSelector("#review form")).size() == 1);
            String proposal = driver.findElement(org.openqa.selenium.By.cssSelector("#review article")).getAttribute("id").substring("proposal-".length());
            for (int c = 1; c <= 5; c++) {
                // Into the scale's radio group by Tab, then the arrow keys choose the score: 4.
                keys.tabTo(org.openqa.selenium.By.id("score." + proposal + ".c" + c + ".1"));
                for (int n = 1; n < 4; n++) keys.press(org.openqa.selenium.Keys.ARROW_RIGHT);
                keys.type(org.openqa.selenium.By.id("why." + proposal + ".c" + c), "Evidencia sólida del criterio " + c, false);
            }
            keys.activate(org.openqa.selenium.By.id("submit-review-" + proposal));
            wait.until(d -> d.findElements(org.openqa.selenium.By.id("scored-" + proposal)).size() == 1);
        } finally {
            driver.quit();
        }
        Document ranked = teacher.page("/course/pilots/" + call);
        assertThat(ranked.select("#ranking tbody .weighted").eachText()).as("five fours").containsExactly("4");
    }

    private static Map<String, String> filled(String team) {
        Map<String, String> sections = new HashMap<>();
        for (String s : PilotCall.SECTIONS) sections.put("section." + s, "Equipo " + team + ": " + s);
        return sections;
    }

    /** Scores for the default rubric's five criteria: the first {@code impact}, the others {@code rest}, each justified. */
    private static Map<String, String> scores(int impact, int rest) {
        Map<String, String> form = new HashMap<>(Map.of("action", "score"));
        for (int i = 1; i <= 5; i++) {
            form.put("score.c" + i, String.valueOf(i == 1 ? impact : rest));
            form.put("why.c" + i, "Justificación del criterio " + i);
        }
        return form;
    }

    private static String proposalOf(CoursePerson evaluator, String call, String team) {
        Document d = evaluator.page("/course/pilots/" + call);
        return d.select("#review article h3").stream().filter(h -> h.text().equals(team)).findFirst().orElseThrow()
                .id().substring("team-".length());
    }

}
