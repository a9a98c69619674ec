package org.innovadores.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may frame the tool stays a short header however many platforms register. */
class FramingPolicyTest {

    @Test
    void twoThousandRegistrationsKeepTheHeaderShort() {
        List<Platform> platforms = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            platforms.add(new Platform("https://lms" + i + ".example.org", "client-" + i, "LMS " + i,
                    "https://auth" + i + ".example.org/auth", null, "https://lms" + i + ".example.org/jwks", Platform.Source.DYNAMIC));
            platforms.add(new Platform("http://localhost:" + (10000 + i), "dev-" + i, "Dev " + i,
                    "http://127.0.0.1:" + (10000 + i) + "/auth", null, "http://localhost:" + (10000 + i) + "/jwks", Platform.Source.DYNAMIC));
        }
        String ancestors = FramingPolicy.ancestors(platforms);
        assertThat(ancestors).startsWith("'self' https:").contains("http://localhost:10000").doesNotContain("example.org");
        assertThat(ancestors.split(" ")).hasSize(2 + FramingPolicy.MAX_LOOPBACK_ORIGINS);
        assertThat(ancestors.length()).isLessThan(400);
    }
}
