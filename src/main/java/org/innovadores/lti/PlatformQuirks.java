package org.innovadores.lti;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * What some platforms do differently from the specifications' plain reading, each named after the
 * platform, in one place. Everything else treats every platform alike.
 */
final class PlatformQuirks {

    /**
     * Hosted Canvas signs with one issuer for every customer (and one each for its beta and test
     * environments), while its dynamic registration hands out the openid configuration on the
     * customer's own host, e.g. https://school.instructure.com/api/lti/security/openid-configuration.
     */
    static final Set<String> CANVAS_HOSTED_ISSUERS = Set.of("https://canvas.instructure.com",
            "https://canvas.beta.instructure.com", "https://canvas.test.instructure.com");

    private PlatformQuirks() {
    }

    /**
     * Dynamic Registration §3.5.1: the configuration's issuer is on the host its URL was fetched from.
     * Canvas: a hosted issuer may come from any https host under instructure.com.
     */
    static boolean issuerServedBy(String issuer, String configurationUrl) {
        if (LoginInitiationResource.origin(issuer).equals(LoginInitiationResource.origin(configurationUrl))) return true;
        if (!CANVAS_HOSTED_ISSUERS.contains(issuer)) return false;
        URI url = URI.create(configurationUrl);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return "https".equalsIgnoreCase(url.getScheme()) && host.endsWith(".instructure.com");
    }

    /**
     * Canvas reads two things of its own in the tool configuration of a registration: the privacy
     * level (without "public" it sends neither name nor e-mail) and the placements of each message
     * (without them the tool appears nowhere in a course). Other platforms get nothing added.
     */
    static void addToToolConfiguration(String productFamily, JsonObjectBuilder toolConfiguration, String target) {
        if (!"canvas".equalsIgnoreCase(productFamily)) return;
        toolConfiguration.add("https://canvas.instructure.com/lti/privacy_level", "public");
        toolConfiguration.add("messages", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "LtiResourceLinkRequest").add("target_link_uri", target)
                        .add("label", "Innovadores Públicos").add("placements", Json.createArrayBuilder().add("course_navigation")))
                .add(Json.createObjectBuilder().add("type", "LtiDeepLinkingRequest").add("target_link_uri", target)
                        .add("label", "Innovadores Públicos")
                        .add("placements", Json.createArrayBuilder().add("assignment_selection").add("link_selection"))));
    }

    /**
     * The platform as its administrator calls it ("Moodle 5.1"), not its raw codes ("moodle 5.1 (Build:
     * 20251006)"); a bare build number says nothing to a person and is left out.
     */
    static String productName(String familyCode, String version) {
        String family = switch (familyCode.strip().toLowerCase(Locale.ROOT)) {
            case "moodle" -> "Moodle";
            case "canvas" -> "Canvas";
            case "desire2learn", "d2l", "brightspace" -> "Brightspace";
            case "blackboard", "blackboardlearn" -> "Blackboard Learn";
            case "sakai" -> "Sakai";
            default -> familyCode.strip();
        };
        String shown = version.replaceAll("\\s*\\(.*$", "").strip();
        if (shown.matches("\\d{8,}")) shown = "";
        return (family + " " + shown).strip();
    }
}
