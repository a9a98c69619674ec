package org.innovadores.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.innovadores.lti.LtiClient;
import org.innovadores.lti.TestPlatform;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.AutosaveStorm;
import org.innovadores.testing.PayaraProcess;
import org.innovadores.testing.ToolHttp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Autosave under load, against one instance on PostgreSQL: 50 members in 10 teams, each saving every
 * 2 s for 60 s the way the page's script does (the whole form, based on the version it loaded),
 * each member typing into a field of their own of the team's empathy map (whose picture the answer
 * carries, drawn again). Reports p50/p99 save latency and errors, then re-reads
 * every exercise and checks the last write of each field is there. Figures in
 * target/benchmark/autosave.txt; `mvn -Pbenchmark verify -Dit.test=AutosaveBenchmark`.
 */
class AutosaveBenchmark {

    static final int TEAMS = 10;
    static final int MEMBERS_PER_TEAM = 5;
    static final Duration PERIOD = Duration.ofSeconds(2);
    static final Duration RUN = Duration.ofSeconds(60);
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    /** The empathy map: its picture is drawn again with every save, as the page's script asks. */
    static final List<String> FIELDS = List.of("quien", "objetivo", "ve", "dice", "piensa-siente");

    private final HttpClient http = HttpClient.newHttpClient();

    record Member(String subject, String token, String csrf, String exercisePath, String field, Map<String, String> form) {
    }

    @Test
    void fiftyMembersSavingEveryTwoSeconds() throws Exception {
        int port = org.innovadores.testing.FreePort.any();
        try (PayaraProcess tool = PayaraProcess.startReady(port, Map.of())) {
            String base = tool.baseUrl();
            Tenant moodle = TestPlatform.get().tenant("moodle", "m1Ox7QKye0VrzFh", "1");
            String course = "autosave-" + System.nanoTime();
            String teacher = launch(base, moodle, "bench-teacher", INSTRUCTOR, course);
            String teacherCsrf = csrf(base, teacher);

            List<Member> members = new ArrayList<>();
            for (int t = 0; t < TEAMS; t++) {
                String team = post(base, "/course/teams", teacher, teacherCsrf, Map.of("name", "Equipo " + t))
                        .headers().firstValue("Location").orElseThrow().replaceAll(".*/course/teams/([^?]+).*", "$1");
                List<String[]> people = new ArrayList<>();
                for (int m = 0; m < MEMBERS_PER_TEAM; m++) {
                    String subject = "bench-" + t + "-" + m;
                    String token = launch(base, moodle, subject, LEARNER, course);
                    post(base, "/course/teams/" + team + "/members", teacher, teacherCsrf, Map.of("subject", subject));
                    people.add(new String[] {subject, token, csrf(base, token)});
                }
                String exercise = post(base, "/course/teams/" + team + "/exercises", people.get(0)[1], people.get(0)[2],
                        Map.of("module", "descubrimiento", "template", "mapa-de-empatia"))
                        .headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", "");
                for (int m = 0; m < MEMBERS_PER_TEAM; m++) {
                    String[] p = people.get(m);
                    Document page = Jsoup.parse(ToolHttp.get(base + exercise + "?s=" + p[1]).body());
                    Map<String, String> form = new LinkedHashMap<>();
                    ((org.jsoup.nodes.FormElement) page.selectFirst("#exercise-form")).formData().forEach(kv -> form.put(kv.key(), kv.value()));
                    members.add(new Member(p[0], p[1], p[2], exercise, FIELDS.get(m), form));
                }
            }

            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger errors = new AtomicInteger();
            Map<String, String> lastWritten = new ConcurrentHashMap<>();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            long end = System.nanoTime() + RUN.toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                Member member = members.get(i);
                long offset = PERIOD.toMillis() * i / members.size();
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        Thread.sleep(offset);
                        int n = 0;
                        while (System.nanoTime() < end) {
                            long tick = System.nanoTime();
                            String text = member.subject() + " escribe " + (++n);
                            Map<String, String> form = new LinkedHashMap<>(member.form());
                            form.put("f." + member.field(), text);
                            long start = System.nanoTime();
                            HttpResponse<String> saved = http.send(HttpRequest.newBuilder(URI.create(base + member.exercisePath()))
                                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(form))).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            latencies.add(System.nanoTime() - start);
                            if (saved.statusCode() != 200 || !saved.body().contains("\"conflicts\":[]")) {
                                errors.incrementAndGet();
                            } else {
                                lastWritten.put(member.exercisePath() + "|" + member.field(), text);
                            }
                            long sleep = PERIOD.toMillis() - (System.nanoTime() - tick) / 1_000_000;
                            if (sleep > 0) Thread.sleep(sleep);
                        }
                    } catch (Exception e) {
                        failures.add(e);
                    }
                }));
            }
            for (Thread thread : threads) thread.join();
            assertThat(failures).isEmpty();

            // Every field of every exercise holds the last text its member wrote.
            int lost = 0;
            for (Member member : members) {
                Document page = Jsoup.parse(ToolHttp.get(base + member.exercisePath() + "?s=" + member.token()).body());
                String stored = page.getElementById("f." + member.field()).tagName().equals("textarea")
                        ? page.getElementById("f." + member.field()).text()
                        : page.getElementById("f." + member.field()).attr("value");
                String expected = lastWritten.get(member.exercisePath() + "|" + member.field());
                if (!stored.strip().equals(expected)) lost++;
            }
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            String report = String.format("Autosave: %d members in %d teams, a save every %d s for %d s: %d saves, p50 %.1f ms, "
                            + "p99 %.1f ms, max %.1f ms, errors %d, lost edits %d%n", members.size(), TEAMS, PERIOD.toSeconds(),
                    RUN.toSeconds(), sorted.size(), ms(sorted, 0.50), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6,
                    errors.get(), lost);
            System.out.println(report);
            Path out = Path.of(System.getProperty("project.dir", "."), "target", "benchmark", "autosave.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            assertThat(errors.get()).isZero();
            assertThat(lost).isZero();
        }
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
    }

    private static String launch(String base, Tenant tenant, String subject, String role, String course) {
        return AutosaveStorm.launchInto(base, tenant, subject, role, course);
    }

    private static String csrf(String base, String token) {
        return AutosaveStorm.csrf(base, token);
    }

    private static HttpResponse<String> post(String base, String path, String token, String csrf, Map<String, String> fields) {
        return AutosaveStorm.post(base, path, token, csrf, fields);
    }
}
