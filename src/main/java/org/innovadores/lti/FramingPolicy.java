package org.innovadores.lti;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may frame the tool's pages: any HTTPS site (an LMS's course pages may live on other hosts than
 * its issuer, as Canvas's do), the plain-HTTP origins of the registered platforms (a Moodle on a local
 * network), and, on the registration pages, the origin of the platform being registered (whatever its
 * scheme: it is not registered yet, and it shows those pages in its own dialog).
 *
 * <p>The registered origins are read from the store for every page, so a registration made a moment
 * ago, on this instance or another, frames at once; it is one query on a table of a few rows, and only
 * HTML answers, the only ones a browser frames, carry it. At most {@link #MAX_HTTP_ORIGINS} are listed,
 * keeping the header well under the 8 KB that proxies and libcurl accept; HTTPS platforms are already
 * covered by "https:".
 */
@Provider
public class FramingPolicy implements ContainerResponseFilter {

    /** The request property in which a registration page names the configuration URL it was opened with. */
    public static final String REGISTERING = FramingPolicy.class.getName() + ".registering";
    static final int MAX_HTTP_ORIGINS = 10;
    private static final String ALWAYS = "'self' https:";
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.\\-]+(:\\d{1,5})?|https?://\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");

    @Inject
    PlatformRegistry registry;

    @Inject
    org.innovadores.web.ContentPolicy contentPolicy;

    /** The origins last read, for a page answered while the database is away (its error page included). */
    private volatile List<String> lastRead = List.of();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String ancestors = ALWAYS;
        if (response.getMediaType() != null && MediaType.TEXT_HTML_TYPE.isCompatible(response.getMediaType())) {
            List<String> origins;
            try {
                origins = registry.plainHttpOrigins();
                lastRead = origins;
            } catch (RuntimeException databaseAway) {
                origins = lastRead; // the page must not fail for its header
            }
            ancestors = ancestors(origins, registering(request));
        }
        response.getHeaders().putSingle("Content-Security-Policy",
                contentPolicy.policy() + "; frame-ancestors " + ancestors);
    }

    /** The origin of the platform a registration page is for: from the page's form or its address. */
    private static String registering(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("lti/register")) return null;
        Object named = request.getProperty(REGISTERING);
        String url = named instanceof String s ? s : request.getUriInfo().getQueryParameters().getFirst("openid_configuration");
        return url == null ? null : origin(url);
    }

    /** The origin of an http(s) URL in the form a header may carry, or null. */
    static String origin(String url) {
        String origin;
        try {
            origin = LoginInitiationResource.origin(url);
        } catch (RuntimeException unreadable) {
            return null;
        }
        return origin != null && ORIGIN.matcher(origin).matches() ? origin : null;
    }

    static String ancestors(List<String> httpOrigins, String registering) {
        Set<String> origins = new LinkedHashSet<>(List.of("'self'", "https:"));
        if (registering != null && registering.startsWith("http:")) origins.add(registering);
        int listed = 0;
        for (String origin : httpOrigins) {
            if (listed == MAX_HTTP_ORIGINS) break;
            String checked = origin(origin);
            if (checked != null && checked.startsWith("http:") && origins.add(checked)) listed++;
        }
        return String.join(" ", origins);
    }
}
