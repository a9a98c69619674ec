package org.innovadores.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.innovadores.testing.CoursePerson.INSTRUCTOR;
import static org.innovadores.testing.CoursePerson.LEARNER;
import static org.innovadores.testing.CoursePerson.MENTOR;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.Deployments;
import org.innovadores.testing.ToolHttp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who needs to know hears of it, with a real SMTP server (GreenMail) where the tool is told to send:
 * the mentor when the team hands in, the team when changes are asked for (with the reason), when it
 * is accepted and when someone comments; the unread count on every page; a person who turned e-mail
 * off gets none; a mail server that is down delays the e-mails and fails no action; the workshop
 * reminder, the digest and the calendar feed; the mentor's week and the program's monitoring.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotificationsIT {

    private static final int SMTP_PORT = Integer.getInteger("it.smtp.port", 3025);
    private static GreenMail smtp;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.toolWar();
    }

    @BeforeAll
    static void startMailServer() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopMailServer() {
        if (smtp != null) smtp.stop();
    }

    private static CoursePerson person(Tenant tenant, String subject, String role, String course) {
        CoursePerson person = CoursePerson.launch(tenant, subject, subject.replace('-', ' '), role, course,
                claims -> claims.put("email", subject + "@example.gov.py"));
        person.page("/course");
        return person;
    }

    record Course(String id, Tenant tenant, CoursePerson teacher, CoursePerson ana, CoursePerson luis, CoursePerson sara,
                  CoursePerson mentor, String team, String exercise) {
        String exercisePath() {
            return "/course/teams/" + team + "/exercises/" + exercise;
        }
    }

    private static Course course(String name) {
        Tenant tenant = CoursePerson.registered("notices");
        String id = name + "-" + System.nanoTime();
        CoursePerson teacher = person(tenant, name + "-teacher", INSTRUCTOR, id);
        CoursePerson ana = person(tenant, name + "-ana", LEARNER, id);
        CoursePerson luis = person(tenant, name + "-luis", LEARNER, id);
        CoursePerson sara = person(tenant, name + "-sara", LEARNER, id);
        CoursePerson mentor = person(tenant, name + "-mentor", MENTOR, id);
        String team = CoursePerson.idAfter(CoursePerson.location(teacher.post("/course/teams", Map.of("name", "Equipo Salud"))),
                "/course/teams/");
        String other = CoursePerson.idAfter(CoursePerson.location(teacher.post("/course/teams", Map.of("name", "Equipo Tierras"))),
                "/course/teams/");
        CoursePerson.location(teacher.post("/course/teams/" + team + "/members", Map.of("subject", name + "-ana")));
        CoursePerson.location(teacher.post("/course/teams/" + team + "/members", Map.of("subject", name + "-luis")));
        CoursePerson.location(teacher.post("/course/teams/" + other + "/members", Map.of("subject", name + "-sara")));
        CoursePerson.location(teacher.post("/course/teams/" + team + "/mentors", Map.of("subject", name + "-mentor")));
        String exercise = CoursePerson.idAfter(CoursePerson.location(ana.post("/course/teams/" + team + "/exercises", Map.of("module",
                "exploracion-institucional", "template", "problema-inicial"))), "/exercises/");
        return new Course(id, tenant, teacher, ana, luis, sara, mentor, team, exercise);
    }

    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (!condition.get()) {
            if (System.nanoTime() > until) throw new AssertionError("Not within 60 s: " + what);
            Thread.sleep(200);
        }
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int unread(CoursePerson person, String page) {
        Document shown = person.page(page);
        var count = shown.selectFirst("#inbox-link .count");
        assertThat(shown.getElementById("inbox-link")).as("every page links to the notices").isNotNull();
        return count == null ? 0 : Integer.parseInt(count.text());
    }

    @Test
    void theMentorAndTheTeamHearOfTheReviewCycleInTheToolAndByMail() throws Exception {
        Course c = course("notices-cycle");
        String mentorMail = "notices-cycle-mentor@example.gov.py";
        String anaMail = "notices-cycle-ana@example.gov.py";
        String luisMail = "notices-cycle-luis@example.gov.py";
        // Luis wants the notices in the tool only.
        Document settings = c.luis().page("/course/notifications");
        assertThat(settings.text()).contains(luisMail);
        CoursePerson.location(c.luis().submit(settings, "form[action=/course/notifications/settings]", Map.of("email", "off"), null));
        assertThat(c.luis().page("/course/notifications").getElementById("email-off").hasAttr("checked")).isTrue();

        assertThat(unread(c.mentor(), "/course")).isZero();
        CoursePerson.location(c.ana().handIn(c.exercisePath()));
        assertThat(unread(c.mentor(), "/course/teams")).as("the mentor hears of the hand-in").isEqualTo(1);
        assertThat(unread(c.teacher(), "/course")).as("the instructor is not the reviewer: the team has a mentor").isZero();
        assertThat(unread(c.ana(), "/course")).as("the author does not hear of their own act").isZero();
        await("the mentor's e-mail", () -> !mailsTo(mentorMail).isEmpty());
        MimeMessage toMentor = mailsTo(mentorMail).getFirst();
        assertThat(subject(toMentor)).contains("Equipo Salud").contains("Problema inicial");
        assertThat(toMentor.getFrom()[0].toString()).isEqualTo("innovadores@example.gov.py");

        CoursePerson.location(c.mentor().post(c.exercisePath() + "/status", Map.of("status", "CHANGES_REQUESTED",
                "reason", "Falta la evidencia del problema")));
        assertThat(unread(c.ana(), "/course")).isEqualTo(1);
        assertThat(unread(c.luis(), "/course")).isEqualTo(1);
        assertThat(unread(c.sara(), "/course")).as("another team hears nothing").isZero();
        await("Ana's e-mail with the reason", () -> mailsTo(anaMail).stream()
                .anyMatch(m -> GreenMailUtil.getBody(m).contains("Falta la evidencia")));
        CoursePerson.location(c.mentor().post(c.exercisePath() + "/comments", Map.of("body", "Miren el informe de 2023")));
        assertThat(unread(c.ana(), "/course")).isEqualTo(2);

        // The list says who did what, newest first; opening it reads them all.
        Document inbox = c.ana().page("/course/notifications");
        // (The tests' deployment sends a digest every day, so one may be among them.)
        List<String> lines = inbox.select("#notices > li a").eachText().stream().filter(l -> !l.startsWith("Su resumen")).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("comentó «Problema inicial»");
        assertThat(lines.get(1)).contains("pidió cambios en «Problema inicial»");
        assertThat(inbox.select("#notices > li").eachText()).anySatisfy(l -> assertThat(l).contains("pidió cambios")
                .contains("Falta la evidencia del problema"));
        assertThat(inbox.select("#notices .badge")).hasSize(2);
        assertThat(unread(c.ana(), "/course")).isZero();
        // A notice leads to what it tells of.
        String follow = inbox.select("#notices > li a").stream().filter(a -> a.text().contains("comentó")).findFirst().orElseThrow()
                .attr("href");
        HttpResponse<String> followed = ToolHttp.get(follow.startsWith("http") ? follow : ToolHttp.baseUrl() + follow);
        assertThat(followed.statusCode()).isEqualTo(303);
        assertThat(followed.headers().firstValue("Location").orElse("")).contains(c.exercisePath());

        // The team answers the mentor's comment: the mentor hears of it.
        String parent = c.ana().page(c.exercisePath()).select("#comment-list > li").stream()
                .filter(li -> li.text().contains("informe de 2023")).findFirst().orElseThrow()
                .selectFirst("input[name=parent]").attr("value");
        CoursePerson.location(c.ana().post(c.exercisePath() + "/comments", Map.of("body", "Lo sumamos", "parent", parent)));
        assertThat(unread(c.mentor(), "/course")).isEqualTo(2);

        CoursePerson.location(c.ana().handIn(c.exercisePath()));
        CoursePerson.location(c.mentor().post(c.exercisePath() + "/status", Map.of("status", "ACCEPTED")));
        await("the acceptance mailed to Ana", () -> mailsTo(anaMail).stream().anyMatch(m -> subject(m).contains("aceptó")));
        Thread.sleep(6000); // two rounds of the sender
        assertThat(mailsTo(luisMail)).as("Luis turned e-mail off").isEmpty();
        assertThat(c.luis().page("/course/notifications").select("#notices > li").eachText().stream()
                .filter(l -> !l.startsWith("Su resumen"))).hasSize(3);
        assertThat(mailsTo(anaMail).stream().map(NotificationsIT::subject).filter(s -> s.contains("Problema inicial")))
                .as("each notice mailed once").hasSize(3);

        // Bad input: a clear 4xx, nothing changed.
        assertThat(c.luis().post("/course/notifications/settings", Map.of("email", "maybe")).statusCode()).isEqualTo(400);
        assertThat(c.luis().postRaw("/course/notifications/settings", "s=" + c.luis().token() + "&email=on").statusCode()).isEqualTo(403);
        assertThat(c.luis().page("/course/notifications").getElementById("email-off").hasAttr("checked")).isTrue();
        assertThat(c.luis().get("/course/notifications/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(c.luis().get("/course/notifications/not-an-id").statusCode()).isEqualTo(404);
        String anasNotice = c.ana().page("/course/notifications").select("#notices > li a").stream()
                .filter(a -> a.text().contains("comentó")).findFirst().orElseThrow().attr("href");
        String id = anasNotice.substring(anasNotice.indexOf("/course/notifications/") + 22, anasNotice.indexOf('?'));
        assertThat(c.sara().get("/course/notifications/" + id).statusCode()).as("another person's notice").isEqualTo(404);
    }

    @Test
    void aMailServerThatIsDownDelaysTheMailAndTheActionStillSucceeds() throws Exception {
        Course c = course("notices-down");
        String mentorMail = "notices-down-mentor@example.gov.py";
        smtp.stop();
        try {
            HttpResponse<String> submitted = c.ana().handIn(c.exercisePath());
            assertThat(submitted.statusCode()).as("the hand-in does not wait for mail").isEqualTo(303);
            assertThat(unread(c.mentor(), "/course")).isEqualTo(1);
            Thread.sleep(8000); // a few failed attempts
        } finally {
            smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
        await("the delayed e-mail once the server is back", () -> mailsTo(mentorMail).stream().anyMatch(m -> subject(m).contains("entregó")));
        Thread.sleep(4000);
        assertThat(mailsTo(mentorMail).stream().filter(m -> subject(m).contains("entregó"))).as("sent once").hasSize(1);
    }

    @Test
    void workshopsComeAsAReminderTheDayBeforeADigestAndACalendarFeed() throws Exception {
        Course c = course("notices-workshop");
        // The course is in Asunción; the first workshop is tomorrow at 18:30 there.
        Document cohort = c.teacher().page("/course/cohort");
        CoursePerson.location(c.teacher().submit(cohort, "form[action=/course/cohort/zone]", Map.of("zone", "America/Asuncion"), null));
        ZoneId zone = ZoneId.of("America/Asuncion");
        LocalDate tomorrow = LocalDate.now(zone).plusDays(1);
        String module = "/course/authoring/modules/exploracion-institucional";
        Document editor = c.teacher().page(module);
        // A link that is not a web address, an end before the start: refused, each named, nothing saved.
        HttpResponse<String> bad = c.teacher().submit(editor, "#editor", Map.of("workshop.0.date", tomorrow.toString(),
                "workshop.0.time", "18:30", "workshop.0.end", "17:00", "workshop.0.link", "javascript:alert(1)"), "save");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(org.jsoup.Jsoup.parse(bad.body()).getElementById("problems").text()).contains("17:00").contains("javascript:alert(1)");
        HttpResponse<String> saved = c.teacher().submit(editor, "#editor", Map.of("workshop.0.date", tomorrow.toString(),
                "workshop.0.time", "18:30", "workshop.0.end", "20:30", "workshop.0.place", "Salón auditorio, Ministerio de Desarrollo Social",
                "workshop.0.link", "https://meet.example.gov.py/taller-1"), "save");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        // Its page says when (the reader's date, start and end, the course's zone) and where, with the meeting's link.
        Document page = c.ana().page("/course/modules/exploracion-institucional/workshops/taller-1");
        assertThat(page.getElementById("workshop-when").text()).contains("18:30–20:30").contains("(hora de Paraguay)").doesNotContain("UTC")
                .contains(String.valueOf(tomorrow.getDayOfMonth()));
        assertThat(page.getElementById("workshop-where").text()).contains("Salón auditorio");
        assertThat(page.getElementById("workshop-link").attr("href")).isEqualTo("https://meet.example.gov.py/taller-1");

        // The home shows it with its time in the course's zone.
        Document home = c.ana().page("/course");
        assertThat(home.getElementById("upcoming").text()).contains("18:30").contains("hora de Paraguay");
        ZonedDateTime start = ZonedDateTime.of(tomorrow, LocalTime.of(18, 30), zone);
        assertThat(home.selectFirst("#upcoming time").attr("datetime")).isEqualTo(start.toOffsetDateTime().toString());

        await("everyone reminded the day before", () -> c.luis().page("/course/notifications").select("#notices > li").stream()
                .anyMatch(li -> li.text().contains("Mañana hay taller")));
        await("the digest for the day, with the workshop", () -> c.sara().page("/course/notifications").select("#notices > li").stream()
                .anyMatch(li -> li.text().contains("Su resumen") && li.text().contains("18:30")));
        Thread.sleep(4000);
        List<String> reminders = c.luis().page("/course/notifications").select("#notices > li").eachText().stream()
                .filter(t -> t.startsWith("Mañana hay taller")).toList();
        assertThat(reminders).as("once, however many rounds ran").hasSize(1);

        // The calendar feed: a person's secret address, read by a calendar parser.
        String address = c.ana().page("/course/notifications").getElementById("calendar-url").attr("value");
        HttpResponse<String> feed = ToolHttp.get(address);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(feed.body()).contains("\r\n");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        VEvent workshop = events.stream().filter(e -> value(e, "DTSTART").contains("T")).findFirst().orElseThrow();
        assertThat(value(workshop, "DTSTART")).isEqualTo(start.withZoneSameInstant(ZoneId.of("UTC"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")));
        assertThat(value(workshop, "SUMMARY")).contains("Exploración institucional");
        assertThat(value(workshop, "DTEND")).isEqualTo(start.withHour(20).withZoneSameInstant(ZoneId.of("UTC"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")));
        assertThat(value(workshop, "LOCATION")).contains("Salón auditorio").contains("https://meet.example.gov.py/taller-1");
        assertThat(value(workshop, "URL")).isEqualTo("https://meet.example.gov.py/taller-1");
        assertThat(value(workshop, "UID")).endsWith("@localhost");
        assertThat(value(workshop, "DTSTAMP")).as("DTSTAMP is required").isNotBlank();
        assertThat(ToolHttp.get(ToolHttp.baseUrl() + "/calendar/" + "A".repeat(43) + ".ics").statusCode()).isEqualTo(404);
        assertThat(ToolHttp.get(ToolHttp.baseUrl() + "/calendar/short.ics").statusCode()).isEqualTo(404);

        // A zone not offered is refused and the course keeps its own.
        assertThat(c.teacher().post("/course/cohort/zone", Map.of("zone", "Mars/Olympus")).statusCode()).isEqualTo(400);
        assertThat(c.teacher().page("/course/cohort").selectFirst("#zone option[selected]").attr("value")).isEqualTo("America/Asuncion");
        assertThat(c.ana().post("/course/cohort/zone", Map.of("zone", "UTC")).statusCode()).isEqualTo(403);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(p -> ((net.fortuna.ical4j.model.Property) p).getValue()).orElse("");
    }

    @Test
    void theMentorsWeekTheTeamsHomeAndTheProgramsMonitoring() {
        Course c = course("notices-week");
        CoursePerson.location(c.ana().handIn(c.exercisePath()));
        CoursePerson.location(c.mentor().post(c.exercisePath() + "/comments", Map.of("body", "Revisen la fuente del dato")));
        CoursePerson.location(c.mentor().post("/course/teams/" + c.team() + "/log", Map.of("met_on", LocalDate.now(ZoneId.of("America/Asuncion")).toString(),
                "attended", "Ana, Luis", "notes", "Primera sesión", "agreements", "Entrevistar a dos jefes de servicio",
                "next_steps", "Traer el árbol de problemas")));

        Document week = c.mentor().page("/course/mentoring");
        assertThat(week.getElementById("mentoring-summary").text()).contains("1 equipo").contains("1 ejercicio espera su revisión")
                .contains("1 comentario abierto");
        assertThat(week.select("#mentor-queue li")).hasSize(1);
        assertThat(week.select("#mentor-queue li").text()).contains("Problema inicial").contains("Equipo Salud");
        assertThat(week.select(".team-week")).hasSize(1).allSatisfy(s -> assertThat(s.text()).contains("Equipo Salud")
                .contains("Revisen la fuente del dato").contains("Entrevistar a dos jefes de servicio")
                .contains("Traer el árbol de problemas").doesNotContain("Equipo Tierras"));
        assertThat(c.ana().get("/course/mentoring").statusCode()).as("participants have no mentor's week").isEqualTo(403);
        assertThat(c.teacher().page("/course/mentoring").select(".team-week")).as("an instructor who mentors no team sees all")
                .hasSize(2);

        // The team's home: its status and the mentor's latest word.
        Document home = c.luis().page("/course");
        assertThat(home.getElementById("team-status").text()).contains("Equipo Salud").contains("notices week mentor")
                .contains("1 en revisión");
        assertThat(home.getElementById("latest-feedback").text()).contains("Traer el árbol de problemas");

        // The cohort page: sessions per team and week, workshops' viewers, the weeks' charts with their data.
        Document cohort = c.teacher().page("/course/cohort");
        assertThat(cohort.select("#sessions-by-week tbody tr").get(0).select("td").last().text()).isEqualTo("1");
        assertThat(cohort.select("#waiting-weeks-data tbody tr").last().select("td").text()).isEqualTo("1");
        assertThat(cohort.select("#completed-weeks-data tbody tr")).hasSize(12);
        assertThat(cohort.select("#workshop-viewers tbody tr")).isNotEmpty();

        // Program monitoring: the deployment's administrators only, and only this deployment's courses.
        CoursePerson admin = person(c.tenant(), "notices-week-admin", "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator",
                c.id());
        Document monitoring = admin.page("/course/monitoring");
        assertThat(monitoring.select("#cohorts tbody tr").eachText()).anySatisfy(row -> assertThat(row).contains(c.id()));
        CoursePerson elsewhere = person(CoursePerson.registered("notices-other"), "notices-week-x",
                "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator", "other-" + System.nanoTime());
        assertThat(elsewhere.page("/course/monitoring").text()).doesNotContain(c.id());
        assertThat(c.teacher().get("/course/monitoring").statusCode()).isEqualTo(403);
        assertThat(c.mentor().get("/course/monitoring").statusCode()).isEqualTo(403);
    }
}
