package org.innovadores.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.innovadores.lti.ValidationResult.Refused;

/**
 * Validates the id_token a platform posts to the redirect URI (Security Framework 1.0 §5.1.3,
 * LTI Core 1.3 §5.3), as a chain of named steps. The signature is checked before any claim is
 * trusted; claims read before it (iss, aud, kid) only choose which key to check it with.
 */
@ApplicationScoped
public class IdTokenValidation {

    /** Far above any real id_token (Moodle's are about 3 KB), far below what would hurt to parse. */
    static final int MAX_TOKEN_LENGTH = 64 * 1024;
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** An id_token issued longer ago than this is refused even when its exp is later. */
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    @Inject
    LoginStates loginStates;

    @Inject
    PlatformRegistry registry;

    @Inject
    PlatformKeySets keySets;

    /** What the browser sent besides id_token: the state cookie, or a platform-storage proof. */
    public record BrowserProof(String stateCookie, String storageCheck, String storageValue) {
    }

    public ValidationResult validate(String idToken, String state, BrowserProof proof) {
        ValidationResult result = new ValidationResult();
        try {
            LoginState login = state(result, state, proof);
            SignedJWT jwt = parse(result, idToken);
            JWTClaimsSet unverified = claims(result, jwt);
            Platform platform = registration(result, unverified, login);
            signature(result, jwt, platform);
            JWTClaimsSet claims = unverified; // trusted from here on: the signature covers them
            timestamps(result, claims);
            nonce(result, claims, login);
            audience(result, claims, platform);
            Deployment deployment = deployment(result, claims, platform);
            String messageType = messageType(result, claims);
            requiredClaims(result, claims, messageType);
            // The payload as the platform signed it, kept for the services; no re-serialisation.
            result.accept(toLaunch(claims, deployment, messageType, jwt.getPayload().toString()));
        } catch (Refused refused) {
            return refused.result;
        }
        return result;
    }

    /** §5.1.1.5 / OIDC: the state was issued by this tool, is unexpired and unused, to this browser. */
    private LoginState state(ValidationResult result, String state, BrowserProof proof) throws Refused {
        String step = "state";
        String spec = "Security Framework §5.1.1.5, §7.3.1";
        Optional<LoginState> found = loginStates.find(state);
        if (found.isEmpty()) throw result.refuse(step, spec, "lti.error.state.unknown", "state not issued by this tool");
        LoginState login = found.get();
        if (login.usedAt() != null) throw result.refuse(step, spec, "lti.error.state.used", "state already used (replay)");
        if (login.expiresAt().isBefore(Instant.now())) throw result.refuse(step, spec, "lti.error.state.expired", "state expired");
        boolean cookieMatches = proof.stateCookie() != null && equal(proof.stateCookie(), login.browserSecret());
        boolean storageMatches = login.storageCheck() != null && proof.storageCheck() != null
                && equal(proof.storageCheck(), login.storageCheck())
                && proof.storageValue() != null && equal(proof.storageValue(), login.browserSecret());
        if (!cookieMatches && !storageMatches) {
            throw result.refuse(step, spec, "lti.error.state.browser", "state not bound to this browser (no matching "
                    + "cookie or platform-storage proof)");
        }
        result.passed(step, spec);
        return login;
    }

    private SignedJWT parse(ValidationResult result, String idToken) throws Refused {
        String step = "token";
        String spec = "Security Framework §5.1.3 (JWS compact serialization)";
        if (idToken == null || idToken.isBlank()) throw result.refuse(step, spec, "lti.error.token.missing", "no id_token");
        if (idToken.length() > MAX_TOKEN_LENGTH) {
            throw result.refuse(step, spec, "lti.error.token.malformed", "id_token of " + idToken.length() + " characters");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(idToken);
            result.passed(step, spec);
            return jwt;
        } catch (ParseException | RuntimeException e) {
            throw result.refuse(step, spec, "lti.error.token.malformed", "not a signed JWT: " + e.getClass().getSimpleName());
        }
    }

    private JWTClaimsSet claims(ValidationResult result, SignedJWT jwt) throws Refused {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            throw result.refuse("token", "Security Framework §5.1.3", "lti.error.token.malformed", "claims are not a JSON object");
        }
    }

    /** §5.1.3 steps 1-2: the issuer and client the token names are a registration, and the one the login was for. */
    private Platform registration(ValidationResult result, JWTClaimsSet claims, LoginState login) throws Refused {
        String step = "registration";
        String spec = "Security Framework §5.1.3 (1, 2)";
        String issuer = claims.getIssuer();
        List<String> audiences = claims.getAudience();
        String azp = stringClaim(claims, "azp");
        String clientId = azp != null ? azp : audiences.size() == 1 ? audiences.getFirst() : null;
        Optional<Platform> platform = registry.platform(issuer, clientId);
        if (platform.isEmpty() && azp == null) {
            for (String audience : audiences) {
                platform = registry.platform(issuer, audience);
                if (platform.isPresent()) break;
            }
        }
        if (platform.isEmpty()) {
            throw result.refuse(step, spec, "lti.error.registration", "no registration for iss=" + issuer + " aud=" + audiences);
        }
        if (!platform.get().id().equals(login.platformId())) {
            throw result.refuse(step, spec, "lti.error.registration", "token from another registration than the login's");
        }
        // Disabled between the login and the launch, perhaps on another instance.
        if (registry.disabled(platform.get().id())) {
            throw result.refuse(step, "an administrator's decision", "lti.error.platformDisabled", "platform disabled");
        }
        result.passed(step, spec);
        return platform.get();
    }

    /** §5.1.3 step 1, §6.1: RS256 only (never none or HS*), signed by the platform key the kid names. */
    private void signature(ValidationResult result, SignedJWT jwt, Platform platform) throws Refused {
        String step = "signature";
        String spec = "Security Framework §5.1.3 (1), §6.1";
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            throw result.refuse(step, spec, "lti.error.signature", "alg " + header.getAlgorithm() + " not accepted");
        }
        String kid = header.getKeyID();
        if (kid == null || kid.isBlank()) throw result.refuse(step, spec, "lti.error.signature", "no kid in header");
        try {
            Optional<JWK> key = keySets.key(platform, kid);
            if (key.isEmpty()) {
                throw result.refuse(step, spec, "lti.error.signature", "kid " + kid + " not in the platform's JWKS");
            }
            if (!jwt.verify(verifier(key.get()))) {
                throw result.refuse(step, spec, "lti.error.signature", "signature does not verify");
            }
        } catch (com.nimbusds.jose.jwk.source.RateLimitReachedException e) {
            // The kid is not in the cached keys and the tool looked again moments ago: unknown.
            throw result.refuse(step, spec, "lti.error.signature", "kid " + kid + " unknown; JWKS refetch rate-limited");
        } catch (KeySourceException e) {
            throw result.refuse(step, spec, "lti.error.platformKeys", "platform JWKS unavailable: " + e.getMessage());
        } catch (JOSEException | IllegalStateException e) {
            throw result.refuse(step, spec, "lti.error.signature", "cannot verify: " + e.getMessage());
        }
        result.passed(step, spec);
    }

    /** Building a public key from a JWK costs more than verifying with it: one verifier per key. */
    private final java.util.concurrent.ConcurrentHashMap<JWK, RSASSAVerifier> verifiers = new java.util.concurrent.ConcurrentHashMap<>();

    private RSASSAVerifier verifier(JWK key) throws JOSEException {
        RSASSAVerifier verifier = verifiers.get(key);
        if (verifier == null) {
            if (verifiers.size() > 1000) verifiers.clear();
            verifier = new RSASSAVerifier(key.toRSAKey());
            verifiers.put(key, verifier);
        }
        return verifier;
    }

    /** §5.1.3 steps 7-9: exp in the future and iat not in the future, within a small clock skew. */
    private void timestamps(ValidationResult result, JWTClaimsSet claims) throws Refused {
        String step = "timestamps";
        String spec = "Security Framework §5.1.3 (7, 8)";
        Instant now = Instant.now();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || iat == null) throw result.refuse(step, spec, "lti.error.expired", "exp or iat missing");
        if (exp.toInstant().plus(CLOCK_SKEW).isBefore(now)) {
            throw result.refuse(step, spec, "lti.error.expired", "expired at " + exp.toInstant());
        }
        if (iat.toInstant().minus(CLOCK_SKEW).isAfter(now)) {
            throw result.refuse(step, spec, "lti.error.expired", "issued in the future: " + iat.toInstant());
        }
        if (iat.toInstant().plus(MAX_AGE).isBefore(now)) {
            throw result.refuse(step, spec, "lti.error.expired", "issued too long ago: " + iat.toInstant());
        }
        result.passed(step, spec);
    }

    /** §5.1.3 step 9: the nonce is the one issued with this state, and is used once. */
    private void nonce(ValidationResult result, JWTClaimsSet claims, LoginState login) throws Refused {
        String step = "nonce";
        String spec = "Security Framework §5.1.3 (9)";
        String nonce = stringClaim(claims, "nonce");
        if (nonce == null || !equal(nonce, login.nonce())) {
            throw result.refuse(step, spec, "lti.error.nonce", "nonce not the one issued for this state");
        }
        if (!loginStates.consume(login.state())) {
            throw result.refuse(step, spec, "lti.error.state.used", "state and nonce already used (replay)");
        }
        result.passed(step, spec);
    }

    /** §5.1.3 steps 3-5: aud holds the client_id; several audiences need azp, which must be the client_id. */
    private void audience(ValidationResult result, JWTClaimsSet claims, Platform platform) throws Refused {
        String step = "audience";
        String spec = "Security Framework §5.1.3 (3, 4, 5)";
        List<String> audiences = claims.getAudience();
        String azp = stringClaim(claims, "azp");
        if (!audiences.contains(platform.clientId())) {
            throw result.refuse(step, spec, "lti.error.audience", "aud " + audiences + " lacks the client_id");
        }
        if (audiences.size() > 1 && azp == null) {
            throw result.refuse(step, spec, "lti.error.audience", "several audiences and no azp");
        }
        if (azp != null && !azp.equals(platform.clientId())) {
            throw result.refuse(step, spec, "lti.error.audience", "azp is not the client_id");
        }
        result.passed(step, spec);
    }

    /** LTI Core §5.3.3: the deployment_id is one the registration knows. */
    private Deployment deployment(ValidationResult result, JWTClaimsSet claims, Platform platform) throws Refused {
        String step = "deployment";
        String spec = "LTI Core 1.3 §5.3.3";
        String deploymentId = stringClaim(claims, LtiClaims.DEPLOYMENT_ID);
        if (deploymentId == null || deploymentId.isBlank() || deploymentId.length() > 255) {
            throw result.refuse(step, spec, "lti.error.deployment", "deployment_id missing");
        }
        Optional<Deployment> deployment = registry.deployment(platform, deploymentId);
        if (deployment.isEmpty()) throw result.refuse(step, spec, "lti.error.deployment", "unknown deployment_id " + deploymentId);
        result.passed(step, spec);
        return deployment.get();
    }

    /** LTI Core §5.3.1, §5.3.2: version 1.3.0 and a message type this tool handles. */
    private String messageType(ValidationResult result, JWTClaimsSet claims) throws Refused {
        String step = "messageType";
        String spec = "LTI Core 1.3 §5.3.1, §5.3.2";
        if (!LtiClaims.VERSION_1_3.equals(stringClaim(claims, LtiClaims.VERSION))) {
            throw result.refuse(step, spec, "lti.error.version", "version is not 1.3.0");
        }
        String messageType = stringClaim(claims, LtiClaims.MESSAGE_TYPE);
        if (!LtiClaims.RESOURCE_LINK_REQUEST.equals(messageType) && !LtiClaims.DEEP_LINKING_REQUEST.equals(messageType)) {
            throw result.refuse(step, spec, "lti.error.messageType", "message_type " + messageType + " not handled");
        }
        result.passed(step, spec);
        return messageType;
    }

    /** LTI Core §5.3.4-§5.3.7, Deep Linking §4.4: roles, sub, and what the message type requires. */
    private void requiredClaims(ValidationResult result, JWTClaimsSet claims, String messageType) throws Refused {
        String step = "requiredClaims";
        String spec = "LTI Core 1.3 §5.3.4-§5.3.7; Deep Linking 2.0 §4.4.1";
        Object roles = claims.getClaim(LtiClaims.ROLES);
        if (!(roles instanceof List<?> list) || list.stream().anyMatch(r -> !(r instanceof String))) {
            throw result.refuse(step, spec, "lti.error.claims", "roles claim missing or not an array of strings");
        }
        String sub = claims.getSubject();
        if (sub == null || sub.isBlank() || sub.length() > 255) {
            throw result.refuse(step, spec, "lti.error.claims", "sub missing or longer than 255 characters");
        }
        if (LtiClaims.RESOURCE_LINK_REQUEST.equals(messageType)) {
            Map<String, Object> link = objectClaim(claims, LtiClaims.RESOURCE_LINK);
            if (link == null || !(link.get("id") instanceof String id) || id.isBlank() || id.length() > 255) {
                throw result.refuse(step, spec, "lti.error.claims", "resource_link.id missing");
            }
        } else {
            Map<String, Object> settings = objectClaim(claims, LtiClaims.DEEP_LINKING_SETTINGS);
            if (settings == null || !(settings.get("deep_link_return_url") instanceof String url) || url.isBlank()) {
                throw result.refuse(step, spec, "lti.error.claims", "deep_linking_settings.deep_link_return_url missing");
            }
        }
        Object context = claims.getClaim(LtiClaims.CONTEXT);
        if (context != null && (!(context instanceof Map<?, ?> c) || !(c.get("id") instanceof String contextId)
                || contextId.length() > 255)) {
            throw result.refuse(step, spec, "lti.error.claims", "context without an id, or an id longer than 255 characters");
        }
        result.passed(step, spec);
    }

    private static Launch toLaunch(JWTClaimsSet claims, Deployment deployment, String messageType, String payload) {
        Map<String, Object> context = objectClaim(claims, LtiClaims.CONTEXT);
        Map<String, Object> link = objectClaim(claims, LtiClaims.RESOURCE_LINK);
        Map<String, Object> presentation = objectClaim(claims, LtiClaims.LAUNCH_PRESENTATION);
        Map<String, Object> customClaim = objectClaim(claims, LtiClaims.CUSTOM);
        Map<String, String> custom = new LinkedHashMap<>();
        if (customClaim != null) customClaim.forEach((k, v) -> { if (v != null) custom.put(k, String.valueOf(v)); });
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) claims.getClaim(LtiClaims.ROLES);
        return new Launch(
                deployment.id(),
                deployment.platform().issuer(),
                deployment.platform().clientId(),
                deployment.deploymentId(),
                messageType,
                claims.getSubject(),
                stringClaim(claims, "name"),
                stringClaim(claims, "email"),
                List.copyOf(roles),
                text(context, "id"),
                text(context, "title"),
                text(link, "id"),
                text(link, "title"),
                stringClaim(claims, LtiClaims.TARGET_LINK_URI),
                text(presentation, "locale"),
                text(presentation, "return_url"),
                Map.copyOf(custom),
                payload);
    }

    private static String text(Map<String, Object> object, String field) {
        return object != null && object.get(field) instanceof String s ? s : null;
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String s ? s : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> objectClaim(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
