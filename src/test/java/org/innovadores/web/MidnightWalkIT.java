package org.innovadores.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.Browser;
import org.innovadores.testing.Browser.Cookies;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.ExerciseFiller;
import org.innovadores.testing.FreePort;
import org.innovadores.testing.PageChecks;
import org.innovadores.testing.PayaraProcess;
import org.innovadores.testing.TestDatabase;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every role's pages a quarter of an hour before midnight in Asunción, when the date in UTC is
 * already tomorrow: the tool runs on a program clock set to 14/03/2027 23:45 there (03:45 on the
 * 15th in UTC). What people did then must show the 14th and the hour they saw on their own clocks;
 * a workshop at 00:30 shows the 15th; files made then are named after the 14th. The pages are then
 * walked at phone and laptop widths, in Spanish and English, with no ISO date, no bare UTC and no
 * "1 integrantes" allowed.
 */
class MidnightWalkIT {

    static final ZoneId ASUNCION = ZoneId.of("America/Asuncion");
    static final LocalDate EVENING = LocalDate.of(2027, 3, 14);
    static final ZonedDateTime CLOCK_START = ZonedDateTime.of(EVENING, LocalTime.of(23, 45), ASUNCION);

    static PayaraProcess tool;
    static String previousPort;

    @BeforeAll
    static void start() {
        TestDatabase.freshDatabase("midnight");
        int port = FreePort.any();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("db.url", TestDatabase.jdbcUrl().replace("/postgres", "/midnight"));
        settings.put("data.dir", System.getProperty("it.work.dir", "target/it") + "/data-midnight");
        settings.put("tool.clock.start", CLOCK_START.toInstant().toString());
        tool = PayaraProcess.startReady(port, settings);
        // The course helpers speak to the tool on this port for the length of this class.
        previousPort = System.getProperty("it.http.port");
        System.setProperty("it.http.port", String.valueOf(port));
    }

    @AfterAll
    static void stop() {
        if (previousPort == null) System.clearProperty("it.http.port");
        else System.setProperty("it.http.port", previousPort);
        if (tool != null) tool.close();
    }

    @Test
    void lateInTheEveningInAsuncionEveryPageSaysTheDayAndHourPeopleLiveIn() {
        assertThat(CLOCK_START.toInstant().atZone(ZoneId.of("UTC")).toLocalDate()).as("UTC is already on the next day")
                .isEqualTo(EVENING.plusDays(1));
        Tenant tenant = CoursePerson.registered("midnight");
        String course = "midnight-course";
        CoursePerson teacher = CoursePerson.seen(CoursePerson.launch(tenant, "mn-irene", "Irene Instructora", CoursePerson.INSTRUCTOR, course));
        CoursePerson ana = CoursePerson.seen(CoursePerson.launch(tenant, "mn-ana", "Ana Aguilar", CoursePerson.LEARNER, course));
        CoursePerson.seen(CoursePerson.launch(tenant, "mn-luis", "Luis Lezcano", CoursePerson.LEARNER, course));
        CoursePerson marta = CoursePerson.seen(CoursePerson.launch(tenant, "mn-marta", "Marta Mentora", CoursePerson.MENTOR, course));
        String team = CoursePerson.team(teacher, "Equipo Medianoche", "mn-ana");
        CoursePerson.location(teacher.post("/course/teams/" + team + "/mentors", Map.of("subject", "mn-marta")));

        // A workshop at half past midnight: tomorrow, in the course's zone.
        Document editor = teacher.page("/course/authoring/modules/exploracion-institucional");
        HttpResponse<String> scheduled = teacher.submit(editor, "#editor", Map.of("workshop.0.date", EVENING.plusDays(1).toString(),
                "workshop.0.time", "00:30", "workshop.0.end", "02:00", "workshop.0.place", "Sala de reuniones"), "save");
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(303);
        Document workshop = ana.page("/course/modules/exploracion-institucional/workshops/taller-1");
        assertThat(workshop.getElementById("workshop-when").text()).isEqualTo("lunes, 15 de marzo de 2027, 00:30–02:00 (hora de Paraguay)");

        // Ana writes an exercise now: its history says the 14th, at the hour on her wall clock.
        String exercise = CoursePerson.location(ana.post("/course/teams/" + team + "/exercises",
                Map.of("module", "exploracion-institucional", "template", "arbol-de-problemas")));
        exercise = exercise.substring(0, exercise.indexOf('?'));
        CoursePerson.location(ana.post(exercise, ExerciseFiller.filled(ana.page(exercise))));
        String saved = ana.page(exercise + "/history").select("time").first().text();
        assertThat(saved).as("the revision's time").matches("14/03/2027 2[34]:\\d\\d");

        // The mentor logs today's meeting: the form offers the 14th, the log shows it.
        Document workspace = marta.page("/course/teams/" + team);
        assertThat(workspace.getElementById("met_on").val()).as("today, where the course is").isEqualTo(EVENING.toString());
        CoursePerson.location(marta.submit(workspace, "form[action$=/log]", Map.of("attended", "Ana", "notes", "Árbol revisado",
                "agreements", "Entrevistas", "nextSteps", "Mapa de actores"), null));
        assertThat(marta.page("/course/teams/" + team).text()).contains("14/03/2027");

        // Files made now are named after the course's day, not UTC's.
        assertThat(teacher.get("/course/cohort/export.csv").headers().firstValue("Content-Disposition").orElseThrow())
                .contains("cohorte-2027-03-14.csv");
        HttpResponse<String> zip = teacher.get("/course/continuity/package");
        assertThat(zip.headers().firstValue("Content-Disposition").orElseThrow()).contains("programa-2027-03-14.zip");

        // A pilot call closing at 00:15 tomorrow is open now and says so in the course's terms.
        Document calls = teacher.page("/course/pilots");
        String call = CoursePerson.location(teacher.submit(calls, "#call-form", Map.of("title", "Pilotos de medianoche",
                "date", EVENING.plusDays(1).toString(), "time", "00:15", "evaluator.mn-irene", "1", "evaluator.mn-marta", "1"), null))
                .replaceAll(".*/course/pilots/([0-9a-f-]{36}).*", "$1");
        assertThat(teacher.page("/course/pilots/" + call).getElementById("deadline").text()).startsWith("15/03/2027 00:15");

        CoursePerson eva = CoursePerson.launch(tenant, "mn-eva", "Eva Evans", CoursePerson.LEARNER, course,
                claims -> claims.put(CoursePerson.CLAIM + "launch_presentation", Map.of("locale", "en-US", "document_target", "iframe")));
        CoursePerson admin = CoursePerson.launch(tenant, "mn-ada", "Ada Administradora",
                "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator", course);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/course?s=" + ana.token());
        pages.put("module", "/course/modules/exploracion-institucional?s=" + ana.token());
        pages.put("workshop", "/course/modules/exploracion-institucional/workshops/taller-1?s=" + ana.token());
        pages.put("workspace", "/course/teams/" + team + "?s=" + ana.token());
        pages.put("exercise", exercise + "?s=" + ana.token());
        pages.put("exercise-history", exercise + "/history?s=" + ana.token());
        pages.put("notifications", "/course/notifications?s=" + ana.token());
        pages.put("pilot-call", "/course/pilots/" + call + "?s=" + ana.token());
        pages.put("portfolio", "/course/teams/" + team + "/portfolio?s=" + ana.token());
        pages.put("certificate", "/course/certificate?s=" + ana.token());
        pages.put("personal-data", "/course/profile/data?s=" + ana.token());
        pages.put("network", "/course/network?s=" + ana.token());
        pages.put("instructor-home", "/course?s=" + teacher.token());
        pages.put("cohort", "/course/cohort?s=" + teacher.token());
        pages.put("teams", "/course/teams?s=" + teacher.token());
        pages.put("pilot-calls", "/course/pilots?s=" + teacher.token());
        pages.put("pilot-call-instructor", "/course/pilots/" + call + "?s=" + teacher.token());
        pages.put("continuity", "/course/continuity?s=" + teacher.token());
        pages.put("grades", "/course/grades?s=" + teacher.token());
        pages.put("mentoring", "/course/mentoring?s=" + marta.token());
        pages.put("review", exercise + "?s=" + marta.token());
        pages.put("monitoring", "/course/monitoring?s=" + admin.token());
        pages.put("home-en", "/course?s=" + eva.token());
        pages.put("workshop-en", "/course/modules/exploracion-institucional/workshops/taller-1?s=" + eva.token());
        pages.put("pilot-call-en", "/course/pilots/" + call + "?s=" + eva.token());
        ChromeDriver driver = Browser.chromium(Cookies.FIRST_PARTY_ONLY);
        try {
            PageChecks.atPhoneAndLaptopWidths(driver, "midnight-", pages);
        } finally {
            driver.quit();
        }
    }
}
