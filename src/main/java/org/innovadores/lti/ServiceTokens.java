package org.innovadores.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens for LTI Advantage services (1EdTech Security Framework §4.1): the client-credentials
 * grant with a JWT client assertion signed by the tool's key ({@code iss} = {@code sub} = client_id,
 * {@code aud} = the platform's token endpoint, a unique {@code jti}, a five-minute {@code exp}).
 * Tokens are kept per registration and scope set until shortly before they expire.
 */
@ApplicationScoped
public class ServiceTokens {

    /** A service call the platform refused or could not answer; {@code status} 0 for no answer at all. */
    public static class Unavailable extends Exception {
        public final int status;

        public Unavailable(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private record Key(UUID platform, Set<String> scopes) {
    }

    private record Token(String value, Instant expires) {
    }

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    ToolKeys keys;

    @Inject
    PlatformRegistry registry;

    @Inject
    Outbound http;

    private final Map<Key, Token> tokens = new ConcurrentHashMap<>();

    /** A bearer token for these scopes at this platform, from the cache or a new grant. */
    public String token(UUID platformId, Set<String> scopes) throws Unavailable {
        Key key = new Key(platformId, new TreeSet<>(scopes));
        Token cached = tokens.get(key);
        if (cached != null && Instant.now().isBefore(cached.expires())) return cached.value();
        // One grant at a time per registration and scope set: the score sender and the column labels
        // asking at the same moment share the token the first one gets.
        synchronized (granting.computeIfAbsent(key, k -> new Object())) {
            Token granted = tokens.get(key);
            if (granted != null && Instant.now().isBefore(granted.expires())) return granted.value();
            return grant(key, platformId, scopes);
        }
    }

    private final Map<Key, Object> granting = new ConcurrentHashMap<>();

    private String grant(Key key, UUID platformId, Set<String> scopes) throws Unavailable {
        Platform platform = registry.platform(platformId).orElseThrow(() -> new Unavailable(0, "unknown platform"));
        if (platform.tokenEndpoint() == null) throw new Unavailable(0, "the platform has no token endpoint");
        String form = "grant_type=client_credentials"
                + "&client_assertion_type=" + encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                + "&client_assertion=" + encode(assertion(platform))
                + "&scope=" + encode(String.join(" ", new TreeSet<>(scopes)));
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(platform.tokenEndpoint())).timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) throw new Unavailable(answer.statusCode(), "token endpoint: " + abbreviate(answer.body()));
            Map<String, Object> json = JSONObjectUtils.parse(answer.body());
            String value = JSONObjectUtils.getString(json, "access_token");
            if (value == null) throw new Unavailable(answer.statusCode(), "token endpoint answered without access_token");
            long lifetime = json.get("expires_in") instanceof Number n ? n.longValue() : 3600;
            tokens.put(key, new Token(value, Instant.now().plusSeconds(Math.max(0, lifetime - 30))));
            return value;
        } catch (Outbound.Refused e) {
            throw new Unavailable(0, "token endpoint refused by the tool: " + e.getMessage());
        } catch (IOException e) {
            throw new Unavailable(0, "token endpoint unreachable: " + e.getMessage());
        } catch (ParseException e) {
            throw new Unavailable(200, "token endpoint answered something else than JSON");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(0, "interrupted");
        }
    }

    /** Forgets a token the platform no longer accepts (a 401 from a service). */
    public void forget(UUID platformId, Set<String> scopes) {
        tokens.remove(new Key(platformId, new TreeSet<>(scopes)));
    }

    private String assertion(Platform platform) throws Unavailable {
        RSAKey key = keys.signingKey();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(platform.clientId()).subject(platform.clientId())
                .audience(platform.tokenEndpoint()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT)
                .build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new Unavailable(0, "cannot sign the client assertion");
        }
        return jwt.serialize();
    }

    public static String abbreviate(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
