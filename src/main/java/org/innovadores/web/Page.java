package org.innovadores.web;

/**
 * What every page's layout needs: its title, its language and the texts, the session token that
 * links and forms carry when the browser refuses the tool's cookie (null outside a launch), and the
 * signed-in person's unread notices (null outside a course), and the course navigation it offers.
 */
public record Page(String title, Texts t, String sessionToken, Integer unread, Nav nav, java.time.ZoneId zone) {

    /** The program's home, Paraguay: the zone of a page outside a course or of a course that chose none. */
    public static final java.time.ZoneId HOME_ZONE = java.time.ZoneId.of("America/Asuncion");

    public Page {
        zone = zone == null ? HOME_ZONE : zone;
    }

    public Page(String title, Texts t, String sessionToken, Integer unread, Nav nav) {
        this(title, t, sessionToken, unread, nav, HOME_ZONE);
    }

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
        return new Page(otherTitle, t, sessionToken, unread, nav, zone);
    }

    /** A link inside the tool that keeps the session where the browser refuses the cookie. */
    public String link(String path) {
        if (sessionToken == null) return path;
        return path + (path.contains("?") ? "&" : "?") + "s=" + sessionToken;
    }

    /** Today where the course is: what a date field of something just done most likely holds. */
    public java.time.LocalDate today() {
        return org.innovadores.runtime.Now.today(zone);
    }

    /** A moment as the reader writes it, in the course's time zone. */
    public String when(java.time.Instant at) {
        return t.dateTime(at, zone);
    }

    public String when(java.time.OffsetDateTime at) {
        return at == null ? "" : t.dateTime(at.toInstant(), zone);
    }

    public String day(java.time.LocalDate day) {
        return t.date(day);
    }

    /** A day kept as ISO text (a workshop's), as the reader writes it; the text itself when it is not a date. */
    public String day(String iso) {
        try {
            return t.date(java.time.LocalDate.parse(iso));
        } catch (java.time.format.DateTimeParseException | NullPointerException notADate) {
            return iso == null ? "" : iso;
        }
    }
}
