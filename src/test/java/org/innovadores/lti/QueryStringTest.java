package org.innovadores.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringTest {

    @Test
    void appendsToUrlsWithAndWithoutAQueryAndEncodesJson() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("lti_message_hint", "{\"cmid\":2}");
        params.put("skipped", null);
        assertThat(QueryString.append("https://lms.example.org/auth.php", params))
                .isEqualTo("https://lms.example.org/auth.php?lti_message_hint=%7B%22cmid%22%3A2%7D");
        assertThat(QueryString.append("https://lms.example.org/auth.php?type_id=1", Map.of("a", "b c")))
                .isEqualTo("https://lms.example.org/auth.php?type_id=1&a=b+c");
        assertThat(QueryString.append("https://lms.example.org/x?#frag", Map.of("a", "1")))
                .isEqualTo("https://lms.example.org/x?a=1");
    }
}
