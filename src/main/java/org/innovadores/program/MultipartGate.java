package org.innovadores.program;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Optional;
import org.innovadores.participants.Sessions;
import org.innovadores.participants.ToolSession;
import org.innovadores.web.ClientError;

/**
 * A multipart body (the plain upload forms: recordings, module attachments) is parsed, and its file
 * spooled, before the resource method runs. So before a byte of it is read: the request must name a
 * live session of someone who may author (the form's URL carries the token, or the cookie does), and
 * state a length within the largest upload the tool accepts. An anonymous or oversized body is
 * refused without being read; each endpoint then applies its own, smaller limit as it streams.
 */
@Provider
public class MultipartGate implements ContainerRequestFilter {

    /** Room for the form's other fields and the multipart boundaries. */
    private static final long FORM_OVERHEAD = 1024 * 1024;

    @Context
    ResourceInfo resource;

    @Inject
    Sessions sessions;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "media.max-upload-bytes", defaultValue = "4294967296")
    long maxBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceMethod() == null) return;
        Consumes consumes = resource.getResourceMethod().getAnnotation(Consumes.class);
        if (consumes == null || Arrays.stream(consumes.value()).noneMatch(t -> t.startsWith(MediaType.MULTIPART_FORM_DATA))) return;
        String token = request.getUriInfo().getQueryParameters().getFirst("s");
        Cookie cookie = request.getCookies().get(Sessions.COOKIE);
        Optional<ToolSession> session = token != null ? sessions.resolve(token) : sessions.resolve(cookie == null ? null : cookie.getValue());
        if (session.isEmpty()) throw new ClientError(Response.Status.UNAUTHORIZED, "error.session");
        if (!CourseProgram.canAuthor(session.get())) throw ClientError.forbidden("program.error.notInstructor");
        long length = length(request.getHeaderString("Content-Length"));
        if (length < 0) throw new ClientError(Response.Status.LENGTH_REQUIRED, "error.lengthRequired");
        if (length > maxBytes + FORM_OVERHEAD) {
            throw new ClientError(Response.Status.REQUEST_ENTITY_TOO_LARGE, "error.tooLarge");
        }
    }

    /** The declared length, read as a long: the request's own getLength() is an int and fails past 2 GiB. */
    static long length(String header) {
        if (header == null || !header.strip().matches("\\d+")) return -1;
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
