package org.innovadores.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoModeTest {

    @Test
    void onlyLoopbackListeningAndBaseUrlMayRunTheDemo() {
        assertThat(DemoMode.refusal("127.0.0.1", "localhost")).isEmpty();
        assertThat(DemoMode.refusal("::1", "127.0.0.1")).isEmpty();
        assertThat(DemoMode.refusal("127.0.0.2", "[::1]")).isEmpty();
        assertThat(DemoMode.refusal("0.0.0.0", "localhost")).get().asString().contains("HTTP_ADDRESS 0.0.0.0");
        assertThat(DemoMode.refusal("::", "localhost")).isPresent();
        assertThat(DemoMode.refusal("192.168.1.20", "localhost")).isPresent();
        assertThat(DemoMode.refusal("127.0.0.1", "innovadores.example.gov.py")).get().asString().contains("base URL");
        // A name that might resolve to loopback here is still a name others may resolve elsewhere.
        assertThat(DemoMode.refusal("127.0.0.1", "localhost.example.org")).isPresent();
        assertThat(DemoMode.refusal("", "localhost")).isPresent();
    }
}
