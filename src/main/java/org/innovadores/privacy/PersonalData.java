package org.innovadores.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.innovadores.runtime.Sql;

/**
 * Everything the tool holds about one person of one LMS (a platform's subject, across the courses
 * of its deployments), section by section, each row as column → value. The same sections feed the
 * machine-readable download and the readable page; erasure removes or pseudonymises each of them.
 */
@ApplicationScoped
public class PersonalData {

    /** The courses of a platform's deployments. */
    static final String PROGRAMS = "SELECT p.id FROM program p JOIN lti_deployment d ON d.id = p.deployment_id WHERE d.platform_id = ?";
    static final String DEPLOYMENTS = "SELECT id FROM lti_deployment WHERE platform_id = ?";
    static final String TEAMS = "SELECT id FROM team WHERE program_id IN (" + PROGRAMS + ")";

    /** Each section's query: its first parameter is the platform, its second the person's subject. */
    static final Map<String, String> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("courses", "SELECT p.context_id AS course, c.display_name AS name, c.role, c.last_seen FROM course_member c "
                + "JOIN program p ON p.id = c.program_id WHERE c.program_id IN (" + PROGRAMS + ") AND c.subject = ? ORDER BY c.last_seen");
        SECTIONS.put("roster", "SELECT p.context_id AS course, r.name, r.email, r.role, r.status, r.refreshed_at FROM roster_member r "
                + "JOIN program p ON p.id = r.program_id WHERE r.program_id IN (" + PROGRAMS + ") AND r.user_id = ?");
        SECTIONS.put("sessions", "SELECT s.display_name AS name, s.role, s.context_title AS course, s.locale, s.created_at, s.expires_at, "
                + "s.launch_claims FROM tool_session s WHERE s.deployment_id IN (" + DEPLOYMENTS + ") AND s.subject = ? ORDER BY s.created_at");
        SECTIONS.put("language", "SELECT locale, chosen_at FROM person_language WHERE deployment_id IN (" + DEPLOYMENTS + ") AND subject = ?");
        SECTIONS.put("teams", "SELECT p.context_id AS course, t.name AS team, m.joined_at FROM team_member m JOIN team t ON t.id = m.team_id "
                + "JOIN program p ON p.id = t.program_id WHERE m.program_id IN (" + PROGRAMS + ") AND m.subject = ?");
        SECTIONS.put("mentored", "SELECT p.context_id AS course, t.name AS team FROM team_mentor m JOIN team t ON t.id = m.team_id "
                + "JOIN program p ON p.id = t.program_id WHERE m.team_id IN (" + TEAMS + ") AND m.subject = ?");
        SECTIONS.put("progress", "SELECT p.context_id AS course, pm.item_key AS module, mp.first_visit_at, mp.last_visit_at, mp.content_read_at, "
                + "mp.completed_at FROM module_progress mp JOIN program_module pm ON pm.id = mp.module_id JOIN program p ON p.id = pm.program_id "
                + "WHERE pm.program_id IN (" + PROGRAMS + ") AND mp.subject = ? ORDER BY p.context_id, pm.position");
        SECTIONS.put("watched", "SELECT a.title AS recording, w.position_s, w.watched_s, w.duration_s, w.updated_at FROM watch_progress w "
                + "JOIN media_asset a ON a.id = w.asset_id WHERE a.program_id IN (" + PROGRAMS + ") AND w.subject = ?");
        SECTIONS.put("revisions", "SELECT t.name AS team, e.title AS exercise, r.version, r.status, r.changed, r.created_at "
                + "FROM exercise_revision r JOIN exercise e ON e.id = r.exercise_id JOIN team t ON t.id = e.team_id "
                + "WHERE e.team_id IN (" + TEAMS + ") AND r.author = ? ORDER BY r.created_at");
        SECTIONS.put("comments", "SELECT t.name AS team, e.title AS exercise, c.field_key AS field, c.body, c.created_at FROM exercise_comment c "
                + "JOIN exercise e ON e.id = c.exercise_id JOIN team t ON t.id = e.team_id WHERE e.team_id IN (" + TEAMS + ") AND c.author = ? "
                + "ORDER BY c.created_at");
        SECTIONS.put("mentoring", "SELECT t.name AS team, l.met_on, l.attended, l.notes, l.agreements, l.next_steps FROM mentoring_log l "
                + "JOIN team t ON t.id = l.team_id WHERE l.team_id IN (" + TEAMS + ") AND l.author = ? ORDER BY l.met_on");
        SECTIONS.put("notifications", "SELECT n.kind, n.actor, n.about, n.detail, n.created_at, n.read_at FROM notification n "
                + "WHERE n.program_id IN (" + PROGRAMS + ") AND n.subject = ? ORDER BY n.created_at");
        SECTIONS.put("mail", "SELECT p.context_id AS course, n.email, n.locale, n.email_off FROM notification_person n JOIN program p "
                + "ON p.id = n.program_id WHERE n.program_id IN (" + PROGRAMS + ") AND n.subject = ?");
        SECTIONS.put("network", "SELECT name, institution, challenge, skills, contact, show_institution, show_challenge, show_skills, "
                + "show_contact, cohort, updated_at FROM network_profile WHERE deployment_id IN (" + DEPLOYMENTS + ") AND subject = ?");
        SECTIONS.put("consents", "SELECT p.team_name AS team, p.title AS publication, c.consented_at FROM network_consent c "
                + "JOIN network_publication p ON p.id = c.publication_id WHERE p.deployment_id IN (" + DEPLOYMENTS + ") AND c.subject = ?");
        SECTIONS.put("proposals", "SELECT c.title AS call, t.name AS team, p.sections, p.submitted_at FROM pilot_proposal p "
                + "JOIN pilot_call c ON c.id = p.call_id JOIN team t ON t.id = p.team_id WHERE c.program_id IN (" + PROGRAMS + ") "
                + "AND p.submitted_by = ?");
        SECTIONS.put("reviews", "SELECT c.title AS call, t.name AS team, r.scores, r.conflict, r.submitted_at FROM pilot_review r "
                + "JOIN pilot_proposal p ON p.id = r.proposal_id JOIN pilot_call c ON c.id = p.call_id JOIN team t ON t.id = p.team_id "
                + "WHERE c.program_id IN (" + PROGRAMS + ") AND r.evaluator = ?");
        SECTIONS.put("certificates", "SELECT c.code, c.holder AS name, c.program_title AS program, c.course_title AS course, c.started_on, "
                + "c.completed_on, c.hours, c.issued_at, c.revoked_at FROM certificate c WHERE c.program_id IN (" + PROGRAMS + ") AND c.subject = ?");
        SECTIONS.put("expenses", "SELECT c.title AS call, x.spent_on, x.amount, x.note FROM pilot_expense x JOIN pilot_proposal p "
                + "ON p.id = x.proposal_id JOIN pilot_call c ON c.id = p.call_id WHERE c.program_id IN (" + PROGRAMS + ") AND x.recorded_by = ?");
    }

    /** One section: its key and its rows. */
    public record Section(String key, List<Map<String, String>> rows) {
    }

    @Inject
    Sql db;

    public List<Section> of(UUID platform, String subject) {
        List<Section> sections = new ArrayList<>();
        SECTIONS.forEach((key, sql) -> {
            List<Map<String, String>> rows = new ArrayList<>();
            db.query(sql, row -> {
                ResultSetMetaData meta = row.getMetaData();
                Map<String, String> values = new LinkedHashMap<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    Object value = meta.getColumnType(c) == Types.TIMESTAMP_WITH_TIMEZONE || meta.getColumnType(c) == Types.TIMESTAMP
                            ? Sql.time(row, c) : row.getObject(c);
                    values.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), value == null ? null : value.toString());
                }
                rows.add(values);
            }, platform, subject);
            sections.add(new Section(key, rows));
        });
        return sections;
    }

    /** The platform of a deployment: people are who their LMS says, so their data is gathered per platform. */
    public UUID platformOf(UUID deployment) {
        List<UUID> found = new ArrayList<>();
        db.query("SELECT platform_id FROM lti_deployment WHERE id = ?", row -> found.add(Sql.uuid(row, 1)), deployment);
        return found.stream().findFirst().orElseThrow();
    }
}
