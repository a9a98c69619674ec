package org.innovadores.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Before a resource reads a body: a request to an endpoint that takes a form or multipart body
 * must say so in its Content-Type (else 415, not the framework's failure deep in parameter
 * injection), and a form may not be larger than {@link #MAX_FORM_BYTES}. Uploads of files go to
 * the endpoints that stream them and enforce their own limits.
 */
@Provider
public class RequestBodies implements ContainerRequestFilter {

    /** Exercise forms with long texts are the largest forms; a megabyte leaves room to spare. */
    public static final long MAX_FORM_BYTES = 1024 * 1024;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) return;
        Consumes consumes = method.getAnnotation(Consumes.class);
        if (consumes == null) return;
        boolean form = false;
        for (String type : consumes.value()) {
            form |= type.startsWith(MediaType.APPLICATION_FORM_URLENCODED) || type.startsWith(MediaType.MULTIPART_FORM_DATA);
        }
        if (!form) return;
        if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            throw new ClientError(Response.Status.UNSUPPORTED_MEDIA_TYPE, "error.unsupportedMediaType");
        }
        if (request.getMediaType() != null && request.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            if (request.getLength() > MAX_FORM_BYTES) {
                throw new ClientError(Response.Status.REQUEST_ENTITY_TOO_LARGE, "error.tooLarge");
            }
            // A chunked body states no length: count it as it is read.
            request.setEntityStream(new Capped(request.getEntityStream(), MAX_FORM_BYTES));
        }
    }

    /** Stops reading past the cap with a 413. */
    static final class Capped extends java.io.FilterInputStream {
        private final long max;
        private long read;

        Capped(java.io.InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) throw new ClientError(Response.Status.REQUEST_ENTITY_TOO_LARGE, "error.tooLarge");
        }
    }
}
