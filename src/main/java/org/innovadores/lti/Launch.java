package org.innovadores.lti;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A launch that passed every validation step: what the rest of the tool needs to know, in plain
 * values. {@code claims} keeps the whole validated claim set as JSON for the services (AGS, NRPS,
 * deep linking) that answer the platform later.
 *
 * @param deployment the tenant (our id for the platform's deployment)
 * @param roles      the LTI role URIs or short names, as sent
 */
public record Launch(
        UUID deployment,
        String issuer,
        String clientId,
        String deploymentId,
        String messageType,
        String subject,
        String name,
        String email,
        List<String> roles,
        String contextId,
        String contextTitle,
        String resourceLinkId,
        String resourceLinkTitle,
        String targetLinkUri,
        String locale,
        String returnUrl,
        Map<String, String> custom,
        String claims) {

    public boolean isDeepLinking() {
        return LtiClaims.DEEP_LINKING_REQUEST.equals(messageType);
    }

    /** What the person is called on pages: their name, else their e-mail, else nothing. */
    public String displayName() {
        if (name != null && !name.isBlank()) return name;
        if (email != null && !email.isBlank()) return email;
        return null;
    }
}
