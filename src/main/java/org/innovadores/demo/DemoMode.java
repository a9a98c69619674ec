package org.innovadores.demo;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innovadores.lti.Outbound;
import org.innovadores.lti.ToolUrls;

/**
 * Whether the demo LMS runs. Never by default, and never where anyone but this machine could reach
 * it: its people sign in by a click, so it is refused unless both the address the tool listens on
 * and its public base URL are loopback.
 */
@ApplicationScoped
public class DemoMode {

    private static final Logger LOG = Logger.getLogger(DemoMode.class.getName());

    @Inject
    @ConfigProperty(name = "demo", defaultValue = "false")
    String demo;

    @Inject
    @ConfigProperty(name = "http.address", defaultValue = "127.0.0.1")
    String httpAddress;

    @Inject
    ToolUrls urls;

    private boolean enabled;

    @PostConstruct
    void decide() {
        if (!"true".equalsIgnoreCase(demo.strip())) return;
        Optional<String> refusal = refusal(httpAddress, URI.create(urls.base()).getHost());
        if (refusal.isPresent()) {
            LOG.severe(() -> "Demo mode refused: " + refusal.get());
            return;
        }
        enabled = true;
        LOG.warning(() -> "Demo mode: a demo LMS at " + urls.base() + "/demo signs people in by a click. Never use it for real work.");
    }

    public boolean enabled() {
        return enabled;
    }

    /** Why the demo may not run with this listening address and base URL host; empty when it may. */
    static Optional<String> refusal(String listening, String baseHost) {
        if (!Outbound.isLoopbackHost(listening)) return Optional.of("HTTP_ADDRESS " + listening + " is not a loopback address");
        if (!Outbound.isLoopbackHost(baseHost)) return Optional.of("the tool's base URL host " + baseHost + " is not a loopback address");
        return Optional.empty();
    }
}
