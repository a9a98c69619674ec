package org.innovadores.grades;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.innovadores.runtime.Sql;

/**
 * Scores on their way to the LMS. Each is written here in the same transaction as the event that
 * caused it (a submission, a review, a module read), so no score exists only in memory; the sender
 * delivers them. A score is unique per (line item, user, timestamp): the same one is never queued
 * twice. Items without a known gradebook column wait with an empty URL; the sender creates the
 * column in the course's container when there is one.
 */
@ApplicationScoped
public class ScoreOutbox {

    /** A score as the AGS Score service takes it. */
    public record Score(String userId, Double scoreGiven, Double scoreMaximum, String activityProgress, String gradingProgress,
                        String comment) {
    }

    /** A queued score, as the grades page lists it. */
    public record Entry(UUID id, String itemKey, String userId, String status, int attempts, String lastError,
                        OffsetDateTime createdAt) {
    }

    @Inject
    Sql db;

    @Inject
    CourseServices services;

    /**
     * Queues a score for each user; answers how many were queued (none when the course has no
     * gradebook services). Call it inside the transaction of the event.
     */
    public int enqueue(UUID program, String itemKey, List<Score> scores) {
        CourseServices.Services course = services.services(program).orElse(null);
        if (course == null) return 0;
        CourseServices.LineItem lineItem = services.find(program, itemKey).orElse(null);
        if (lineItem == null && course.lineItems() == null) return 0;
        String url = lineItem == null ? "" : lineItem.url();
        String status = lineItem != null && lineItem.onRelease() ? "HELD" : "PENDING";
        // Milliseconds: two events of the same second stay two scores, in order.
        String timestamp = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Score score : scores) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("userId", score.userId());
            if (score.scoreGiven() != null) {
                json.put("scoreGiven", score.scoreGiven());
                json.put("scoreMaximum", score.scoreMaximum());
            }
            json.put("activityProgress", score.activityProgress());
            json.put("gradingProgress", score.gradingProgress());
            json.put("timestamp", timestamp);
            if (score.comment() != null) json.put("comment", score.comment());
            db.update("INSERT INTO score_outbox (id, program_id, platform_id, item_key, line_item_url, user_id, score_timestamp, "
                    + "payload, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                    UUID.randomUUID(), program, course.platform(), itemKey, url, score.userId(), timestamp,
                    JSONObjectUtils.toJSONString(json), status, now, now);
        }
        return scores.size();
    }

    public List<Entry> entries(UUID program, String status) {
        List<Entry> found = new ArrayList<>();
        db.query("SELECT id, item_key, user_id, status, attempts, last_error, created_at FROM score_outbox WHERE program_id = ? "
                + "AND status = ? ORDER BY created_at DESC", row -> found.add(new Entry(Sql.uuid(row, 1), row.getString(2),
                row.getString(3), row.getString(4), row.getInt(5), row.getString(6), Sql.time(row, 7))),
                program, status);
        return found;
    }

    public Map<String, Integer> counts(UUID program) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        db.query("SELECT status, COUNT(*) FROM score_outbox WHERE program_id = ? GROUP BY status",
                row -> counts.put(row.getString(1), row.getInt(2)), program);
        return counts;
    }

    /** Sends a refused score again (after the cause was fixed in the LMS). */
    public boolean resend(UUID program, UUID id) {
        return db.update("UPDATE score_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = NULL "
                + "WHERE id = ? AND program_id = ? AND status = 'REFUSED'", OffsetDateTime.now(ZoneOffset.UTC), id, program) == 1;
    }

    /** Releases the held scores of an item. */
    public int release(UUID program, String itemKey) {
        return db.update("UPDATE score_outbox SET status = 'PENDING', next_attempt_at = ? WHERE program_id = ? AND item_key = ? "
                + "AND status = 'HELD'", OffsetDateTime.now(ZoneOffset.UTC), program, itemKey);
    }
}
