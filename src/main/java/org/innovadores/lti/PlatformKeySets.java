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
import com.nimbusds.jose.util.DefaultResourceRetriever;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.MalformedURLException;
import java.net.URI;
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

    private final DefaultResourceRetriever retriever = new DefaultResourceRetriever(3_000, 3_000, 256 * 1024);
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

    private JWKSource<SecurityContext> source(String jwksUri) {
        return sources.computeIfAbsent(jwksUri, uri -> {
            try {
                return JWKSourceBuilder.create(URI.create(uri).toURL(), retriever)
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
