package org.innovadores.lti;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashSet;
import java.util.Set;
import org.innovadores.web.SecurityHeaders;

/**
 * Who may frame the tool: any HTTPS site (an LMS's course pages may live on other hosts than its
 * issuer, as Canvas's do) and the plain-HTTP origins of registered platforms on this machine's
 * loopback (an LMS under development). HTTPS platforms are already covered by "https:", so the
 * header does not grow with the number of registrations: at most {@link #MAX_LOOPBACK_ORIGINS}
 * loopback origins are listed, keeping it well under the 8 KB that proxies and libcurl accept.
 */
@Provider
public class FramingPolicy implements ContainerResponseFilter {

    private static final long REFRESH_NANOS = 30_000_000_000L;
    static final int MAX_LOOPBACK_ORIGINS = 10;

    @Inject
    PlatformRegistry registry;

    private volatile String ancestors;
    private volatile long computedAt;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Content-Security-Policy",
                SecurityHeaders.CONTENT_SECURITY_POLICY + "; frame-ancestors " + ancestors());
    }

    private String ancestors() {
        long now = System.nanoTime();
        if (ancestors == null || now - computedAt > REFRESH_NANOS) {
            ancestors = ancestors(registry.all());
            computedAt = now;
        }
        return ancestors;
    }

    static String ancestors(Iterable<Platform> platforms) {
        Set<String> origins = new LinkedHashSet<>();
        origins.add("'self'");
        origins.add("https:");
        for (Platform platform : platforms) {
            for (String url : new String[]{platform.issuer(), platform.authorizationEndpoint()}) {
                String origin = LoginInitiationResource.origin(url);
                if (origin.startsWith("http:") && origins.size() < MAX_LOOPBACK_ORIGINS + 2) origins.add(origin);
            }
        }
        return String.join(" ", origins);
    }
}
