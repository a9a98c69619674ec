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

    /**
     * Display texts are kept to what pages and columns hold, however long the platform sent them
     * (the id_token's own limits cover ids); the locale is kept only when it looks like a language tag.
     */
    public Launch {
        name = shortened(name, 200);
        email = shortened(email, 254);
        contextTitle = shortened(contextTitle, 400);
        resourceLinkTitle = shortened(resourceLinkTitle, 255);
        locale = languageTag(locale);
    }

    static String shortened(String text, int max) {
        if (text == null || text.length() <= max) return text;
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "…";
    }

    /** "es-PY", "en_GB" and the like, at most 20 characters; anything else is dropped. */
    static String languageTag(String locale) {
        if (locale == null) return null;
        String tag = locale.strip().replace('_', '-');
        return tag.length() <= 20 && tag.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*") ? tag : null;
    }

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
