package org.innovadores.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.Deployments;
import org.innovadores.testing.TestSession;
import org.innovadores.testing.ToolHttp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Canvas, Brightspace, Blackboard Learn and Sakai, each as its fixture says it launches (the claims
 * and endpoints its public documentation shows, in src/test/resources/fixtures), registered by file
 * with its own issuer, client and deployment: a resource link launch opens the course in the person's
 * language with their name, and a deep linking request opens the picker and answers a signed response
 * addressed to that platform's return URL, naming its deployment and echoing its data.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OtherPlatformsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.toolWar();
    }

    /** Each LMS with the language its fixture's locale asks for. */
    private static final Map<String, String> LANGUAGE = Map.of("canvas", "en", "brightspace", "es", "blackboard", "es", "sakai", "es");

    @Test
    void eachLmsLaunchesIntoItsCourseAndDeepLinksAProgramItem() throws Exception {
        for (String lms : List.of("canvas", "brightspace", "blackboard", "sakai")) {
            Map<String, Object> fixture = TestSession.fixture(lms);
            Map<String, Object> registration = TestSession.fixtureRegistration(lms);
            Tenant tenant = TestPlatform.get().tenantActingAs(lms + "-fixture", (String) registration.get("issuer"),
                    (String) registration.get("client_id"), (String) registration.get("deployment_id"));

            HttpResponse<String> launched = launch(tenant, claims(fixture, "launch"));
            assertThat(launched.statusCode()).as(lms + ": " + launched.body()).isEqualTo(303);
            String location = launched.headers().firstValue("Location").orElseThrow();
            Document course = Jsoup.parse(ToolHttp.get(location).body());
            assertThat(course.selectFirst("html").attr("lang")).as(lms).isEqualTo(LANGUAGE.get(lms));
            // Instructors land on the cohort; the programme's page greets the person by the name the LMS sent.
            String token = location.substring(location.indexOf("s=") + 2);
            assertThat(Jsoup.parse(ToolHttp.get("/course?s=" + token).body()).text()).as(lms)
                    .contains((String) claims(fixture, "launch").get("name"));

            HttpResponse<String> picking = launch(tenant, claims(fixture, "deep_linking"));
            assertThat(picking.statusCode()).as(lms + ": " + picking.body()).isEqualTo(303);
            String landing = picking.headers().firstValue("Location").orElseThrow();
            CoursePerson instructor = new CoursePerson(landing.substring(landing.indexOf("s=") + 2), landing.substring(0, landing.indexOf('?')));
            assertThat(ToolHttp.get(landing).body()).as(lms + ": the picker").contains("/deep-linking");
            HttpResponse<String> chosen = instructor.postRaw("/deep-linking", LtiClient.form(Map.of("s", instructor.token(),
                    "csrf", instructor.csrf(), "item", "module/descubrimiento")));
            assertThat(chosen.statusCode()).as(lms + ": " + chosen.body()).isEqualTo(200);
            Document answer = Jsoup.parse(chosen.body());
            @SuppressWarnings("unchecked")
            Map<String, Object> settings = (Map<String, Object>) claims(fixture, "deep_linking")
                    .get("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings");
            assertThat(answer.selectFirst("#deep-linking-return").attr("action")).as(lms).isEqualTo(settings.get("deep_link_return_url"));
            String jwt = answer.selectFirst("#deep-linking-return input[name=JWT]").attr("value");
            Map<String, Object> response = org.jose4j.jwt.JwtClaims.parse(new String(java.util.Base64.getUrlDecoder()
                    .decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8)).getClaimsMap();
            assertThat(response).as(lms).containsEntry("iss", registration.get("client_id")).containsEntry("aud", registration.get("issuer"))
                    .containsEntry(LtiClaims.DEPLOYMENT_ID, registration.get("deployment_id"));
            if (settings.get("data") != null) {
                assertThat(response).as(lms).containsEntry("https://purl.imsglobal.org/spec/lti-dl/claim/data", settings.get("data"));
            }
            assertThat((List<?>) response.get("https://purl.imsglobal.org/spec/lti-dl/claim/content_items")).as(lms).hasSize(1);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(Map<String, Object> fixture, String message) {
        return (Map<String, Object>) fixture.get(message);
    }

    /** The fixture's claims, with what each launch makes anew: issuer, audience, nonce, times, deployment and target. */
    private static HttpResponse<String> launch(Tenant tenant, Map<String, Object> fixture) {
        return LtiClient.launchWith(tenant, claims -> {
            Map<String, Object> fresh = new LinkedHashMap<>();
            for (String kept : List.of("iss", "aud", "nonce", "iat", "exp", LtiClaims.DEPLOYMENT_ID, LtiClaims.TARGET_LINK_URI)) {
                fresh.put(kept, claims.get(kept));
            }
            claims.clear();
            claims.putAll(fixture);
            claims.putAll(fresh);
        });
    }
}
