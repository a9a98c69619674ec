package org.innovadores.lti;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The registration page names the platform as its administrator knows it, not by its raw codes. */
class DynamicRegistrationResourceTest {

    @Test
    void platformsAreNamedAsPeopleCallThem() {
        // What a Moodle 5.1 sends in its openid configuration (fixtures/moodle-5.1/dynreg.json).
        assertThat(DynamicRegistrationResource.productName("moodle", "5.1 (Build: 20251006)")).isEqualTo("Moodle 5.1");
        assertThat(DynamicRegistrationResource.productName("moodle", "2025100600")).isEqualTo("Moodle");
        assertThat(DynamicRegistrationResource.productName("canvas", "cloud")).isEqualTo("Canvas cloud");
        assertThat(DynamicRegistrationResource.productName("desire2learn", "20.24.10")).isEqualTo("Brightspace 20.24.10");
        assertThat(DynamicRegistrationResource.productName("Open LMS", "")).isEqualTo("Open LMS");
    }
}
