package org.innovadores.lti;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Appends parameters to a URL that may already carry a query (Moodle's service URLs do). Values are
 * percent-encoded as they are: Moodle's lti_message_hint is JSON, braces included.
 */
public final class QueryString {

    private QueryString() {
    }

    public static String append(String url, Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        int fragment = url.indexOf('#');
        String base = fragment < 0 ? url : url.substring(0, fragment);
        String separator = base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
        return base + separator + query;
    }
}
