package org.innovadores.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.PayaraProcess;
import org.innovadores.testing.ToolHttp;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the tool sharing one PostgreSQL: the same id_token and state posted to both at
 * the same moment is accepted by exactly one of them, every time; and a platform registered through
 * one may frame the other's pages at once.
 */
class TwoInstancesIT {

    private static final int ROUNDS = 12;

    @Test
    void neverBothAcceptOneNonce() throws Exception {

        try (PayaraProcess first = PayaraProcess.startReady(org.innovadores.testing.FreePort.any(), Map.of());
             PayaraProcess second = PayaraProcess.startReady(org.innovadores.testing.FreePort.any(), Map.of())) {
            Tenant moodle = TestPlatform.get().tenant("moodle", "m1Ox7QKye0VrzFh", "1");

            for (int round = 0; round < ROUNDS; round++) {
                Map<String, String> params = LtiClient.loginParameters(moodle);
                params.put("target_link_uri", first.baseUrl() + "/course");
                HttpResponse<String> login = ToolHttp.send(HttpRequest.newBuilder(URI.create(first.baseUrl() + "/lti/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(params))).build());
                assertThat(login.statusCode()).isEqualTo(302);
                Map<String, String> query = TestPlatform.query(URI.create(login.headers().firstValue("Location").orElseThrow()));
                String state = query.get("state");
                String cookie = "lti_state_" + state + "=" + LtiClient.stateCookie(login, state).orElseThrow();
                Map<String, Object> claims = moodle.resourceLinkClaims(query.get("nonce"));
                claims.put(LtiClaims.TARGET_LINK_URI, first.baseUrl() + "/course");
                String form = LtiClient.form(Map.of("id_token", moodle.sign(claims), "state", state));

                CountDownLatch go = new CountDownLatch(1);
                List<CompletableFuture<Integer>> posts = new ArrayList<>();
                for (PayaraProcess instance : List.of(first, second)) {
                    posts.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return ToolHttp.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/lti/launch"))
                                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                                .POST(HttpRequest.BodyPublishers.ofString(form)).build()).statusCode();
                    }));
                }
                go.countDown();
                List<Integer> statuses = posts.stream().map(CompletableFuture::join).toList();
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(303, 400);
            }

            // A platform registered through one instance frames the other's pages at once: nothing cached to wait for.
            Tenant intranet = TestPlatform.get().tenantElsewhere("two-instances-intranet");
            String origin = intranet.issuer.substring(0, intranet.issuer.indexOf("/p/"));
            assertThat(frameAncestors(second, "/")).doesNotContain(origin);
            String link = ToolHttp.send(HttpRequest.newBuilder(URI.create(first.baseUrl() + "/admin/api/registration-links"))
                    .header("Authorization", "Bearer " + LtiClient.ADMIN_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build())
                    .body().replaceAll(".*\"url\":\"([^\"]+)\".*", "$1");
            String ticket = link.substring(link.indexOf("ticket=") + 7);
            HttpResponse<String> done = ToolHttp.send(HttpRequest.newBuilder(URI.create(first.baseUrl() + "/lti/register"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(Map.of("openid_configuration", intranet.openidConfigurationUrl(),
                            "registration_token", intranet.registrationToken, "ticket", ticket)))).build());
            assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
            assertThat(frameAncestors(second, "/")).contains(origin);
            // And its teacher's first "add an activity" (a deep linking launch) through the other instance,
            // the moment after: the picker may be shown in the platform's frame.
            String token = LtiClient.launchAt(second.baseUrl(), intranet, claims -> {
                claims.put(LtiClaims.MESSAGE_TYPE, "LtiDeepLinkingRequest");
                claims.remove("https://purl.imsglobal.org/spec/lti/claim/resource_link");
                claims.put("https://purl.imsglobal.org/spec/lti/claim/roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"));
                claims.put("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", Map.of(
                        "deep_link_return_url", intranet.issuer + "/deep-linking-return", "accept_types", List.of("ltiResourceLink"),
                        "accept_presentation_document_targets", List.of("iframe", "window")));
            });
            HttpResponse<String> picker = ToolHttp.get(second.baseUrl() + "/deep-linking?s=" + token);
            assertThat(picker.statusCode()).as(picker.body()).isEqualTo(200);
            String policy = picker.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(policy.substring(policy.indexOf("frame-ancestors"))).contains(origin);

            // A registration removed through one instance is gone from the other's memory at once (NOTIFY):
            // the other had just served its login from its cache, and refuses the next one.
            Tenant removed = TestPlatform.get().tenantElsewhere("two-instances-removed");
            String ticket2 = adminLink(first);
            assertThat(ToolHttp.send(HttpRequest.newBuilder(URI.create(first.baseUrl() + "/lti/register"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(Map.of("openid_configuration", removed.openidConfigurationUrl(),
                            "registration_token", removed.registrationToken, "ticket", ticket2)))).build()).statusCode()).isEqualTo(200);
            String clientId = ToolHttp.send(HttpRequest.newBuilder(URI.create(first.baseUrl() + "/admin/api/platforms"))
                    .header("Authorization", "Bearer " + LtiClient.ADMIN_TOKEN).build()).body()
                    .replaceAll("(?s).*\"issuer\":\"" + java.util.regex.Pattern.quote(removed.issuer) + "\",\"client_id\":\"([^\"]+)\".*", "$1");
            assertThat(login(second, removed, clientId)).as("a login at the other instance, remembered there").isEqualTo(302);
            HttpResponse<String> gone = ToolHttp.send(HttpRequest.newBuilder(URI.create(first.baseUrl() + "/admin/api/platforms?issuer="
                    + java.net.URLEncoder.encode(removed.issuer, java.nio.charset.StandardCharsets.UTF_8) + "&client_id=" + clientId))
                    .header("Authorization", "Bearer " + LtiClient.ADMIN_TOKEN).DELETE().build());
            assertThat(gone.statusCode()).as(gone.body()).isIn(200, 204);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
            int refused;
            do {
                refused = login(second, removed, clientId);
            } while (refused == 302 && System.nanoTime() < deadline);
            assertThat(refused).as("refused at the other instance within 5 s, not after its 30 s cache").isBetween(400, 499);

            // Keys rotated through one instance are published by the other at once: its JWKS, kept in memory, follows.
            String before = ToolHttp.get(second.baseUrl() + "/lti/jwks").body();
            HttpResponse<String> rotated = ToolHttp.send(HttpRequest.newBuilder(URI.create(first.baseUrl() + "/admin/api/keys/rotate"))
                    .header("Authorization", "Bearer " + LtiClient.ADMIN_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
            String expected = ToolHttp.get(first.baseUrl() + "/lti/jwks").body();
            assertThat(expected).isNotEqualTo(before);
            long keysDeadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
            String seen;
            do {
                seen = ToolHttp.get(second.baseUrl() + "/lti/jwks").body();
            } while (!seen.equals(expected) && System.nanoTime() < keysDeadline);
            assertThat(seen).as("the other instance's published keys").isEqualTo(expected);
        }
    }

    private static String adminLink(PayaraProcess instance) {
        String link = ToolHttp.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/admin/api/registration-links"))
                .header("Authorization", "Bearer " + LtiClient.ADMIN_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build())
                .body().replaceAll(".*\"url\":\"([^\"]+)\".*", "$1");
        return link.substring(link.indexOf("ticket=") + 7);
    }

    private static int login(PayaraProcess instance, Tenant tenant, String clientId) {
        Map<String, String> params = LtiClient.loginParameters(tenant);
        params.put("client_id", clientId);
        params.remove("lti_deployment_id");
        params.put("target_link_uri", instance.baseUrl() + "/course");
        return ToolHttp.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/lti/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(params))).build()).statusCode();
    }

    private static String frameAncestors(PayaraProcess instance, String path) {
        String policy = ToolHttp.get(instance.baseUrl() + path).headers().firstValue("Content-Security-Policy").orElse("");
        return policy.substring(policy.indexOf("frame-ancestors"));
    }
}
