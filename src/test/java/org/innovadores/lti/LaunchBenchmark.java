package org.innovadores.lti;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.PayaraProcess;
import org.junit.jupiter.api.Test;

/**
 * Launch cost, run with {@code mvn -Pbenchmark verify}: full launches (login initiation, id_token
 * post, first page) at 4 concurrent launches against the packaged tool on PostgreSQL, next to a
 * trivial request to the same server in the same run. Reports launches/s, p50/p99 latency and the
 * tool process's CPU time per launch. A benchmark, not a test: it only fails on errors.
 */
class LaunchBenchmark {

    private static final int CONCURRENCY = 4;
    private static final int WARMUP_LAUNCHES = Integer.getInteger("benchmark.warmup", 8000);
    private static final int LAUNCHES = Integer.getInteger("benchmark.launches", 3000);
    /** JIT compilation settles only after a few thousand launches on this machine. */
    private static final Duration TIME_LIMIT = Duration.ofMinutes(4);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

    @Test
    void launchCost() throws Exception {
        int port = org.innovadores.testing.FreePort.any();
        // The heap deploy/run gives it (the JVM's default), not the tests' small one.
        try (PayaraProcess tool = PayaraProcess.startReady(port, Map.of("jvm.heap", System.getProperty("benchmark.gc", "-XX:+UseG1GC"),
                // The load generator is one address launching thousands a minute: not the limit under test.
                "lti.login.rate-per-address", "1000000", "lti.login.rate-per-platform", "1000000"))) {
            Tenant moodle = TestPlatform.get().tenant("moodle", "m1Ox7QKye0VrzFh", "1");
            String base = tool.baseUrl();

            // The course's teacher opens the tool once, so the course has its program and every
            // participant's first page is the full program overview with their progress.
            String teacherPage = base + loginAndPostIdToken(moodle, base, List.of(INSTRUCTOR)).headers().firstValue("Location").orElseThrow();
            page(base, teacherPage);

            run(CONCURRENCY, WARMUP_LAUNCHES, () -> launch(moodle, base));
            run(CONCURRENCY, WARMUP_LAUNCHES, () -> trivial(base));

            double cpuBefore = tool.cpuSeconds();
            Result launches = run(CONCURRENCY, LAUNCHES, () -> launch(moodle, base));
            double launchCpu = tool.cpuSeconds() - cpuBefore;

            cpuBefore = tool.cpuSeconds();
            Result trivial = run(CONCURRENCY, LAUNCHES, () -> trivial(base));
            double trivialCpu = tool.cpuSeconds() - cpuBefore;

            // Where a launch's cost goes: its first and last requests alone.
            cpuBefore = tool.cpuSeconds();
            Result logins = run(CONCURRENCY, LAUNCHES, () -> loginOnly(moodle, base));
            double loginCpu = tool.cpuSeconds() - cpuBefore;
            String firstPage = firstPageUrl(moodle, base);
            cpuBefore = tool.cpuSeconds();
            Result pages = run(CONCURRENCY, LAUNCHES, () -> page(base, firstPage));
            double pageCpu = tool.cpuSeconds() - cpuBefore;

            String report = String.join("\n",
                    "Launch benchmark: " + CONCURRENCY + " concurrent, " + LAUNCHES + " each after " + WARMUP_LAUNCHES + " warm-up",
                    launches.line("full launch (login, id_token post, first page)", launchCpu),
                    trivial.line("trivial request (GET /static/tool.css)", trivialCpu),
                    logins.line("  of which: login initiation alone", loginCpu),
                    pages.line("  of which: first page alone (token in URL)", pageCpu),
                    "");
            System.out.println(report);
            Path out = Path.of(System.getProperty("project.dir", "."), "target", "benchmark", "launch.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            assertThat(launches.errors).as("launch errors").isZero();
            assertThat(trivial.errors).as("trivial request errors").isZero();
        }
    }

    private void launch(Tenant tenant, String base) throws Exception {
        HttpResponse<Void> launched = loginAndPostIdToken(tenant, base);
        String session = launched.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("innovadores_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + launched.headers().firstValue("Location").orElseThrow()))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200 || !page.body().contains("Descubrimiento")) {
            throw new IllegalStateException("first page " + page.statusCode());
        }
    }

    /** Login initiation, then the id_token post as the platform's form would send it; answers the 303. */
    private HttpResponse<Void> loginAndPostIdToken(Tenant tenant, String base) throws Exception {
        return loginAndPostIdToken(tenant, base, null);
    }

    private HttpResponse<Void> loginAndPostIdToken(Tenant tenant, String base, List<String> roles) throws Exception {
        HttpResponse<Void> login = postLogin(tenant, base);
        Map<String, String> query = TestPlatform.query(URI.create(login.headers().firstValue("Location").orElseThrow()));
        String state = query.get("state");
        String cookie = "lti_state_" + state + "=" + LtiClient.stateCookie(login, state).orElseThrow();
        Map<String, Object> claims = tenant.resourceLinkClaims(query.get("nonce"));
        claims.put(LtiClaims.TARGET_LINK_URI, base + "/course");
        if (roles != null) claims.put(LtiClaims.ROLES, roles);
        HttpResponse<Void> launched = http.send(HttpRequest.newBuilder(URI.create(base + "/lti/launch"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(Map.of("id_token", tenant.sign(claims), "state", state))))
                .build(), HttpResponse.BodyHandlers.discarding());
        if (launched.statusCode() != 303) throw new IllegalStateException("launch " + launched.statusCode());
        return launched;
    }

    private HttpResponse<Void> postLogin(Tenant tenant, String base) throws Exception {
        Map<String, String> params = LtiClient.loginParameters(tenant);
        params.put("target_link_uri", base + "/course");
        HttpResponse<Void> login = http.send(HttpRequest.newBuilder(URI.create(base + "/lti/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(params))).build(), HttpResponse.BodyHandlers.discarding());
        if (login.statusCode() != 302) throw new IllegalStateException("login " + login.statusCode());
        return login;
    }

    private void loginOnly(Tenant tenant, String base) throws Exception {
        postLogin(tenant, base);
    }

    private String firstPageUrl(Tenant tenant, String base) throws Exception {
        return base + loginAndPostIdToken(tenant, base).headers().firstValue("Location").orElseThrow();
    }

    private void page(String base, String url) throws Exception {
        HttpResponse<Void> page = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
        if (page.statusCode() != 200) throw new IllegalStateException("page " + page.statusCode());
    }

    private void trivial(String base) throws Exception {
        HttpResponse<Void> css = http.send(HttpRequest.newBuilder(URI.create(base + "/static/tool.css")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (css.statusCode() != 200) throw new IllegalStateException("css " + css.statusCode());
    }

    interface Action {
        void run() throws Exception;
    }

    record Result(int count, int errors, double seconds, List<Long> latenciesNanos) {
        double percentileMillis(double p) {
            if (latenciesNanos.isEmpty()) return Double.NaN;
            int index = (int) Math.ceil(p * latenciesNanos.size()) - 1;
            return latenciesNanos.get(Math.max(0, index)) / 1e6;
        }

        String line(String what, double cpuSeconds) {
            return String.format("%-50s %7.1f /s  p50 %6.2f ms  p99 %6.2f ms  tool CPU %5.2f ms each  errors %d",
                    what, count / seconds, percentileMillis(0.50), percentileMillis(0.99), cpuSeconds * 1000 / count, errors);
        }
    }

    private static Result run(int threads, int total, Action action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger remaining = new AtomicInteger(total);
        AtomicInteger errors = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                    long began = System.nanoTime();
                    try {
                        action.run();
                        latencies.add(System.nanoTime() - began);
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 3) e.printStackTrace();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) worker.get();
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(sorted.size(), errors.get(), seconds, sorted);
    }
}
