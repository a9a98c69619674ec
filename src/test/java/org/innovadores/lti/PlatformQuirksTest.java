package org.innovadores.lti;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

/** What some platforms do differently: each rule, and that it applies to that platform alone. */
class PlatformQuirksTest {

    @Test
    void platformsAreNamedAsPeopleCallThem() {
        // What a Moodle 5.1 sends in its openid configuration (fixtures/moodle-5.1/dynreg.json).
        assertThat(PlatformQuirks.productName("moodle", "5.1 (Build: 20251006)")).isEqualTo("Moodle 5.1");
        assertThat(PlatformQuirks.productName("moodle", "2025100600")).isEqualTo("Moodle");
        assertThat(PlatformQuirks.productName("canvas", "cloud")).isEqualTo("Canvas cloud");
        assertThat(PlatformQuirks.productName("desire2learn", "20.24.10")).isEqualTo("Brightspace 20.24.10");
        assertThat(PlatformQuirks.productName("Open LMS", "")).isEqualTo("Open LMS");
    }

    @Test
    void hostedCanvasHandsOutItsOneIssuerFromEachCustomersHost() {
        String school = "https://school.instructure.com/api/lti/security/openid-configuration?registration_token=x";
        assertThat(PlatformQuirks.issuerServedBy("https://canvas.instructure.com", school)).isTrue();
        assertThat(PlatformQuirks.issuerServedBy("https://canvas.beta.instructure.com", school)).isTrue();
        // Any other platform: the issuer is on the configuration's own origin.
        assertThat(PlatformQuirks.issuerServedBy("https://moodle.example.gov.py", "https://moodle.example.gov.py/mod/lti/openid-configuration.php")).isTrue();
        assertThat(PlatformQuirks.issuerServedBy("https://moodle.example.gov.py", "https://evil.example.gov.py/openid-configuration")).isFalse();
        // Canvas's issuer from anywhere but an https host under instructure.com is not Canvas.
        assertThat(PlatformQuirks.issuerServedBy("https://canvas.instructure.com", "https://instructure.com.evil.org/config")).isFalse();
        assertThat(PlatformQuirks.issuerServedBy("https://canvas.instructure.com", "http://school.instructure.com/config")).isFalse();
        assertThat(PlatformQuirks.issuerServedBy("https://school.instructure.com", "https://other.instructure.com/config")).isFalse();
    }

    @Test
    void onlyCanvasIsToldItsPrivacyLevelAndPlacements() {
        JsonObject canvas = configuration("canvas");
        assertThat(canvas.getString("https://canvas.instructure.com/lti/privacy_level")).isEqualTo("public");
        assertThat(canvas.getJsonArray("messages").getJsonObject(0).getJsonArray("placements").getString(0)).isEqualTo("course_navigation");
        assertThat(canvas.getJsonArray("messages").getJsonObject(1).getString("type")).isEqualTo("LtiDeepLinkingRequest");
        assertThat(canvas.getJsonArray("messages").getJsonObject(1).getJsonArray("placements").toString()).contains("assignment_selection");
        JsonObject moodle = configuration("moodle");
        assertThat(moodle.containsKey("https://canvas.instructure.com/lti/privacy_level")).isFalse();
        assertThat(moodle.getJsonArray("messages").getJsonObject(0).containsKey("placements")).isFalse();
    }

    private static JsonObject configuration(String family) {
        JsonObjectBuilder builder = Json.createObjectBuilder().add("messages", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "LtiResourceLinkRequest")));
        PlatformQuirks.addToToolConfiguration(family, builder, "https://tool.example.org/course");
        return builder.build();
    }
}
