package org.innovadores.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * A request the tool refuses, with a 4xx status and a message a person understands. The message
 * is a key of the interface texts, so the error page speaks the reader's language; the detail is
 * for the log only and never reaches the page.
 */
public class ClientError extends WebApplicationException {

    private final String messageKey;
    private final Object[] args;

    public ClientError(Response.Status status, String messageKey, Object... args) {
        super(messageKey, status);
        if (status.getFamily() != Response.Status.Family.CLIENT_ERROR) {
            throw new IllegalArgumentException("Only 4xx statuses: " + status);
        }
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public static ClientError badRequest(String messageKey, Object... args) {
        return new ClientError(Response.Status.BAD_REQUEST, messageKey, args);
    }

    public static ClientError forbidden(String messageKey, Object... args) {
        return new ClientError(Response.Status.FORBIDDEN, messageKey, args);
    }

    /** The request conflicts with the state of things (a call that has closed, a review already written). */
    public static ClientError conflict(String messageKey, Object... args) {
        return new ClientError(Response.Status.CONFLICT, messageKey, args);
    }

    public static ClientError notFound(String messageKey, Object... args) {
        return new ClientError(Response.Status.NOT_FOUND, messageKey, args);
    }

    public String messageKey() {
        return messageKey;
    }

    public String message(Texts t) {
        return t.format(messageKey, args);
    }
}
