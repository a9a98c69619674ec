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
        List<String> problems = new ArrayList<>();
        urlProblem("issuer", issuer, problems);
        if (clientId == null || clientId.isBlank()) problems.add("client_id is missing");
        else if (clientId.length() > 255) problems.add("client_id is longer than 255 characters");
        urlProblem("authorization_endpoint", authorizationEndpoint, problems);
        urlProblem("jwks_uri", jwksUri, problems);
        if (tokenEndpoint != null && !tokenEndpoint.isBlank()) urlProblem("token_endpoint", tokenEndpoint, problems);
        for (String deploymentId : deploymentIds) {
            if (deploymentId == null || deploymentId.isBlank() || deploymentId.length() > 255) {
                problems.add("deployment_ids holds an empty or over-long id");
            }
        }
        return problems;
    }

    /** HTTPS, or plain HTTP only on this machine's loopback (a platform under test). */
    static void urlProblem(String field, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is missing");
            return;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                problems.add(field + " must be an absolute https URL: " + value);
            } else if (scheme.equals("http") && !Outbound.isLoopbackHost(uri.getHost())) {
                problems.add(field + " must use https (plain http only on localhost): " + value);
            } else if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                problems.add(field + " must not carry credentials or a fragment: " + value);
            }
        } catch (java.net.URISyntaxException e) {
            problems.add(field + " is not a URL: " + value);
        }
    }
}
