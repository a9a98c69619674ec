package org.innovadores.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * LTI Deep Linking 2.0: what an LtiDeepLinkingRequest asked for (§4.4 deep_linking_settings), and
 * the signed LtiDeepLinkingResponse (§4.5) that hands the chosen items back to the platform.
 */
@ApplicationScoped
public class DeepLinking {

    static final String RESPONSE = "LtiDeepLinkingResponse";
    static final String CONTENT_ITEMS = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";
    static final String DATA = "https://purl.imsglobal.org/spec/lti-dl/claim/data";
    static final String MESSAGE = "https://purl.imsglobal.org/spec/lti-dl/claim/msg";

    /** The request's settings, read from the launch's validated claims. */
    public record Request(String issuer, String clientId, String deploymentId, String returnUrl, String data,
                          boolean acceptMultiple, boolean acceptsResourceLinks, boolean acceptsLineItems) {
    }

    /**
     * One ltiResourceLink content item (§3.2): a title, the launch URL, the custom parameters that name
     * the item, and a line item when it is gradable.
     */
    public record ResourceLink(String title, String text, String url, Map<String, String> custom, LineItem lineItem) {
    }

    public record LineItem(String label, double scoreMaximum, String resourceId, String tag) {
    }

    @Inject
    ToolKeys keys;

    @Inject
    PlatformRegistry registry;

    /**
     * The request a session came from, when its launch was an LtiDeepLinkingRequest. The response's
     * issuer is the client_id of the registration the session's deployment belongs to (§4.2), never a
     * value read from the request's audience.
     */
    public Optional<Request> request(UUID deployment, String messageType, String launchClaims) {
        if (!LtiClaims.DEEP_LINKING_REQUEST.equals(messageType) || launchClaims == null) return Optional.empty();
        try {
            Map<String, Object> claims = JSONObjectUtils.parse(launchClaims);
            Map<String, Object> settings = JSONObjectUtils.getJSONObject(claims, LtiClaims.DEEP_LINKING_SETTINGS);
            if (settings == null) return Optional.empty();
            String returnUrl = JSONObjectUtils.getString(settings, "deep_link_return_url");
            if (returnUrl == null || !(returnUrl.startsWith("https://") || returnUrl.startsWith("http://"))) return Optional.empty();
            Optional<Deployment> registered = registry.deployment(deployment);
            if (registered.isEmpty()) return Optional.empty();
            String clientId = registered.get().platform().clientId();
            Object types = settings.get("accept_types");
            boolean resourceLinks = types == null || (types instanceof List<?> l && l.contains("ltiResourceLink"));
            Object lineItem = settings.get("accept_lineitem");
            return Optional.of(new Request(JSONObjectUtils.getString(claims, "iss"), clientId,
                    JSONObjectUtils.getString(claims, LtiClaims.DEPLOYMENT_ID), returnUrl,
                    settings.get("data") == null ? null : String.valueOf(settings.get("data")),
                    Boolean.TRUE.equals(settings.get("accept_multiple")), resourceLinks, !Boolean.FALSE.equals(lineItem)));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** The LtiDeepLinkingResponse JWT for the chosen items, signed with the tool's current key. */
    public String response(Request request, List<ResourceLink> items, String message) {
        List<Object> contentItems = new ArrayList<>();
        for (ResourceLink item : items) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("type", "ltiResourceLink");
            json.put("title", item.title());
            if (item.text() != null && !item.text().isBlank()) json.put("text", item.text());
            json.put("url", item.url());
            json.put("custom", item.custom());
            if (item.lineItem() != null && request.acceptsLineItems()) {
                Map<String, Object> lineItem = new LinkedHashMap<>();
                lineItem.put("label", item.lineItem().label());
                lineItem.put("scoreMaximum", item.lineItem().scoreMaximum());
                lineItem.put("resourceId", item.lineItem().resourceId());
                lineItem.put("tag", item.lineItem().tag());
                json.put("lineItem", lineItem);
            }
            contentItems.add(json);
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(request.clientId())
                .audience(request.issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString())
                .claim("nonce", UUID.randomUUID().toString())
                .claim(LtiClaims.MESSAGE_TYPE, RESPONSE)
                .claim(LtiClaims.VERSION, LtiClaims.VERSION_1_3)
                .claim(LtiClaims.DEPLOYMENT_ID, request.deploymentId())
                .claim(CONTENT_ITEMS, contentItems);
        if (request.data() != null) claims.claim(DATA, request.data());
        if (message != null) claims.claim(MESSAGE, message);
        RSAKey key = keys.signingKey();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the deep linking response", e);
        }
        return jwt.serialize();
    }
}
