package org.innovadores.web;

/**
 * What every page's layout needs: its title, its language and the texts, the session token that
 * links and forms carry when the browser refuses the tool's cookie (null outside a launch), and the
 * signed-in person's unread notices (null outside a course), and the course navigation it offers.
 */
public record Page(String title, Texts t, String sessionToken, Integer unread, Nav nav) {

    /** Which way around the course a page offers at its top: none, or a course lead's (an administrator's adds their own). */
    public enum Nav { NONE, LEAD, ADMIN }

    public Page(String title, Texts t, String sessionToken, Integer unread) {
        this(title, t, sessionToken, unread, Nav.NONE);
    }

    public Page(String title, Texts t, String sessionToken) {
        this(title, t, sessionToken, null);
    }

    public static Page anonymous(String title, Texts t) {
        return new Page(title, t, null, null);
    }

    /** The same page under another title (a module's, an exercise's). */
    public Page titled(String otherTitle) {
        return new Page(otherTitle, t, sessionToken, unread, nav);
    }

    /** A link inside the tool that keeps the session where the browser refuses the cookie. */
    public String link(String path) {
        if (sessionToken == null) return path;
        return path + (path.contains("?") ? "&" : "?") + "s=" + sessionToken;
    }
}
