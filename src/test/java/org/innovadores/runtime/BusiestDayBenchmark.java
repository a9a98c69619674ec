package org.innovadores.runtime;

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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.innovadores.lti.LtiClient;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.AutosaveStorm;
import org.innovadores.testing.BenchmarkFiles;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.FreePort;
import org.innovadores.testing.Haproxy;
import org.innovadores.testing.PayaraProcess;
import org.innovadores.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A cohort's busiest day on this machine (figures for the README, target/benchmark/busiest-day.txt):
 * participants of many courses, each with a think time of about a second, open their home and module
 * pages, report watching a recording and autosave their team's exercise, while each course's
 * instructor opens the cohort view; the number of participants rises until p99 passes 200 ms, once
 * against one instance and once against three behind HAProxy. Then the CPU of the tool and of
 * PostgreSQL per request type, and a failover run: three instances, one killed with SIGKILL mid-load,
 * errors counted, every acknowledged save re-read, every score counted at the LMS.
 * `mvn -Pbenchmark verify -Dit.test=BusiestDayBenchmark`.
 */
class BusiestDayBenchmark {

    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    static final Path WORK = Path.of(System.getProperty("project.dir", "."), "target", "benchmark");
    static final int COURSES = 8;
    static final int[] STEPS = {10, 20, 40, 80, 120, 160, 240};
    static final Duration STEP = Duration.ofSeconds(30);

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One course: its team (five participants with their exercise), its instructor, its recording. */
    record Course(AutosaveStorm team, String instructor, String recording) {
    }

    @Test
    void theSustainedRateAtP99Under200MsWithOneAndThreeInstancesAndAFailover() throws Exception {
        Files.createDirectories(WORK);
        StringBuilder report = new StringBuilder("A cohort's busiest day\n");
        TestDatabase.freshDatabase("busiest");
        int publicPort = FreePort.any();
        List<PayaraProcess> instances = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            int port = FreePort.any();
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("db.url", TestDatabase.jdbcUrl().replace("/postgres", "/busiest"));
            settings.put("data.dir", WORK.resolve("busiest-data-" + i).toString());
            // Recordings on disk need one volume all instances share (or MEDIA_STORE=s3).
            settings.put("media.dir", WORK.resolve("busiest-media").toString());
            settings.put("lti.tool.base-url", "http://localhost:" + publicPort);
            settings.put("jvm.heap", "-Xmx768m");
            // One load generator's address makes every launch: the per-address login limit is not what is measured.
            settings.put("lti.login.rate-per-address", "100000");
            instances.add(PayaraProcess.startReady(port, settings));
            ports.add(port);
        }
        String previousPort = System.getProperty("it.http.port");
        try (Haproxy balancer = Haproxy.start("busiest", publicPort, ports)) {
            System.setProperty("it.http.port", String.valueOf(publicPort));
            String base = balancer.baseUrl();
            Tenant tenant = CoursePerson.registered("busiest");
            List<Course> courses = new ArrayList<>();
            for (int c = 0; c < COURSES; c++) {
                AutosaveStorm team = new AutosaveStorm(base, tenant, 5);
                String instructor = AutosaveStorm.launchInto(base, tenant, team.course() + "-teacher", INSTRUCTOR, team.course());
                Path file = BenchmarkFiles.file(WORK.resolve("busiest-recording.mp4"), 2L * 1024 * 1024);
                String recording = BenchmarkFiles.upload(base, instructor, "taller.mp4", file, Files.size(file), 8L * 1024 * 1024);
                courses.add(new Course(team, instructor, recording));
            }
            long dbBytes = databaseBytes();

            // Warm-up (JIT, templates, pools), through the balancer so every instance warms; not measured.
            run(base, courses, 40, Duration.ofSeconds(60), null);
            // One instance: the balancer would share the load, so the load goes to the first instance itself.
            report.append(rising("one instance", instances.get(0).baseUrl(), courses, tenant));
            Files.writeString(WORK.resolve("busiest-day.txt"), report);
            report.append(rising("three instances behind HAProxy", base, courses, tenant));
            Files.writeString(WORK.resolve("busiest-day.txt"), report);

            // CPU per request type, on one instance, the tool's process and PostgreSQL's.
            report.append(cpuPerRequestType(instances, base, courses, tenant));
            Files.writeString(WORK.resolve("busiest-day.txt"), report);
            report.append(String.format("database size with %d courses of 5 participants: %.1f MiB (%.0f KiB per participant, "
                    + "mostly the program copied into each course)%n", COURSES, dbBytes / 1048576.0, dbBytes / 1024.0 / (COURSES * 5)));

            // Failover: 80 participants through the balancer, one instance killed mid-way.
            report.append(failover(base, courses, tenant, instances.get(1)));
        } finally {
            if (previousPort == null) System.clearProperty("it.http.port");
            else System.setProperty("it.http.port", previousPort);
            instances.forEach(PayaraProcess::close);
        }
        System.out.println(report);
        Files.writeString(WORK.resolve("busiest-day.txt"), report);
    }

    /** Steps of participants until p99 passes 200 ms; the rate of the last step under it. */
    private String rising(String name, String base, List<Course> courses, Tenant tenant) throws Exception {
        StringBuilder out = new StringBuilder(name + ":\n");
        run(base, courses, 40, Duration.ofSeconds(20), null); // settle on this target first; not measured
        double sustained = 0;
        for (int participants : STEPS) {
            Load load = run(base, courses, participants, STEP, null);
            out.append(String.format("  %3d participants + %d instructors: %.0f requests/s, p50 %.1f ms, p99 %.1f ms, errors %d  %s%n",
                    participants, courses.size(), load.rate(), load.p(50), load.p(99), load.errors.get(), load.byType()));
            if (load.p(99) > 200) break;
            sustained = load.rate();
        }
        out.append(String.format("  sustained at p99 ≤ 200 ms: %.0f requests/s%n", sustained));
        return out.toString();
    }

    /** The load: each participant asks, waits about a second, asks again; each course's instructor every 3 s. */
    private Load run(String base, List<Course> courses, int participants, Duration length, Runnable midway) throws Exception {
        Load load = new Load();
        AtomicBoolean going = new AtomicBoolean(true);
        List<Thread> users = new ArrayList<>();
        for (int p = 0; p < participants; p++) {
            Course course = courses.get(p % courses.size());
            AutosaveStorm.Member member = course.team().members().get((p / courses.size()) % 5);
            int seed = p;
            users.add(Thread.ofVirtual().start(() -> participant(base, course, member, seed, load, going)));
        }
        for (Course course : courses) users.add(Thread.ofVirtual().start(() -> instructor(base, course, load, going)));
        if (midway != null) {
            Thread.sleep(length.toMillis() / 3);
            midway.run();
            Thread.sleep(length.toMillis() * 2 / 3);
        } else {
            Thread.sleep(length.toMillis());
        }
        going.set(false);
        for (Thread u : users) u.join(15_000);
        load.seconds = length.toMillis() / 1000.0;
        return load;
    }

    private static void participant(String base, Course course, AutosaveStorm.Member member, int seed, Load load, AtomicBoolean going) {
        int counter = 1_000_000 * (seed + 1);
        String csrf = member.form().getOrDefault("csrf", "");
        while (going.get()) {
            int dice = ThreadLocalRandom.current().nextInt(100);
            if (dice < 35) {
                load.time("home", () -> get(base + "/course?s=" + member.token()));
            } else if (dice < 55) {
                load.time("module", () -> get(base + "/course/modules/exploracion-institucional?s=" + member.token()));
            } else if (dice < 75) {
                load.time("watch", () -> post(base + "/course/recordings/" + course.recording() + "/progress", Map.of("s", member.token(),
                        "csrf", csrf, "position", "30", "watched", "10", "duration", "3600")));
            } else {
                Map<String, String> form = new LinkedHashMap<>(member.form());
                form.put("f." + member.field(), member.subject() + " escribe " + (++counter));
                load.time("autosave", () -> post(base + member.exercisePath(), form));
            }
            pause(500 + ThreadLocalRandom.current().nextInt(1000));
        }
    }

    private static void instructor(String base, Course course, Load load, AtomicBoolean going) {
        while (going.get()) {
            load.time("cohort", () -> get(base + "/course/cohort?s=" + course.instructor()));
            pause(3000);
        }
    }

    /** CPU per request by type: all three instances' processes together (requests through the balancer), and PostgreSQL's. */
    private String cpuPerRequestType(List<PayaraProcess> tools, String base, List<Course> courses, Tenant tenant) throws Exception {
        StringBuilder out = new StringBuilder("CPU per request (the tool's processes; PostgreSQL's processes):\n");
        Course course = courses.getFirst();
        AutosaveStorm.Member member = course.team().members().getFirst();
        String csrf = member.form().getOrDefault("csrf", "");
        Map<String, Runnable> types = new LinkedHashMap<>();
        types.put("home", () -> get(base + "/course?s=" + member.token()));
        types.put("module", () -> get(base + "/course/modules/exploracion-institucional?s=" + member.token()));
        types.put("watch", () -> post(base + "/course/recordings/" + course.recording() + "/progress", Map.of("s", member.token(),
                "csrf", csrf, "position", "30", "watched", "10", "duration", "3600")));
        int[] n = {0};
        types.put("autosave", () -> {
            Map<String, String> form = new LinkedHashMap<>(member.form());
            form.put("f." + member.field(), member.subject() + " escribe " + (++n[0] + 50_000_000));
            post(base + member.exercisePath(), form);
        });
        types.put("cohort", () -> get(base + "/course/cohort?s=" + course.instructor()));
        // A launch is the LMS's login and the id_token's post, with the page it lands on.
        types.put("launch", () -> AutosaveStorm.launchInto(base, tenant, member.subject(), "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
                course.team().course()));
        for (Map.Entry<String, Runnable> type : types.entrySet()) {
            for (int i = 0; i < 50; i++) type.getValue().run();
            double tool0 = tools.stream().mapToDouble(PayaraProcess::cpuSeconds).sum();
            double pg0 = postgresCpu();
            int count = type.getKey().equals("launch") ? 150 : 400;
            for (int i = 0; i < count; i++) type.getValue().run();
            double tool1 = tools.stream().mapToDouble(PayaraProcess::cpuSeconds).sum();
            out.append(String.format("  %-9s tool %.2f ms, PostgreSQL %.2f ms%n", type.getKey(), (tool1 - tool0) * 1000 / count,
                    (postgresCpu() - pg0) * 1000 / count));
        }
        return out.toString();
    }

    private String failover(String base, List<Course> courses, Tenant tenant, PayaraProcess victim) throws Exception {
        for (Course c : courses) c.team().start(base, Duration.ofSeconds(2));
        Load load = run(base, courses, 80, Duration.ofSeconds(45), () -> {
            try {
                victim.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        int lost = 0;
        int acknowledged = 0;
        int failedSaves = 0;
        for (Course c : courses) {
            c.team().stop();
            acknowledged += c.team().acknowledgedSaves();
            failedSaves += c.team().failures();
            lost += c.team().lostAfterRestart(base, tenant);
        }
        assertThat(lost).as("acknowledged saves missing after the failover").isZero();
        return String.format("failover, 80 participants + %d instructors and each team's members autosaving every 2 s through "
                        + "HAProxy, one of three instances killed (SIGKILL) a third of the way: %d of %d page requests failed "
                        + "(p99 %.1f ms); %d team autosaves acknowledged, %d failed, %d acknowledged saves missing afterwards%n",
                courses.size(), load.errors.get(), load.count(), load.p(99), acknowledged, failedSaves, lost);
    }

    /** Latencies by request type, and errors. */
    static final class Load {
        final Map<String, List<Long>> micros = new ConcurrentHashMap<>();
        final AtomicInteger errors = new AtomicInteger();
        double seconds;

        void time(String type, Runnable request) {
            long t = System.nanoTime();
            try {
                request.run();
                micros.computeIfAbsent(type, k -> Collections.synchronizedList(new ArrayList<>())).add((System.nanoTime() - t) / 1000);
            } catch (RuntimeException failed) {
                errors.incrementAndGet();
            }
        }

        int count() {
            return micros.values().stream().mapToInt(List::size).sum() + errors.get();
        }

        double rate() {
            return micros.values().stream().mapToInt(List::size).sum() / seconds;
        }

        double p(int percentile) {
            List<Long> all = new ArrayList<>();
            micros.values().forEach(all::addAll);
            return pct(all, percentile);
        }

        String byType() {
            StringBuilder out = new StringBuilder("(p99:");
            new java.util.TreeMap<>(micros).forEach((type, list) -> out.append(String.format(" %s %.0f", type, pct(list, 99))));
            return out.append(" ms)").toString();
        }

        static double pct(List<Long> values, int p) {
            List<Long> sorted = new ArrayList<>(values);
            if (sorted.isEmpty()) return 0;
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
        }
    }

    private static void get(String url) {
        HttpResponse<Void> r = send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build());
        if (r.statusCode() != 200) throw new IllegalStateException("GET " + r.statusCode());
    }

    private static void post(String url, Map<String, String> form) {
        // As the page's scripts send them: the autosave asks for JSON, the player's report takes what comes.
        String accept = url.endsWith("/progress") ? "*/*" : "application/json";
        HttpResponse<Void> r = send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(form))).build());
        if (r.statusCode() != 200) throw new IllegalStateException("POST " + r.statusCode());
    }

    private static HttpResponse<Void> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** CPU seconds of every PostgreSQL process on this machine (the test's embedded server). */
    private static double postgresCpu() throws Exception {
        double total = 0;
        Set<Long> seen = new HashSet<>();
        for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
            if (!p.info().command().orElse("").endsWith("/postgres") || !seen.add(p.pid())) continue;
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
            } catch (java.io.IOException gone) {
                // a backend that just ended
            }
        }
        return total;
    }

    private static long databaseBytes() throws Exception {
        try (var c = java.sql.DriverManager.getConnection(TestDatabase.jdbcUrl().replace("/postgres", "/busiest"), "postgres", "");
             var q = c.createStatement(); var r = q.executeQuery("SELECT pg_database_size(current_database())")) {
            r.next();
            return r.getLong(1);
        }
    }
}
