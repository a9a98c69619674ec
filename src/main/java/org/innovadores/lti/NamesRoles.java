package org.innovadores.lti;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names and Role Provisioning Services 2.0: a course's members, page by page, following the
 * {@code Link: <…>; rel="next"} header to the end.
 */
@ApplicationScoped
public class NamesRoles {

    public static final String SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");
    private static final int MAX_PAGES = 1000;

    /** A member as the platform lists them: their user id (the launches' sub), name and roles. */
    public record Member(String userId, String name, String email, List<String> roles, String status) {
    }

    @Inject
    AssignmentGrades services;

    public List<Member> members(UUID platform, String membershipsUrl) throws ServiceTokens.Unavailable {
        List<Member> members = new ArrayList<>();
        String url = membershipsUrl;
        for (int page = 0; url != null && page < MAX_PAGES; page++) {
            HttpResponse<String> answer = services.send(platform, Set.of(SCOPE), HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", "application/vnd.ims.lti-nrps.v2.membershipcontainer+json").GET());
            if (answer.statusCode() != 200) {
                throw new ServiceTokens.Unavailable(answer.statusCode(), ServiceTokens.abbreviate(answer.body()));
            }
            try {
                Map<String, Object> container = JSONObjectUtils.parse(answer.body());
                List<Object> list = JSONObjectUtils.getJSONArray(container, "members");
                if (list != null) {
                    for (Object entry : list) {
                        if (!(entry instanceof Map<?, ?> m)) continue;
                        Object id = m.get("user_id");
                        if (id == null) continue;
                        List<String> roles = new ArrayList<>();
                        if (m.get("roles") instanceof List<?> r) r.forEach(x -> roles.add(String.valueOf(x)));
                        Object name = m.get("name");
                        Object status = m.get("status");
                        Object email = m.get("email");
                        members.add(new Member(String.valueOf(id), name == null ? null : String.valueOf(name),
                                email == null ? null : String.valueOf(email), roles,
                                status == null ? "Active" : String.valueOf(status)));
                    }
                }
            } catch (ParseException e) {
                throw new ServiceTokens.Unavailable(200, "the membership page is not JSON");
            }
            url = next(answer);
        }
        return members;
    }

    static String next(HttpResponse<?> answer) {
        for (String link : answer.headers().allValues("Link")) {
            Matcher m = NEXT.matcher(link);
            if (m.find()) return m.group(1);
        }
        return null;
    }
}
