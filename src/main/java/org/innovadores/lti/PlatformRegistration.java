package org.innovadores.lti;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What the tool needs to know of a platform, from a file in lti-config/platforms or from dynamic
 * registration; {@link #problems()} says, in words an admin understands, what is wrong with it.
 */
public record PlatformRegistration(String issuer, String clientId, String name, String authorizationEndpoint,
                                   String tokenEndpoint, String jwksUri, List<String> deploymentIds) {


    public PlatformRegistration {
        deploymentIds = deploymentIds == null ? List.of() : List.copyOf(deploymentIds);
        name = name == null || name.isBlank() ? issuer : name;
    }

    public List<String> problems() {
        return problems(Outbound::isLoopbackHost);
    }

    /** The same, where plain HTTP is allowed to the hosts the predicate accepts (loopback, a named intranet). */
    public List<String> problems(java.util.function.Predicate<String> plainHttpHost) {
        List<String> problems = new ArrayList<>();
        java.util.function.BiConsumer<String, String> urlProblem = (field, value) -> urlProblem(field, value, problems, plainHttpHost);
        urlProblem.accept("issuer", issuer);
        if (clientId == null || clientId.isBlank()) problems.add("client_id is missing");
        else if (clientId.length() > 255) problems.add("client_id is longer than 255 characters");
        urlProblem.accept("authorization_endpoint", authorizationEndpoint);
        urlProblem.accept("jwks_uri", jwksUri);
        if (tokenEndpoint != null && !tokenEndpoint.isBlank()) urlProblem.accept("token_endpoint", tokenEndpoint);
        for (String deploymentId : deploymentIds) {
            if (deploymentId == null || deploymentId.isBlank() || deploymentId.length() > 255) {
                problems.add("deployment_ids holds an empty or over-long id");
            }
        }
        return problems;
    }

    /** HTTPS, or plain HTTP only on this machine's loopback (a platform under test) or a network the operator named. */
    static void urlProblem(String field, String value, List<String> problems, java.util.function.Predicate<String> plainHttpHost) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is missing");
            return;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                problems.add(field + " must be an absolute https URL: " + value);
            } else if (scheme.equals("http") && !plainHttpHost.test(uri.getHost())) {
                problems.add(field + " must use https (plain http only on localhost or a network named in "
                        + "LTI_OUTBOUND_PRIVATE_NETWORKS): " + value);
            } else if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                problems.add(field + " must not carry credentials or a fragment: " + value);
            }
        } catch (java.net.URISyntaxException e) {
            problems.add(field + " is not a URL: " + value);
        }
    }
}
