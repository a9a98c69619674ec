package org.innovadores.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.AutosaveStorm;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.FreePort;
import org.innovadores.testing.Haproxy;
import org.innovadores.testing.PayaraProcess;
import org.innovadores.testing.TestDatabase;
import org.innovadores.testing.ToolHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Three instances on one PostgreSQL behind HAProxy (health checks on /health/ready), everyone going
 * through the balancer: a team autosaves every 200 ms and three teams hand in exercises whose scores
 * go to the LMS. One instance is stopped gracefully (SIGTERM) and no save fails meanwhile; another is
 * killed (SIGKILL). The balancer takes each out; afterwards every save the cluster acknowledged is in
 * the store and every score reached the LMS exactly once.
 */
class ClusterIT {

    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

    static final List<PayaraProcess> instances = new ArrayList<>();
    static Haproxy balancer;
    static String previousPort;

    @AfterAll
    static void stop() {
        if (previousPort == null) System.clearProperty("it.http.port");
        else System.setProperty("it.http.port", previousPort);
        if (balancer != null) balancer.close();
        instances.forEach(PayaraProcess::close);
    }

    @Test
    void aKilledInstanceLosesNoAcknowledgedSaveAndSendsNoScoreTwice() throws Exception {
        TestDatabase.freshDatabase("cluster");
        int publicPort = FreePort.any();
        List<Integer> ports = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            int port = FreePort.any();
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("db.url", TestDatabase.jdbcUrl().replace("/postgres", "/cluster"));
            settings.put("data.dir", System.getProperty("it.work.dir", "target/it") + "/data-cluster-" + i);
            settings.put("lti.tool.base-url", "http://localhost:" + publicPort);
            settings.put("grades.retry.base", "PT0.5S");
            settings.put("grades.retry.max", "PT2S");
            // Longer than the balancer needs to see readiness fail (two checks a second apart).
            settings.put("shutdown.drain-delay", "PT4S");
            instances.add(PayaraProcess.startReady(port, settings));
            ports.add(port);
        }
        balancer = Haproxy.start("cluster", publicPort, ports);
        previousPort = System.getProperty("it.http.port");
        System.setProperty("it.http.port", String.valueOf(publicPort));
        String base = balancer.baseUrl();

        Tenant tenant = CoursePerson.registered("cluster");
        String lineItem = tenant.issuer + "/lineitems/21/lineitem";
        String course = "cluster-course";
        String item = "exercise/exploracion-institucional/problema-inicial";
        CoursePerson teacher = CoursePerson.seen(CoursePerson.launch(tenant, "cl-irene", "Irene Instructora", INSTRUCTOR, course));
        List<String[]> handIns = new ArrayList<>();
        for (int t = 1; t <= 3; t++) {
            String subject = "cl-member-" + t;
            CoursePerson member = CoursePerson.launch(tenant, subject, "Integrante " + t, LEARNER, course, claims -> {
                claims.putAll(tenant.serviceClaims(lineItem));
                claims.put(CoursePerson.CLAIM + "custom", Map.of("item", item));
                claims.put(CoursePerson.CLAIM + "resource_link", Map.of("id", "link-cluster", "title", "Problema inicial"));
            });
            member.page("/course");
            String team = CoursePerson.team(teacher, "Equipo " + t, subject);
            String exercise = CoursePerson.location(member.post("/course/teams/" + team + "/exercises",
                    Map.of("module", "exploracion-institucional", "template", "problema-inicial")));
            handIns.add(new String[] {member.token(), exercise.substring(0, exercise.indexOf('?'))});
        }

        AutosaveStorm storm = new AutosaveStorm(base, tenant, 5);
        storm.start(base, Duration.ofMillis(200));
        Thread.sleep(3000);
        // A graceful stop first (SIGTERM, as a rolling update does): the balancer takes the instance
        // out while it still answers, so nobody notices.
        int before = storm.failures();
        instances.get(2).terminate();
        assertThat(instances.get(2).awaitExit(Duration.ofSeconds(60))).as("the stopped instance ends by itself").isNotEqualTo(-1);
        int duringStop = storm.failures() - before;
        System.out.printf("cluster: %d saves failed while an instance stopped gracefully%n", duringStop);
        assertThat(duringStop).as("saves failed during a graceful stop").isZero();
        Thread.sleep(1000);
        // Hand-ins around the kill: their scores are queued and sent by whichever instance claims them.
        for (int i = 0; i < 2; i++) handIn(handIns.get(i));
        instances.get(1).kill();
        handIn(handIns.get(2));
        Thread.sleep(10_000);
        storm.stop();

        int acknowledged = storm.acknowledgedSaves();
        assertThat(acknowledged).as("saves acknowledged across the kill").isGreaterThan(100);
        System.out.printf("cluster: %d saves acknowledged, %d refused or unanswered around the kill%n", acknowledged, storm.failures());
        assertThat(storm.lostAfterRestart(base, tenant)).as("acknowledged saves missing from the store").isZero();
        for (int i = 0; i < 20; i++) {
            assertThat(ToolHttp.status(base + "/health/ready")).as("the balancer sends nothing to the dead instance").isEqualTo(200);
        }

        for (int i = 0; i < 60 && tenant.scores.size() < 3; i++) Thread.sleep(500);
        Thread.sleep(4000); // time for a second copy to arrive, were one to be sent
        Set<String> once = new HashSet<>();
        tenant.scores.forEach(s -> once.add(s.get("userId") + "|" + s.get("timestamp")));
        assertThat(tenant.scores).as("one score per hand-in").hasSize(3);
        assertThat(once).hasSize(3);
    }

    private static void handIn(String[] tokenAndExercise) {
        CoursePerson member = new CoursePerson(tokenAndExercise[0], "/course");
        HttpResponse<String> handedIn = member.handIn(tokenAndExercise[1]);
        assertThat(handedIn.statusCode()).as(handedIn.body()).isEqualTo(303);
    }
}
