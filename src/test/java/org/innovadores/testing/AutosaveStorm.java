package org.innovadores.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.innovadores.lti.LtiClient;
import org.innovadores.lti.TestPlatform.Tenant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Members of one team saving one exercise as fast as the page's script could, each into a field of
 * their own with a counter that only grows: what the tool acknowledged (200) is recorded, so after a
 * crash and a restart the test can count acknowledged saves the store no longer has.
 */
public final class AutosaveStorm {

    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    static final List<String> FIELDS = List.of("problema", "afectados", "donde-cuando", "mandato", "evidencia");

    public record Member(String subject, String token, String exercisePath, String field, Map<String, String> form) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Member> members = new ArrayList<>();
    /** The highest counter the tool acknowledged, per member. */
    private final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger saves = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    /** A course with one team of {@code size} (at most five) and its exercise "Problema inicial". */
    public AutosaveStorm(String base, Tenant tenant, int size) {
        String course = "storm-" + System.nanoTime();
        this.course = course;
        String teacher = launch(base, tenant, course + "-teacher", INSTRUCTOR, course);
        String teacherCsrf = csrf(base, teacher);
        String team = post(base, "/course/teams", teacher, teacherCsrf, Map.of("name", "Equipo"))
                .headers().firstValue("Location").orElseThrow().replaceAll(".*/course/teams/([^?]+).*", "$1");
        List<String[]> people = new ArrayList<>();
        for (int m = 0; m < size; m++) {
            String subject = course + "-" + m;
            String token = launch(base, tenant, subject, LEARNER, course);
            post(base, "/course/teams/" + team + "/members", teacher, teacherCsrf, Map.of("subject", subject));
            people.add(new String[] {subject, token, csrf(base, token)});
        }
        String exercise = post(base, "/course/teams/" + team + "/exercises", people.get(0)[1], people.get(0)[2],
                Map.of("module", "exploracion-institucional", "template", "problema-inicial"))
                .headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", "");
        for (int m = 0; m < size; m++) {
            String[] p = people.get(m);
            Document page = Jsoup.parse(ToolHttp.get(base + exercise + "?s=" + p[1]).body());
            Map<String, String> form = new LinkedHashMap<>();
            ((org.jsoup.nodes.FormElement) page.selectFirst("#exercise-form")).formData().forEach(kv -> form.put(kv.key(), kv.value()));
            members.add(new Member(p[0], p[1], exercise, FIELDS.get(m), form));
        }
    }

    private String course;

    /** The course the team is in (its LMS context id). */
    public String course() {
        return course;
    }

    public List<Member> members() {
        return members;
    }

    /** Starts every member saving every {@code period}, until {@link #stop()}. */
    public void start(String base, Duration period) {
        running.set(true);
        for (Member member : members) {
            threads.add(Thread.ofPlatform().daemon().start(() -> {
                int n = 0;
                while (running.get()) {
                    int next = ++n;
                    Map<String, String> form = new LinkedHashMap<>(member.form());
                    form.put("f." + member.field(), text(member, next));
                    try {
                        HttpResponse<String> saved = http.send(HttpRequest.newBuilder(URI.create(base + member.exercisePath()))
                                .timeout(Duration.ofSeconds(5))
                                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(form))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (saved.statusCode() == 200) {
                            acknowledged.merge(member.subject(), next, Math::max);
                            saves.incrementAndGet();
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception down) {
                        // The tool is being killed: what was not acknowledged is not counted.
                        failures.incrementAndGet();
                    }
                    try {
                        Thread.sleep(period.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
    }

    public void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) thread.join(10_000);
        threads.clear();
    }

    /** Saves answered with anything but 200, or not answered at all. */
    public int failures() {
        return failures.get();
    }

    public int acknowledgedSaves() {
        return saves.get();
    }

    /**
     * After the restart: how many members' acknowledged saves are missing from the store (the stored
     * counter is lower than the last acknowledged one), read at {@code base} with a fresh session each.
     */
    public int lostAfterRestart(String base, Tenant tenant) {
        int lost = 0;
        for (Member member : members) {
            String token = launch(base, tenant, member.subject(), LEARNER, null);
            Document page = Jsoup.parse(ToolHttp.get(base + member.exercisePath() + "?s=" + token).body());
            var field = page.getElementById("f." + member.field());
            assertThat(field).as("the exercise page after the restart").isNotNull();
            String stored = field.tagName().equals("textarea") ? field.text() : field.attr("value");
            int storedCounter = stored.isBlank() ? 0 : Integer.parseInt(stored.strip().replaceAll(".* ", ""));
            if (storedCounter < acknowledged.getOrDefault(member.subject(), 0)) lost++;
        }
        return lost;
    }

    private static String text(Member member, int n) {
        return member.subject() + " escribe " + n;
    }

    private final Map<String, String> courses = new ConcurrentHashMap<>();

    private String launch(String base, Tenant tenant, String subject, String role, String course) {
        if (course != null) courses.put(subject, course);
        return launchInto(base, tenant, subject, role, courses.get(subject));
    }

    /** A launch of this person into this course at the tool at {@code base}; answers the page token. */
    public static String launchInto(String base, Tenant tenant, String subject, String role, String course) {
        String token = LtiClient.launchAt(base, tenant, claims -> {
            claims.put("sub", subject);
            claims.put("name", subject);
            claims.put("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(role));
            claims.put("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", course, "title", course));
        });
        ToolHttp.get(base + "/course?s=" + token);
        return token;
    }

    public static String csrf(String base, String token) {
        return Jsoup.parse(ToolHttp.get(base + "/course/profile?s=" + token).body()).selectFirst("input[name=csrf]").attr("value");
    }

    /** A form post of this session, as the tool's forms send it; it must answer 303. */
    public static HttpResponse<String> post(String base, String path, String token, String csrf, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("s", token);
        all.put("csrf", csrf);
        HttpResponse<String> response = ToolHttp.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(all))).build());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(303);
        return response;
    }
}
