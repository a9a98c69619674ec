package org.innovadores.lti;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Assignment and Grade Services 2.0: posting a score to a line item, and creating a line item in a
 * course's container. Service URLs may carry a query (Moodle: "…/lineitem?type_id=1"): the "/scores"
 * segment goes into the path, before the query.
 */
@ApplicationScoped
public class AssignmentGrades {

    public static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    public static final String LINEITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";

    @Inject
    ServiceTokens tokens;

    @Inject
    Outbound outbound;

    @Inject
    PlatformRegistry registry;

    /** "/scores" appended to the line item's path, keeping its query. */
    public static String scoresUrl(String lineItem) throws ServiceTokens.Unavailable {
        URI uri = uri(lineItem);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String scores = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + "/scores";
        return uri.getScheme() + "://" + uri.getRawAuthority() + scores + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** A URL from a platform; one that does not parse is a refusal that waiting will not change. */
    static URI uri(String url) throws ServiceTokens.Unavailable {
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || uri.getHost() == null) throw new java.net.URISyntaxException(url, "not absolute");
            return uri;
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new ServiceTokens.Unavailable(422, "not a URL: " + ServiceTokens.abbreviate(url));
        }
    }

    /** Posts one score (its JSON as the outbox keeps it). Answers normally on 2xx; throws otherwise. */
    public void postScore(UUID platform, String lineItem, String scoreJson) throws ServiceTokens.Unavailable {
        Set<String> scopes = Set.of(SCORE_SCOPE);
        HttpResponse<String> answer = send(platform, scopes, HttpRequest.newBuilder(uri(scoresUrl(lineItem)))
                .header("Content-Type", "application/vnd.ims.lis.v1.score+json")
                .POST(HttpRequest.BodyPublishers.ofString(scoreJson)));
        if (answer.statusCode() / 100 != 2) {
            throw new ServiceTokens.Unavailable(answer.statusCode(), ServiceTokens.abbreviate(answer.body()));
        }
    }

    /** Creates a line item in the container; answers its URL. */
    public String createLineItem(UUID platform, String container, String label, double scoreMaximum, String resourceId, String tag)
            throws ServiceTokens.Unavailable {
        HttpResponse<String> answer = lineItemCall(platform, container, "POST", lineItem(null, label, scoreMaximum, resourceId, tag));
        try {
            String id = JSONObjectUtils.getString(JSONObjectUtils.parse(answer.body()), "id");
            if (id == null) throw new ServiceTokens.Unavailable(422, "the new line item has no id");
            URI checked = uri(id);
            if (!checked.isAbsolute() || checked.getHost() == null) {
                throw new ServiceTokens.Unavailable(422, "the new line item's id is not a URL: " + ServiceTokens.abbreviate(id));
            }
            return id;
        } catch (ParseException e) {
            throw new ServiceTokens.Unavailable(422, "the platform answered something else than JSON");
        }
    }

    /** Updates a line item's label and maximum (PUT to the line item). */
    public void updateLineItem(UUID platform, String lineItem, String label, double scoreMaximum, String resourceId, String tag)
            throws ServiceTokens.Unavailable {
        lineItemCall(platform, lineItem, "PUT", lineItem(lineItem, label, scoreMaximum, resourceId, tag));
    }

    private static String lineItem(String id, String label, double scoreMaximum, String resourceId, String tag) {
        Map<String, Object> item = new LinkedHashMap<>();
        if (id != null) item.put("id", id);
        item.put("label", label);
        item.put("scoreMaximum", scoreMaximum);
        item.put("resourceId", resourceId);
        item.put("tag", tag);
        return JSONObjectUtils.toJSONString(item);
    }

    /** A line item request; answers the 2xx response, throws on anything else. */
    private HttpResponse<String> lineItemCall(UUID platform, String url, String method, String json) throws ServiceTokens.Unavailable {
        HttpResponse<String> answer = send(platform, Set.of(LINEITEM_SCOPE), HttpRequest.newBuilder(uri(url))
                .header("Content-Type", "application/vnd.ims.lis.v2.lineitem+json")
                .header("Accept", "application/vnd.ims.lis.v2.lineitem+json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
        if (answer.statusCode() / 100 != 2) {
            throw new ServiceTokens.Unavailable(answer.statusCode(), ServiceTokens.abbreviate(answer.body()));
        }
        return answer;
    }

    HttpResponse<String> send(UUID platform, Set<String> scopes, HttpRequest.Builder request) throws ServiceTokens.Unavailable {
        HttpRequest built = request.copy().build();
        Platform known = registry.platform(platform).orElseThrow(() -> new ServiceTokens.Unavailable(404, "unknown platform"));
        try {
            outbound.checkService(known, built.uri().toString());
        } catch (Outbound.Refused refused) {
            // Waiting will not make the URL acceptable: a permanent refusal, shown with its reason.
            throw new ServiceTokens.Unavailable(422, "the tool refuses this service URL: " + refused.getMessage());
        }
        for (int attempt = 0; ; attempt++) {
            String token = tokens.token(platform, scopes);
            try {
                HttpResponse<String> answer = outbound.send(request.copy().timeout(ServiceTokens.TIMEOUT)
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 401 && attempt == 0) {
                    tokens.forget(platform, scopes);
                    continue;
                }
                return answer;
            } catch (IOException e) {
                throw new ServiceTokens.Unavailable(0, "unreachable: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceTokens.Unavailable(0, "interrupted");
            }
        }
    }
}
