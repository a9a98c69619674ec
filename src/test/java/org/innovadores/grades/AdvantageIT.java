package org.innovadores.grades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.innovadores.testing.CoursePerson.INSTRUCTOR;
import static org.innovadores.testing.CoursePerson.LEARNER;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.innovadores.lti.LtiClient;
import org.innovadores.lti.TestPlatform;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * LTI Advantage with the test platform: scores for each event reach the gradebook once, with one
 * cached token per scope set; a query-string line item URL; an outage (500s, then timeouts) loses
 * nothing; a permanent refusal stops and is shown with a resend button; scores held until release;
 * a roster of 230 arrives whole from pages of 50.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdvantageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.toolWar();
    }


    /** Someone launched with the platform's AGS and NRPS claims, optionally into a placed item with its line item. */
    static CoursePerson person(Tenant tenant, String subject, String role, String course, String item, String lineItem) {
        CoursePerson person = CoursePerson.launch(tenant, subject, subject, role, course, claims -> {
            claims.putAll(tenant.serviceClaims(lineItem));
            if (item != null) {
                claims.put(CoursePerson.CLAIM + "custom", Map.of("item", item));
                claims.put(CoursePerson.CLAIM + "resource_link", Map.of("id", "link-" + item.hashCode(), "title", "Problema inicial"));
            }
        });
        person.page("/course");
        return person;
    }



    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            if (condition.get()) return;
            Thread.sleep(500); // the sender runs every few seconds; nothing to wait on but its effect
        }
        throw new AssertionError("Still not true after 60 s: " + what);
    }

    record Course(Tenant tenant, String id, CoursePerson teacher, CoursePerson ana, CoursePerson luis, String team, String exercisePath) {
    }

    /** A course with a team of two whose exercise "Problema inicial" is placed in the LMS with a line item. */
    private static Course course(String tenantName, String lineItem) {
        Tenant tenant = CoursePerson.registered(tenantName);
        String id = tenantName + "-" + System.nanoTime();
        String item = "exercise/exploracion-institucional/problema-inicial";
        CoursePerson teacher = person(tenant, tenantName + "-teacher", INSTRUCTOR, id, null, null);
        CoursePerson ana = person(tenant, tenantName + "-ana", LEARNER, id, item, lineItem);
        CoursePerson luis = person(tenant, tenantName + "-luis", LEARNER, id, null, null);
        String team = CoursePerson.idAfter(CoursePerson.location(teacher.post("/course/teams", Map.of("name", "Equipo"))), "/course/teams/");
        CoursePerson.location(teacher.post("/course/teams/" + team + "/members", Map.of("subject", tenantName + "-ana")));
        CoursePerson.location(teacher.post("/course/teams/" + team + "/members", Map.of("subject", tenantName + "-luis")));
        String exercise = CoursePerson.idAfter(CoursePerson.location(ana.post("/course/teams/" + team + "/exercises", Map.of("module",
                "exploracion-institucional", "template", "problema-inicial"))), "/exercises/");
        return new Course(tenant, id, teacher, ana, luis, team, "/course/teams/" + team + "/exercises/" + exercise);
    }

    @Test
    void scoresForEachEventReachTheGradebookOnceWithOneTokenPerScopeSet() throws Exception {
        Course c = course("advantage", TestPlatform.get().tenant("advantage").issuer + "/lineitems/7/lineitem?type_id=1");
        Tenant t = c.tenant();
        CoursePerson.location(c.ana().handIn(c.exercisePath()));
        await("two Submitted scores", () -> t.scores.size() >= 2);
        for (Map<String, Object> score : t.scores) {
            assertThat(score.get("_path")).isEqualTo("/p/advantage/lineitems/7/lineitem/scores?type_id=1");
            assertThat(score.get("_type")).isEqualTo("application/vnd.ims.lis.v1.score+json");
            assertThat(score).containsEntry("activityProgress", "Submitted").containsEntry("gradingProgress", "PendingManual")
                    .doesNotContainKey("scoreGiven");
            assertThat(OffsetDateTime.parse((String) score.get("timestamp"))).isNotNull();
        }
        assertThat(t.scores).extracting(s -> s.get("userId")).containsExactlyInAnyOrder("advantage-ana", "advantage-luis");

        CoursePerson.location(c.teacher().post(c.exercisePath() + "/status", Map.of("status", "ACCEPTED", "score", "80")));
        await("two FullyGraded scores", () -> t.scores.size() >= 4);
        assertThat(t.scores.subList(2, 4)).allSatisfy(score -> assertThat(score).containsEntry("activityProgress", "Completed")
                .containsEntry("gradingProgress", "FullyGraded").containsEntry("scoreGiven", 80.0).containsEntry("scoreMaximum", 100.0));

        // A module read: its column is created in the course's container, then the progress goes to it.
        CoursePerson.location(c.ana().post("/course/modules/exploracion-institucional/read", Map.of()));
        await("the module's progress", () -> t.scores.size() >= 5);
        assertThat(t.createdLineItems).hasSize(1);
        // Named as people read it, in the course's language (its instructor's, Spanish here), never by its key.
        assertThat(t.createdLineItems.get(0)).containsEntry("resourceId", "module/exploracion-institucional")
                .containsEntry("scoreMaximum", 100.0).containsEntry("label", "Exploración institucional");
        assertThat(t.scores.get(4)).containsEntry("userId", "advantage-ana").containsEntry("activityProgress", "InProgress")
                .containsEntry("_path", "/p/advantage/lineitems/100/lineitem/scores?type_id=1");

        // One grant per scope set, each with a proper client assertion.
        assertThat(t.tokenRequests.get()).isEqualTo(2);
        Set<Object> jtis = new HashSet<>();
        for (Map<String, Object> assertion : t.assertions) {
            assertThat(assertion).containsEntry("iss", t.clientId).containsEntry("sub", t.clientId)
                    .containsEntry("aud", t.issuer + "/token");
            jtis.add(assertion.get("jti"));
        }
        assertThat(jtis).hasSize(t.assertions.size());
        Thread.sleep(3000);
        assertThat(t.scores).as("nothing sent twice").hasSize(5);

        // Renaming the module, or changing its points, renames and re-weighs the column the tool created; the
        // exercise's column, which the platform created when the teacher placed the activity, keeps its name.
        Document editor = c.teacher().page("/course/authoring/modules/exploracion-institucional");
        CoursePerson.location(c.teacher().submit(editor, "#editor", Map.of("title_es", "Exploración de la institución", "points", "40"),
                "save"));
        await("the renamed column", () -> t.updatedLineItems.stream().anyMatch(i -> "Exploración de la institución".equals(i.get("label"))));
        assertThat(t.updatedLineItems).filteredOn(i -> "Exploración de la institución".equals(i.get("label")))
                .allSatisfy(i -> assertThat(i).containsEntry("scoreMaximum", 40.0)
                        .containsEntry("_path", "/p/advantage/lineitems/100/lineitem"));
        // The keeper goes through a course's columns in the order of their keys, "exercise/…" before "module/…":
        // had it renamed the exercise's column, that would have arrived before the module's.
        assertThat(t.updatedLineItems).as("the platform's column is never renamed")
                .allSatisfy(i -> assertThat(i).containsEntry("_path", "/p/advantage/lineitems/100/lineitem"));
    }

    @Test
    void anOutageLosesNothingAndEveryScoreArrivesExactlyOnce() throws Exception {
        Course c = course("advantage-outage", TestPlatform.get().tenant("advantage-outage").issuer + "/lineitems/8/lineitem");
        Tenant t = c.tenant();
        t.scoreFailure = 500;
        CoursePerson.location(c.ana().handIn(c.exercisePath()));
        CoursePerson.location(c.teacher().post(c.exercisePath() + "/status", Map.of("status", "CHANGES_REQUESTED", "reason", "Precise el problema")));
        CoursePerson.location(c.ana().handIn(c.exercisePath()));
        Thread.sleep(6000);
        assertThat(t.scores).isEmpty();
        Document grades = c.teacher().page("/course/grades");
        assertThat(grades.getElementById("counts").text()).startsWith("En espera: 6");
        t.scoreFailure = -1;
        Thread.sleep(16000);
        assertThat(t.scores).isEmpty();
        t.scoreFailure = 0;
        await("all six scores", () -> t.scores.size() >= 6);
        Thread.sleep(4000);
        assertThat(t.scores).hasSize(6);
        Set<String> unique = new HashSet<>();
        t.scores.forEach(s -> unique.add(s.get("userId") + "|" + s.get("timestamp")));
        assertThat(unique).as("each (user, timestamp) once").hasSize(6);
        // In order for each user: Submitted, InProgress, Submitted.
        assertThat(t.scores.stream().filter(s -> s.get("userId").equals("advantage-outage-ana")).map(s -> s.get("activityProgress")))
                .containsExactly("Submitted", "InProgress", "Submitted");
        assertThat(c.teacher().page("/course/grades").getElementById("counts").text()).contains("enviadas: 6");
    }

    @Test
    void aTeamOfTwoCompletesModuleOneAndTheGradebookHearsItOncePerChange() throws Exception {
        Course c = course("advantage-complete", null);
        Tenant t = c.tenant();
        String module = "/course/modules/exploracion-institucional";
        // The instructor makes completing module 1 worth 40 points in the gradebook.
        Document editor = c.teacher().page("/course/authoring/modules/exploracion-institucional");
        assertThat(editor.getElementById("points").attr("value")).isEqualTo("100");
        CoursePerson.location(c.teacher().submit(editor, "#editor", Map.of("points", "40"), "save"));
        // The welcome first (read, it is complete), then module 1.
        CoursePerson.location(c.ana().post("/course/modules/bienvenida/read", Map.of()));
        CoursePerson.location(c.luis().post("/course/modules/bienvenida/read", Map.of()));
        CoursePerson.location(c.ana().post(module + "/read", Map.of()));
        CoursePerson.location(c.luis().post(module + "/read", Map.of()));
        assertThat(c.ana().page(module).select(".rules").text()).contains("(0 de 2)");
        // The home says what to do next: the team's own first exercise, one click away.
        Document home = c.ana().page("/course");
        assertThat(home.getElementById("next-step-link").text()).isEqualTo("Trabajar con su equipo en «Problema inicial»");
        assertThat(home.getElementById("next-step-link").attr("href")).startsWith(c.exercisePath() + "?");
        assertThat(home.select("#modules > li").get(0).select(".state").text()).isEqualTo("Completado");
        assertThat(home.select("#modules > li").get(1).select("progress").attr("value")).isEqualTo("2");

        // The team hands in both required exercises of module 1: the first one, then the problem tree.
        CoursePerson.location(c.ana().handIn(c.exercisePath()));
        assertThat(c.luis().page(module).select(".rules").text()).contains("(1 de 2)");
        String tree = "/course/teams/" + c.team() + "/exercises/" + CoursePerson.idAfter(CoursePerson.location(c.luis().post(
                "/course/teams/" + c.team() + "/exercises", Map.of("module", "exploracion-institucional",
                        "template", "arbol-de-problemas"))), "/exercises/");
        CoursePerson.location(c.luis().handIn(tree));

        for (CoursePerson member : List.of(c.ana(), c.luis())) {
            Document overview = member.page("/course");
            assertThat(overview.select("#modules > li").get(1).select(".state").text()).isEqualTo("Completado");
            assertThat(overview.select("#modules > li").get(2).select(".state").text()).isNotEqualTo("Completado");
        }
        await("both members' module completed in the gradebook", () -> moduleScores(t, "Completed").size() >= 2);
        assertThat(moduleScores(t, "Completed")).allSatisfy(score -> assertThat(score).containsEntry("gradingProgress", "FullyGraded")
                .containsEntry("scoreGiven", 40.0).containsEntry("scoreMaximum", 40.0));
        assertThat(moduleScores(t, "Completed")).extracting(s -> s.get("userId"))
                .containsExactlyInAnyOrder("advantage-complete-ana", "advantage-complete-luis");

        // Sent back for changes: no longer complete, said once; handed in again: complete again, said once.
        CoursePerson.location(c.teacher().post(tree + "/status", Map.of("status", "CHANGES_REQUESTED", "reason", "El árbol necesita causas")));
        await("the module in progress again", () -> moduleScores(t, "InProgress").size() >= 4);
        assertThat(c.ana().page("/course").select("#modules > li").get(1).select(".state").text()).isEqualTo("En curso");
        Document sentBack = c.luis().page("/course");
        assertThat(sentBack.getElementById("sent-back").text()).contains("El árbol necesita causas");
        assertThat(sentBack.getElementById("next-step-link").attr("href")).startsWith(tree + "?");
        CoursePerson.location(c.luis().handIn(tree));
        await("completed again", () -> moduleScores(t, "Completed").size() >= 4);
        CoursePerson.location(c.ana().post(module + "/read", Map.of()));
        Thread.sleep(3000);
        assertThat(moduleScores(t, "Completed")).as("each change reported once, a repeated read adds nothing").hasSize(4);
        assertThat(moduleScores(t, "InProgress")).hasSize(4);

        // Someone without a team reads that exercises are handed in by a team.
        CoursePerson alone = person(t, "advantage-complete-sola", LEARNER, c.id(), null, null);
        CoursePerson.location(alone.post("/course/modules/bienvenida/read", Map.of()));
        CoursePerson.location(alone.post(module + "/read", Map.of()));
        assertThat(alone.page(module).getElementById("rule-no-team").text()).contains("equipo");
        assertThat(alone.page("/course").getElementById("next-step-link").text()).startsWith("Unirse a un equipo");

        // The instructor sees the cohort at a glance; participants do not.
        Document cohort = c.teacher().page("/course/cohort");
        assertThat(cohort.getElementById("cohort-summary").text()).contains("1 equipo").contains("3 participantes")
                .contains("1 sin equipo").contains("2 ejercicios esperando revisión");
        assertThat(cohort.select("#teams-by-module tbody tr").get(0).select("td").get(1).text())
                .contains("2 de 2 completaron").contains("ejercicios 2 de 2");
        assertThat(cohort.select("#chart-data tbody tr").get(1).select("td").eachText()).containsExactly("2", "1", "0");
        assertThat(cohort.select("figure[aria-labelledby=chart-heading] svg rect")).hasSize(3 * cohort.select("#chart-data tbody tr").size());
        assertThat(cohort.select("#completed-weeks-data tbody tr").last().select("td").text()).as("modules completed so far: the welcome three times, module 1 twice").isEqualTo("5");
        assertThat(cohort.select("figure[aria-labelledby=completed-weeks-heading] svg rect.bar-week")).hasSize(12);
        assertThat(cohort.select("#review-queue li")).hasSize(2);
        assertThat(cohort.select("#review-queue li").get(0).text()).contains("Problema inicial");
        assertThat(cohort.getElementById("without-team").text()).contains("advantage-complete-sola");
        assertThat(c.ana().get("/course/cohort").statusCode()).isEqualTo(403);
        assertThat(c.ana().get("/course/cohort/export.csv").statusCode()).isEqualTo(403);

        HttpResponse<String> csv = c.teacher().get("/course/cohort/export.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFsubject,name,team,module,module_state");
        assertThat(csv.body()).doesNotContain("\n\n").contains("advantage-complete-ana,advantage-complete-ana,Equipo,")
                .contains(",COMPLETED,").contains("arbol-de-problemas,true,").contains(",SUBMITTED,")
                .as("only this course's people").doesNotContain("advantage-ana,");
        // 3 participants; each module gives one row per exercise it asks for (at least one row).
        assertThat(lines.length - 1).isGreaterThanOrEqualTo(3 * cohort.select("#chart-data tbody tr").size());

        // The same rows as a spreadsheet, read back with a spreadsheet reader.
        HttpResponse<byte[]> xlsx = org.innovadores.testing.ToolHttp.CLIENT.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                org.innovadores.testing.ToolHttp.baseUrl() + "/course/cohort/export.xlsx?s=" + c.teacher().token())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(xlsx.body()))) {
            List<org.dhatim.fastexcel.reader.Row> rows = workbook.getFirstSheet().read();
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("Cohorte");
            assertThat(rows).hasSize(lines.length);
            assertThat(rows.get(0).getCellText(4)).isEqualTo("module_state");
            assertThat(rows.stream().map(r -> r.getCellText(0) + "|" + r.getCellText(4)))
                    .contains("advantage-complete-ana|COMPLETED", "advantage-complete-sola|IN_PROGRESS");
        }
        assertThat(c.ana().get("/course/cohort/export.xlsx").statusCode()).isEqualTo(403);
    }

    /** The scores sent to the column of module 1, with this activity progress. */
    private static List<Map<String, Object>> moduleScores(Tenant t, String activity) {
        String path = t.createdLineItems.stream().filter(i -> "module/exploracion-institucional".equals(i.get("resourceId")))
                .map(i -> java.net.URI.create((String) i.get("id"))).map(u -> u.getRawPath() + "/scores?" + u.getRawQuery())
                .findFirst().orElse("none");
        return t.scores.stream().filter(s -> path.equals(s.get("_path")) && activity.equals(s.get("activityProgress"))).toList();
    }

    @Test
    void aPlatformAnsweringNonsenseStopsOnlyItsOwnScoresAndTheSenderGoesOnForEveryone() throws Exception {
        // One platform answers a new line item with an id that is no URL; another aims a launch's line
        // item at a host that is not the platform's (its bearer token would go there).
        Tenant nonsense = TestPlatform.get().tenant("advantage-nonsense");
        nonsense.lineItemId = "this is not a URL";
        Course bad = course("advantage-nonsense", null);
        Course offHost = course("advantage-offhost", "http://127.0.0.2:" + Integer.getInteger("it.platform.port", 18700)
                + "/p/advantage-offhost/lineitems/9/lineitem");
        CoursePerson.location(bad.ana().post("/course/modules/exploracion-institucional/read", Map.of()));
        CoursePerson.location(offHost.ana().handIn(offHost.exercisePath()));
        Document badGrades = awaitRefused(bad.teacher());
        assertThat(badGrades.select("#refused tbody tr").text()).contains("not a URL");
        Document offHostGrades = awaitRefused(offHost.teacher());
        assertThat(offHostGrades.select("#refused tbody tr").text()).contains("not on the platform's hosts");
        assertThat(offHost.tenant().tokenRequests.get()).as("no token was even asked for the off-host URL").isZero();

        // The sender is still running: later scores of a sound platform arrive, repeatedly.
        Course sound = course("advantage-after-nonsense", TestPlatform.get().tenant("advantage-after-nonsense").issuer
                + "/lineitems/3/lineitem");
        CoursePerson.location(sound.ana().handIn(sound.exercisePath()));
        await("scores after the nonsense", () -> sound.tenant().scores.size() >= 2);
        CoursePerson.location(sound.teacher().post(sound.exercisePath() + "/status", Map.of("status", "ACCEPTED", "score", "70")));
        await("the review's scores too", () -> sound.tenant().scores.size() >= 4);
    }

    private static Document awaitRefused(CoursePerson teacher) throws InterruptedException {
        Document grades = null;
        for (int i = 0; i < 60; i++) {
            grades = teacher.page("/course/grades");
            if (grades.getElementById("refused") != null) return grades;
            Thread.sleep(500); // the sender runs every few seconds
        }
        throw new AssertionError("no refused score shown: " + grades.text());
    }

    @Test
    void aPermanentRefusalStopsIsShownAndCanBeSentAgainAndHeldScoresWaitForRelease() throws Exception {
        Course c = course("advantage-refusal", TestPlatform.get().tenant("advantage-refusal").issuer + "/lineitems/9/lineitem");
        Tenant t = c.tenant();
        t.ungradable.add("advantage-refusal-luis");
        CoursePerson.location(c.ana().handIn(c.exercisePath()));
        await("ana's score", () -> t.scores.size() >= 1);
        Document grades = null;
        for (int i = 0; i < 40; i++) {
            grades = c.teacher().page("/course/grades");
            if (grades.getElementById("refused") != null) break;
            Thread.sleep(500);
        }
        assertThat(grades.select("#refused tbody tr").text()).contains("advantage-refusal-luis").contains("400")
                .contains("User is not gradable in this course");
        int attempts = t.scores.size();
        Thread.sleep(4000);
        assertThat(t.scores).as("a refusal is not retried").hasSize(attempts);

        t.ungradable.clear();
        c.teacher().submit(grades, "#refused form", Map.of(), null);
        await("luis's score after the resend", () -> t.scores.stream().anyMatch(s -> s.get("userId").equals("advantage-refusal-luis")));
        assertThat(c.teacher().page("/course/grades").getElementById("none-refused")).isNotNull();

        // On release: the review's scores wait until the instructor releases them.
        CoursePerson.location(c.teacher().post("/course/grades/items", Map.of("item", "exercise/exploracion-institucional/problema-inicial",
                "mode", "release")));
        CoursePerson.location(c.teacher().post(c.exercisePath() + "/status", Map.of("status", "ACCEPTED", "score", "95")));
        int before = t.scores.size();
        Thread.sleep(5000);
        assertThat(t.scores).hasSize(before);
        assertThat(c.teacher().page("/course/grades").getElementById("counts").text()).contains("retenidas hasta publicar: 2");
        CoursePerson.location(c.teacher().post("/course/grades/items", Map.of("item", "exercise/exploracion-institucional/problema-inicial",
                "mode", "send-now")));
        await("the released scores", () -> t.scores.size() >= before + 2);
        assertThat(t.scores.subList(before, before + 2)).allSatisfy(s -> assertThat(s).containsEntry("scoreGiven", 95.0));
        assertThat(c.ana().post("/course/grades/resend", Map.of("id", "x")).statusCode()).isEqualTo(403);
        assertThat(c.teacher().post("/course/grades/items", Map.of("item", "no-such", "mode", "auto")).statusCode()).isEqualTo(404);
    }

    @Test
    void aRosterOf230ArrivesWholeFromPagesOf50() {
        Course c = course("advantage-roster", null);
        Tenant t = c.tenant();
        t.rosterSize = 230;
        String back = CoursePerson.location(c.teacher().post("/course/grades/roster", Map.of()));
        assertThat(back).contains("notice=roster-230");
        assertThat(t.rosterPages.get()).isEqualTo(5);
        Document teams = c.teacher().page("/course/teams");
        List<String> people = teams.select("#people tbody tr th").eachText();
        assertThat(people).contains("Persona 0", "Persona 229").hasSizeGreaterThanOrEqualTo(230);
        assertThat(teams.getElementById("without-team").text()).contains("224");
        String invite = teams.getElementById("invite").attr("href");
        assertThat(invite).startsWith("mailto:?bcc=").contains("persona1@example.gov.py").contains("persona229@example.gov.py")
                .doesNotContain("persona0@");
        assertThat(invite.split(",")).hasSize(224);
        assertThat(c.ana().post("/course/grades/roster", Map.of()).statusCode()).isEqualTo(403);
    }
}
