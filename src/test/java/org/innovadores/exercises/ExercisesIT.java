package org.innovadores.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.innovadores.testing.CoursePerson.INSTRUCTOR;
import static org.innovadores.testing.CoursePerson.LEARNER;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innovadores.lti.LtiClient;
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
 * Exercises that help rather than hinder: typed columns (choices, ratings with their meaning, yes/no,
 * dates, numbers) round-trip through the form; a value that is not allowed never blocks the rest and is
 * named with its label, row and range, never silently replaced; "start" opens the team's own
 * exercise unless the template repeats; an incomplete exercise cannot be handed in and the page says
 * what is missing; a handed-in exercise reads as labelled tables, not internal keys.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExercisesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.toolWar();
    }

    record Team(CoursePerson teacher, CoursePerson ana, String id, Tenant tenant, String course) {
        String start(String module, String template) {
            return CoursePerson.location(ana.post("/course/teams/" + id + "/exercises", Map.of("module", module, "template", template)))
                    .replaceAll("\\?.*", "").replaceAll("^https?://[^/]+", "");
        }
    }

    private static Team team(String name) {
        Tenant tenant = CoursePerson.registered("exercises");
        String course = name + "-" + System.nanoTime();
        CoursePerson teacher = CoursePerson.launch(tenant, name + "-teacher", "Irene", INSTRUCTOR, course);
        teacher.page("/course");
        CoursePerson ana = CoursePerson.launch(tenant, name + "-ana", "Ana", LEARNER, course);
        ana.page("/course");
        String team = CoursePerson.idAfter(CoursePerson.location(teacher.post("/course/teams", Map.of("name", "Equipo Salud"))),
                "/course/teams/");
        CoursePerson.location(teacher.post("/course/teams/" + team + "/members", Map.of("subject", name + "-ana")));
        return new Team(teacher, ana, team, tenant, course);
    }

    private static Map<String, String> actorRow(Map<String, String> fields, int row, String actor, String type, String level,
                                                String relevance, boolean research) {
        String p = "f.actores." + row + ".";
        fields.put(p + "actor", actor);
        fields.put(p + "tipo", type);
        fields.put(p + "nivel", level);
        fields.put(p + "relaciones", "Coordina con " + actor);
        fields.put(p + "relevancia", relevance);
        if (research) fields.put(p + "investigar", "si");
        fields.put(p + "investigar", research ? "si" : "");
        return fields;
    }

    private static HttpResponse<String> postAskingJson(CoursePerson person, String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("s", person.token());
        all.put("csrf", person.csrf());
        return ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + path)).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(all)))
                .build());
    }

    @Test
    void typedCellsRoundTripAndAValueNotAllowedIsNamedKeptOnScreenAndBlocksNothingElse() {
        Team t = team("typed");
        String map = t.start("descubrimiento", "mapa-de-actores");
        Document form = t.ana().page(map);
        assertThat(form.select("select[name=f.actores.0.nivel] option").eachAttr("value")).containsExactly("", "micro", "meso", "macro");
        assertThat(form.select("select[name=f.actores.0.relevancia] option").eachText()).contains("1 · baja", "5 · alta");
        assertThat(form.select("input[type=checkbox][name=f.actores.0.investigar]")).hasSize(1);
        assertThat(form.select("textarea[name=f.actores.0.relaciones]")).hasSize(1);

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("version", form.selectFirst("input[name=version]").attr("value"));
        actorRow(fields, 0, "Hospital regional", "institucion-publica", "meso", "4", true);
        actorRow(fields, 1, "Familias", "persona-usuaria", "micro", "5", false);
        CoursePerson.location(t.ana().post(map, fields));
        Document saved = t.ana().page(map);
        assertThat(saved.selectFirst("select[name=f.actores.0.nivel] option[selected]").attr("value")).isEqualTo("meso");
        assertThat(saved.selectFirst("select[name=f.actores.1.relevancia] option[selected]").attr("value")).isEqualTo("5");
        assertThat(saved.selectFirst("input[name=f.actores.0.investigar]").hasAttr("checked")).isTrue();
        assertThat(saved.selectFirst("input[name=f.actores.1.investigar]").hasAttr("checked")).isFalse();

        // Without script: 9 is not a 1-5 rating. Everything else is saved, the 9 stays on screen, named.
        Map<String, String> bad = new LinkedHashMap<>(fields);
        bad.put("version", saved.selectFirst("input[name=version]").attr("value"));
        bad.put("f.actores.0.relevancia", "9");
        bad.put("f.actores.1.relaciones", "Piden turnos por teléfono");
        HttpResponse<String> refused = t.ana().post(map, bad);
        assertThat(refused.statusCode()).isEqualTo(422);
        Document shown = Jsoup.parse(refused.body());
        assertThat(shown.select("#problems-list a").eachText()).containsExactly(
                "Actores (entre 5 y 20), fila 1, «Relevancia»: elija un número del 1 al 5; «9» no se guardó.");
        assertThat(shown.selectFirst("#problems-list a").attr("href")).isEqualTo("#f.actores.0.relevancia");
        assertThat(shown.selectFirst("select[name=f.actores.0.relevancia] option[selected]").attr("value")).isEqualTo("9");
        assertThat(shown.getElementById("f.actores.0.relevancia").attr("aria-invalid")).isEqualTo("true");
        Document after = t.ana().page(map);
        assertThat(after.selectFirst("select[name=f.actores.0.relevancia] option[selected]").attr("value")).as("the stored 4 kept").isEqualTo("4");
        assertThat(after.selectFirst("textarea[name=f.actores.1.relaciones]").text()).as("the rest saved").isEqualTo("Piden turnos por teléfono");

        // The page's script: the same, as JSON; a choice not offered is named too.
        Map<String, String> scripted = new LinkedHashMap<>(bad);
        scripted.put("f.actores.0.relevancia", "4");
        scripted.put("f.actores.1.nivel", "galáctico");
        scripted.put("f.actores.0.actor", "Hospital regional de Caacupé");
        HttpResponse<String> json = postAskingJson(t.ana(), map, scripted);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"input\":\"f.actores.1.nivel\"").contains("elija una de las opciones de la lista")
                .contains("«galáctico» no se guardó");
        Document now = t.ana().page(map);
        assertThat(now.getElementById("f.actores.0.actor").attr("value")).isEqualTo("Hospital regional de Caacupé");
        assertThat(now.selectFirst("select[name=f.actores.1.nivel] option[selected]").attr("value")).isEqualTo("micro");
        // The actor map drawn as rings: the family (micro, the only one) at the centre, the hospital on the meso ring,
        // marked to research; the list names them.
        assertThat(now.select("#rings-actores .picture-point")).hasSize(2);
        assertThat(now.selectFirst("#rings-actores .picture-point.marked text").text()).isEqualTo("1");
        assertThat(now.select("#rings-actores .picture-point").get(1).selectFirst("circle").attr("cx")).isEqualTo("160.0");
        assertThat(now.select("#legend-actores li").eachText()).containsExactly("Hospital regional de Caacupé (a investigar)", "Familias");

        // Dates and numbers of the research plan: written, read back; a date that is none is named.
        String plan = t.start("descubrimiento", "plan-de-investigacion");
        Document planForm = t.ana().page(plan);
        assertThat(planForm.select("input[type=date][name=f.tareas.0.cuando]")).hasSize(1);
        HttpResponse<String> wrongDate = t.ana().post(plan, Map.of("version", planForm.selectFirst("input[name=version]").attr("value"),
                "f.tareas.0.actores", "Familias", "f.tareas.0.cuando", "15/03/2027", "f.tareas.0.cuantos", "doce"));
        assertThat(wrongDate.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(wrongDate.body()).select("#problems-list a").eachText()).containsExactly(
                "Tareas de campo, fila 1, «Cuándo»: escriba una fecha como 2027-03-15; «15/03/2027» no se guardó.",
                "Tareas de campo, fila 1, «Cuántas personas»: escriba un número; «doce» no se guardó.");
    }

    @Test
    void startOpensTheTeamsOwnExerciseUnlessTheTemplateRepeats() {
        Team t = team("start");
        String first = t.start("exploracion-institucional", "problema-inicial");
        String again = t.start("exploracion-institucional", "problema-inicial");
        assertThat(again).isEqualTo(first);
        assertThat(t.ana().page(first + "?notice=existing").getElementById("notice").text()).contains("ya tiene este ejercicio");
        String log = t.start("exploracion-institucional", "bitacora");
        String secondLog = t.start("exploracion-institucional", "bitacora");
        assertThat(secondLog).as("the learning log repeats").isNotEqualTo(log);
        assertThat(t.ana().page(secondLog).getElementById("exercise-title").text()).isEqualTo("Bitácora 2");
    }

    @Test
    void anIncompleteExerciseIsNotHandedInAndThePageSaysWhatIsMissing() {
        Team t = team("incomplete");
        String problem = t.start("exploracion-institucional", "problema-inicial");
        Document empty = t.ana().page(problem);
        assertThat(empty.getElementById("incomplete").text()).contains("Completar «El problema en una oración»");
        HttpResponse<String> refused = t.ana().post(problem + "/status", Map.of("status", "SUBMITTED"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(refused.body()).getElementById("problems").text()).contains("Completar «El problema en una oración»");
        assertThat(t.ana().page(problem).getElementById("status").text()).isEqualTo("Borrador");

        String map = t.start("descubrimiento", "mapa-de-actores");
        Document form = t.ana().page(map);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("version", form.selectFirst("input[name=version]").attr("value"));
        actorRow(fields, 0, "Hospital regional", "institucion-publica", "meso", "4", true);
        actorRow(fields, 1, "Familias", "persona-usuaria", "micro", "5", false);
        CoursePerson.location(t.ana().post(map, fields));
        HttpResponse<String> tooFew = t.ana().post(map + "/status", Map.of("status", "SUBMITTED"));
        assertThat(tooFew.statusCode()).isEqualTo(409);
        assertThat(tooFew.body()).contains("pide al menos 5 filas; tiene 2");

        // Filled as the template asks: handed in, and read back as labelled tables.
        CoursePerson.location(t.ana().handIn(map));
        Document handedIn = t.ana().page(map);
        assertThat(handedIn.getElementById("status").text()).isEqualTo("Entregado");
        assertThat(handedIn.getElementById("next-reviewer").text()).contains("lo revisa");
        String table = handedIn.select("#field-actores table").text();
        assertThat(table).contains("Nivel").contains("Micro: vive el problema").contains("Sí").contains("de 5")
                .doesNotContain("nivel:").doesNotContain("investigar:");
        assertThat(handedIn.select("#field-actores tbody tr")).hasSize(5);
        List<String> headers = handedIn.select("#field-actores thead th").eachText();
        assertThat(headers).contains("Actor", "Tipo", "Nivel", "Relaciones", "¿Investigarlo?");

        // While it waits, the team can take it back and go on; the instructor cannot take it back for them.
        assertThat(t.teacher().post(map + "/status", Map.of("status", "DRAFT")).statusCode()).isEqualTo(409);
        assertThat(handedIn.getElementById("withdraw")).isNotNull();
        CoursePerson.location(t.ana().post(map + "/status", Map.of("status", "DRAFT")));
        Document back = t.ana().page(map);
        assertThat(back.getElementById("status").text()).isEqualTo("Borrador");
        assertThat(back.getElementById("exercise-form")).as("editable again").isNotNull();
        assertThat(t.ana().post(map + "/status", Map.of("status", "DRAFT")).statusCode()).as("only a waiting hand-in").isEqualTo(409);
        CoursePerson.location(t.ana().post(map + "/status", Map.of("status", "SUBMITTED")));
        assertThat(t.ana().page(map).getElementById("status").text()).isEqualTo("Entregado");
    }

    @Test
    void beforeHandingInThePageShowsTheWholeExerciseOrWhatIsMissingAndWhoReviewsIt() {
        Team t = team("confirm");
        String problem = t.start("exploracion-institucional", "problema-inicial");
        Document missing = t.ana().page(problem + "/submit");
        assertThat(missing.getElementById("problems").text()).contains("Completar «El problema en una oración»");
        assertThat(missing.getElementById("confirm-submit")).as("nothing to confirm yet").isNull();
        assertThat(missing.getElementById("back-to-exercise")).isNotNull();

        CoursePerson.location(t.ana().post(problem, Map.of("version", "1", "f.problema", "Las familias esperan 40 días por un turno",
                "f.evidencia", "Registro de turnos 2025\nEncuesta a 120 familias")));
        Document check = t.ana().page(problem + "/submit");
        assertThat(check.getElementById("problems")).isNull();
        assertThat(check.getElementById("answers").text()).contains("Las familias esperan 40 días por un turno")
                .contains("Encuesta a 120 familias");
        assertThat(check.select("#answers .summary-change a").first().attr("href")).contains("#field-problema");
        assertThat(check.getElementById("next-reviewer").text()).contains("quien dicta el curso");
        assertThat(t.ana().page(problem).getElementById("status").text()).as("looking is not handing in").isEqualTo("Borrador");
        assertThat(t.teacher().get(problem + "/submit").statusCode()).as("only the team hands in").isEqualTo(403);

        // The team's mentor is named as the one who reviews it.
        String mentorSubject = "confirm-mentor-" + System.nanoTime();
        CoursePerson.launch(t.tenant(), mentorSubject, "Marta Díaz", CoursePerson.MENTOR, t.course()).page("/course");
        CoursePerson.location(t.teacher().post("/course/teams/" + t.id() + "/mentors", Map.of("subject", mentorSubject)));
        assertThat(t.ana().page(problem + "/submit").getElementById("next-reviewer").text()).contains("Marta Díaz");
        Document confirm = t.ana().page(problem + "/submit");
        CoursePerson.location(t.ana().post(problem + "/status", Map.of("status",
                confirm.getElementById("confirm-submit").attr("value"))));
        Document handedIn = t.ana().page(problem);
        assertThat(handedIn.getElementById("status").text()).isEqualTo("Entregado");
        assertThat(handedIn.getElementById("next-reviewer").text()).contains("Marta Díaz");
        assertThat(t.ana().get(problem + "/submit").statusCode()).as("already handed in").isEqualTo(409);
    }

    @Test
    void aTeamDeletesADraftItNoLongerWantsAndTheInstructorStillFindsItWithItsHistory() {
        Team t = team("delete");
        String log = t.start("exploracion-institucional", "bitacora");
        CoursePerson.location(t.ana().post(log, Map.of("version", "1", "f.hicimos", "Una prueba que no sirvió")));
        assertThat(t.teacher().post(log + "/delete", Map.of()).statusCode()).as("only the team").isEqualTo(403);
        HttpResponse<String> deleted = t.ana().post(log + "/delete", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(CoursePerson.location(deleted)).contains("notice=deleted");
        Document workspace = t.ana().page("/course/teams/" + t.id() + "?notice=deleted");
        assertThat(workspace.getElementById("notice").text()).contains("Borrador eliminado");
        assertThat(workspace.select("#work a[href*='" + log.substring(log.lastIndexOf('/') + 1) + "']")).isEmpty();
        assertThat(workspace.getElementById("deleted")).as("the team does not keep a bin").isNull();
        Document teacherView = t.teacher().page("/course/teams/" + t.id());
        assertThat(teacherView.select("#deleted a").eachText()).containsExactly("Bitácora");
        Document history = t.teacher().page(teacherView.selectFirst("#deleted a").attr("href").replaceAll("[?&]s=[^&]*", ""));
        assertThat(history.getElementById("exercise-revisions").text()).contains("Ana");
        assertThat(t.ana().post(log, Map.of("version", "3", "f.hicimos", "otra vez")).statusCode()).as("nothing saves into it").isEqualTo(409);
        assertThat(t.ana().post(log + "/delete", Map.of()).statusCode()).isEqualTo(409);

        // Handed-in work is not deleted; a one-per-team template starts afresh once its draft is gone.
        String problem = t.start("exploracion-institucional", "problema-inicial");
        CoursePerson.location(t.ana().handIn(problem));
        assertThat(t.ana().post(problem + "/delete", Map.of()).statusCode()).isEqualTo(409);
        assertThat(t.ana().page(problem).getElementById("status").text()).isEqualTo("Entregado");
        String tree = t.start("exploracion-institucional", "arbol-de-problemas");
        CoursePerson.location(t.ana().post(tree + "/delete", Map.of()));
        assertThat(t.start("exploracion-institucional", "arbol-de-problemas")).isNotEqualTo(tree);
    }

    @Test
    void commentsPointToAFieldOrToOneRowAndShowBesideIt() {
        Team t = team("comments");
        String map = t.start("descubrimiento", "mapa-de-actores");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("version", "1");
        actorRow(fields, 0, "Hospital regional", "institucion-publica", "meso", "4", true);
        actorRow(fields, 1, "Familias", "persona-usuaria", "micro", "5", false);
        CoursePerson.location(t.ana().post(map, fields));
        Document form = t.teacher().page(map + "?comment=actores");
        assertThat(form.selectFirst("#comment-field option[selected]").attr("value")).isEqualTo("actores");
        String families = form.selectFirst("#comment-field option:contains(Familias)").attr("value");
        assertThat(families).startsWith("actores/");
        CoursePerson.location(t.teacher().post(map + "/comments", Map.of("field", families, "body", "¿Qué familias? ¿De qué barrio?")));
        CoursePerson.location(t.teacher().post(map + "/comments", Map.of("field", "actores", "body", "Faltan actores macro")));
        assertThat(t.teacher().post(map + "/comments", Map.of("field", "actores/noexiste", "body", "x")).statusCode()).isEqualTo(400);
        assertThat(t.teacher().post(map + "/comments", Map.of("field", "inventado", "body", "x")).statusCode()).isEqualTo(400);

        Document seen = t.ana().page(map);
        assertThat(seen.select("#comments-of-actores li").eachText()).containsExactly(
                "Irene · Actores (entre 5 y 20), fila 2: Familias: ¿Qué familias? ¿De qué barrio? Ver y responder",
                "Irene: Faltan actores macro Ver y responder");
        // The row moves up; the comment goes with it.
        Map<String, String> moved = new LinkedHashMap<>();
        moved.put("version", seen.selectFirst("input[name=version]").attr("value"));
        actorRow(moved, 0, "Familias", "persona-usuaria", "micro", "5", false);
        moved.put("f.actores.0._id", families.substring("actores/".length()));
        actorRow(moved, 1, "Hospital regional", "institucion-publica", "meso", "4", true);
        moved.put("f.actores.1._id", seen.selectFirst("input[name=f.actores.0._id]").val());
        CoursePerson.location(t.ana().post(map, moved));
        assertThat(t.ana().page(map).select("#comments-of-actores li").get(0).text()).contains("fila 1: Familias");
        assertThat(t.ana().page(map).select("#comment-list > li").get(0).text()).contains("fila 1: Familias");
    }

    @Test
    void picturesAreDrawnFromTheValuesAndRedrawnOnEveryAutosave() {
        Team t = team("pictures");
        String tree = t.start("exploracion-institucional", "arbol-de-problemas");
        HttpResponse<String> saved = postAskingJson(t.ana(), tree, Map.of("version", "1",
                "f.central", "Las familias esperan meses un turno", "f.efectos", "Abandonan el tratamiento\nReclaman en la radio",
                "f.causas.0.causa", "Agenda en papel", "f.causas.1.causa", "Pocos médicos",
                "f.causas.2.causa", "No hay sistema de turnos", "f.causas.2.subcausa-de", "1"));
        assertThat(saved.statusCode()).isEqualTo(200);
        jakarta.json.JsonObject answer = jakarta.json.Json.createReader(new java.io.StringReader(saved.body())).readObject();
        // Each new row got its id, which the page keeps for the next save.
        assertThat(answer.getJsonObject("rowIds").keySet()).containsExactly("f.causas.0._id", "f.causas.1._id", "f.causas.2._id");
        Document drawn = Jsoup.parse(answer.getJsonObject("pictures").getString("template-picture"));
        assertThat(drawn.select("#problem-tree .effect")).hasSize(2);
        assertThat(drawn.select("#problem-tree .cause")).hasSize(2);
        assertThat(drawn.select("#problem-tree .subcause")).hasSize(1);
        double problemTop = Double.parseDouble(drawn.selectFirst("#problem-tree .problem rect").attr("y"));
        assertThat(Double.parseDouble(drawn.selectFirst("#problem-tree .effect rect").attr("y"))).isLessThan(problemTop);
        assertThat(Double.parseDouble(drawn.selectFirst("#problem-tree .cause rect").attr("y"))).isGreaterThan(problemTop);
        assertThat(drawn.select("#tree-list > li").get(0).text()).isEqualTo("Agenda en papel No hay sistema de turnos");
        // The next save names the same rows: no new ids.
        Map<String, String> again = new LinkedHashMap<>();
        again.put("version", String.valueOf(answer.getInt("version")));
        answer.getJsonObject("rowIds").forEach((name, id) -> again.put(name, ((jakarta.json.JsonString) id).getString()));
        again.put("f.causas.0.causa", "Agenda en papel y teléfono");
        again.put("f.causas.1.causa", "Pocos médicos");
        again.put("f.causas.2.causa", "No hay sistema de turnos");
        again.put("f.causas.2.subcausa-de", "1");
        jakarta.json.JsonObject second = jakarta.json.Json.createReader(new java.io.StringReader(
                postAskingJson(t.ana(), tree, again).body())).readObject();
        assertThat(second.getJsonObject("rowIds")).isEmpty();
        assertThat(second.getJsonObject("pictures").getString("template-picture")).contains("Agenda en papel y");
        Document page = t.ana().page(tree);
        assertThat(page.select("#template-picture #problem-tree")).hasSize(1);
        assertThat(page.selectFirst("input[name=f.causas.0._id]").val()).isEqualTo(again.get("f.causas.0._id"));

        // The journey: each stage on the emotion curve at its rating's height, the stages in order below.
        String journey = t.start("definicion", "viaje-del-usuario");
        CoursePerson.location(t.ana().post(journey, Map.of("version", "1", "f.etapas.0.etapa", "Se entera", "f.etapas.0.emocion", "4",
                "f.etapas.1.etapa", "Pide turno", "f.etapas.1.emocion", "1", "f.etapas.1.dolores", "Nadie atiende el teléfono")));
        Document journeyPage = t.ana().page(journey);
        assertThat(journeyPage.selectFirst("#journey-curve polyline").attr("points")).isEqualTo("40.0,57.5 600.0,170.0");
        assertThat(journeyPage.select("#journey-stages > li").eachText()).containsExactly("1. Se entera Emoción 4 de 5",
                "2. Pide turno Emoción 1 de 5 Dolores Nadie atiende el teléfono");

        // The empathy map counts what the team wrote in each of its areas.
        String empathy = t.start("descubrimiento", "mapa-de-empatia");
        CoursePerson.location(t.ana().post(empathy, Map.of("version", "1", "f.quien", "Rosa, madre de tres", "f.ve", "Filas\nCarteles",
                "f.dolores", "Pierde el día de trabajo")));
        Document empathyPage = t.ana().page(empathy);
        assertThat(empathyPage.selectFirst("#area-ve .area-title").text()).isEqualTo("Ve (2)");
        assertThat(empathyPage.select("#area-ve text").eachText()).contains("• Filas", "• Carteles");
        assertThat(empathyPage.selectFirst("#area-dolores").text()).contains("Pierde el día de trabajo");
        assertThat(empathyPage.getElementById("empathy-caption").text()).contains("Rosa, madre de tres");
    }

    @Test
    void everyExerciseHasAPrintViewAndTheTeamCanPrintAllOfThem() {
        Team t = team("print");
        String problem = t.start("exploracion-institucional", "problema-inicial");
        CoursePerson.location(t.ana().post(problem, Map.of("version", "1", "f.problema", "Las familias esperan 40 días")));
        String tree = t.start("exploracion-institucional", "arbol-de-problemas");
        CoursePerson.location(t.ana().post(tree, Map.of("version", "1", "f.central", "Turnos perdidos")));
        Document one = t.ana().page(problem + "/print");
        assertThat(one.select(".print-page")).hasSize(1);
        assertThat(one.selectFirst(".print-page h1").text()).isEqualTo("Problema inicial");
        assertThat(one.selectFirst(".print-page").text()).contains("Las familias esperan 40 días").contains("Equipo Salud");
        assertThat(one.select("form")).as("paper has no forms").isEmpty();
        Document all = t.teacher().page("/course/teams/" + t.id() + "/exercises/print");
        assertThat(all.select(".print-page h1").eachText()).containsExactly("Problema inicial", "Árbol de problemas");
        assertThat(all.select(".print-page svg[id$=-problem-tree]")).as("ids scoped per exercise").hasSize(1);
        assertThat(all.select("[id]").eachAttr("id")).doesNotHaveDuplicates();
    }

    @Test
    void aDateFieldTakesADateAndNamesWhatIsNone() {
        Team t = team("date");
        String notes = t.start("descubrimiento", "registro-de-campo");
        assertThat(t.ana().page(notes).select("input[type=date][name=f.fecha]")).hasSize(1);
        HttpResponse<String> refused = t.ana().post(notes, Map.of("version", "1", "f.fecha", "ayer", "f.perfil", "Madre de tres"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("#problems-list a").eachText()).containsExactly(
                "Fecha: escriba una fecha como 2027-03-15; «ayer» no se guardó.");
        Document kept = t.ana().page(notes);
        assertThat(kept.getElementById("f.perfil").text()).isEqualTo("Madre de tres");
        CoursePerson.location(t.ana().post(notes, Map.of("version", kept.selectFirst("input[name=version]").val(), "f.fecha", "2027-03-15")));
        assertThat(t.ana().page(notes).getElementById("f.fecha").val()).isEqualTo("2027-03-15");
    }

    @Test
    void exercisePagesWithTheirScriptsAndPicturesAreLight() {
        Team t = team("weight");
        int assets = 0;
        for (String asset : List.of("/static/tool.css", "/static/autosave.js", "/static/rows.js")) {
            assets += ToolHttp.get(asset).body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        StringBuilder report = new StringBuilder("exercise\thtml bytes\twith css and scripts\n");
        Map<String, String> started = new LinkedHashMap<>();
        started.put("mapa-de-actores", t.start("descubrimiento", "mapa-de-actores"));
        started.put("arbol-de-problemas", t.start("exploracion-institucional", "arbol-de-problemas"));
        started.put("mapa-de-empatia", t.start("descubrimiento", "mapa-de-empatia"));
        started.put("viaje-del-usuario", t.start("definicion", "viaje-del-usuario"));
        started.put("mapa-de-supuestos", t.start("seleccion-de-conceptos", "mapa-de-supuestos"));
        for (Map.Entry<String, String> exercise : started.entrySet()) {
            CoursePerson.location(t.ana().post(exercise.getValue(), org.innovadores.testing.ExerciseFiller.filled(t.ana().page(exercise.getValue()))));
        }
        // The largest table the templates allow: twenty actors, each with a paragraph of relations.
        Map<String, String> twenty = new LinkedHashMap<>();
        twenty.put("version", t.ana().page(started.get("mapa-de-actores")).selectFirst("input[name=version]").val());
        for (int r = 0; r < 20; r++) {
            actorRow(twenty, r, "Actor número " + (r + 1), "institucion-publica", "meso", "3", r % 2 == 0);
            twenty.put("f.actores." + r + ".relaciones", "Coordina con la dirección regional, recibe pedidos de las familias y "
                    + "responde a la auditoría del ministerio cada trimestre.");
        }
        CoursePerson.location(t.ana().post(started.get("mapa-de-actores"), twenty));
        for (Map.Entry<String, String> exercise : started.entrySet()) {
            int html = t.ana().get(exercise.getValue()).body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            assertThat(html + assets).as(exercise.getKey() + " with its stylesheet and scripts").isLessThan(100 * 1024);
            report.append(exercise.getKey()).append('\t').append(html).append('\t').append(html + assets).append('\n');
        }
        // Kept as test output for the README's performance section.
        java.nio.file.Path out = java.nio.file.Path.of(System.getProperty("project.dir", "."), "target", "exercise-page-weights.tsv");
        try {
            java.nio.file.Files.createDirectories(out.getParent());
            java.nio.file.Files.writeString(out, report);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
