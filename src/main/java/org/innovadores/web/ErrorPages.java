package org.innovadores.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure becomes one readable page. Refusals of bad input keep their 4xx status and say what
 * was wrong; anything unexpected is logged with its stack and answered with a plain 500 page that
 * reveals nothing of the inside.
 */
@Provider
public class ErrorPages implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());

    @Inject
    Pages pages;

    @Inject
    RequestLanguage language;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable failure) {
        // The person's language when the request got as far as their session, else the browser's.
        Texts t = personsLanguage().orElseGet(() ->
                Texts.forAcceptLanguage(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
        int status;
        String message;
        if (failure instanceof ClientError refusal) {
            status = refusal.getResponse().getStatus();
            message = refusal.message(t);
        } else if (MinimumDataRate.tooSlow(failure)) {
            status = 408;
            message = t.get("error.tooSlow");
            LOG.info(() -> "Request ended: " + failure.getMessage());
        } else if (failure instanceof StorageFull) {
            status = StorageFull.STATUS;
            message = t.get("error.diskFull");
            LOG.severe("A write failed: the disk under the tool's data is full");
        } else if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            status = web.getResponse().getStatus();
            message = t.get(switch (status) {
                case 404 -> "error.notFound";
                case 405 -> "error.methodNotAllowed";
                case 406, 415 -> "error.unsupportedMediaType";
                case 401, 403 -> "error.forbidden";
                default -> "error.badRequest";
            });
        } else {
            status = 500;
            message = t.get("error.internal");
            LOG.log(Level.SEVERE, "Unexpected failure", failure);
        }
        String accept = headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON) && !accept.contains(MediaType.TEXT_HTML)) {
            // A page's script asked (autosave, uploads): an answer it can read, in the person's words.
            return closingWhenBodyLeft(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(jakarta.json.Json.createObjectBuilder().add("status", status).add("message", message).build().toString()))
                    .build();
        }
        String html = pages.render("web/error.jte", new ErrorPage(Page.anonymous(t.get("error.title"), t), status, message));
        return closingWhenBodyLeft(Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)).build();
    }


    /**
     * A refusal may come before the request's body was read (an upload at an offset another request
     * holds, say): the connection is then closed after the answer, rather than kept open by first
     * reading a body nobody wants, which would hold the answer back until the client sent it all.
     */
    private Response.ResponseBuilder closingWhenBodyLeft(Response.ResponseBuilder response) {
        if (headers != null && (headers.getLength() > 0 || headers.getHeaderString("Transfer-Encoding") != null)) {
            response.header("Connection", "close");
        }
        return response;
    }

    private java.util.Optional<Texts> personsLanguage() {
        try {
            return language.known();
        } catch (jakarta.enterprise.context.ContextNotActiveException outsideARequest) {
            return java.util.Optional.empty();
        }
    }

    public record ErrorPage(Page page, int status, String message) {
    }
}
