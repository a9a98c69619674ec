package org.innovadores.web;

/**
 * What every page's layout needs: its title, its language and the texts, and the session token
 * that links and forms carry when the browser refuses the tool's cookie (null outside a launch).
 */
public record Page(String title, Texts t, String sessionToken) {

    public static Page anonymous(String title, Texts t) {
        return new Page(title, t, null);
    }

    /** A link inside the tool that keeps the session where the browser refuses the cookie. */
    public String link(String path) {
        if (sessionToken == null) return path;
        return path + (path.contains("?") ? "&" : "?") + "s=" + sessionToken;
    }
}
