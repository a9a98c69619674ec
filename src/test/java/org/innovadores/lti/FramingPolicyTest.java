package org.innovadores.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who may frame the tool: a short header however many platforms register, the platform being
 * registered on its registration pages, and nothing that is not an origin.
 */
class FramingPolicyTest {

    @Test
    void twoThousandRegistrationsKeepTheHeaderShort() {
        List<String> origins = new ArrayList<>();
        for (int i = 0; i < 2000; i++) origins.add("http://192.168.1." + (i % 250) + ":" + (10000 + i));
        String ancestors = FramingPolicy.ancestors(origins, null);
        assertThat(ancestors).startsWith("'self' https:").contains("http://192.168.1.0:10000");
        assertThat(ancestors.split(" ")).hasSize(2 + FramingPolicy.MAX_HTTP_ORIGINS);
        assertThat(ancestors.length()).isLessThan(400);
    }

    @Test
    void theRegistrationPageIsFramedByThePlatformBeingRegisteredWhateverTheRest() {
        String registering = FramingPolicy.origin("http://moodle.intranet.gov.py/mod/lti/openid-configuration.php?token=x");
        assertThat(registering).isEqualTo("http://moodle.intranet.gov.py");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) many.add("http://10.0.0." + i);
        assertThat(FramingPolicy.ancestors(many, registering).split(" ")).contains("http://moodle.intranet.gov.py");
        // HTTPS is framed anyway; nothing but an origin reaches the header.
        assertThat(FramingPolicy.ancestors(List.of(), FramingPolicy.origin("https://lms.example.org/x"))).isEqualTo("'self' https:");
        assertThat(FramingPolicy.origin("javascript:alert(1)")).isNull();
        assertThat(FramingPolicy.origin("http://evil.example; script-src *")).isNull();
        assertThat(FramingPolicy.origin("http://user@evil.example/")).isNull();
        assertThat(FramingPolicy.origin("not a url")).isNull();
    }
}
