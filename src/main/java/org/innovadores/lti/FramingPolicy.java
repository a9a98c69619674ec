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
 * issuer, as Canvas's do) and the registered platforms' own origins, which covers an LMS served over
 * plain HTTP on localhost. Nothing else, so a plain-HTTP page elsewhere cannot frame it.
 */
@Provider
public class FramingPolicy implements ContainerResponseFilter {

    private static final long REFRESH_NANOS = 30_000_000_000L;

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
            Set<String> origins = new LinkedHashSet<>();
            origins.add("'self'");
            origins.add("https:");
            for (Platform platform : registry.all()) {
                origins.add(LoginInitiationResource.origin(platform.issuer()));
                origins.add(LoginInitiationResource.origin(platform.authorizationEndpoint()));
            }
            ancestors = String.join(" ", origins);
            computedAt = now;
        }
        return ancestors;
    }
}
