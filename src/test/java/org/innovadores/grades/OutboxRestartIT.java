package org.innovadores.grades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.innovadores.testing.CoursePerson.INSTRUCTOR;
import static org.innovadores.testing.CoursePerson.LEARNER;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.PayaraProcess;
import org.junit.jupiter.api.Test;

/**
 * Scores produced while the LMS is down survive a restart of the tool: the packaged tool runs on
 * the test port, scores are queued while the gradebook answers 500, the tool stops, a new instance
 * starts on the same database, the gradebook comes back, and every score arrives exactly once.
 */
class OutboxRestartIT {

    @Test
    void scoresQueuedBeforeARestartArriveOnceAfterIt() throws Exception {
        int port = Integer.getInteger("it.http.port", 18080);
        Map<String, String> fastRetries = Map.of("grades.retry.base", "PT0.5S", "grades.retry.max", "PT3S",
                "data.dir", System.getProperty("it.work.dir", "target/it") + "/data-restart");
        Tenant tenant;
        String lineItem;
        try (PayaraProcess first = PayaraProcess.startReady(port, fastRetries)) {
            tenant = CoursePerson.registered("advantage-restart");
            lineItem = tenant.issuer + "/lineitems/11/lineitem";
            String course = "restart-" + System.nanoTime();
            String item = "exercise/exploracion-institucional/problema-inicial";
            CoursePerson teacher = AdvantageIT.person(tenant, "restart-teacher", INSTRUCTOR, course, null, null);
            CoursePerson ana = AdvantageIT.person(tenant, "restart-ana", LEARNER, course, item, lineItem);
            AdvantageIT.person(tenant, "restart-luis", LEARNER, course, null, null);
            String team = CoursePerson.idAfter(CoursePerson.location(teacher.post("/course/teams", Map.of("name", "Equipo"))),
                    "/course/teams/");
            CoursePerson.location(teacher.post("/course/teams/" + team + "/members", Map.of("subject", "restart-ana")));
            CoursePerson.location(teacher.post("/course/teams/" + team + "/members", Map.of("subject", "restart-luis")));
            String exercise = CoursePerson.idAfter(CoursePerson.location(ana.post("/course/teams/" + team + "/exercises",
                    Map.of("module", "exploracion-institucional", "template", "problema-inicial"))), "/exercises/");
            tenant.scoreFailure = 500;
            CoursePerson.location(ana.handIn("/course/teams/" + team + "/exercises/" + exercise));
            Thread.sleep(5000);
            assertThat(tenant.scores).isEmpty();
        }
        try (PayaraProcess second = PayaraProcess.startReady(port, fastRetries)) {
            tenant.scoreFailure = 0;
            for (int i = 0; i < 120 && tenant.scores.size() < 2; i++) Thread.sleep(500);
            Thread.sleep(3000);
            assertThat(tenant.scores).hasSize(2);
            Set<String> once = new HashSet<>();
            tenant.scores.forEach(s -> once.add(s.get("userId") + "|" + s.get("timestamp")));
            assertThat(once).hasSize(2);
            assertThat(tenant.scores).allSatisfy(s -> assertThat(s).containsEntry("activityProgress", "Submitted")
                    .containsEntry("_path", "/p/advantage-restart/lineitems/11/lineitem/scores"));
        }
    }
}
