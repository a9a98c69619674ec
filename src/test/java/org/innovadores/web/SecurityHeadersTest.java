package org.innovadores.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** HSTS exactly when the tool's public address is HTTPS. */
class SecurityHeadersTest {

    private static MultivaluedMap<String, Object> headersFor(String baseUrl) {
        SecurityHeaders filter = new SecurityHeaders();
        filter.baseUrl = Optional.of(baseUrl);
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        ContainerResponseContext response = (ContainerResponseContext) Proxy.newProxyInstance(SecurityHeadersTest.class.getClassLoader(),
                new Class<?>[]{ContainerResponseContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getHeaders")) return headers;
                    throw new UnsupportedOperationException(method.getName());
                });
        filter.filter(null, response);
        return headers;
    }

    @Test
    void strictTransportSecurityOnlyOverHttps() {
        assertThat(headersFor("https://innovadores.gob.example").getFirst("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        assertThat(headersFor("http://localhost:8080").containsKey("Strict-Transport-Security")).isFalse();
        assertThat(headersFor("https://innovadores.gob.example").getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
