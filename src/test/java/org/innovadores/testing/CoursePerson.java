package org.innovadores.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.innovadores.lti.LtiClient;
import org.innovadores.lti.TestPlatform.Tenant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;

/**
 * Someone launched into a course by the test platform, browsing the tool the way a browser that
 * refuses the tool's cookie does: with the session token in every link and form.
 */
public record CoursePerson(String token, String landing) {

    public static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    public static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    public static final String CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";
    public static final String MENTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor";

    public static CoursePerson launch(Tenant tenant, String subject, String name, String role, String course,
                               Consumer<Map<String, Object>> more) {
        HttpResponse<String> launched = LtiClient.launchWith(tenant, claims -> {
            claims.put("sub", subject);
            claims.put("name", name);
            claims.put(CLAIM + "roles", List.of(role));
            claims.put(CLAIM + "context", Map.of("id", course, "title", "Curso " + course, "type", List.of("CourseSection")));
            more.accept(claims);
        });
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
        String location = launched.headers().firstValue("Location").orElseThrow();
        return new CoursePerson(location.substring(location.indexOf("s=") + 2), location.substring(0, location.indexOf('?')));
    }

    public static CoursePerson launch(Tenant tenant, String subject, String name, String role, String course) {
        return launch(tenant, subject, name, role, course, claims -> { });
    }

    public HttpResponse<String> get(String path) {
        return ToolHttp.get(withToken(path));
    }

    public Document page(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return Jsoup.parse(response.body(), ToolHttp.baseUrl() + path);
    }

    /** Posts the fields with this session's token and anti-forgery value, as the tool's forms do. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("s", token);
        all.putIfAbsent("csrf", csrf());
        return postRaw(path, LtiClient.form(all));
    }

    public HttpResponse<String> postRaw(String path, String body) {
        return ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Submits a form of a page as a browser would, after changing some of its fields. */
    public HttpResponse<String> submit(Document page, String formSelector, Map<String, String> changes, String action) {
        FormElement form = (FormElement) page.selectFirst(formSelector);
        assertThat(form).as(formSelector).isNotNull();
        StringBuilder body = new StringBuilder();
        Map<String, String> pending = new LinkedHashMap<>(changes);
        form.formData().forEach(kv -> {
            String value = pending.containsKey(kv.key()) ? pending.remove(kv.key()) : kv.value();
            append(body, kv.key(), value);
        });
        pending.forEach((k, v) -> append(body, k, v));
        if (action != null) append(body, "action", action);
        return postRaw(URI.create(form.attr("action")).getPath(), body.toString());
    }

    /** Fills the exercise at that path completely (see {@link ExerciseFiller}) and hands it in: the hand-in's answer. */
    public HttpResponse<String> handIn(String exercisePath) {
        HttpResponse<String> saved = post(exercisePath, ExerciseFiller.filled(page(exercisePath)));
        assertThat(saved.statusCode()).as("filled: " + saved.body()).isEqualTo(303);
        return post(exercisePath + "/status", Map.of("status", "SUBMITTED"));
    }

    /** Launched and on the course's home once, so the course knows them (as an LMS roster would). */
    public static CoursePerson seen(CoursePerson person) {
        person.page("/course");
        return person;
    }

    /** A team the instructor makes with one member; answers its id. */
    public static String team(CoursePerson teacher, String name, String member) {
        String id = idAfter(location(teacher.post("/course/teams", Map.of("name", name))), "/course/teams/");
        location(teacher.post("/course/teams/" + id + "/members", Map.of("subject", member)));
        return id;
    }

    public String csrf() {
        return page("/course/profile").selectFirst("input[name=csrf]").attr("value");
    }

    private String withToken(String path) {
        return path + (path.contains("?") ? "&" : "?") + "s=" + token;
    }

    private static void append(StringBuilder body, String key, String value) {
        if (!body.isEmpty()) body.append('&');
        body.append(LtiClient.form(Map.of(key, value)));
    }

    /** The Location of a 303 (failing with the page when it is something else). */
    public static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** The id after a prefix in a path, e.g. the team id of "/course/teams/{id}?s=…". */
    public static String idAfter(String location, String prefix) {
        return location.substring(location.indexOf(prefix) + prefix.length()).replaceAll("[/?#].*", "");
    }

    /** A test platform tenant, registered with the tool by dynamic registration. */
    public static Tenant registered(String name) {
        Tenant tenant = org.innovadores.lti.TestPlatform.get().tenant(name);
        LtiClient.register(tenant);
        return tenant;
    }
}
