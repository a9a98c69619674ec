package org.innovadores.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.innovadores.participants.Inbox;
import org.innovadores.participants.ToolSession;
import org.innovadores.program.CourseVisited;
import org.innovadores.program.Program;
import org.innovadores.runtime.Now;
import org.innovadores.runtime.Sql;

/**
 * Each person's notices in a course, read or not, and what is needed to mail them: the address the
 * LMS gave, the language, and whether the person wants e-mails. A notice is written in the
 * transaction of the event it tells of; its e-mail waits in the same row until the sender hands it
 * to the mail server, so a server that is away delays it and loses nothing.
 */
@ApplicationScoped
public class Notifications implements Inbox {

    /** The kinds of notice; each has its texts under {@code notice.<kind>}. */
    public enum Kind { SUBMITTED, CHANGES_REQUESTED, ACCEPTED, COMMENTED, WORKSHOP, DIGEST, PILOT_CALL, PILOT_DECISION }

    public record Notice(UUID id, Kind kind, String actor, String about, String detail, String link, Instant createdAt, boolean read) {
    }

    /** A person's settings in one course. */
    public record Person(String email, String locale, boolean emailOff, String calendarToken) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Sql db;

    @Inject
    Mail mail;

    /** Notices to several people at once (the author of the event is never among them). */
    public void notify(Program program, Collection<String> subjects, Kind kind, String actor, String about, String detail, String link,
                       String onceKey) {
        OffsetDateTime now = Now.utc();
        String mailStatus = mail.enabled() ? "WAITING" : "NONE";
        for (String subject : subjects.stream().distinct().toList()) {
            String text = detail == null ? null : detail.length() > 5000 ? detail.substring(0, 4999) + "…" : detail;
            String shownAbout = about.length() > 500 ? about.substring(0, 499) + "…" : about;
            if (onceKey == null) {
                db.update("INSERT INTO notification (id, program_id, subject, kind, actor, about, detail, link, created_at, read_at, "
                                + "mail_status, mail_attempts, mail_next_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                        UUID.randomUUID(), program.id(), subject, kind.name(), actor, shownAbout, text, link, now,
                        kind == Kind.DIGEST ? now : null, mailStatus, now);
            } else {
                // Once per person and key, however many instances try: the unique index settles a race.
                try {
                    db.update("INSERT INTO notification (id, program_id, subject, kind, actor, about, detail, link, once_key, created_at, "
                                    + "read_at, mail_status, mail_attempts, mail_next_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ? "
                                    + "WHERE NOT EXISTS (SELECT 1 FROM notification WHERE program_id = ? AND subject = ? AND once_key = ?)",
                            UUID.randomUUID(), program.id(), subject, kind.name(), actor, shownAbout, text, link, onceKey, now,
                            kind == Kind.DIGEST ? now : null, mailStatus, now, program.id(), subject, onceKey);
                } catch (IllegalStateException alreadyThere) {
                    // another instance wrote it between the check and the insert
                }
            }
        }
    }

    private static final String SELECT = "SELECT id, kind, actor, about, detail, link, created_at, read_at FROM notification ";

    private static Notice notice(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Notice(Sql.uuid(row, 1), Kind.valueOf(row.getString(2)), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), Sql.time(row, 7).toInstant(),
                Sql.time(row, 8) != null);
    }

    public List<Notice> latest(Program program, String subject, int limit) {
        List<Notice> notices = new ArrayList<>();
        db.query(SELECT + "WHERE program_id = ? AND subject = ? ORDER BY created_at DESC LIMIT " + Math.max(1, Math.min(limit, 500)),
                row -> notices.add(notice(row)), program.id(), subject);
        return notices;
    }

    public void markAllRead(Program program, String subject) {
        db.update("UPDATE notification SET read_at = ? WHERE program_id = ? AND subject = ? AND read_at IS NULL",
                Now.utc(), program.id(), subject);
    }

    /** One notice of this person, marked read: the one they followed. */
    public Optional<Notice> open(Program program, String subject, UUID id) {
        db.update("UPDATE notification SET read_at = ? WHERE id = ? AND program_id = ? AND subject = ? AND read_at IS NULL",
                Now.utc(), id, program.id(), subject);
        List<Notice> found = new ArrayList<>();
        db.query(SELECT + "WHERE id = ? AND program_id = ? AND subject = ?", row -> found.add(notice(row)), id, program.id(), subject);
        return found.stream().findFirst();
    }

    @Override
    public int unread(ToolSession session) {
        int[] count = {0};
        db.query("SELECT COUNT(*) FROM notification n JOIN program p ON p.id = n.program_id WHERE p.deployment_id = ? "
                        + "AND p.context_id = ? AND n.subject = ? AND n.read_at IS NULL", row -> count[0] = row.getInt(1),
                session.deployment(), session.contextId(), session.subject());
        return count[0];
    }

    public Person person(Program program, String subject) {
        Optional<Person> found = find(program, subject);
        if (found.isPresent()) return found.get();
        ensure(program.id(), subject, null, null);
        return find(program, subject).orElseThrow(() -> new IllegalStateException("No notification settings could be kept"));
    }

    private Optional<Person> find(Program program, String subject) {
        List<Person> found = new ArrayList<>();
        db.query("SELECT n.email, n.locale, n.email_off, n.calendar_token FROM notification_person n WHERE n.program_id = ? "
                + "AND n.subject = ?", row -> found.add(new Person(row.getString(1), row.getString(2), row.getBoolean(3),
                row.getString(4))), program.id(), subject);
        return found.stream().findFirst();
    }

    public void emailOff(Program program, String subject, boolean off) {
        person(program, subject);
        db.update("UPDATE notification_person SET email_off = ? WHERE program_id = ? AND subject = ?", off, program.id(), subject);
    }

    /** Who a calendar token belongs to: the course and the person, or empty. */
    public Optional<UUID> courseOfCalendar(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) return Optional.empty();
        List<UUID> found = new ArrayList<>();
        db.query("SELECT program_id FROM notification_person WHERE calendar_token = ?", row -> found.add(Sql.uuid(row, 1)),
                token);
        return found.stream().findFirst();
    }

    /** Address and language come with a launch (a new session): recorded once per session and hour, not per page. */
    private final org.innovadores.runtime.Recently recorded = new org.innovadores.runtime.Recently(java.time.Duration.ofHours(1));

    /** Every launch into a course tells the address the LMS shares and the person's language. */
    void remember(@Observes CourseVisited visit) {
        ToolSession session = visit.session();
        if (!recorded.due(visit.program().id() + "|" + session.id())) return;
        ensure(visit.program().id(), session.subject(), email(session.launchClaims()), session.locale());
    }

    private void ensure(UUID program, String subject, String email, String locale) {
        if (db.update("UPDATE notification_person SET email = COALESCE(?, email), locale = COALESCE(?, locale) WHERE program_id = ? "
                + "AND subject = ?", email, locale, program, subject) > 0) return;
        try {
            db.update("INSERT INTO notification_person (program_id, subject, email, locale, email_off, calendar_token) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", program, subject, email, locale, false, newToken());
        } catch (IllegalStateException raced) {
            // two first pages at once: the other one wrote it
        }
    }

    static String email(String launchClaims) {
        if (launchClaims == null || launchClaims.isBlank()) return null;
        try {
            JsonObject claims = Json.createReader(new StringReader(launchClaims)).readObject();
            String email = claims.containsKey("email") && claims.get("email") instanceof jakarta.json.JsonString s ? s.getString() : null;
            return email != null && email.length() <= 320 && email.matches("[^\\s@<>\"]+@[^\\s@<>\"]+") ? email : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
