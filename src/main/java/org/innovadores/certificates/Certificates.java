package org.innovadores.certificates;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.innovadores.runtime.Now;
import org.innovadores.runtime.Sql;

/** The criteria of each course, who meets them, and the certificates issued and revoked. */
@ApplicationScoped
public class Certificates {

    /** What a course asks: modules completed by the person, exercises of their team accepted; and the hours it certifies. */
    public record Rule(int modulesCompleted, int exercisesAccepted, int hours) {
    }

    /** Where a person stands against the rule. */
    public record Standing(int modulesCompleted, int exercisesAccepted, Rule rule) {
        public boolean eligible() {
            return modulesCompleted >= rule.modulesCompleted() && exercisesAccepted >= rule.exercisesAccepted();
        }
    }

    public record Certificate(String code, UUID programId, String subject, String holder, String programTitle, String courseTitle,
                              LocalDate startedOn, LocalDate completedOn, int hours, String language, Instant issuedAt,
                              Instant revokedAt, String revokedWhy) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** Codes from a 32-letter alphabet without look-alikes: 20 of them carry 100 bits. */
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "code, program_id, subject, holder, program_title, course_title, started_on, completed_on, hours, "
            + "language, issued_at, revoked_at, revoked_why";

    @Inject
    Sql db;

    public Optional<Rule> rule(UUID program) {
        List<Rule> found = new ArrayList<>();
        db.query("SELECT modules_completed, exercises_accepted, hours FROM certificate_rule WHERE program_id = ?",
                row -> found.add(new Rule(row.getInt(1), row.getInt(2), row.getInt(3))), program);
        return found.stream().findFirst();
    }

    public void setRule(UUID program, Rule rule, String author) {
        OffsetDateTime now = Now.utc();
        if (db.update("UPDATE certificate_rule SET modules_completed = ?, exercises_accepted = ?, hours = ?, updated_by = ?, updated_at = ? "
                + "WHERE program_id = ?", rule.modulesCompleted(), rule.exercisesAccepted(), rule.hours(), author, now, program) == 0) {
            db.update("INSERT INTO certificate_rule (program_id, modules_completed, exercises_accepted, hours, updated_by, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", program, rule.modulesCompleted(), rule.exercisesAccepted(), rule.hours(), author, now);
        }
    }

    public Standing standing(UUID program, String subject, Rule rule) {
        int[] counts = new int[2];
        db.query("SELECT COUNT(*) FROM module_progress mp JOIN program_module pm ON pm.id = mp.module_id WHERE pm.program_id = ? "
                + "AND mp.subject = ? AND mp.completed_at IS NOT NULL", row -> counts[0] = row.getInt(1), program, subject);
        db.query("SELECT COUNT(*) FROM exercise e JOIN team_member m ON m.team_id = e.team_id WHERE m.program_id = ? AND m.subject = ? "
                + "AND e.status = 'ACCEPTED'", row -> counts[1] = row.getInt(1), program, subject);
        return new Standing(counts[0], counts[1], rule);
    }

    /** Issues the person's certificate: the period runs from their first visit to a module to today in the course's zone. */
    public Certificate issue(UUID program, String subject, String holder, String programTitle, String courseTitle, int hours, String language,
                             ZoneId zone) {
        LocalDate today = Now.today(zone);
        LocalDate[] first = {today};
        db.query("SELECT MIN(mp.first_visit_at) FROM module_progress mp JOIN program_module pm ON pm.id = mp.module_id "
                + "WHERE pm.program_id = ? AND mp.subject = ?", row -> {
                    OffsetDateTime at = Sql.time(row, 1);
                    if (at != null) first[0] = at.atZoneSameInstant(zone).toLocalDate();
                }, program, subject);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < CODE_LENGTH; i++) code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        db.update("INSERT INTO certificate (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)", code.toString(), program,
                subject, cut(holder, 255), cut(programTitle, 500), cut(courseTitle, 500), first[0], today, hours, language,
                Now.utc());
        return find(code.toString()).orElseThrow();
    }

    public Optional<Certificate> find(String code) {
        return read("WHERE code = ?", code).stream().findFirst();
    }

    public Optional<Certificate> of(UUID program, String subject) {
        return read("WHERE program_id = ? AND subject = ?", program, subject).stream().findFirst();
    }

    public List<Certificate> all(UUID program) {
        return read("WHERE program_id = ? ORDER BY issued_at", program);
    }

    /** Revokes a valid certificate of the course; false when it is not there or already revoked. */
    public boolean revoke(UUID program, String code, String by, String why) {
        return db.update("UPDATE certificate SET revoked_at = ?, revoked_by = ?, revoked_why = ? WHERE code = ? AND program_id = ? "
                + "AND revoked_at IS NULL", Now.utc(), by, cut(why, 1000), code, program) == 1;
    }

    public static boolean wellFormed(String code) {
        return code != null && code.length() == CODE_LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    private List<Certificate> read(String where, Object... values) {
        List<Certificate> found = new ArrayList<>();
        db.query("SELECT " + COLUMNS + " FROM certificate " + where, row -> found.add(new Certificate(row.getString(1), Sql.uuid(row, 2),
                row.getString(3), row.getString(4), row.getString(5), row.getString(6), Sql.date(row, 7), Sql.date(row, 8), row.getInt(9),
                row.getString(10), Sql.time(row, 11).toInstant(), Sql.time(row, 12) == null ? null : Sql.time(row, 12).toInstant(),
                row.getString(13))), values);
        return found;
    }

    private static String cut(String text, int max) {
        String s = text == null ? "" : text.strip();
        return s.length() > max ? s.substring(0, max) : s;
    }
}
