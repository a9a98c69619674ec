package org.innovadores.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.innovadores.lti.LtiClient.Login;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.Deployments;
import org.innovadores.testing.ToolHttp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OIDC login and launch end to end on Payara Micro, against the test platform: every launch the
 * tool must accept, and every one it must refuse with a 4xx, a readable message and no session.
 */
@ExtendWith(ArquillianExtension.class)
class LaunchIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.toolWar(LaunchIT.class);
    }

    private static Tenant registered(String name) {
        Tenant tenant = TestPlatform.get().tenant(name);
        LtiClient.register(tenant);
        return tenant;
    }

    private static void assertRefused(HttpResponse<String> response, String readable) {
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.body()).contains(readable).doesNotContain("Exception");
        assertThat(LtiClient.sessionCookie(response)).as("no session for a refused launch").isEmpty();
    }

    // --- what must be accepted -------------------------------------------------------------------

    @Test
    @RunAsClient
    void validLaunchLandsOnTheCoursePageAndTheSessionHoldsWithoutCookies() {
        Tenant tenant = registered("valid");
        HttpResponse<String> launched = LtiClient.launchWith(tenant, c -> { });
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
        String cookie = LtiClient.sessionCookie(launched).orElseThrow();
        assertThat(launched.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("innovadores_session=").contains("SameSite=None").contains("Secure")
                        .contains("HttpOnly").contains("Partitioned"));
        String first = launched.headers().firstValue("Location").orElseThrow();
        assertThat(first).startsWith("/course?s=");

        // A browser that drops the cookie still has the token in the link.
        HttpResponse<String> course = ToolHttp.get(first);
        assertThat(course.statusCode()).isEqualTo(200);
        assertThat(course.body()).contains("Hola, Ana Pérez").contains("Innovadores 2026").contains("participante");
        String profileLink = course.body().replaceAll("(?s).*id=\"profile-link\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        HttpResponse<String> profile = ToolHttp.get(profileLink);
        assertThat(profile.statusCode()).isEqualTo(200);

        // The form carries the token and the anti-forgery value; the choice is kept for the session.
        String token = field(profile.body(), "s");
        String csrf = field(profile.body(), "csrf");
        HttpResponse<String> saved = postForm("/course/profile", Map.of("s", token, "csrf", csrf, "language", "en"), null);
        assertThat(saved.statusCode()).isEqualTo(303);
        HttpResponse<String> english = ToolHttp.get(saved.headers().firstValue("Location").orElseThrow());
        assertThat(english.body()).contains("<html lang=\"en\">").contains("Preference saved");

        // The cookie alone also works where the browser keeps it.
        assertThat(ToolHttp.get("/course", "Cookie", cookie).statusCode()).isEqualTo(200);
    }

    @Test
    @RunAsClient
    void theLanguageComesFromTheLaunchUntilThePersonChoosesTheirOwn() {
        Tenant tenant = registered("language");
        java.util.function.BiFunction<String, String, String> landing = (subject, locale) -> {
            HttpResponse<String> launched = LtiClient.launchWith(tenant, c -> {
                c.put("sub", subject);
                c.put(LtiClaims.LAUNCH_PRESENTATION, Map.of("locale", locale, "document_target", "iframe"));
            });
            assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
            return launched.headers().firstValue("Location").orElseThrow();
        };
        // The LMS's locale, in its several spellings; an unknown one falls back to Spanish.
        assertThat(ToolHttp.get(landing.apply("lang-1", "en-GB")).body()).contains("<html lang=\"en\">");
        assertThat(ToolHttp.get(landing.apply("lang-1", "es_PY")).body()).contains("<html lang=\"es\">");
        assertThat(ToolHttp.get(landing.apply("lang-1", "de")).body()).contains("<html lang=\"es\">");

        // Lara chooses English in one session: it applies to her other open session and to later launches.
        String other = landing.apply("lang-1", "es");
        String first = landing.apply("lang-1", "es");
        String token = first.substring(first.indexOf("s=") + 2);
        String csrf = field(ToolHttp.get("/course/profile?s=" + token).body(), "csrf");
        assertThat(postForm("/course/profile", Map.of("s", token, "csrf", csrf, "language", "en"), null).statusCode()).isEqualTo(303);
        assertThat(ToolHttp.get(other).body()).contains("<html lang=\"en\">");
        assertThat(ToolHttp.get(landing.apply("lang-1", "es")).body()).contains("<html lang=\"en\">").contains("Hello");
        // Even an error page speaks the person's language, not the browser's.
        HttpResponse<String> missing = ToolHttp.get("/course/modules/no-such-module?s=" + token, "Accept-Language", "es-PY,es");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<html lang=\"en\">");
        assertThat(ToolHttp.get("/no-such-page", "Accept-Language", "es-PY,es").body()).contains("<html lang=\"es\">");
        // Someone else in the same LMS still gets the LMS's language.
        assertThat(ToolHttp.get(landing.apply("lang-2", "es")).body()).contains("<html lang=\"es\">");
        // A language the tool does not speak is refused and changes nothing.
        assertThat(postForm("/course/profile", Map.of("s", token, "csrf", csrf, "language", "fr"), null).statusCode()).isEqualTo(400);
        assertThat(ToolHttp.get(landing.apply("lang-1", "es")).body()).contains("<html lang=\"en\">");
    }

    @Test
    @RunAsClient
    void formsWithoutTheAntiForgeryValueOrSessionAreRefusedAndChangeNothing() {
        Tenant tenant = registered("csrf");
        HttpResponse<String> launched = LtiClient.launchWith(tenant, c -> { });
        String cookie = LtiClient.sessionCookie(launched).orElseThrow();
        HttpResponse<String> forged = postForm("/course/profile", Map.of("language", "en"), cookie);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ToolHttp.get("/course", "Cookie", cookie).body()).contains("<html lang=\"es\">");
        assertThat(ToolHttp.get("/course").statusCode()).isEqualTo(401);
        assertThat(ToolHttp.get("/course?s=forged.99999999999.AAAA").statusCode()).isEqualTo(401);
    }

    @Test
    @RunAsClient
    void acceptsMultipleShortUnknownAndNoRoles() {
        Tenant tenant = registered("roles");
        HttpResponse<String> many = LtiClient.launchWith(tenant, c -> c.put(LtiClaims.ROLES, List.of(
                "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor",
                "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
                "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor")));
        // An instructor among them: the course lead's home, the cohort.
        assertThat(many.headers().firstValue("Location").orElseThrow()).startsWith("/course/cohort?s=");
        assertThat(ToolHttp.get(many.headers().firstValue("Location").orElseThrow()).statusCode()).isEqualTo(200);
        HttpResponse<String> shortName = LtiClient.launchWith(tenant, c -> c.put(LtiClaims.ROLES, List.of("TeachingAssistant")));
        assertThat(ToolHttp.get(shortName.headers().firstValue("Location").orElseThrow()).body()).contains("mentor");
        HttpResponse<String> unknown = LtiClient.launchWith(tenant, c -> c.put(LtiClaims.ROLES, List.of("urn:example:role#Wizard")));
        assertThat(ToolHttp.get(unknown.headers().firstValue("Location").orElseThrow()).body()).contains("participante");
        HttpResponse<String> none = LtiClient.launchWith(tenant, c -> c.put(LtiClaims.ROLES, List.of()));
        assertThat(none.statusCode()).isEqualTo(303);
    }

    @Test
    @RunAsClient
    void acceptsNoPersonalDataAndNoContext() {
        Tenant tenant = registered("nopii");
        HttpResponse<String> launched = LtiClient.launchWith(tenant, c -> {
            c.remove("name");
            c.remove("email");
            c.remove(LtiClaims.CONTEXT);
        });
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
        String landing = launched.headers().firstValue("Location").orElseThrow();
        assertThat(ToolHttp.get(landing).body()).contains("Hola.").contains("id=\"no-course\"");
        assertThat(ToolHttp.get(landing.replace("/course?", "/course/modules/descubrimiento?")).statusCode()).isEqualTo(400);
    }

    @Test
    @RunAsClient
    void followsAPlatformThatRotatedItsKey() {
        Tenant tenant = registered("rotation");
        assertThat(LtiClient.launchWith(tenant, c -> { }).statusCode()).isEqualTo(303);
        tenant.rotateKey();
        HttpResponse<String> afterRotation = LtiClient.launchWith(tenant, c -> { });
        assertThat(afterRotation.statusCode()).as(afterRotation.body()).isEqualTo(303);
    }

    @Test
    @RunAsClient
    void moodleFixtureClaimsResignedByTheTestPlatformAreAccepted() throws Exception {
        // Registered by file (lti-config/platforms/moodle.json) with the captured client and deployment ids.
        Tenant moodle = TestPlatform.get().tenant("moodle", "m1Ox7QKye0VrzFh", "1");
        for (String fixture : List.of("launch-claims.json", "deeplink-claims.json", "launch-claims-deeplinked-item.json")) {
            // Captured from a real Moodle 5.1 (src/test/resources/moodle-5.1).
            Map<String, Object> capture;
            try (var in = LaunchIT.class.getResourceAsStream("/moodle-5.1/" + fixture)) {
                capture = org.jose4j.json.JsonUtil.parseJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> claims = new java.util.LinkedHashMap<>((Map<String, Object>) capture.get("id_token_claims"));
            @SuppressWarnings("unchecked")
            Map<String, String> loginParams = new java.util.LinkedHashMap<>((Map<String, String>) capture.get("login_initiation_params"));
            loginParams.put("iss", moodle.issuer);
            loginParams.put("target_link_uri", ToolHttp.baseUrl() + "/course");
            Login login = LtiClient.login(loginParams);
            long now = java.time.Instant.now().getEpochSecond();
            claims.put("iss", moodle.issuer);
            claims.put("nonce", login.nonce());
            claims.put("iat", now);
            claims.put("exp", now + 60);
            claims.put(LtiClaims.TARGET_LINK_URI, ToolHttp.baseUrl() + "/course");
            HttpResponse<String> launched = LtiClient.launch(moodle.sign(claims), login.state(), login.cookieHeader());
            assertThat(launched.statusCode()).as(fixture + ": " + launched.body()).isEqualTo(303);
        }
    }

    @Test
    @RunAsClient
    void platformStorageBindsTheLoginWhereTheBrowserDropsTheCookie() {
        Tenant tenant = registered("storage");
        Map<String, String> params = LtiClient.loginParameters(tenant);
        params.put("lti_storage_target", "post_message_forwarding");
        HttpResponse<String> put = LtiClient.postLogin(params);
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).contains("data-action=\"put\"").contains("data-target=\"post_message_forwarding\"")
                .contains("data-origin=\"http://127.0.0.1:" + Integer.getInteger("it.platform.port", 18700) + "\"");
        String next = attribute(put.body(), "data-next");
        Map<String, String> query = TestPlatform.query(URI.create(next));
        String state = query.get("state");
        assertThat(attribute(put.body(), "data-key")).isEqualTo("lti_state_" + state);
        String stored = attribute(put.body(), "data-value");
        String idToken = tenant.sign(tenant.resourceLinkClaims(query.get("nonce")));

        // No cookie came back: the tool asks the platform's storage before it trusts the post.
        HttpResponse<String> get = LtiClient.launch(idToken, state, null);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).contains("data-action=\"get\"").contains("lti-storage.js");
        String check = field(get.body(), "storage_check");

        // A forger who knows the state but not this browser's stored value is refused.
        assertRefused(fromStoragePage(Map.of("id_token", idToken, "state", state, "storage_check", check,
                "storage_value", "guessed"), "same-origin"), "cookies");
        assertRefused(fromStoragePage(Map.of("id_token", idToken, "state", state, "storage_check", "guessed",
                "storage_value", stored), "same-origin"), "cookies");
        // The whole proof, posted from another site (login CSRF: an attacker replaying their own
        // login into a victim's browser), is refused; so is one that says nothing of where it came from.
        Map<String, String> proof = Map.of("id_token", idToken, "state", state, "storage_check", check, "storage_value", stored);
        assertRefused(fromStoragePage(proof, "cross-site"), "cookies");
        assertRefused(LtiClient.launch(proof, null), "cookies");
        HttpResponse<String> foreignOrigin = ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + "/lti/launch"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://attacker.example")
                .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(proof))).build());
        assertRefused(foreignOrigin, "cookies");
        // From the tool's own storage page, the same proof signs the person in.
        HttpResponse<String> launched = fromStoragePage(proof, "same-origin");
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
    }

    /** A post as the tool's storage page makes it: the browser says where it comes from. */
    private static HttpResponse<String> fromStoragePage(Map<String, String> fields, String secFetchSite) {
        return ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + "/lti/launch"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", secFetchSite)
                .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(fields))).build());
    }

    @Test
    @RunAsClient
    void aLinkWithSomeoneElsesTokenDoesNotActAsThemOverTheBrowsersOwnPerson() {
        Tenant tenant = registered("two-people");
        HttpResponse<String> mine = LtiClient.launchWith(tenant, c -> c.put("sub", "me"));
        String myCookie = LtiClient.sessionCookie(mine).orElseThrow();
        HttpResponse<String> theirs = LtiClient.launchWith(tenant, c -> c.put("sub", "someone-else"));
        String theirLink = theirs.headers().firstValue("Location").orElseThrow();
        // Opened as a page of its own in my browser: refused, with a page that says why.
        HttpResponse<String> topLevel = ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + theirLink))
                .header("Cookie", myCookie).header("Sec-Fetch-Dest", "document").build());
        assertThat(topLevel.statusCode()).isEqualTo(409);
        assertThat(topLevel.body()).contains("otra persona");
        // In the LMS's frame, where the LMS chose who is launching, the link's person is used.
        assertThat(ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + theirLink))
                .header("Cookie", myCookie).header("Sec-Fetch-Dest", "iframe").build()).statusCode()).isEqualTo(200);
        // My own link in my own browser works as a page of its own.
        assertThat(ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + mine.headers().firstValue("Location").orElseThrow()))
                .header("Cookie", myCookie).header("Sec-Fetch-Dest", "document").build()).statusCode()).isEqualTo(200);
    }

    @Test
    @RunAsClient
    void overLongButValidClaimsAreShortenedNeverA500() {
        Tenant tenant = registered("long-claims");
        HttpResponse<String> launched = LtiClient.launchWith(tenant, c -> {
            c.put("name", "N".repeat(300));
            c.put("email", "e".repeat(300) + "@example.org");
            c.put("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", "long-course", "title", "T".repeat(600)));
            c.put("https://purl.imsglobal.org/spec/lti/claim/launch_presentation", Map.of("locale", "es-PY-" + "x".repeat(80)));
        });
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
        HttpResponse<String> page = ToolHttp.get(launched.headers().firstValue("Location").orElseThrow());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"es\"").doesNotContain("N".repeat(201));
        // An id over the specification's 255 characters is refused, with a page, before anything is stored.
        HttpResponse<String> longId = LtiClient.launchWith(tenant, c -> c.put("https://purl.imsglobal.org/spec/lti/claim/context",
                Map.of("id", "c".repeat(256), "title", "Curso")));
        assertRefused(longId, "LTI");
    }

    @Test
    @RunAsClient
    void keysBehindARedirectAreNotFollowed() {
        Tenant tenant = registered("jwks-redirect");
        Tenant elsewhere = TestPlatform.get().tenant("jwks-elsewhere");
        tenant.jwksRedirect = elsewhere.issuer + "/jwks";
        try {
            int before = elsewhere.jwksFetches.get();
            HttpResponse<String> launched = LtiClient.launchWith(tenant, c -> { });
            assertThat(launched.statusCode()).as("the keys were behind a redirect, which is not followed").isBetween(400, 499);
            assertThat(tenant.jwksFetches.get()).as("the platform's own JWKS URL was asked").isPositive();
            assertThat(elsewhere.jwksFetches.get()).as("nothing fetched where the redirect pointed").isEqualTo(before);
        } finally {
            tenant.jwksRedirect = null;
        }
    }

    // --- what must be refused --------------------------------------------------------------------

    @Test
    @RunAsClient
    void refusesABadSignature() throws Exception {
        Tenant tenant = registered("badsig");
        Login login = LtiClient.login(tenant);
        var stranger = RsaJwkGenerator.generateJwk(2048);
        // The published kid, but a key the platform never had.
        String forged = tenant.sign(tenant.resourceLinkClaims(login.nonce()), stranger, currentKid(tenant),
                AlgorithmIdentifiers.RSA_USING_SHA256);
        assertRefused(LtiClient.launch(forged, login.state(), login.cookieHeader()), "firma");
    }

    @Test
    @RunAsClient
    void refusesAnUnknownKidAfterOneRateLimitedRefetchOfTheKeys() throws Exception {
        Tenant tenant = registered("unknownkid");
        assertThat(LtiClient.launchWith(tenant, c -> { }).statusCode()).isEqualTo(303);
        int fetched = tenant.jwksFetches.get();
        var stranger = RsaJwkGenerator.generateJwk(2048);
        for (int attempt = 0; attempt < 3; attempt++) {
            Login login = LtiClient.login(tenant);
            assertRefused(LtiClient.launch(tenant.sign(tenant.resourceLinkClaims(login.nonce()), stranger, "never-published-" + attempt,
                    AlgorithmIdentifiers.RSA_USING_SHA256), login.state(), login.cookieHeader()), "firma");
        }
        // The first unknown kid made the tool look again; the next ones, within the rate limit, did not.
        assertThat(tenant.jwksFetches.get()).isEqualTo(fetched + 1);
    }

    @Test
    @RunAsClient
    void refusesAlgNoneAndHmac() {
        Tenant tenant = registered("alg");
        Login login = LtiClient.login(tenant);
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + currentKid(tenant) + "\"}");
        String payload = b64(org.jose4j.json.JsonUtil.toJson(tenant.resourceLinkClaims(login.nonce())));
        assertRefused(LtiClient.launch(header + "." + payload + ".", login.state(), login.cookieHeader()), "token");

        Login second = LtiClient.login(tenant);
        String hmac = Tenant.sign(tenant.resourceLinkClaims(second.nonce()),
                new HmacKey("a shared secret of thirty-two bytes!".getBytes(StandardCharsets.UTF_8)), currentKid(tenant),
                AlgorithmIdentifiers.HMAC_SHA256);
        assertRefused(LtiClient.launch(hmac, second.state(), second.cookieHeader()), "firma");
    }

    @Test
    @RunAsClient
    void refusesExpiredAndFutureTokens() {
        Tenant tenant = registered("time");
        long now = java.time.Instant.now().getEpochSecond();
        assertRefused(LtiClient.launchWith(tenant, c -> { c.put("iat", now - 400); c.put("exp", now - 300); }), "caduc");
        assertRefused(LtiClient.launchWith(tenant, c -> { c.put("iat", now + 600); c.put("exp", now + 660); }), "caduc");
    }

    @Test
    @RunAsClient
    void refusesWrongIssuerAudienceAndSeveralAudiencesWithoutAzp() {
        Tenant tenant = registered("aud");
        Tenant other = registered("aud-other");
        // Signed by the right platform, but naming another issuer: no registration matches the login.
        assertRefused(LtiClient.launchWith(tenant, c -> c.put("iss", other.issuer)), "registrada");
        assertRefused(LtiClient.launchWith(tenant, c -> c.put("aud", "someone-else")), "registrada");
        assertRefused(LtiClient.launchWith(tenant, c -> c.put("aud", List.of(tenant.clientId, "someone-else"))), "dirigido");
        assertRefused(LtiClient.launchWith(tenant, c -> {
            c.put("aud", List.of(tenant.clientId, "someone-else"));
            c.put("azp", "someone-else");
        }), "registrada");
        HttpResponse<String> withAzp = LtiClient.launchWith(tenant, c -> {
            c.put("aud", List.of(tenant.clientId, "someone-else"));
            c.put("azp", tenant.clientId);
        });
        assertThat(withAzp.statusCode()).isEqualTo(303);
    }

    @Test
    @RunAsClient
    void refusesANonceNotIssuedForTheState() {
        Tenant tenant = registered("nonce");
        assertRefused(LtiClient.launchWith(tenant, c -> c.put("nonce", "not-the-nonce")), "no corresponde");
        assertRefused(LtiClient.launchWith(tenant, c -> c.remove("nonce")), "no corresponde");
    }

    @Test
    @RunAsClient
    void refusesAStateNotIssuedToThisBrowserAndOffersANewWindow() {
        Tenant tenant = registered("csrf-login");
        Login login = LtiClient.login(tenant);
        String idToken = tenant.sign(tenant.resourceLinkClaims(login.nonce()));
        HttpResponse<String> noCookie = LtiClient.launch(idToken, login.state(), null);
        assertRefused(noCookie, "cookies de terceros");
        assertThat(noCookie.body()).contains("target=\"_blank\"").contains("/lti/login?");
        assertRefused(LtiClient.launch(idToken, login.state(), "lti_state_" + login.state() + "=someone-elses"), "cookies");
        assertRefused(LtiClient.launch(idToken, "never-issued", login.cookieHeader()), "no fue emitido");
        assertRefused(LtiClient.launch(idToken, null, login.cookieHeader()), "no fue emitido");
    }

    @Test
    @RunAsClient
    void refusesAReplayedIdTokenPost() {
        Tenant tenant = registered("replay");
        Login login = LtiClient.login(tenant);
        String idToken = tenant.sign(tenant.resourceLinkClaims(login.nonce()));
        assertThat(LtiClient.launch(idToken, login.state(), login.cookieHeader()).statusCode()).isEqualTo(303);
        assertRefused(LtiClient.launch(idToken, login.state(), login.cookieHeader()), "ya se usó");
    }

    @Test
    @RunAsClient
    void refusesAnUnknownDeployment() {
        Tenant tenant = registered("deployment");
        assertRefused(LtiClient.launchWith(tenant, c -> c.put(LtiClaims.DEPLOYMENT_ID, "not-deployed")), "instalación");
        assertRefused(LtiClient.launchWith(tenant, c -> c.remove(LtiClaims.DEPLOYMENT_ID)), "instalación");
    }

    @Test
    @RunAsClient
    void refusesMissingOrWrongVersionMessageTypeRolesAndResourceLink() {
        Tenant tenant = registered("claims");
        assertRefused(LtiClient.launchWith(tenant, c -> c.remove(LtiClaims.VERSION)), "1.3.0");
        assertRefused(LtiClient.launchWith(tenant, c -> c.put(LtiClaims.VERSION, "1.1")), "1.3.0");
        assertRefused(LtiClient.launchWith(tenant, c -> c.remove(LtiClaims.MESSAGE_TYPE)), "tipo de mensaje");
        assertRefused(LtiClient.launchWith(tenant, c -> c.put(LtiClaims.MESSAGE_TYPE, "LtiSubmissionReviewRequest")), "tipo de mensaje");
        assertRefused(LtiClient.launchWith(tenant, c -> c.remove(LtiClaims.ROLES)), "roles");
        assertRefused(LtiClient.launchWith(tenant, c -> c.put(LtiClaims.ROLES, "Learner")), "roles");
        assertRefused(LtiClient.launchWith(tenant, c -> c.remove(LtiClaims.RESOURCE_LINK)), "enlace");
        assertRefused(LtiClient.launchWith(tenant, c -> c.put(LtiClaims.RESOURCE_LINK, Map.of("title", "no id"))), "enlace");
        assertRefused(LtiClient.launchWith(tenant, c -> c.put(LtiClaims.MESSAGE_TYPE, "LtiDeepLinkingRequest")), "enlace");
    }

    @Test
    @RunAsClient
    void refusesGarbageAndOversizedTokens() {
        Tenant tenant = registered("garbage");
        Login login = LtiClient.login(tenant);
        assertRefused(LtiClient.launch("garbage", login.state(), login.cookieHeader()), "no es válido");
        assertRefused(LtiClient.launch("a.b.c", login.state(), login.cookieHeader()), "no es válido");
        assertRefused(LtiClient.launch("x".repeat(70_000), login.state(), login.cookieHeader()), "no es válido");
        assertRefused(LtiClient.launch(null, login.state(), login.cookieHeader()), "no envió");
        // The state survives garbage: the real token still launches.
        assertThat(LtiClient.launch(tenant.sign(tenant.resourceLinkClaims(login.nonce())), login.state(),
                login.cookieHeader()).statusCode()).isEqualTo(303);
    }

    @Test
    @RunAsClient
    void loginRefusesUnknownIssuerMissingHintAndOffSiteTargets() {
        Tenant tenant = registered("login");
        Map<String, String> unknown = LtiClient.loginParameters(tenant);
        unknown.put("iss", "https://unknown.example.org");
        assertRefused(LtiClient.postLogin(unknown), "no está registrada");
        Map<String, String> noHint = LtiClient.loginParameters(tenant);
        noHint.remove("login_hint");
        assertRefused(LtiClient.postLogin(noHint), "login_hint");
        for (String offSite : List.of("https://evil.example.org/course", "http://localhost.evil.example.org/x",
                "//evil.example.org/", "javascript:alert(1)")) {
            Map<String, String> params = LtiClient.loginParameters(tenant);
            params.put("target_link_uri", offSite);
            HttpResponse<String> refused = LtiClient.postLogin(params);
            assertRefused(refused, "no pertenece");
            assertThat(refused.headers().firstValue("Location")).isEmpty();
        }
        // GET works like POST.
        HttpResponse<String> get = ToolHttp.get("/lti/login?" + LtiClient.form(LtiClient.loginParameters(tenant)));
        assertThat(get.statusCode()).isEqualTo(302);
        URI location = URI.create(get.headers().firstValue("Location").orElseThrow());
        Map<String, String> query = TestPlatform.query(location);
        assertThat(location.toString()).startsWith(tenant.authorizationEndpoint() + "?");
        assertThat(query).containsEntry("scope", "openid").containsEntry("response_type", "id_token")
                .containsEntry("response_mode", "form_post").containsEntry("prompt", "none")
                .containsEntry("client_id", tenant.clientId).containsEntry("login_hint", "user-7")
                .containsEntry("redirect_uri", ToolHttp.baseUrl() + "/lti/launch")
                .containsEntry("lti_message_hint", "{\"cmid\":2,\"launchid\":\"ltilaunch1_1\"}");
        assertThat(query.get("state")).hasSizeGreaterThan(30);
        assertThat(query.get("nonce")).hasSizeGreaterThan(30).isNotEqualTo(query.get("state"));
    }

    // --- registration and keys -------------------------------------------------------------------

    @Test
    @RunAsClient
    void dynamicRegistrationNeedsAOneTimeLinkAndRegistersWhatThePlatformAnswers() {
        Tenant tenant = TestPlatform.get().tenant("dynreg");
        String query = "openid_configuration=" + java.net.URLEncoder.encode(tenant.openidConfigurationUrl(), StandardCharsets.UTF_8)
                + "&registration_token=" + tenant.registrationToken;
        assertThat(ToolHttp.get("/lti/register?" + query).statusCode()).isEqualTo(403);
        assertThat(ToolHttp.get("/lti/register?" + query + "&ticket=made-up").statusCode()).isEqualTo(403);

        String link = LtiClient.adminPost("/admin/api/registration-links").body().replaceAll(".*\"url\":\"([^\"]+)\".*", "$1");
        assertThat(link).startsWith(ToolHttp.baseUrl() + "/lti/register?ticket=");
        String ticket = link.substring(link.indexOf("ticket=") + 7);
        HttpResponse<String> confirm = ToolHttp.get("/lti/register?" + query + "&ticket=" + ticket);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains(tenant.issuer).contains("method=\"post\"");

        Map<String, String> fields = Map.of("openid_configuration", tenant.openidConfigurationUrl(),
                "registration_token", tenant.registrationToken, "ticket", ticket);
        HttpResponse<String> done = postForm("/lti/register", fields, null);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("registration-close.js").contains(tenant.clientId);
        assertThat(tenant.lastRegistrationAuthorization).isEqualTo("Bearer " + tenant.registrationToken);
        Map<String, Object> request = tenant.lastRegistrationRequest;
        assertThat(request).containsEntry("initiate_login_uri", ToolHttp.baseUrl() + "/lti/login")
                .containsEntry("redirect_uris", List.of(ToolHttp.baseUrl() + "/lti/launch"))
                .containsEntry("jwks_uri", ToolHttp.baseUrl() + "/lti/jwks")
                .containsEntry("token_endpoint_auth_method", "private_key_jwt")
                .containsEntry("response_types", List.of("id_token"));
        assertThat((String) request.get("scope")).contains("https://purl.imsglobal.org/spec/lti-ags/scope/score")
                .doesNotContain("lineitem.readonly"); // only scopes the platform offers
        assertThat(request.get("https://purl.imsglobal.org/spec/lti-tool-configuration").toString()).contains("LtiDeepLinkingRequest");

        // The link is spent; the registered platform launches with the deployment it answered.
        assertThat(postForm("/lti/register", fields, null).statusCode()).isEqualTo(403);
        assertThat(LtiClient.launchWith(tenant, c -> { }).statusCode()).isEqualTo(303);
    }

    @Test
    @RunAsClient
    void theRegistrationPagesAreFramedByThePlatformBeingRegisteredSpeakItsLanguageAndFramingFollowsAtOnce() {
        // A Moodle on another host of the local network, over plain HTTP, not registered yet.
        Tenant tenant = TestPlatform.get().tenantElsewhere("dynreg-elsewhere");
        String origin = tenant.issuer.substring(0, tenant.issuer.indexOf("/p/"));
        assertThat(origin).startsWith("http://127.0.0.").doesNotStartWith("http://127.0.0.1:");
        assertThat(frameAncestors(ToolHttp.get("/", "Accept-Language", "en"))).doesNotContain(origin);
        String link = LtiClient.adminPost("/admin/api/registration-links").body().replaceAll(".*\"url\":\"([^\"]+)\".*", "$1");
        String ticket = link.substring(link.indexOf("ticket=") + 7);
        String query = "openid_configuration=" + java.net.URLEncoder.encode(tenant.openidConfigurationUrl(), StandardCharsets.UTF_8)
                + "&registration_token=" + tenant.registrationToken + "&ticket=" + ticket;
        HttpResponse<String> confirm = ToolHttp.get("/lti/register?" + query, "Accept-Language", "en-GB,en;q=0.9");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(frameAncestors(confirm)).as("shown in the platform's own dialog").contains(origin);
        assertThat(confirm.body()).contains("<html lang=\"en\"").contains("Register");
        // A refusal on those pages shows in the dialog too.
        assertThat(frameAncestors(ToolHttp.get("/lti/register?" + query.replace(ticket, "made-up")))).contains(origin);

        HttpResponse<String> done = ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + "/lti/register"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(Map.of("openid_configuration", tenant.openidConfigurationUrl(),
                        "registration_token", tenant.registrationToken, "ticket", ticket)))).build());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(frameAncestors(done)).contains(origin);
        assertThat(done.body()).contains("<html lang=\"en\"");
        // Registered: every page may now be framed by it, at once (no cache to wait for).
        assertThat(frameAncestors(ToolHttp.get("/"))).contains(origin);
        // Spanish for a Spanish browser, and the platform by its name.
        assertThat(ToolHttp.get("/lti/register?" + query, "Accept-Language", "es-PY").body()).contains("<html lang=\"es\"");
    }

    private static String frameAncestors(HttpResponse<String> response) {
        String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
        return policy.substring(policy.indexOf("frame-ancestors"));
    }

    @Test
    @RunAsClient
    void thereIsNoDemoLmsUnlessAskedFor() {
        for (String path : List.of("/demo", "/demo/jwks", "/demo/course?as=demo-ana",
                "/demo/authorize?scope=openid&response_type=id_token&response_mode=form_post&prompt=none&client_id=innovadores-demo")) {
            assertThat(ToolHttp.get(path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(admin("GET", "/admin/api/platforms").body()).doesNotContain("/demo\"");
    }

    @Test
    @RunAsClient
    void aRegistrationNeverReplacesAnotherAndAnUnusedOneCanBeRemoved() {
        Tenant tenant = registered("collide");
        String platformsBefore = admin("GET", "/admin/api/platforms").body();
        HttpResponse<String> again = registerWithNewLink(tenant);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("ya está registrada");
        assertThat(admin("GET", "/admin/api/platforms").body()).isEqualTo(platformsBefore);

        String query = "/admin/api/platforms?issuer=" + java.net.URLEncoder.encode(tenant.issuer, StandardCharsets.UTF_8)
                + "&client_id=" + java.net.URLEncoder.encode(tenant.clientId, StandardCharsets.UTF_8);
        assertThat(ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + query)).DELETE().build()).statusCode())
                .as("removal needs the admin token").isEqualTo(401);
        assertThat(admin("DELETE", query).statusCode()).isEqualTo(204);
        assertThat(admin("GET", "/admin/api/platforms").body()).doesNotContain(tenant.issuer + "\"");
        HttpResponse<String> login = LtiClient.postLogin(LtiClient.loginParameters(tenant));
        assertThat(login.statusCode()).as("a removed platform cannot log anyone in").isEqualTo(400);
        assertThat(admin("DELETE", query).statusCode()).isEqualTo(404);

        // A registration whose course holds a program is kept: that course's work must outlive it.
        Tenant used = registered("collide-used");
        org.innovadores.testing.CoursePerson.launch(used, "teacher", "Docente", org.innovadores.testing.CoursePerson.INSTRUCTOR,
                "used-course").page("/course");
        assertThat(admin("DELETE", "/admin/api/platforms?issuer=" + java.net.URLEncoder.encode(used.issuer, StandardCharsets.UTF_8)
                + "&client_id=" + used.clientId).statusCode()).isEqualTo(409);
        assertThat(LtiClient.launchWith(used, c -> { }).statusCode()).isEqualTo(303);

        // Disabled instead: its logins are refused with a page that says so, and nothing of it is gone.
        String usedQuery = "?issuer=" + java.net.URLEncoder.encode(used.issuer, StandardCharsets.UTF_8) + "&client_id=" + used.clientId;
        assertThat(ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + "/admin/api/platforms/disable" + usedQuery))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).as("disabling needs the admin token").isEqualTo(401);
        assertThat(admin("POST", "/admin/api/platforms/disable" + usedQuery).statusCode()).isEqualTo(204);
        assertThat(admin("GET", "/admin/api/platforms").body()).contains("\"issuer\":\"" + used.issuer + "\"")
                .containsPattern("\"" + java.util.regex.Pattern.quote(used.issuer) + "\",\"client_id\":\"[^\"]+\",\"source\":\"[A-Z]+\",\"disabled\":true");
        HttpResponse<String> refused = LtiClient.postLogin(LtiClient.loginParameters(used));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("desactivado").contains("se conserva");
        assertThat(admin("POST", "/admin/api/platforms/disable?issuer=nowhere&client_id=x").statusCode()).isEqualTo(404);
        assertThat(admin("POST", "/admin/api/platforms/enable" + usedQuery).statusCode()).isEqualTo(204);
        assertThat(LtiClient.launchWith(used, c -> { }).statusCode()).isEqualTo(303);
    }

    @Test
    @RunAsClient
    void aRegistrationEndpointOffThePlatformsHostIsNeverCalled() {
        Tenant tenant = TestPlatform.get().tenant("registration-elsewhere");
        tenant.registrationEndpoint = "http://127.0.0.2:" + Integer.getInteger("it.platform.port", 18700) + "/p/registration-elsewhere/register";
        HttpResponse<String> refused = registerWithNewLink(tenant);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(tenant.lastRegistrationAuthorization).as("the registration token went nowhere").isNull();
    }

    private static HttpResponse<String> registerWithNewLink(Tenant tenant) {
        String link = LtiClient.adminPost("/admin/api/registration-links").body().replaceAll(".*\"url\":\"([^\"]+)\".*", "$1");
        return postForm("/lti/register", Map.of("openid_configuration", tenant.openidConfigurationUrl(),
                "registration_token", tenant.registrationToken, "ticket", link.substring(link.indexOf("ticket=") + 7)), null);
    }

    private static HttpResponse<String> admin(String method, String path) {
        return ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + path))
                .header("Authorization", "Bearer " + LtiClient.ADMIN_TOKEN).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    @RunAsClient
    void dynamicRegistrationRefusesAnIssuerOffTheConfigurationsOrigin() {
        String link = LtiClient.adminPost("/admin/api/registration-links").body().replaceAll(".*\"url\":\"([^\"]+)\".*", "$1");
        String ticket = link.substring(link.indexOf("ticket=") + 7);
        HttpResponse<String> refused = ToolHttp.get("/lti/register?openid_configuration="
                + java.net.URLEncoder.encode("http://localhost:" + Integer.getInteger("it.platform.port", 18700)
                + "/p/dynreg/.well-known/openid-configuration", StandardCharsets.UTF_8) + "&registration_token=x&ticket=" + ticket);
        TestPlatform.get().tenant("dynreg");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("issuer");
    }

    @Test
    @RunAsClient
    void anLmsAdministratorMintsARegistrationLinkFromTheAdminPage() {
        Tenant tenant = registered("admin-page");
        HttpResponse<String> admin = LtiClient.launchWith(tenant, c -> c.put(LtiClaims.ROLES,
                List.of("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator")));
        HttpResponse<String> course = ToolHttp.get(admin.headers().firstValue("Location").orElseThrow());
        String adminLink = course.body().replaceAll("(?s).*id=\"admin-link\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        HttpResponse<String> page = ToolHttp.get(adminLink);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(tenant.issuer).contains(tenant.clientId).contains(tenant.deploymentId);
        HttpResponse<String> minted = postForm("/admin/registration-links",
                Map.of("s", field(page.body(), "s"), "csrf", field(page.body(), "csrf")), null);
        assertThat(minted.statusCode()).isEqualTo(200);
        assertThat(minted.body()).contains(ToolHttp.baseUrl() + "/lti/register?ticket=");
        assertThat(postForm("/admin/registration-links", Map.of("s", field(page.body(), "s")), null).statusCode()).isEqualTo(403);

        // The page lists the courses that opened the tool and the links this administrator made, by a reference, never the secret.
        String second = postForm("/admin/registration-links", Map.of("s", field(page.body(), "s"), "csrf", field(page.body(), "csrf")), null)
                .body().replaceAll("(?s).*id=\"new-link\"[^>]*value=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        org.jsoup.nodes.Document listed = org.jsoup.Jsoup.parse(ToolHttp.get(adminLink).body());
        assertThat(listed.select("#courses tbody tr")).isNotEmpty();
        assertThat(listed.select("#links tbody tr")).hasSize(2);
        assertThat(listed.select("#links .state").eachText()).containsOnly("Sin usar");
        assertThat(listed.select("#links").outerHtml()).doesNotContain(second.substring(second.indexOf("ticket=") + 7));
        // Withdrawn: the link no longer opens the registration, and the list says so.
        String ref = listed.selectFirst("#links input[name=ref]").val();
        HttpResponse<String> revoked = postForm("/admin/registration-links/revoke", Map.of("s", field(page.body(), "s"),
                "csrf", field(page.body(), "csrf"), "ref", ref), null);
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(ToolHttp.get(second.substring(ToolHttp.baseUrl().length())).statusCode()).as("the newest, withdrawn").isEqualTo(403);
        org.jsoup.nodes.Document after = org.jsoup.Jsoup.parse(ToolHttp.get(adminLink).body());
        assertThat(after.select("#links .state").eachText()).containsExactly("Retirado", "Sin usar");
        assertThat(postForm("/admin/registration-links/revoke", Map.of("s", field(page.body(), "s"), "csrf", field(page.body(), "csrf"),
                "ref", ref), null).statusCode()).as("only once").isEqualTo(404);
        assertThat(postForm("/admin/registration-links/revoke", Map.of("s", field(page.body(), "s"), "csrf", field(page.body(), "csrf"),
                "ref", "not-a-ref"), null).statusCode()).isEqualTo(404);

        // A learner sees no admin link and is refused the page.
        HttpResponse<String> learner = LtiClient.launchWith(tenant, c -> { });
        String learnerCourse = learner.headers().firstValue("Location").orElseThrow();
        assertThat(ToolHttp.get(learnerCourse).body()).doesNotContain("admin-link");
        assertThat(ToolHttp.get(learnerCourse.replace("/course?", "/admin?")).statusCode()).isEqualTo(403);
    }

    @Test
    @RunAsClient
    void adminApiNeedsItsTokenAndRotatesKeysWithAnOverlap() {
        HttpResponse<String> anonymous = ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + "/admin/api/keys/rotate"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        Map<String, Object> before = jwks();
        List<?> keysBefore = (List<?>) before.get("keys");
        assertThat(keysBefore).isNotEmpty();
        assertThat(keysBefore.getFirst().toString()).contains("kid").contains("RS256").contains("sig").doesNotContain("\"d\"");

        LtiClient.adminPost("/admin/api/keys/rotate"); // publishes a next key
        List<?> withNext = (List<?>) jwks().get("keys");
        assertThat(withNext).hasSize(keysBefore.size() + 1);
        LtiClient.adminPost("/admin/api/keys/rotate"); // switches; the old one stays published for the overlap
        assertThat((List<?>) jwks().get("keys")).hasSize(keysBefore.size() + 1);
        for (Object key : (List<?>) jwks().get("keys")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> jwk = (Map<String, Object>) key;
            assertThat(jwk).containsKeys("kid", "alg", "use").doesNotContainKey("d");
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static Map<String, Object> jwks() {
        try {
            return org.jose4j.json.JsonUtil.parseJson(ToolHttp.get("/lti/jwks").body());
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String currentKid(Tenant tenant) {
        String header = new String(Base64.getUrlDecoder().decode(tenant.sign(Map.of("x", 1)).split("\\.")[0]), StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String attribute(String html, String name) {
        return html.replaceAll("(?s).*" + name + "=\"([^\"]*)\".*", "$1").replace("&amp;", "&");
    }

    static String field(String html, String name) {
        return html.replaceAll("(?s).*name=\"" + name + "\" value=\"([^\"]*)\".*", "$1");
    }

    static HttpResponse<String> postForm(String path, Map<String, String> fields, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(fields)));
        if (cookie != null) request.header("Cookie", cookie);
        return ToolHttp.send(request.build());
    }
}
