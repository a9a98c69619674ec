package org.innovadores.lti;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The URLs the tool hands an LMS, all derived from the configured public base URL. Each must equal
 * what the platform registered character for character (Moodle refuses even an added slash).
 */
@ApplicationScoped
public class ToolUrls {

    @Inject
    @ConfigProperty(name = "lti.tool.base-url")
    java.util.Optional<String> configured;

    @Inject
    @ConfigProperty(name = "port", defaultValue = "8080")
    String port;

    public String base() {
        String base = configured.filter(s -> !s.isBlank()).orElse("http://localhost:" + port);
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String login() { return base() + "/lti/login"; }
    public String launch() { return base() + "/lti/launch"; }
    public String jwks() { return base() + "/lti/jwks"; }
    public String registration() { return base() + "/lti/register"; }

    /** True when the URL is on the tool's own site (same scheme, host and port as the base URL). */
    public boolean isOwn(String url) {
        if (url == null) return false;
        try {
            URI candidate = new URI(url);
            URI own = new URI(base());
            return candidate.isAbsolute()
                    && own.getScheme().equalsIgnoreCase(candidate.getScheme())
                    && own.getHost().equalsIgnoreCase(candidate.getHost())
                    && own.getPort() == candidate.getPort()
                    && candidate.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return false;
        }
    }

    /** The host part of the base URL, for the LTI tool configuration's domain. */
    public String domain() {
        URI own = URI.create(base());
        return own.getPort() == -1 ? own.getHost() : own.getHost() + ":" + own.getPort();
    }
}
