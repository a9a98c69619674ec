package org.innovadores.participants;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.innovadores.web.ClientError;
import org.innovadores.web.Page;
import org.innovadores.web.RequestLanguage;
import org.innovadores.web.Texts;

/**
 * Finds the signed-in person of a request: from the token a link or form carried, else from the
 * cookie. Pages of a course call it first; without a live session they answer 401 with a page
 * that tells the person to open the tool again from their LMS.
 */
@ApplicationScoped
public class SignedIn {

    @Inject
    Sessions sessions;

    @Inject
    RequestLanguage language;

    @Inject
    jakarta.enterprise.inject.Instance<Inbox> inbox;

    @Inject
    org.innovadores.runtime.Sql db;

    public ToolSession require(String token, HttpHeaders headers) {
        ToolSession session;
        if (token != null && !token.isBlank()) {
            session = sessions.resolve(token).orElseThrow(SignedIn::expired);
            refuseOtherPersonOnTopLevel(session, headers);
        } else {
            Cookie cookie = headers.getCookies().get(Sessions.COOKIE);
            session = sessions.resolve(cookie == null ? null : cookie.getValue()).orElseThrow(SignedIn::expired);
        }
        language.use(session.locale()); // for an error page later in this request
        return session;
    }

    /**
     * A link opened as a page of its own (not in the LMS's frame) carrying someone else's token than
     * the person this browser is signed in as: a link someone sent, which would otherwise act as them.
     */
    private void refuseOtherPersonOnTopLevel(ToolSession fromLink, HttpHeaders headers) {
        if (!"document".equals(headers.getHeaderString("Sec-Fetch-Dest"))) return;
        Cookie cookie = headers.getCookies().get(Sessions.COOKIE);
        if (cookie == null) return;
        sessions.resolve(cookie.getValue()).ifPresent(own -> {
            if (!own.deployment().equals(fromLink.deployment()) || !own.subject().equals(fromLink.subject())) {
                throw new ClientError(Response.Status.CONFLICT, "error.otherPerson");
            }
        });
    }

    /** Same, for a form post: the form must also carry this session's anti-forgery value. */
    public ToolSession requireForm(String token, String csrf, HttpHeaders headers) {
        ToolSession session = require(token, headers);
        if (!sessions.csrfMatches(session, csrf)) {
            throw ClientError.forbidden("error.csrf");
        }
        return session;
    }

    public Texts texts(ToolSession session) {
        return Texts.forTag(session.locale());
    }

    public Page page(ToolSession session, String titleKey) {
        Texts t = texts(session);
        Integer unread = session.contextId() == null || !inbox.isResolvable() ? null : inbox.get().unread(session);
        Page.Nav nav = session.contextId() == null ? Page.Nav.NONE : switch (session.role()) {
            case ADMIN -> Page.Nav.ADMIN;
            case INSTRUCTOR -> Page.Nav.LEAD;
            default -> Page.Nav.NONE;
        };
        return new Page(t.get(titleKey), t, sessions.linkToken(session), unread, nav, zone(session));
    }

    /** The course's time zone (read on each page, so a change shows at once on every instance); Paraguay's when none. */
    private java.time.ZoneId zone(ToolSession session) {
        if (session.contextId() == null) return Page.HOME_ZONE;
        java.util.List<String> found = new java.util.ArrayList<>();
        db.query("SELECT time_zone FROM program WHERE deployment_id = ? AND context_id = ?", row -> found.add(row.getString(1)),
                session.deployment(), session.contextId());
        if (found.isEmpty() || found.getFirst() == null) return Page.HOME_ZONE;
        try {
            return java.time.ZoneId.of(found.getFirst());
        } catch (java.time.DateTimeException unknown) {
            return Page.HOME_ZONE;
        }
    }

    private static ClientError expired() {
        return new ClientError(Response.Status.UNAUTHORIZED, "error.session");
    }
}
