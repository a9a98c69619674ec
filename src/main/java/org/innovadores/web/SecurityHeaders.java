package org.innovadores.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Headers on every answer. The tool lives in the LMS's iframe, so it must not forbid framing;
 * scripts and styles come only from the tool itself, never inline.
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {

    /** Served over HTTPS (the public base URL says so): browsers must never fall back to plain HTTP. */
    @jakarta.inject.Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "lti.tool.base-url")
    java.util.Optional<String> baseUrl;

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https:; media-src 'self' https:; object-src 'none'; base-uri 'none'; "
            // Linked recordings play in their own players (YouTube's privacy-enhanced domain and the like).
            + "frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com https://drive.google.com "
            + "https://*.panopto.com https://*.panopto.eu";

    /** The policy with the object store's origin when it needs naming; made once. */
    @jakarta.inject.Inject
    ContentPolicy contentPolicy = new ContentPolicy();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (!headers.containsKey("Content-Security-Policy")) {
            headers.putSingle("Content-Security-Policy", contentPolicy.policy());
        }
        headers.putSingle("X-Content-Type-Options", "nosniff");
        if (baseUrl.filter(url -> url.regionMatches(true, 0, "https://", 0, 8)).isPresent()) {
            headers.putSingle("Strict-Transport-Security", "max-age=31536000");
        }
        // Links carry the session token: never send it to another site in a Referer.
        headers.putSingle("Referrer-Policy", "same-origin");
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
    }
}
