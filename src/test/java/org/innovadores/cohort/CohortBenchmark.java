package org.innovadores.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.innovadores.lti.TestPlatform;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.AutosaveStorm;
import org.innovadores.testing.FreePort;
import org.innovadores.testing.PayaraProcess;
import org.innovadores.testing.ToolHttp;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The cohort page and its exports on a course of 40 teams and 200 participants, every module read
 * by some and every required exercise started by every team (half of them handed in), on an instance
 * on a PostgreSQL of its own that logs every statement: 4 concurrent clients ask each for a while;
 * p50 / p99, and the statements one request costs, counted in that log.
 * `mvn -Pbenchmark verify -Dit.test=CohortBenchmark`.
 * A benchmark, not a test: it fails only on errors.
 */
class CohortBenchmark {

    static final int TEAMS = 40;
    static final int PARTICIPANTS = 200;
    static final int CONCURRENCY = 4;
    static final int REQUESTS_PER_CLIENT = Integer.getInteger("benchmark.requests", 100);
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void cohortPageAndExportsOnFortyTeams() throws Exception {
        Path statementLog = Path.of(System.getProperty("it.work.dir", "target/it"), "cohort-bench-statements.log");
        Files.createDirectories(statementLog.getParent());
        Files.deleteIfExists(statementLog);
        int pgPort = FreePort.any();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(pgPort).setServerConfig("log_statement", "all")
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(statementLog.toFile()))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(statementLog.toFile())).start()) {
            run(pgPort, statementLog);
        }
    }

    private void run(int pgPort, Path statementLog) throws Exception {
        Map<String, String> settings = Map.of("db.url", "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
                "data.dir", System.getProperty("it.work.dir", "target/it") + "/data-cohort-bench",
                "jvm.heap", "-XX:+UseG1GC", "lti.login.rate-per-address", "1000000");
        try (PayaraProcess tool = PayaraProcess.startReady(FreePort.any(), settings)) {
            String base = tool.baseUrl();
            Tenant moodle = TestPlatform.get().tenant("moodle", "m1Ox7QKye0VrzFh", "1");
            String course = "cohort-bench";
            String teacher = AutosaveStorm.launchInto(base, moodle, "bench-teacher", INSTRUCTOR, course);
            String teacherCsrf = AutosaveStorm.csrf(base, teacher);
            List<String> moduleKeys = Jsoup.parse(ToolHttp.get(base + "/course?s=" + teacher).body()).select("#modules > li > a").stream()
                    .map(a -> a.attr("href").replaceAll(".*/course/modules/([^?]+).*", "$1")).toList();
            Map<String, List<String>> required = requiredTemplates();

            List<String> teams = new ArrayList<>();
            for (int t = 0; t < TEAMS; t++) {
                teams.add(AutosaveStorm.post(base, "/course/teams", teacher, teacherCsrf, Map.of("name", "Equipo " + t))
                        .headers().firstValue("Location").orElseThrow().replaceAll(".*/course/teams/([^?]+).*", "$1"));
            }
            List<String[]> firstMembers = new ArrayList<>(); // per team: token, csrf
            for (int p = 0; p < PARTICIPANTS; p++) {
                String subject = "bench-" + p;
                String token = AutosaveStorm.launchInto(base, moodle, subject, LEARNER, course);
                AutosaveStorm.post(base, "/course/teams/" + teams.get(p % TEAMS) + "/members", teacher, teacherCsrf, Map.of("subject", subject));
                String csrf = AutosaveStorm.csrf(base, token);
                if (p < TEAMS) firstMembers.add(new String[] {token, csrf});
                for (int m = 0; m <= p % moduleKeys.size(); m++) {
                    AutosaveStorm.post(base, "/course/modules/" + moduleKeys.get(m) + "/read", token, csrf, Map.of());
                }
            }
            for (int t = 0; t < TEAMS; t++) {
                String[] member = firstMembers.get(t);
                int n = 0;
                for (String module : moduleKeys) {
                    for (String template : required.getOrDefault(module, List.of())) {
                        String exercise = AutosaveStorm.post(base, "/course/teams/" + teams.get(t) + "/exercises", member[0], member[1],
                                Map.of("module", module, "template", template)).headers().firstValue("Location").orElseThrow()
                                .replaceAll("\\?.*", "");
                        if (n++ % 2 == 0) {
                            // Handed in as a team would: filled first, since an incomplete exercise cannot be.
                            org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(org.innovadores.testing.ToolHttp.get(
                                    base + exercise + "?s=" + member[0]).body(), base + exercise);
                            AutosaveStorm.post(base, exercise, member[0], member[1], org.innovadores.testing.ExerciseFiller.filled(page));
                            AutosaveStorm.post(base, exercise + "/status", member[0], member[1], Map.of("status", "SUBMITTED"));
                        }
                    }
                }
            }

            StringBuilder report = new StringBuilder(String.format("Cohort of %d teams and %d participants, %d modules; %d clients x %d "
                    + "requests each%n", TEAMS, PARTICIPANTS, moduleKeys.size(), CONCURRENCY, REQUESTS_PER_CLIENT));
            for (String path : List.of("/course/cohort", "/course/cohort/export.csv", "/course/cohort/export.xlsx")) {
                String url = base + path + "?s=" + teacher;
                for (int i = 0; i < 100; i++) fetch(url); // warm-up: the JIT compiles the page's code before it is timed
                long statements = Long.MAX_VALUE;
                for (int i = 0; i < 5; i++) { // the fewest of five: the score sender's own rounds add to some
                    long before = statements(statementLog);
                    fetch(url);
                    Thread.sleep(300); // the server writes its log a moment later
                    statements = Math.min(statements, statements(statementLog) - before);
                }
                List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
                List<Throwable> failures = new CopyOnWriteArrayList<>();
                AtomicInteger bytes = new AtomicInteger();
                List<Thread> clients = new ArrayList<>();
                for (int c = 0; c < CONCURRENCY; c++) {
                    clients.add(Thread.ofPlatform().start(() -> {
                        try {
                            for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                                long start = System.nanoTime();
                                bytes.set(fetch(url));
                                latencies.add(System.nanoTime() - start);
                            }
                        } catch (Exception e) {
                            failures.add(e);
                        }
                    }));
                }
                for (Thread client : clients) client.join();
                assertThat(failures).isEmpty();
                List<Long> sorted = new ArrayList<>(latencies);
                Collections.sort(sorted);
                report.append(String.format("%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d KB, %d database statements per request%n", path,
                        ms(sorted, 0.5), ms(sorted, 0.99), sorted.getLast() / 1e6, bytes.get() / 1024, statements));
            }
            System.out.print(report);
            Path out = Path.of(System.getProperty("project.dir", "."), "target", "benchmark", "cohort.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
    }

    private int fetch(String url) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) throw new IllegalStateException(url + " answered " + response.statusCode());
        return response.body().length;
    }

    /** Statements PostgreSQL has logged so far (simple and extended protocol alike). */
    private static long statements(Path log) throws Exception {
        try (var lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.contains("LOG:  statement: ") || l.contains("LOG:  execute ")).count();
        }
    }

    /** Required templates by module, from the shipped program. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> requiredTemplates() throws Exception {
        Path program = Path.of(System.getProperty("project.dir", "."), "src", "main", "resources", "program", "default", "program.json");
        Map<String, Object> json = org.jose4j.json.JsonUtil.parseJson(Files.readString(program));
        Map<String, List<String>> required = new LinkedHashMap<>();
        for (Object m : (List<Object>) json.get("modules")) {
            Map<String, Object> module = (Map<String, Object>) m;
            List<String> templates = new ArrayList<>();
            for (Object e : (List<Object>) module.getOrDefault("exercises", List.of())) {
                Map<String, Object> use = (Map<String, Object>) e;
                if (Boolean.TRUE.equals(use.get("required"))) templates.add((String) use.get("template"));
            }
            required.put((String) module.get("key"), templates);
        }
        return required;
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
    }
}
