package org.innovadores.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The pages' Content-Security-Policy: {@link SecurityHeaders#CONTENT_SECURITY_POLICY}, plus the object
 * store's origin for pictures and media when media go to a store on plain HTTP (one on the operator's
 * own network); a store on HTTPS is covered by "https:" already.
 */
@ApplicationScoped
public class ContentPolicy {

    @Inject
    @ConfigProperty(name = "media.store", defaultValue = "file")
    String mediaStore = "file";

    @Inject
    @ConfigProperty(name = "media.s3.endpoint")
    Optional<String> storeEndpoint = Optional.empty();

    @Inject
    @ConfigProperty(name = "media.s3.bucket")
    Optional<String> bucket = Optional.empty();

    @Inject
    @ConfigProperty(name = "media.s3.path-style", defaultValue = "false")
    boolean pathStyle;

    private volatile String policy;

    public String policy() {
        String p = policy;
        if (p != null) return p;
        p = SecurityHeaders.CONTENT_SECURITY_POLICY;
        if ("s3".equals(mediaStore.strip())) {
            Optional<URI> plain = storeEndpoint.filter(e -> e.regionMatches(true, 0, "http://", 0, 7)).map(URI::create);
            if (plain.isPresent()) {
                URI uri = plain.get();
                String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
                String origin = "http://" + (pathStyle || bucket.isEmpty() ? "" : bucket.get() + ".") + uri.getHost() + port;
                p = p.replace("img-src 'self' data: https:;", "img-src 'self' data: https: " + origin + ";")
                        .replace("media-src 'self' https:;", "media-src 'self' https: " + origin + ";");
            }
        }
        policy = p;
        return p;
    }
}
