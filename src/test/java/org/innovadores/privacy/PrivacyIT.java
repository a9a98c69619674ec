package org.innovadores.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.innovadores.testing.CoursePerson.seen;
import static org.innovadores.testing.CoursePerson.INSTRUCTOR;
import static org.innovadores.testing.CoursePerson.LEARNER;
import static org.innovadores.testing.CoursePerson.MENTOR;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innovadores.lti.LtiClient;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.Deployments;
import org.innovadores.testing.TestDatabase;
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
 * A participant of two courses reads and downloads everything the tool holds about them; their
 * LMS administrator checks and erases them: afterwards no table holds their name, e-mail or LMS
 * user id, their team's work is still there under "Ex participante", the audit log records the
 * erasure without them. Refusals (blank, unknown, oneself, unconfirmed) change nothing. The
 * retention rule erases someone inactive for longer than the period.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrivacyIT {

    private static final String ADMIN = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.toolWar();
    }

    @Test
    void aPersonsDataReadDownloadedAndErased() throws Exception {
        Tenant tenant = CoursePerson.registered("privacy");
        long n = System.nanoTime();
        String subject = "anahi-" + n;
        String name = "Anahí Privada Gómez " + n;
        String email = "anahi." + n + "@example.gov.py";
        String course = "privacy-" + n;
        CoursePerson teacher = seen(CoursePerson.launch(tenant, "pv-irene-" + n, "Irene Instructora", INSTRUCTOR, course));
        CoursePerson ana = seen(CoursePerson.launch(tenant, subject, name, LEARNER, course, c -> c.put("email", email)));
        seen(CoursePerson.launch(tenant, "pv-irene-" + n, "Irene Instructora", INSTRUCTOR, course + "-b"));
        seen(CoursePerson.launch(tenant, subject, name, LEARNER, course + "-b", c -> c.put("email", email)));
        CoursePerson luis = seen(CoursePerson.launch(tenant, "pv-luis-" + n, "Luis Benítez", LEARNER, course));
        CoursePerson marta = seen(CoursePerson.launch(tenant, "pv-marta-" + n, "Marta Mentora", MENTOR, course));
        String team = CoursePerson.idAfter(CoursePerson.location(teacher.post("/course/teams", Map.of("name", "Equipo Tereré"))), "/course/teams/");
        CoursePerson.location(teacher.post("/course/teams/" + team + "/members", Map.of("subject", subject)));
        CoursePerson.location(teacher.post("/course/teams/" + team + "/members", Map.of("subject", "pv-luis-" + n)));
        CoursePerson.location(teacher.post("/course/teams/" + team + "/mentors", Map.of("subject", "pv-marta-" + n)));
        String exercise = "/course/teams/" + team + "/exercises/" + CoursePerson.idAfter(CoursePerson.location(ana.post(
                "/course/teams/" + team + "/exercises", Map.of("module", "exploracion-institucional", "template", "problema-inicial"))), "/exercises/");
        Document form = ana.page(exercise);
        CoursePerson.location(ana.submit(form, "#exercise-form", Map.of("f.problema", "Las familias esperan turnos de madrugada"), null));
        CoursePerson.location(ana.post(exercise + "/comments", Map.of("body", "Revisemos la evidencia con Luis")));
        CoursePerson.location(marta.post("/course/teams/" + team + "/log", Map.of("met_on", "2026-11-24", "attended", name + ", Luis Benítez",
                "notes", "Primera sesión", "agreements", "Entrevistas", "next_steps", "Registro")));
        CoursePerson.location(ana.post("/course/network/me", Map.of("name", name, "institution", "Hospital de Itauguá", "challenge", "Turnos",
                "skills", "Entrevistas", "contact", email, "show_contact", "1")));
        ana.page("/course/modules/exploracion-institucional");

        // Her own data: a page section by section, and the same as JSON.
        Document mine = ana.page("/course/profile/data");
        assertThat(mine.getElementById("section-courses")).isNotNull();
        assertThat(mine.select("#section-courses ~ dl").size()).isGreaterThanOrEqualTo(2);
        assertThat(mine.text()).contains("Equipo Tereré", "Revisemos la evidencia con Luis", "Hospital de Itauguá", "Problema inicial");
        HttpResponse<String> download = ana.get("/course/profile/data/json");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("mis-datos-innovadores.json");
        JsonObject json = Json.createReader(new StringReader(download.body())).readObject();
        assertThat(json.getString("lms_user_id")).isEqualTo(subject);
        JsonObject sections = json.getJsonObject("sections");
        assertThat(sections.getJsonArray("courses")).hasSize(2);
        assertThat(sections.getJsonArray("revisions")).isNotEmpty();
        assertThat(sections.getJsonArray("comments").getJsonObject(0).getString("body")).isEqualTo("Revisemos la evidencia con Luis");
        assertThat(sections.getJsonArray("network").getJsonObject(0).getString("contact")).isEqualTo(email);
        assertThat(sections.getJsonArray("sessions").toString()).contains(email);
        assertThat(sections.getJsonArray("progress")).isNotEmpty();
        assertThat(Jsoup.parse(luis.get("/course/profile/data/json").body()).text()).as("each person their own").doesNotContain(subject);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("my-data", "/course/profile/data?s=" + ana.token());

        // Her LMS administrator: refusals first, each a clear 4xx that changes nothing.
        CoursePerson admin = CoursePerson.launch(tenant, "pv-admin-" + n, "Ada Administradora", ADMIN, course);
        assertThat(admin.page("/admin").getElementById("people-link")).isNotNull();
        assertThat(admin.post("/admin/people/check", Map.of("subject", " ")).statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = admin.post("/admin/people/check", Map.of("subject", "nadie-" + n));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(unknown.body()).getElementById("problems").text()).contains("no guarda nada");
        assertThat(admin.post("/admin/people/check", Map.of("subject", "pv-admin-" + n)).statusCode()).isEqualTo(409);
        assertThat(admin.post("/admin/people/erase", Map.of("subject", subject)).statusCode()).as("not confirmed").isEqualTo(400);
        assertThat(ana.post("/admin/people/erase", Map.of("subject", "pv-luis-" + n, "confirm", "yes")).statusCode()).isEqualTo(403);
        assertThat(ana.get("/course/profile/data").statusCode()).as("nothing happened").isEqualTo(200);
        CoursePerson stranger = CoursePerson.launch(CoursePerson.registered("privacy-other"), "pv-admin2-" + n, "Otra Admin", ADMIN, "x-" + n);
        assertThat(stranger.post("/admin/people/check", Map.of("subject", subject)).statusCode()).as("another LMS's person").isEqualTo(404);

        // Check, then erase.
        assertThat(occurrences(subject, name, email)).as("the search finds her before").hasSizeGreaterThan(5);
        Document check = Jsoup.parse(admin.post("/admin/people/check", Map.of("subject", subject)).body());
        assertThat(check.getElementById("person").text()).contains(name);
        assertThat(check.getElementById("removed").text()).contains("Cursos en los que entró: 2");
        assertThat(check.getElementById("kept").text()).contains("Comentarios en ejercicios: 1");
        pages.put("people", "/admin/people?s=" + admin.token());
        org.openqa.selenium.chrome.ChromeDriver driver = org.innovadores.testing.Browser.chromium(org.innovadores.testing.Browser.Cookies.FIRST_PARTY_ONLY);
        try {
            org.innovadores.testing.PageChecks.atPhoneAndLaptopWidths(driver, "privacy-", pages);
        } finally {
            driver.quit();
        }
        String done = CoursePerson.location(admin.submit(check, "#confirm-form", Map.of(), null));
        assertThat(done).contains("/admin/people?notice=erased&ref=former-");
        assertThat(admin.page(done.substring(done.indexOf("/admin"))).getElementById("notice").text()).contains("Ex participante");

        // No table holds her name, e-mail or LMS user id; the team's work is still there.
        assertThat(occurrences(subject, name, email)).as("rows still naming her").isEmpty();
        assertThat(ana.get("/course").statusCode()).as("her session went with her").isIn(401, 403);
        Document work = luis.page(exercise);
        assertThat(work.select("[name=f.problema]").val()).isEqualTo("Las familias esperan turnos de madrugada");
        assertThat(luis.page(exercise + "/history").text()).contains("Ex participante");
        assertThat(marta.page("/course/teams/" + team).text()).as("the team page names her no more").doesNotContain(name);
        assertThat(single("SELECT detail FROM audit_event WHERE action = 'person.erased' ORDER BY occurred_at DESC LIMIT 1"))
                .startsWith("ref=former-");
    }

    @Test
    void retentionErasesWhoIsInactiveForLongerThanThePeriod() throws Exception {
        Tenant tenant = CoursePerson.registered("retention");
        long n = System.nanoTime();
        seen(CoursePerson.launch(tenant, "teacher-" + n, "Irene Instructora", INSTRUCTOR, "retention-" + n));
        seen(CoursePerson.launch(tenant, "old-" + n, "Olga Antigua " + n, LEARNER, "retention-" + n));
        seen(CoursePerson.launch(tenant, "new-" + n, "Nora Nueva", LEARNER, "retention-" + n));
        update("UPDATE course_member SET last_seen = last_seen - INTERVAL '400 days' WHERE subject = ?", "old-" + n);
        assertThat(api("/admin/api/people/retention?days=365", null).statusCode()).isEqualTo(401);
        assertThat(api("/admin/api/people/retention?days=0", LtiClient.ADMIN_TOKEN).statusCode()).isEqualTo(400);
        HttpResponse<String> run = api("/admin/api/people/retention?days=365", LtiClient.ADMIN_TOKEN);
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(Json.createReader(new StringReader(run.body())).readObject().getInt("erased")).isGreaterThanOrEqualTo(1);
        assertThat(occurrences("old-" + n, "Olga Antigua " + n)).isEmpty();
        assertThat(single("SELECT COUNT(*) FROM course_member WHERE subject = 'new-" + n + "'")).isEqualTo("1");
        assertThat(api("/admin/api/people/erase?issuer=x&client_id=y&subject=z", LtiClient.ADMIN_TOKEN).statusCode()).isEqualTo(404);
    }

    /** Every text column of every table, searched for each value: "table.column" where one is found. */
    static List<String> occurrences(String... values) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(TestDatabase.jdbcUrl(), "postgres", "")) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = db.createStatement().executeQuery("SELECT table_name, column_name FROM information_schema.columns "
                    + "WHERE table_schema = 'public' AND data_type IN ('character varying', 'text', 'character')")) {
                while (rs.next()) columns.add(new String[] {rs.getString(1), rs.getString(2)});
            }
            for (String[] c : columns) {
                for (String value : values) {
                    try (PreparedStatement q = db.prepareStatement("SELECT COUNT(*) FROM \"" + c[0] + "\" WHERE \"" + c[1] + "\" LIKE ?")) {
                        q.setString(1, "%" + value + "%");
                        try (ResultSet rs = q.executeQuery()) {
                            rs.next();
                            if (rs.getInt(1) > 0) found.add(c[0] + "." + c[1] + " holds " + value);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static void update(String sql, String value) throws Exception {
        try (Connection db = DriverManager.getConnection(TestDatabase.jdbcUrl(), "postgres", "");
             PreparedStatement q = db.prepareStatement(sql)) {
            q.setString(1, value);
            q.executeUpdate();
        }
    }

    private static String single(String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(TestDatabase.jdbcUrl(), "postgres", "");
             ResultSet rs = db.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static HttpResponse<String> api(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + path)).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) request.header("Authorization", "Bearer " + token);
        return ToolHttp.send(request.build());
    }

}
