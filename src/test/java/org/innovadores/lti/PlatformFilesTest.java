package org.innovadores.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformFilesTest {

    @TempDir
    Path folder;

    @Test
    void readsAValidRegistration() throws IOException {
        Files.writeString(folder.resolve("moodle.json"), """
                {"name": "Moodle", "issuer": "https://moodle.example.org", "client_id": "abc",
                 "deployment_ids": ["1", "2"],
                 "authorization_endpoint": "https://moodle.example.org/mod/lti/auth.php",
                 "token_endpoint": "https://moodle.example.org/mod/lti/token.php",
                 "jwks_uri": "https://moodle.example.org/mod/lti/certs.php"}
                """);
        List<PlatformFiles.Outcome> outcomes = PlatformFiles.readAll(folder);
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.getFirst().problems()).isEmpty();
        assertThat(outcomes.getFirst().registration().deploymentIds()).containsExactly("1", "2");
        assertThat(outcomes.getFirst().registration().clientId()).isEqualTo("abc");
    }

    @Test
    void namesEveryProblemOfABadFile() throws IOException {
        Files.writeString(folder.resolve("bad.json"), """
                {"issuer": "http://moodle.example.org", "client_id": 42, "deployment_ids": [],
                 "authorization_endpoint": "ftp://x", "jwks_uri": "https://user:pw@moodle.example.org/certs"}
                """);
        Files.writeString(folder.resolve("garbage.json"), "not json at all");
        Files.writeString(folder.resolve("ignored.txt"), "{}");
        List<PlatformFiles.Outcome> outcomes = PlatformFiles.readAll(folder);
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(0).problems()).anyMatch(p -> p.contains("issuer must use https"))
                .anyMatch(p -> p.contains("client_id must be a string"))
                .anyMatch(p -> p.contains("deployment_ids must be a non-empty array"))
                .anyMatch(p -> p.contains("authorization_endpoint must be an absolute https URL"))
                .anyMatch(p -> p.contains("jwks_uri must not carry credentials"));
        assertThat(outcomes.get(1).problems()).singleElement().asString().startsWith("not a JSON object");
    }

    @Test
    void plainHttpIsOnlyForLoopback() {
        List<String> problems = new java.util.ArrayList<>();
        PlatformRegistration.urlProblem("issuer", "http://127.0.0.1:8700", problems, Outbound::isLoopbackHost);
        PlatformRegistration.urlProblem("issuer", "http://localhost/moodle", problems, Outbound::isLoopbackHost);
        assertThat(problems).isEmpty();
        PlatformRegistration.urlProblem("issuer", "http://10.0.0.5/moodle", problems, Outbound::isLoopbackHost);
        assertThat(problems).hasSize(1);
    }
}
