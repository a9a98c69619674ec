package org.innovadores.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.ToolHttp;

/** Plays the browser between a platform and the tool: login initiation, then the id_token post. */
public final class LtiClient {

    public static final String ADMIN_TOKEN = "it-admin-token-0123456789abcdef";

    private LtiClient() {
    }

    /** What the login answered: the state and nonce sent to the platform, and the state cookie. */
    public record Login(String state, String nonce, String stateCookie, HttpResponse<String> response) {
        public String cookieHeader() {
            return stateCookie == null ? null : "lti_state_" + state + "=" + stateCookie;
        }
    }

    public static Map<String, String> loginParameters(Tenant tenant) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("iss", tenant.iss);
        params.put("login_hint", "user-7");
        params.put("target_link_uri", ToolHttp.baseUrl() + "/course");
        params.put("lti_message_hint", "{\"cmid\":2,\"launchid\":\"ltilaunch1_1\"}");
        params.put("client_id", tenant.clientId);
        params.put("lti_deployment_id", tenant.deploymentId);
        return params;
    }

    public static HttpResponse<String> postLogin(Map<String, String> params) {
        return ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + "/lti/login"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build());
    }

    public static Login login(Tenant tenant) {
        return login(loginParameters(tenant));
    }

    public static Login login(Map<String, String> params) {
        HttpResponse<String> response = postLogin(params);
        assertThat(response.statusCode()).as("login answer: %s", response.body()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        Map<String, String> query = TestPlatform.query(location);
        String state = query.get("state");
        String cookie = stateCookie(response, state).orElse(null);
        return new Login(state, query.get("nonce"), cookie, response);
    }

    static Optional<String> stateCookie(HttpResponse<?> response, String state) {
        String prefix = "lti_state_" + state + "=";
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(prefix))
                .map(c -> c.substring(prefix.length(), c.indexOf(';'))).findFirst();
    }

    public static HttpResponse<String> launch(String idToken, String state, String cookieHeader) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (idToken != null) fields.put("id_token", idToken);
        if (state != null) fields.put("state", state);
        return launch(fields, cookieHeader);
    }

    public static HttpResponse<String> launch(Map<String, String> fields, String cookieHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + "/lti/launch"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (cookieHeader != null) request.header("Cookie", cookieHeader);
        return ToolHttp.send(request.build());
    }

    /** A full, valid launch with the given claims changes; answers the tool's response to the id_token post. */
    public static HttpResponse<String> launchWith(Tenant tenant, java.util.function.Consumer<Map<String, Object>> change) {
        Login login = login(tenant);
        Map<String, Object> claims = tenant.resourceLinkClaims(login.nonce());
        change.accept(claims);
        return launch(tenant.sign(claims), login.state(), login.cookieHeader());
    }

    /**
     * A full, valid launch into the tool at {@code base} (an instance of its own, not the test
     * container); answers the page token the launch handed out.
     */
    public static String launchAt(String base, Tenant tenant, java.util.function.Consumer<Map<String, Object>> change) {
        Map<String, String> params = loginParameters(tenant);
        params.put("target_link_uri", base + "/course");
        HttpResponse<String> login = ToolHttp.send(HttpRequest.newBuilder(URI.create(base + "/lti/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(params))).build());
        assertThat(login.statusCode()).isEqualTo(302);
        Map<String, String> query = TestPlatform.query(URI.create(login.headers().firstValue("Location").orElseThrow()));
        String state = query.get("state");
        Map<String, Object> claims = tenant.resourceLinkClaims(query.get("nonce"));
        claims.put(LtiClaims.TARGET_LINK_URI, base + "/course");
        change.accept(claims);
        HttpResponse<String> launched = ToolHttp.send(HttpRequest.newBuilder(URI.create(base + "/lti/launch"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "lti_state_" + state + "=" + stateCookie(login, state).orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("id_token", tenant.sign(claims), "state", state)))).build());
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
        String location = launched.headers().firstValue("Location").orElseThrow();
        return location.substring(location.indexOf("s=") + 2);
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The session cookie a launch set, as a Cookie header value. */
    public static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("innovadores_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst();
    }

    public static HttpResponse<String> adminPost(String path) {
        return ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Registers the tenant with the tool by dynamic registration, with a one-time link; once per tenant. */
    public static synchronized void register(Tenant tenant) {
        if (REGISTERED.contains(tenant.issuer)) return;
        String link = adminPost("/admin/api/registration-links").body().replaceAll(".*\"url\":\"([^\"]+)\".*", "$1");
        String ticket = link.substring(link.indexOf("ticket=") + 7);
        Map<String, String> fields = Map.of("openid_configuration", tenant.openidConfigurationUrl(),
                "registration_token", tenant.registrationToken, "ticket", ticket);
        HttpResponse<String> done = ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + "/lti/register"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        REGISTERED.add(tenant.issuer);
    }

    private static final List<String> REGISTERED = new java.util.concurrent.CopyOnWriteArrayList<>();
}
