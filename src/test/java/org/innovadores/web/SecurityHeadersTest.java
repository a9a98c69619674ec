package org.innovadores.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** HSTS exactly when the tool's public address is HTTPS; an object store on plain HTTP named in the policy, for media only. */
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

    @Test
    void aPlainHttpObjectStoreIsAllowedForPicturesAndMediaAlone() {
        ContentPolicy filter = new ContentPolicy();
        assertThat(filter.policy()).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
        filter = new ContentPolicy();
        filter.mediaStore = "s3";
        filter.storeEndpoint = Optional.of("http://minio.intranet.example:9000");
        filter.bucket = Optional.of("media");
        filter.pathStyle = true;
        assertThat(filter.policy()).contains("img-src 'self' data: https: http://minio.intranet.example:9000;")
                .contains("media-src 'self' https: http://minio.intranet.example:9000;")
                .contains("default-src 'self';").contains("script-src 'self';");
        filter = new ContentPolicy();
        filter.mediaStore = "s3";
        filter.storeEndpoint = Optional.of("http://minio.intranet.example:9000");
        filter.bucket = Optional.of("media");
        assertThat(filter.policy()).as("virtual-hosted buckets").contains("media-src 'self' https: http://media.minio.intranet.example:9000;");
        filter = new ContentPolicy();
        filter.mediaStore = "s3";
        filter.storeEndpoint = Optional.of("https://s3.sa-east-1.amazonaws.com");
        assertThat(filter.policy()).as("HTTPS stores are allowed already").isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
    }
}
