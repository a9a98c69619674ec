package org.innovadores.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.innovadores.testing.CoursePerson.INSTRUCTOR;
import static org.innovadores.testing.CoursePerson.LEARNER;
import static org.innovadores.testing.CoursePerson.MENTOR;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Teams and their exercises over HTTP: who may read and write what (every cell of role × own/other
 * team × own/other course × other tenant), two members editing at once with nothing lost, history and
 * restore, the review cycle, the assumption → test → learning chain, self-enrolment and mentoring.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TeamworkIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.toolWar();
    }


    private static CoursePerson person(Tenant tenant, String subject, String role, String course) {
        CoursePerson person = CoursePerson.launch(tenant, subject, subject.replace('-', ' '), role, course);
        person.page("/course");
        return person;
    }



    /** A course with two teams, members, an assigned and an unassigned mentor, and one exercise started. */
    record Course(String id, CoursePerson teacher, CoursePerson ana, CoursePerson luis, CoursePerson sara,
                  CoursePerson mentor, CoursePerson otherMentor, String team1, String team2, String exercise) {
        String exercisePath() {
            return "/course/teams/" + team1 + "/exercises/" + exercise;
        }
    }

    private static Course course(String name) {
        Tenant tenant = CoursePerson.registered("teamwork");
        String id = name + "-" + System.nanoTime();
        CoursePerson teacher = person(tenant, name + "-teacher", INSTRUCTOR, id);
        CoursePerson ana = person(tenant, name + "-ana", LEARNER, id);
        CoursePerson luis = person(tenant, name + "-luis", LEARNER, id);
        CoursePerson sara = person(tenant, name + "-sara", LEARNER, id);
        CoursePerson mentor = person(tenant, name + "-mentor", MENTOR, id);
        CoursePerson otherMentor = person(tenant, name + "-mentor2", MENTOR, id);
        String team1 = CoursePerson.idAfter(CoursePerson.location(teacher.post("/course/teams", Map.of("name", "Equipo Salud", "institutions",
                "Ministerio de Salud", "challenge", "Reducir la espera de turnos", "sponsor_name", "Dra. Gómez",
                "sponsor_role", "Viceministra"))), "/course/teams/");
        String team2 = CoursePerson.idAfter(CoursePerson.location(teacher.post("/course/teams", Map.of("name", "Equipo Tierras"))), "/course/teams/");
        CoursePerson.location(teacher.post("/course/teams/" + team1 + "/members", Map.of("subject", name + "-ana")));
        CoursePerson.location(teacher.post("/course/teams/" + team1 + "/members", Map.of("subject", name + "-luis")));
        CoursePerson.location(teacher.post("/course/teams/" + team2 + "/members", Map.of("subject", name + "-sara")));
        CoursePerson.location(teacher.post("/course/teams/" + team1 + "/mentors", Map.of("subject", name + "-mentor")));
        String exercise = CoursePerson.idAfter(CoursePerson.location(ana.post("/course/teams/" + team1 + "/exercises", Map.of("module",
                "exploracion-institucional", "template", "problema-inicial"))), "/exercises/");
        return new Course(id, teacher, ana, luis, sara, mentor, otherMentor, team1, team2, exercise);
    }

    private static HttpResponse<String> save(CoursePerson person, String path, Map<String, String> changes) {
        Document form = person.page(path);
        return person.submit(form, "#exercise-form", changes, null);
    }

    private static int version(CoursePerson person, String path) {
        return Integer.parseInt(person.page(path).getElementById("exercise-form") != null
                ? person.page(path).selectFirst("#exercise-form input[name=version]").attr("value")
                : person.page(path).text().replaceAll(".*(?:versión|version) (\\d+).*", "$1"));
    }

    @Test
    void everyoneSeesAndChangesOnlyWhatTheirRoleAllows() {
        Course c = course("matrix");
        Tenant tenant = CoursePerson.registered("teamwork");
        CoursePerson otherCourseTeacher = person(tenant, "matrix-b-teacher", INSTRUCTOR, "matrix-b-" + System.nanoTime());
        CoursePerson otherTenant = person(CoursePerson.registered("teamwork-other"), "matrix-x", INSTRUCTOR, c.id());
        CoursePerson admin = person(tenant, "matrix-admin", "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator", c.id());
        String workspace = "/course/teams/" + c.team1();
        String path = c.exercisePath();
        int before = version(c.ana(), path);

        record Actor(String name, CoursePerson person, int read, int write, int comment, int manage) {
        }
        List<Actor> actors = List.of(
                new Actor("member of the team", c.ana(), 200, 303, 303, 403),
                new Actor("participant of another team", c.sara(), 404, 404, 404, 404),
                new Actor("the team's mentor", c.mentor(), 200, 403, 303, 403),
                new Actor("a mentor of other teams", c.otherMentor(), 404, 404, 404, 404),
                new Actor("the course's instructor", c.teacher(), 200, 403, 303, 303),
                new Actor("an LMS administrator in the course", admin, 200, 403, 303, 303),
                new Actor("an instructor of another course", otherCourseTeacher, 404, 404, 404, 404),
                new Actor("an instructor of another tenant with the same course id", otherTenant, 404, 404, 404, 404));
        for (Actor a : actors) {
            assertThat(a.person().get(workspace).statusCode()).as(a.name() + " reads the workspace").isEqualTo(a.read());
            assertThat(a.person().get(path).statusCode()).as(a.name() + " reads the exercise").isEqualTo(a.read());
            assertThat(a.person().get(path + "/history").statusCode()).as(a.name() + " reads the history").isEqualTo(a.read());
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("version", String.valueOf(version(c.ana(), path)));
            fields.put("f.problema", "Cambio de " + a.name());
            assertThat(a.person().post(path, fields).statusCode()).as(a.name() + " writes the exercise").isEqualTo(a.write());
            assertThat(a.person().post(path + "/comments", Map.of("body", "Comentario de " + a.name())).statusCode())
                    .as(a.name() + " comments").isEqualTo(a.comment());
            assertThat(a.person().post("/course/teams/" + c.team1() + "/members", Map.of("subject", "matrix-luis")).statusCode())
                    .as(a.name() + " moves people").isEqualTo(a.manage());
            assertThat(a.person().post(workspace, Map.of("name", "Renombrado por " + a.name())).statusCode())
                    .as(a.name() + " edits the team").isIn(a.write() == 303 || a.manage() == 303 ? List.of(303) : List.of(403, 404));
        }
        // Only the member's write landed: one new version, with the member's text.
        Document after = c.ana().page(path);
        assertThat(after.getElementById("f.problema").attr("value")).isEqualTo("Cambio de member of the team");
        assertThat(version(c.ana(), path)).isEqualTo(before + 1);
        assertThat(c.ana().page(path).select("#comment-list > li")).hasSize(4);
        assertThat(c.sara().page("/course/teams/" + c.team2()).getElementById("team-name").text()).isEqualTo("Equipo Tierras");
        // An exercise id sent under another team's address is not found either.
        assertThat(c.sara().get("/course/teams/" + c.team2() + "/exercises/" + c.exercise()).statusCode()).isEqualTo(404);
        assertThat(c.sara().post("/course/teams/" + c.team2() + "/exercises/" + c.exercise(), Map.of("version", "1")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void twoMembersEditingAtOnceLoseNothing() {
        Course c = course("together");
        String path = c.exercisePath();
        Document anaForm = c.ana().page(path);
        Document luisForm = c.luis().page(path);

        // Different fields: both survive.
        assertThat(c.ana().submit(anaForm, "#exercise-form", Map.of("f.problema", "Las familias esperan 40 días"), null).statusCode()).isEqualTo(303);
        HttpResponse<String> luisSave = c.luis().submit(luisForm, "#exercise-form", Map.of("f.afectados", "Familias rurales"), null);
        assertThat(CoursePerson.location(luisSave)).contains("notice=saved");
        // A notice the tool never gives is ignored, not a failure.
        HttpResponse<String> unknownNotice = c.luis().get(path + "?notice=no-such-notice");
        assertThat(unknownNotice.statusCode()).isEqualTo(200);
        assertThat(org.jsoup.Jsoup.parse(unknownNotice.body()).getElementById("notice")).isNull();
        Document merged = c.ana().page(path);
        assertThat(merged.getElementById("f.problema").attr("value")).isEqualTo("Las familias esperan 40 días");
        assertThat(merged.getElementById("f.afectados").text()).isEqualTo("Familias rurales");

        // The same field from the same starting point: the second becomes a visible conflict.
        Document anaAgain = c.ana().page(path);
        Document luisAgain = c.luis().page(path);
        assertThat(c.ana().submit(anaAgain, "#exercise-form", Map.of("f.mandato", "Ley 1234, artículo 5"), null).statusCode()).isEqualTo(303);
        HttpResponse<String> clash = c.luis().submit(luisAgain, "#exercise-form", Map.of("f.mandato", "Plan Nacional 2030"), null);
        assertThat(CoursePerson.location(clash)).contains("notice=conflicts");
        Document shown = c.luis().page(path);
        assertThat(shown.select(".conflict .value").eachText()).containsExactly("Ley 1234, artículo 5", "Plan Nacional 2030");
        assertThat(shown.getElementById("f.mandato").text()).isEqualTo("Ley 1234, artículo 5");

        // Autosave of a field only Luis has been changing is not a conflict with himself.
        Document luisTyping = c.luis().page(path);
        String version = luisTyping.selectFirst("#exercise-form input[name=version]").attr("value");
        HttpResponse<String> first = autosave(c.luis(), luisTyping, Map.of("f.donde-cuando", "Asunción"));
        assertThat(first.body()).contains("\"conflicts\":[]");
        HttpResponse<String> second = autosave(c.luis(), luisTyping, Map.of("f.donde-cuando", "Asunción y Encarnación"));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("\"conflicts\":[]").contains("\"changed\":1");
        assertThat(luisTyping.selectFirst("#exercise-form input[name=version]").attr("value")).isEqualTo(version);

        // Resolving keeps the chosen text; the other stays in the history.
        String conflict = shown.selectFirst(".conflict").id().substring("conflict-".length());
        CoursePerson.location(c.luis().post(path + "/conflicts/" + conflict, Map.of("use", "proposed")));
        Document resolved = c.ana().page(path);
        assertThat(resolved.select(".conflict")).isEmpty();
        assertThat(resolved.getElementById("f.mandato").text()).isEqualTo("Plan Nacional 2030");
        assertThat(resolved.getElementById("f.donde-cuando").text()).isEqualTo("Asunción y Encarnación");
        Document history = c.ana().page(path + "/history");
        Document firstSave = c.ana().page(path + "/revisions/2");
        assertThat(firstSave.select(".change h2").eachText()).containsExactly("El problema en una oración");
        assertThat(firstSave.select(".diff-added").text()).contains("Las familias esperan 40 días");
        assertThat(c.sara().get(path + "/revisions/2").statusCode()).isEqualTo(404);
        List<String> rows = history.select("#exercise-revisions tbody tr").eachText();
        assertThat(rows).hasSize(7);
        assertThat(rows.get(0)).contains("together luis").contains("Por qué importa a la institución (mandato)");
        assertThat(rows).anyMatch(r -> r.contains("together ana") && r.contains("Por qué importa a la institución (mandato)"));
    }

    private static HttpResponse<String> autosave(CoursePerson person, Document form, Map<String, String> changes) {
        StringBuilder body = new StringBuilder();
        ((org.jsoup.nodes.FormElement) form.selectFirst("#exercise-form")).formData().forEach(kv -> {
            if (!body.isEmpty()) body.append('&');
            body.append(LtiClient.form(Map.of(kv.key(), changes.getOrDefault(kv.key(), kv.value()))));
        });
        return ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + form.selectFirst("#exercise-form").attr("action")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    @Test
    void historyRestoreAndTheReviewCycle() {
        Course c = course("review");
        String path = c.exercisePath();
        CoursePerson.location(save(c.ana(), path, Map.of("f.problema", "Primera versión")));
        CoursePerson.location(save(c.ana(), path, Map.of("f.problema", "Segunda versión")));
        Document history = c.ana().page(path + "/history");
        assertThat(history.select("#exercise-revisions tbody tr")).hasSize(3);
        c.ana().submit(history, "#exercise-revisions tbody tr:nth-child(2) form", Map.of(), null);
        assertThat(c.ana().page(path).getElementById("f.problema").attr("value")).isEqualTo("Primera versión");

        CoursePerson.location(c.ana().post(path + "/status", Map.of("status", "SUBMITTED")));
        assertThat(c.ana().page(path).getElementById("status").text()).isEqualTo("Entregado");
        assertThat(c.ana().page(path).getElementById("exercise-form")).as("locked once submitted").isNull();
        assertThat(c.ana().post(path, Map.of("version", "5", "f.problema", "tarde")).statusCode()).isEqualTo(409);
        assertThat(c.ana().post(path + "/status", Map.of("status", "ACCEPTED")).statusCode()).isEqualTo(409);
        // Changes are asked for with the reason; without it, nothing changes.
        HttpResponse<String> noReason = c.mentor().post(path + "/status", Map.of("status", "CHANGES_REQUESTED", "reason", "  "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("qué debe cambiar");
        assertThat(c.ana().page(path).getElementById("status").text()).isEqualTo("Entregado");
        CoursePerson.location(c.mentor().post(path + "/status", Map.of("status", "CHANGES_REQUESTED", "reason", "Falta quién sufre el problema")));
        assertThat(c.ana().page(path).select("#comment-list").text()).as("the team reads why").contains("Falta quién sufre el problema");
        CoursePerson.location(save(c.ana(), path, Map.of("f.problema", "Corregida")));
        CoursePerson.location(c.ana().post(path + "/status", Map.of("status", "SUBMITTED")));
        CoursePerson.location(c.teacher().post(path + "/status", Map.of("status", "ACCEPTED")));
        assertThat(c.ana().page(path).getElementById("status").text()).isEqualTo("Aceptado");
        assertThat(c.mentor().post(path + "/status", Map.of("status", "DRAFT")).statusCode()).isEqualTo(409);
        assertThat(c.ana().page("/course/teams/" + c.team1()).text()).contains("Aceptado");
    }

    @Test
    void theAssumptionTestLearningChainShowsInTheLog() {
        Course c = course("chain");
        String team = "/course/teams/" + c.team1();
        String map = CoursePerson.idAfter(CoursePerson.location(c.ana().post(team + "/exercises", Map.of("module", "seleccion-de-conceptos",
                "template", "mapa-de-supuestos"))), "/exercises/");
        CoursePerson.location(save(c.ana(), team + "/exercises/" + map, Map.of("f.supuestos.0.supuesto", "Las familias usarían un turno por SMS",
                "f.supuestos.0.x", "1", "f.supuestos.0.y", "5")));
        Document mapPage = c.ana().page(team + "/exercises/" + map);
        // Drawn where its ratings say: no evidence (1), high importance (5): top left, numbered, and named in the list.
        assertThat(mapPage.selectFirst("#matrix-supuestos .picture-point circle").attr("cx")).isEqualTo("40.0");
        assertThat(mapPage.selectFirst("#matrix-supuestos .picture-point circle").attr("cy")).isEqualTo("40.0");
        assertThat(mapPage.select("#legend-supuestos li").get(0).text()).contains("Las familias usarían un turno por SMS");
        // Each row keeps an id of its own, which a test card names to test that one assumption.
        CoursePerson.location(save(c.ana(), team + "/exercises/" + map, Map.of(
                "f.supuestos.0._id", mapPage.selectFirst("input[name=f.supuestos.0._id]").val(),
                "f.supuestos.0.supuesto", "Las familias usarían un turno por SMS", "f.supuestos.0.x", "1", "f.supuestos.0.y", "5",
                "f.supuestos.1.supuesto", "El personal respondería los SMS", "f.supuestos.1.x", "4", "f.supuestos.1.y", "2")));
        mapPage = c.ana().page(team + "/exercises/" + map);
        String sms = mapPage.selectFirst("input[name=f.supuestos.0._id]").val();
        String staff = mapPage.selectFirst("input[name=f.supuestos.1._id]").val();
        assertThat(sms).matches("[a-z0-9]{1,16}").isNotEqualTo(staff);
        String card = CoursePerson.idAfter(CoursePerson.location(c.ana().post(team + "/exercises", Map.of("module", "prototipado-y-testeo",
                "template", "tarjeta-de-experimento"))), "/exercises/");
        Document cardPage = c.ana().page(team + "/exercises/" + card);
        assertThat(cardPage.select("select[name=f.supuesto] option").eachText()).containsExactly("—",
                "Mapa de supuestos · 1. Las familias usarían un turno por SMS", "Mapa de supuestos · 2. El personal respondería los SMS");
        // The whole map is no longer something a card can test: it names one assumption.
        assertThat(save(c.ana(), team + "/exercises/" + card, Map.of("f.supuesto", map)).statusCode()).isEqualTo(422);
        CoursePerson.location(save(c.ana(), team + "/exercises/" + card, Map.of("f.supuesto", map + "/" + staff,
                "f.creemos", "Que un SMS reduce la espera", "f.tipo", "sonda")));
        // Moving the rows does not change which assumption the card tests.
        CoursePerson.location(save(c.ana(), team + "/exercises/" + map, Map.of(
                "f.supuestos.0._id", staff, "f.supuestos.0.supuesto", "El personal respondería los SMS", "f.supuestos.0.x", "4",
                "f.supuestos.0.y", "2", "f.supuestos.1._id", sms, "f.supuestos.1.supuesto", "Las familias usarían un turno por SMS",
                "f.supuestos.1.x", "1", "f.supuestos.1.y", "5")));
        assertThat(c.ana().page(team + "/exercises/" + card).selectFirst("select[name=f.supuesto] option[selected]").text())
                .isEqualTo("Mapa de supuestos · 1. El personal respondería los SMS");
        String learning = CoursePerson.idAfter(CoursePerson.location(c.ana().post(team + "/exercises", Map.of("module", "prototipado-y-testeo",
                "template", "tarjeta-de-aprendizaje"))), "/exercises/");
        CoursePerson.location(save(c.ana(), team + "/exercises/" + learning, Map.of("f.experimento", card, "f.decision", "pivotar")));
        Document workspace = c.ana().page(team);
        assertThat(workspace.select("#learning-chain > li").eachText()).containsExactly(
                "Supuesto El personal respondería los SMS Tarjeta de experimento Tarjeta de experimento Que un SMS reduce la espera "
                        + "Tarjeta de aprendizaje Tarjeta de aprendizaje Decisión Pivotar");

        // A link to another team's exercise, or a choice that does not exist, is refused by name and changes nothing.
        String foreign = CoursePerson.idAfter(CoursePerson.location(c.sara().post("/course/teams/" + c.team2() + "/exercises", Map.of("module",
                "seleccion-de-conceptos", "template", "mapa-de-supuestos"))), "/exercises/");
        assertThat(save(c.ana(), team + "/exercises/" + card, Map.of("f.supuesto", foreign)).statusCode()).isEqualTo(422);
        assertThat(save(c.ana(), team + "/exercises/" + card, Map.of("f.tipo", "inventado")).statusCode()).isEqualTo(422);
        assertThat(save(c.ana(), team + "/exercises/" + map, Map.of("f.supuestos.0.x", "9")).statusCode()).isEqualTo(422);
        assertThat(c.ana().page(team).select("#learning-chain > li")).hasSize(1);
        assertThat(c.ana().post(team + "/exercises", Map.of("module", "descubrimiento", "template", "pitch")).statusCode()).isEqualTo(400);
    }

    /** The team a participant's select shows as chosen on the people table ("" for none). */
    private static String teamShown(Document page, String subject) {
        org.jsoup.nodes.Element chosen = page.selectFirst("select[name=team." + subject + "] option[selected]");
        return chosen == null ? "" : chosen.attr("value");
    }

    /** The people table's form as the browser sends it, with some fields changed and some more added. */
    private static String peopleForm(Document page, Map<String, String> changes, String... extra) {
        StringBuilder body = new StringBuilder();
        Map<String, String> pending = new java.util.LinkedHashMap<>(changes);
        ((org.jsoup.nodes.FormElement) page.getElementById("people-form")).formData().forEach(kv -> {
            String value = pending.containsKey(kv.key()) ? pending.remove(kv.key()) : kv.value();
            body.append(body.isEmpty() ? "" : "&").append(org.innovadores.lti.LtiClient.form(Map.of(kv.key(), value)));
        });
        pending.forEach((k, v) -> body.append('&').append(org.innovadores.lti.LtiClient.form(Map.of(k, v))));
        for (int i = 0; i < extra.length; i += 2) body.append('&').append(org.innovadores.lti.LtiClient.form(Map.of(extra[i], extra[i + 1])));
        return body.toString();
    }

    @Test
    void theInstructorFormsTeamsFromOneTableAndOnlyParticipantsJoinThem() {
        Course c = course("assign");
        Tenant tenant = CoursePerson.registered("teamwork");
        person(tenant, "assign-n1", LEARNER, c.id()).page("/course");
        person(tenant, "assign-n2", LEARNER, c.id()).page("/course");
        Document page = c.teacher().page("/course/teams");
        // One control per participant; mentors choose teams by boxes; the instructor is offered nowhere.
        assertThat(page.select("#people select[name^=team.]").eachAttr("name"))
                .contains("team.assign-ana", "team.assign-luis", "team.assign-sara", "team.assign-n1").doesNotContain("team.assign-teacher", "team.assign-mentor");
        assertThat(page.select("input[name=mentor.assign-mentor]")).hasSize(2);
        assertThat(page.select("input[name=mentor.assign-mentor][checked]").eachAttr("value")).containsExactly(c.team1());
        assertThat(page.select("input[name=pick]").eachAttr("value")).doesNotContain("assign-teacher", "assign-mentor");
        assertThat(teamShown(page, "assign-luis")).isEqualTo(c.team1());

        // One save: Luis to the other team, a newcomer into the first, the mentor on both.
        HttpResponse<String> saved = c.teacher().postRaw("/course/teams/assign", peopleForm(page,
                Map.of("team.assign-luis", c.team2(), "team.assign-n1", c.team1(), "action", "save"), "mentor.assign-mentor", c.team2()));
        assertThat(CoursePerson.location(saved)).contains("notice=assigned-3").contains("#people-title");
        Document after = c.teacher().page("/course/teams?notice=assigned-3");
        assertThat(after.getElementById("assigned-notice").text()).isEqualTo("Se guardaron 3 cambios.");
        assertThat(teamShown(after, "assign-luis")).isEqualTo(c.team2());
        assertThat(teamShown(after, "assign-n1")).isEqualTo(c.team1());
        assertThat(teamShown(after, "assign-ana")).isEqualTo(c.team1());
        assertThat(after.select("input[name=mentor.assign-mentor][checked]").eachAttr("value")).containsExactlyInAnyOrder(c.team1(), c.team2());

        // Several at once: the two ticked go to the second team.
        HttpResponse<String> bulk = c.teacher().postRaw("/course/teams/assign", peopleForm(after, Map.of("action", "bulk",
                "bulk_team", c.team2()), "pick", "assign-n1", "pick", "assign-n2"));
        CoursePerson.location(bulk);
        Document bulked = c.teacher().page("/course/teams");
        assertThat(teamShown(bulked, "assign-n1")).isEqualTo(c.team2());
        assertThat(teamShown(bulked, "assign-n2")).isEqualTo(c.team2());
        assertThat(c.teacher().page("/course/teams/" + c.team2()).select("#members li").text()).contains("assign n2");

        // Refused, and nothing changed: a mentor as a member, a team of no course, a bulk with no team or nobody ticked.
        for (String body : List.of(
                peopleForm(bulked, Map.of("action", "save", "team.assign-ana", ""), "team.assign-mentor", c.team1()),
                peopleForm(bulked, Map.of("action", "save", "team.assign-ana", java.util.UUID.randomUUID().toString())),
                peopleForm(bulked, Map.of("action", "save", "team.assign-ana", "not-a-team")),
                peopleForm(bulked, Map.of("action", "bulk", "bulk_team", ""), "pick", "assign-ana"),
                peopleForm(bulked, Map.of("action", "bulk", "bulk_team", c.team2())),
                peopleForm(bulked, Map.of("action", "bulk", "bulk_team", c.team2()), "pick", "assign-teacher"))) {
            HttpResponse<String> refused = c.teacher().postRaw("/course/teams/assign", body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
        }
        assertThat(teamShown(c.teacher().page("/course/teams"), "assign-ana")).isEqualTo(c.team1());
        // Only instructors: a participant's post changes nothing.
        assertThat(c.ana().postRaw("/course/teams/assign", peopleForm(bulked, Map.of("action", "save", "team.assign-ana", c.team2(),
                "s", c.ana().token(), "csrf", c.ana().csrf()))).statusCode()).isEqualTo(403);
        assertThat(teamShown(c.teacher().page("/course/teams"), "assign-ana")).isEqualTo(c.team1());
    }

    /** A file posted as the page's upload form posts it (multipart, the session in the URL for the gate). */
    private static HttpResponse<String> uploadComposition(CoursePerson teacher, String csv) {
        String boundary = "----composition" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"s\"\r\n\r\n" + teacher.token() + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + teacher.csrf() + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"equipos.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return org.innovadores.testing.ToolHttp.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        org.innovadores.testing.ToolHttp.baseUrl() + "/course/teams/composition?s=" + teacher.token()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8)).build());
    }

    @Test
    void theTeamsGoOutToASpreadsheetAndComeBackCheckedBeforeAnythingChanges() {
        Course c = course("sheet");
        // Out: the composition as it is, in the instructor's language.
        HttpResponse<String> exported = c.teacher().get("/course/teams/composition.csv");
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(exported.body()).startsWith("\uFEFFequipo,rol,nombre,correo,id_lms").contains("Equipo Salud,mentor,sheet mentor")
                .contains("Equipo Salud,miembro,sheet ana").contains("Equipo Tierras,miembro,sheet sara");
        assertThat(c.ana().get("/course/teams/composition.csv").statusCode()).isEqualTo(403);

        // Back, edited: Luis to Tierras, a new team for Sara, the second mentor on Tierras.
        String edited = exported.body().replace("Equipo Salud,miembro,sheet luis", "Equipo Tierras,miembro,sheet luis")
                .replace("Equipo Tierras,miembro,sheet sara", "Equipo Río,miembro,sheet sara")
                + "Equipo Tierras,mentor,sheet mentor2,,\r\n";
        HttpResponse<String> check = uploadComposition(c.teacher(), edited);
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        Document page = Jsoup.parse(check.body());
        assertThat(page.getElementById("new-teams").text()).isEqualTo("Equipo Río");
        assertThat(page.getElementById("moves").text()).contains("sheet luis Equipo Salud Equipo Tierras").contains("sheet sara Equipo Tierras Equipo Río");
        assertThat(page.getElementById("mentoring").text()).contains("sheet mentor2");
        // Checking changed nothing.
        assertThat(teamShown(c.teacher().page("/course/teams"), "sheet-luis")).isEqualTo(c.team1());

        // A file with problems: every one listed with its line, and nothing changes, applied or not.
        String bad = "equipo,rol,nombre,correo,id_lms\nEquipo Salud,miembro,Nadie,,\nEquipo Salud,miembro,sheet mentor,,\n";
        HttpResponse<String> refused = uploadComposition(c.teacher(), bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).getElementById("problems").text()).contains("Línea 2").contains("Nadie")
                .contains("Línea 3").contains("no es participante");
        assertThat(c.teacher().post("/course/teams/composition/apply", Map.of("csv", bad)).statusCode()).isEqualTo(400);
        assertThat(teamShown(c.teacher().page("/course/teams"), "sheet-ana")).isEqualTo(c.team1());

        // Applied as checked.
        HttpResponse<String> applied = c.teacher().submit(page, "#apply-form", Map.of(), null);
        assertThat(CoursePerson.location(applied)).contains("notice=assigned-4");
        Document after = c.teacher().page("/course/teams");
        assertThat(teamShown(after, "sheet-luis")).isEqualTo(c.team2());
        String rio = after.select("#team-sheet-sara option[selected], select[name=team.sheet-sara] option[selected]").text();
        assertThat(rio).isEqualTo("Equipo Río");
        assertThat(after.select("input[name=mentor.sheet-mentor2][checked]").eachAttr("value")).containsExactly(c.team2());
        // And a second export reads back as no change.
        HttpResponse<String> again = uploadComposition(c.teacher(), c.teacher().get("/course/teams/composition.csv").body());
        assertThat(Jsoup.parse(again.body()).getElementById("nothing")).isNotNull();
    }

    @Test
    void selfEnrolmentMentoringLogAndFieldNotesWarning() {
        Course c = course("enrol");
        Tenant tenant = CoursePerson.registered("teamwork");
        CoursePerson newcomer = person(tenant, "enrol-nuevo", LEARNER, c.id());
        CoursePerson late = person(tenant, "enrol-tarde", LEARNER, c.id());
        assertThat(newcomer.post("/course/teams/" + c.team2() + "/join", Map.of()).statusCode()).as("enrolment closed").isEqualTo(403);
        CoursePerson.location(c.teacher().post("/course/teams/enrolment", Map.of("min", "1", "max", "2", "deadline",
                LocalDateTime.now().plusDays(7).withNano(0).toString())));
        assertThat(c.teacher().post("/course/teams/enrolment", Map.of("min", "3", "max", "2", "deadline", "2030-01-01T00:00"))
                .statusCode()).isEqualTo(400);
        CoursePerson.location(newcomer.post("/course/teams/" + c.team2() + "/join", Map.of()));
        assertThat(newcomer.post("/course/teams/" + c.team2() + "/join", Map.of()).statusCode()).isEqualTo(409);
        assertThat(late.post("/course/teams/" + c.team2() + "/join", Map.of()).statusCode()).as("team full").isEqualTo(409);
        assertThat(c.ana().post("/course/teams/" + c.team2() + "/join", Map.of()).statusCode()).as("already in a team").isEqualTo(409);
        assertThat(c.mentor().post("/course/teams/" + c.team2() + "/join", Map.of()).statusCode()).isEqualTo(403);
        assertThat(newcomer.page("/course/teams/" + c.team2()).select("#members li")).hasSize(2);

        String team = "/course/teams/" + c.team1();
        CoursePerson.location(c.mentor().post(team + "/log", Map.of("met_on", "2027-03-10", "attended", "Ana, Luis", "notes",
                "Revisamos el árbol de problemas", "agreements", "Entrevistar a 5 familias", "next_steps", "Plan de investigación")));
        assertThat(c.ana().page(team).select(".log-entry").text()).contains("Revisamos el árbol de problemas").contains("Entrevistar a 5 familias");
        assertThat(c.ana().post(team + "/log", Map.of("met_on", "2027-03-11", "notes", "x")).statusCode()).isEqualTo(403);
        assertThat(c.mentor().post(team + "/log", Map.of("met_on", "10/03/2027", "notes", "x")).statusCode()).isEqualTo(400);

        String notes = CoursePerson.idAfter(CoursePerson.location(c.ana().post(team + "/exercises", Map.of("module", "descubrimiento",
                "template", "registro-de-campo"))), "/exercises/");
        Document notesPage = c.ana().page(team + "/exercises/" + notes);
        assertThat(notesPage.getElementById("personal-data").text()).contains("no guarde nombres");
        assertThat(notesPage.select("#f\\.consentimiento option").eachAttr("value")).containsExactly("", "si", "no");
    }

    @Test
    void aTemplateChangeIsANewVersionAndStartedWorkKeepsItsOwn() {
        Course c = course("versions");
        // A definition larger than the tool keeps is refused with the reason, and nothing is written.
        String huge = "{\"key\": \"problema-inicial\", \"padding\": \"" + "x".repeat(70 * 1024) + "\"}";
        HttpResponse<String> tooLarge = c.teacher().post("/course/templates", Map.of("definition", huge));
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(tooLarge.body()).getElementById("problems").text()).as("in the reader's number format").contains("65.536 caracteres");
        assertThat(c.teacher().page("/course/templates/problema-inicial").select("#template-versions li")).hasSize(1);
        Course other = course("versions-other");
        Document editor = c.teacher().page("/course/templates/problema-inicial");
        String json = editor.getElementById("definition").text();
        assertThat(json).contains("\"key\": \"problema\"");
        String changed = json.replaceFirst("\"fields\": \\[", "\"fields\": [{\"key\": \"presupuesto\", \"type\": \"TEXT\", "
                + "\"label\": {\"es\": \"Presupuesto disponible\", \"en\": \"Available budget\"}},")
                .replaceFirst("\"Problema inicial\"", "\"Problema público inicial\"");
        HttpResponse<String> saved = c.teacher().post("/course/templates", Map.of("definition", changed));
        assertThat(CoursePerson.location(saved)).contains("saved=2");
        assertThat(c.teacher().page("/course/templates/problema-inicial").select("#template-versions li")).hasSize(2);

        // Work already started keeps version 1; new work gets version 2; other courses keep the shipped one.
        assertThat(c.ana().page(c.exercisePath()).getElementById("f.presupuesto")).isNull();
        // (One initial problem per team: "start" in Ana's team opens hers; Sara's team starts its first.)
        assertThat(CoursePerson.location(c.ana().post("/course/teams/" + c.team1() + "/exercises", Map.of("module",
                "exploracion-institucional", "template", "problema-inicial")))).contains(c.exercise());
        String fresh = CoursePerson.idAfter(CoursePerson.location(c.sara().post("/course/teams/" + c.team2() + "/exercises", Map.of("module",
                "exploracion-institucional", "template", "problema-inicial"))), "/exercises/");
        assertThat(c.sara().page("/course/teams/" + c.team2() + "/exercises/" + fresh).getElementById("f.presupuesto")).isNotNull();
        String elsewhere = CoursePerson.idAfter(CoursePerson.location(other.ana().post("/course/teams/" + other.team1() + "/exercises", Map.of("module",
                "exploracion-institucional", "template", "problema-inicial"))), "/exercises/");
        assertThat(other.ana().page("/course/teams/" + other.team1() + "/exercises/" + elsewhere).getElementById("f.presupuesto")).isNull();

        // The course's new name shows on its program's pages; other courses keep the shipped one.
        assertThat(c.ana().page("/course/modules/exploracion-institucional/exercises/problema-inicial").selectFirst("h1").text())
                .isEqualTo("Problema público inicial");
        assertThat(c.ana().page("/course/modules/exploracion-institucional").select("a[href*='/exercises/problema-inicial']").text())
                .isEqualTo("Problema público inicial");
        assertThat(other.ana().page("/course/modules/exploracion-institucional/exercises/problema-inicial").selectFirst("h1").text())
                .isEqualTo("Problema inicial");

        // Broken definitions are refused with the reason, and nothing is kept.
        HttpResponse<String> syntax = c.teacher().post("/course/templates", Map.of("definition", "{\n  \"key\": \"problema-inicial\",\n  no es json",
                "key", "problema-inicial"));
        assertThat(syntax.statusCode()).isEqualTo(400);
        Document syntaxPage = Jsoup.parse(syntax.body());
        // In the person's words, where it breaks; the page keeps the text, the template's name and its versions.
        assertThat(syntaxPage.getElementById("problems").text()).contains("no es JSON válido").contains("línea 3");
        assertThat(syntaxPage.getElementById("definition").text()).contains("no es json");
        assertThat(syntaxPage.selectFirst("h1").text()).contains("problema-inicial");
        assertThat(syntaxPage.select("#template-versions li")).hasSize(2);
        assertThat(editor.getElementById("definition").text()).as("no computed flags for experts to wonder at").doesNotContain("isBlank");
        String oneOption = json.replaceFirst("\"fields\": \\[", "\"fields\": [{\"key\": \"x\", \"type\": \"CHOICE\", "
                + "\"label\": {\"es\": \"X\", \"en\": \"X\"}, \"options\": [{\"key\": \"a\", \"label\": {\"es\": \"A\", \"en\": \"A\"}}]},");
        HttpResponse<String> refused = c.teacher().post("/course/templates", Map.of("definition", oneOption));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).getElementById("problems").text()).as("named in the person's language")
                .contains("Campo 1 («X»): una elección necesita al menos dos opciones");
        assertThat(c.teacher().page("/course/templates/problema-inicial").select("#template-versions li")).hasSize(2);

        // Without JSON: the form. Down moves a field in the form only; a blank label is refused naming its field,
        // with everything typed kept; a save makes the next version with the new words and order.
        Document formPage = c.teacher().page("/course/templates/problema-inicial");
        List<String> fieldsBefore = formPage.select("#template-form fieldset[id^=field-]").eachAttr("id");
        HttpResponse<String> moved = c.teacher().submit(formPage, "#template-form", Map.of(), "field-down." + fieldsBefore.get(0).substring(6));
        assertThat(moved.statusCode()).isEqualTo(200);
        Document movedPage = Jsoup.parse(moved.body());
        assertThat(movedPage.select("#template-form fieldset[id^=field-]").eachAttr("id").subList(0, 2))
                .containsExactly(fieldsBefore.get(1), fieldsBefore.get(0));
        assertThat(c.teacher().page("/course/templates/problema-inicial").select("#template-versions li")).as("not saved").hasSize(2);
        String second = fieldsBefore.get(1).substring(6);
        HttpResponse<String> blank = c.teacher().submit(movedPage, "#template-form", Map.of("field." + second + ".label_es", "",
                "field." + second + ".label_en", "", "title_es", "Problema de partida"), "save");
        assertThat(blank.statusCode()).isEqualTo(400);
        Document blankPage = Jsoup.parse(blank.body());
        assertThat(blankPage.getElementById("problems").text()).contains("El campo 1").contains(second);
        assertThat(blankPage.getElementById("title_es").attr("value")).isEqualTo("Problema de partida");
        HttpResponse<String> formSaved = c.teacher().submit(movedPage, "#template-form", Map.of("title_es", "Problema de partida"), "save");
        assertThat(CoursePerson.location(formSaved)).contains("saved=3");
        Document v3 = c.teacher().page("/course/templates/problema-inicial");
        assertThat(v3.select("#template-versions li")).hasSize(3);
        assertThat(v3.getElementById("title_es").attr("value")).isEqualTo("Problema de partida");
        assertThat(v3.select("#template-form fieldset[id^=field-]").eachAttr("id").get(0)).isEqualTo(fieldsBefore.get(1));
        assertThat(c.ana().get("/course/templates").statusCode()).isEqualTo(403);
        assertThat(c.mentor().post("/course/templates", Map.of("definition", changed)).statusCode()).isEqualTo(403);
    }

    @Test
    void theTemplateFormBuildsAWholeTemplateWithoutJson() {
        Course c = course("template-form");
        // Every shipped template goes through the form unchanged: the new version is the same definition.
        Document list = c.teacher().page("/course/templates");
        List<String> keys = list.select("a[href*='/course/templates/']").eachAttr("href").stream()
                .map(h -> h.replaceAll(".*/course/templates/([a-z0-9-]+).*", "$1")).distinct().toList();
        assertThat(keys).hasSizeGreaterThan(10);
        for (String key : keys) {
            Document before = c.teacher().page("/course/templates/" + key);
            HttpResponse<String> same = c.teacher().submit(before, "#template-form", Map.of(), "save");
            assertThat(CoursePerson.location(same)).as(key).contains("saved=");
            assertThat(c.teacher().page("/course/templates/" + key).getElementById("definition").text()).as(key)
                    .isEqualTo(before.getElementById("definition").text());
        }

        // A new choice field: added with its two options, a third added, one removed, a blank saved and refused, then saved.
        Document page = c.teacher().page("/course/templates/problema-inicial");
        int fields = page.select("#template-form fieldset[id^=field-]").size();
        String made = "campo-" + (fields + 1);
        assertThat(page.getElementById("add-field").attr("formaction")).as("the redrawn page opens at the new field")
                .endsWith("/form#field-" + made);
        Document added = Jsoup.parse(c.teacher().submit(page, "#template-form", Map.of("new_type", "CHOICE"), "add-field").body());
        assertThat(added.getElementById("field-" + made)).isNotNull();
        assertThat(added.getElementById("field." + made + ".type").selectFirst("option[selected]").val()).isEqualTo("CHOICE");
        String p = "field." + made + ".";
        Document three = Jsoup.parse(c.teacher().submit(added, "#template-form", Map.of(p + "label_es", "Urgencia"), "add-option." + made).body());
        assertThat(three.select("#field-" + made + " .items .item")).hasSize(3);
        Document two = Jsoup.parse(c.teacher().submit(three, "#template-form", Map.of(), "remove-option." + made + ".opcion-1").body());
        assertThat(two.select("#field-" + made + " .items .item")).hasSize(2);
        assertThat(two.getElementById(p + "label_es").val()).isEqualTo("Urgencia");
        HttpResponse<String> blank = c.teacher().submit(two, "#template-form", Map.of(), "save");
        assertThat(blank.statusCode()).isEqualTo(400);
        Document refused = Jsoup.parse(blank.body());
        assertThat(refused.getElementById("problems").text()).contains("Campo " + (fields + 1) + " («Urgencia»): cada opción necesita su texto");
        assertThat(refused.getElementById(p + "label_es").val()).as("kept on screen").isEqualTo("Urgencia");
        HttpResponse<String> saved = c.teacher().submit(refused, "#template-form", Map.of(p + "option.opcion-2.label_es", "Alta",
                p + "option.opcion-3.label_es", "Baja", p + "label_en", "Urgency"), "save");
        assertThat(CoursePerson.location(saved)).contains("saved=");
        // The team that starts the template now gets the new field with its options.
        String fresh = CoursePerson.idAfter(CoursePerson.location(c.sara().post("/course/teams/" + c.team2() + "/exercises", Map.of("module",
                "exploracion-institucional", "template", "problema-inicial"))), "/exercises/");
        Document exercise = c.sara().page("/course/teams/" + c.team2() + "/exercises/" + fresh);
        assertThat(exercise.text()).contains("Urgencia").contains("Alta").contains("Baja");
        // Work started before keeps its version, without the field.
        assertThat(c.ana().page(c.exercisePath()).text()).doesNotContain("Urgencia");
    }
}
