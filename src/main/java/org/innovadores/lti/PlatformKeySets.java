package org.innovadores.lti;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platforms' public keys, fetched from their JWKS URLs and cached. A kid the cache does not hold
 * makes one refetch, rate-limited, so a platform that rotated its key is followed at once while a
 * flood of unknown kids cannot make the tool hammer the platform.
 */
@ApplicationScoped
public class PlatformKeySets {

    private static final long CACHE_TTL_MS = 5 * 60_000;
    private static final long REFRESH_TIMEOUT_MS = 5_000;
    private static final long MIN_REFETCH_INTERVAL_MS = 10_000;

    private static final int MAX_JWKS_BYTES = 256 * 1024;

    @Inject
    Outbound outbound;

    private final ConcurrentHashMap<String, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();

    /** The platform's RSA signing key with that kid, or empty when the platform does not publish one. */
    Optional<JWK> key(Platform platform, String kid) throws KeySourceException {
        JWKSelector selector = new JWKSelector(new JWKMatcher.Builder()
                .keyID(kid)
                .keyType(KeyType.RSA)
                .keyUses(KeyUse.SIGNATURE, null)
                .build());
        List<JWK> found = source(platform.jwksUri()).get(selector, null);
        return found.stream().findFirst();
    }

    /** The JWKS through the checked client: no redirect is followed, no private address reached. */
    private Resource retrieve(URL url) throws IOException {
        try {
            HttpResponse<InputStream> answer = outbound.send(HttpRequest.newBuilder(url.toURI())
                    .timeout(Duration.ofSeconds(3)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = answer.body()) {
                if (answer.statusCode() != 200) throw new IOException("JWKS answered " + answer.statusCode() + " at " + url);
                byte[] bytes = body.readNBytes(MAX_JWKS_BYTES + 1);
                if (bytes.length > MAX_JWKS_BYTES) throw new IOException("JWKS larger than " + MAX_JWKS_BYTES + " bytes");
                return new Resource(new String(bytes, StandardCharsets.UTF_8), answer.headers().firstValue("Content-Type").orElse(null));
            }
        } catch (URISyntaxException e) {
            throw new IOException("Bad JWKS URL " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private JWKSource<SecurityContext> source(String jwksUri) {
        return sources.computeIfAbsent(jwksUri, uri -> {
            try {
                return JWKSourceBuilder.create(URI.create(uri).toURL(), this::retrieve)
                        .cache(CACHE_TTL_MS, REFRESH_TIMEOUT_MS)
                        .rateLimited(MIN_REFETCH_INTERVAL_MS)
                        .refreshAheadCache(false)
                        .retrying(false)
                        .build();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("Bad JWKS URL " + uri, e);
            }
        });
    }
}
