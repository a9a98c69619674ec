package org.innovadores.privacy;

import static org.innovadores.privacy.PersonalData.DEPLOYMENTS;
import static org.innovadores.privacy.PersonalData.PROGRAMS;
import static org.innovadores.privacy.PersonalData.TEAMS;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.innovadores.audit.AuditLog;
import org.innovadores.runtime.Sql;

/**
 * Erases a person of one LMS from every table, in one transaction. What was theirs alone goes
 * (their sessions, courses, teams, progress, notifications, network profile, unfinished uploads);
 * what they wrote with others stays, attributed to a pseudonym named "former participant" in each
 * course's language, so a team's work is not destroyed. The audit log records the erasure by that
 * pseudonym only.
 */
@ApplicationScoped
public class Erasure {

    private static final Logger LOG = Logger.getLogger(Erasure.class.getName());

    /** What an erasure did: the pseudonym that now stands for the person, and how many rows changed. */
    public record Erased(String reference, int rows) {
    }

    @Inject
    Sql db;

    @Inject
    AuditLog audit;

    /** Whether the tool holds anything about that person of that platform. */
    public boolean known(UUID platform, String subject) {
        int[] found = {0};
        for (String sql : new String[] {
                "SELECT 1 FROM course_member WHERE program_id IN (" + PROGRAMS + ") AND subject = ?",
                "SELECT 1 FROM tool_session WHERE deployment_id IN (" + DEPLOYMENTS + ") AND subject = ?",
                "SELECT 1 FROM roster_member WHERE program_id IN (" + PROGRAMS + ") AND user_id = ?"}) {
            db.query(sql, row -> found[0]++, platform, subject);
        }
        return found[0] > 0;
    }

    @Transactional
    public Erased erase(UUID platform, String subject, String actor) {
        String reference = "former-" + UUID.randomUUID().toString().substring(0, 13);
        Set<String> names = new LinkedHashSet<>();
        for (String sql : new String[] {
                "SELECT display_name FROM course_member WHERE program_id IN (" + PROGRAMS + ") AND subject = ?",
                "SELECT name FROM roster_member WHERE program_id IN (" + PROGRAMS + ") AND user_id = ?",
                "SELECT display_name FROM tool_session WHERE deployment_id IN (" + DEPLOYMENTS + ") AND subject = ?",
                "SELECT name FROM network_profile WHERE deployment_id IN (" + DEPLOYMENTS + ") AND subject = ?"}) {
            db.query(sql, row -> {
                String name = row.getString(1);
                if (name != null && name.strip().length() > 2) names.add(name.strip());
            }, platform, subject);
        }
        int rows = 0;
        // What they wrote with others: attributed to the pseudonym, named in each course's language.
        String former = "CASE WHEN (SELECT p.language FROM program p WHERE p.id = %s) = 'en' THEN 'Former participant' ELSE 'Ex participante' END";
        String byExercise = former.formatted("(SELECT t.program_id FROM exercise e JOIN team t ON t.id = e.team_id WHERE e.id = exercise_id)");
        String exercisesOf = "exercise_id IN (SELECT id FROM exercise WHERE team_id IN (" + TEAMS + "))";
        rows += db.update("UPDATE exercise_revision SET author = ?, author_name = " + byExercise + " WHERE " + exercisesOf + " AND author = ?",
                reference, platform, subject);
        rows += db.update("UPDATE exercise_conflict SET author = ?, author_name = " + byExercise + " WHERE " + exercisesOf + " AND author = ?",
                reference, platform, subject);
        rows += db.update("UPDATE exercise_conflict SET resolved_by = ? WHERE " + exercisesOf + " AND resolved_by = ?", reference, platform, subject);
        rows += db.update("UPDATE exercise_comment SET author = ?, author_name = " + byExercise + " WHERE " + exercisesOf + " AND author = ?",
                reference, platform, subject);
        rows += db.update("UPDATE mentoring_log SET author = ? WHERE team_id IN (" + TEAMS + ") AND author = ?", reference, platform, subject);
        String modulesOf = "module_id IN (SELECT id FROM program_module WHERE program_id IN (" + PROGRAMS + "))";
        rows += db.update("UPDATE module_revision SET author = ?, author_name = " + former.formatted(
                "(SELECT m.program_id FROM program_module m WHERE m.id = module_id)") + " WHERE " + modulesOf + " AND author = ?",
                reference, platform, subject);
        rows += db.update("UPDATE program SET created_by = ? WHERE id IN (" + PROGRAMS + ") AND created_by = ?", reference, platform, subject);
        rows += db.update("UPDATE program_attachment SET created_by = ? WHERE " + modulesOf + " AND created_by = ?", reference, platform, subject);
        // An unfinished upload is course material, not theirs: it stays for the cleaner, by the pseudonym.
        for (String table : new String[] {"certificate_rule|updated_by", "certificate|revoked_by", "program_module|updated_by",
                "template_version|created_by", "media_asset|created_by",
                "media_upload|created_by", "pilot_call|created_by", "pilot_call|decided_by"}) {
            String[] t = table.split("\\|");
            rows += db.update("UPDATE " + t[0] + " SET " + t[1] + " = ? WHERE program_id IN (" + PROGRAMS + ") AND " + t[1] + " = ?",
                    reference, platform, subject);
        }
        String callsOf = "call_id IN (SELECT id FROM pilot_call WHERE program_id IN (" + PROGRAMS + "))";
        rows += db.update("UPDATE pilot_proposal SET submitted_by = ? WHERE " + callsOf + " AND submitted_by = ?", reference, platform, subject);
        rows += db.update("UPDATE pilot_proposal SET go_by = ? WHERE " + callsOf + " AND go_by = ?", reference, platform, subject);
        String proposalsOf = "proposal_id IN (SELECT id FROM pilot_proposal WHERE " + callsOf + ")";
        rows += db.update("UPDATE pilot_review SET evaluator = ? WHERE " + proposalsOf + " AND evaluator = ?", reference, platform, subject);
        rows += db.update("UPDATE pilot_expense SET recorded_by = ? WHERE " + proposalsOf + " AND recorded_by = ?", reference, platform, subject);
        rows += db.update("UPDATE network_publication SET proposed_by = ? WHERE deployment_id IN (" + DEPLOYMENTS + ") AND proposed_by = ?",
                reference, platform, subject);
        // A consent given stays given (the publication was agreed), by the pseudonym.
        rows += db.update("UPDATE network_consent SET subject = ? WHERE publication_id IN (SELECT id FROM network_publication WHERE "
                + "deployment_id IN (" + DEPLOYMENTS + ")) AND subject = ?", reference, platform, subject);
        rows += db.update("UPDATE audit_event SET actor = ? WHERE actor = ?", reference, subject);
        java.util.List<UUID> deployments = new java.util.ArrayList<>();
        db.query(DEPLOYMENTS, row -> deployments.add(Sql.uuid(row, 1)), platform);
        for (UUID deployment : deployments) {
            rows += db.update("UPDATE audit_event SET actor = ? WHERE actor = ?", reference, "lti-admin:" + deployment + ":" + subject);
        }
        // Their name where others' records mention it: notices about what they did, the attendance of a mentoring session.
        for (String name : names) {
            rows += db.update("UPDATE notification SET actor = " + former.formatted("program_id") + " WHERE program_id IN (" + PROGRAMS
                    + ") AND actor = ?", platform, name);
            rows += db.update("UPDATE notification SET about = REPLACE(about, ?, " + former.formatted("program_id") + "), detail = "
                    + "REPLACE(detail, ?, " + former.formatted("program_id") + ") WHERE program_id IN (" + PROGRAMS + ") AND (about LIKE ? "
                    + "OR detail LIKE ?)", name, name, platform, "%" + name + "%", "%" + name + "%");
            rows += db.update("UPDATE mentoring_log SET attended = REPLACE(attended, ?, " + former.formatted(
                    "(SELECT t.program_id FROM team t WHERE t.id = team_id)") + ") WHERE team_id IN (" + TEAMS + ") AND attended LIKE ?",
                    name, platform, "%" + name + "%");
            rows += db.update("UPDATE exercise_comment SET author_name = " + byExercise + " WHERE " + exercisesOf + " AND author_name = ?",
                    platform, name);
        }
        // What was theirs alone.
        rows += db.update("DELETE FROM tool_session WHERE deployment_id IN (" + DEPLOYMENTS + ") AND subject = ?", platform, subject);
        rows += db.update("DELETE FROM lti_login_state WHERE platform_id = ? AND login_hint = ?", platform, subject);
        rows += db.update("DELETE FROM person_language WHERE deployment_id IN (" + DEPLOYMENTS + ") AND subject = ?", platform, subject);
        rows += db.update("DELETE FROM network_profile WHERE deployment_id IN (" + DEPLOYMENTS + ") AND subject = ?", platform, subject);
        rows += db.update("DELETE FROM team_mentor WHERE team_id IN (" + TEAMS + ") AND subject = ?", platform, subject);
        rows += db.update("DELETE FROM pilot_evaluator WHERE call_id IN (SELECT id FROM pilot_call WHERE program_id IN (" + PROGRAMS
                + ")) AND subject = ?", platform, subject);
        rows += db.update("DELETE FROM module_progress WHERE " + modulesOf + " AND subject = ?", platform, subject);
        rows += db.update("DELETE FROM watch_progress WHERE asset_id IN (SELECT id FROM media_asset WHERE program_id IN (" + PROGRAMS
                + ")) AND subject = ?", platform, subject);
        for (String table : new String[] {"team_member|subject", "course_member|subject", "roster_member|user_id", "notification|subject",
                "notification_person|subject", "score_outbox|user_id", "certificate|subject"}) {
            String[] t = table.split("\\|");
            rows += db.update("DELETE FROM " + t[0] + " WHERE program_id IN (" + PROGRAMS + ") AND " + t[1] + " = ?", platform, subject);
        }
        audit.record(actor, "person.erased", "ref=" + reference + " rows=" + rows);
        int changed = rows;
        LOG.info(() -> "Erased a person (" + reference + "): " + changed + " rows removed or pseudonymised");
        return new Erased(reference, rows);
    }
}
