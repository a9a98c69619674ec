package org.innovadores.grades;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innovadores.lti.AssignmentGrades;
import org.innovadores.lti.ServiceTokens;
import org.innovadores.runtime.Sql;

/**
 * Delivers the queued scores. Every few seconds it claims due scores one at a time (a conditional
 * update, so two instances never send the same one), always the oldest of its user and line item so
 * scores arrive in order, and posts it. A 2xx marks it sent; a refusal that will not change by waiting
 * (400, 403, 404, 409, 422: e.g. Moodle's 400 for a user not gradable in the course) stops it with the
 * LMS's reason for instructors to see; anything else (no answer, timeouts, 5xx, 429) is retried with
 * exponential backoff and jitter, across LMS outages and tool restarts, since the queue is in the
 * database.
 */
@Singleton
public class ScoreSender {

    private static final Logger LOG = Logger.getLogger(ScoreSender.class.getName());
    private static final Set<Integer> PERMANENT = Set.of(400, 403, 404, 405, 409, 410, 413, 415, 422);

    record Due(UUID id, UUID program, UUID platform, String itemKey, String url, String payload, int attempts) {
    }

    @Inject
    Sql db;

    @Inject
    AssignmentGrades ags;

    @Inject
    CourseServices services;

    @Inject
    LineItemLabels labels;

    @Inject
    @ConfigProperty(name = "grades.retry.base", defaultValue = "PT2S")
    Duration base;

    @Inject
    @ConfigProperty(name = "grades.retry.max", defaultValue = "PT1H")
    Duration max;

    /**
     * Never lets an exception out: the container cancels a timer whose callback keeps failing, and
     * then no score would reach any LMS until a restart. A failure of one score is recorded on it;
     * a failure of the queue itself (the database away) is logged and tried again at the next tick.
     */
    // Each claim and outcome commits on its own, never held across a call to the server: another instance sees
    // them at once, and a killed instance leaves nothing rolled back that the server already has.
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    @Schedule(hour = "*", minute = "*", second = "*/3", persistent = false)
    void deliverDue() {
        try {
            for (int i = 0; i < 500; i++) {
                Due due = claim();
                if (due == null) return;
                deliver(due);
            }
        } catch (RuntimeException | Error failure) {
            LOG.log(java.util.logging.Level.WARNING, "Score delivery paused until the next round: " + failure);
        }
    }

    private Due claim() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Due> candidates = new ArrayList<>();
        db.query("SELECT s.id, s.program_id, s.platform_id, s.item_key, s.line_item_url, s.payload, s.attempts FROM score_outbox s "
                + "WHERE s.status = 'PENDING' AND s.next_attempt_at <= ? AND (s.claimed_until IS NULL OR s.claimed_until < ?) "
                + "AND NOT EXISTS (SELECT 1 FROM score_outbox o WHERE o.program_id = s.program_id AND o.item_key = s.item_key "
                + "AND o.user_id = s.user_id AND o.status = 'PENDING' AND o.created_at < s.created_at) "
                + "ORDER BY s.created_at LIMIT 5", row -> candidates.add(new Due(Sql.uuid(row, 1), Sql.uuid(row, 2),
                Sql.uuid(row, 3), row.getString(4), row.getString(5), row.getString(6), row.getInt(7))), now, now);
        for (Due candidate : candidates) {
            if (db.update("UPDATE score_outbox SET claimed_until = ? WHERE id = ? AND status = 'PENDING' "
                    + "AND (claimed_until IS NULL OR claimed_until < ?)", now.plusMinutes(2), candidate.id(), now) == 1) {
                return candidate;
            }
        }
        return null;
    }

    private void deliver(Due due) {
        try {
            String url = due.url().isEmpty() ? lineItem(due) : due.url();
            ags.postScore(due.platform(), url, due.payload());
            db.update("UPDATE score_outbox SET status = 'SENT', sent_at = ?, claimed_until = NULL, line_item_url = ?, last_error = NULL "
                    + "WHERE id = ?", OffsetDateTime.now(ZoneOffset.UTC), url, due.id());
        } catch (RuntimeException unexpected) {
            // Something in this score or its platform's answer the sender does not understand: the
            // score stops with the reason for instructors to see, and the others go on.
            LOG.warning(() -> "Score " + due.id() + " could not be delivered: " + unexpected);
            db.update("UPDATE score_outbox SET status = 'REFUSED', claimed_until = NULL, attempts = attempts + 1, last_error = ? "
                    + "WHERE id = ?", ServiceTokens.abbreviate("tool: " + unexpected), due.id());
        } catch (ServiceTokens.Unavailable failed) {
            if (PERMANENT.contains(failed.status)) {
                LOG.warning(() -> "The LMS refused score " + due.id() + " for good (" + failed.status + "): " + failed.getMessage());
                db.update("UPDATE score_outbox SET status = 'REFUSED', claimed_until = NULL, attempts = attempts + 1, last_error = ? "
                        + "WHERE id = ?", ServiceTokens.abbreviate(failed.status + " " + failed.getMessage()), due.id());
            } else {
                long delay = Math.min(max.toMillis(), base.toMillis() << Math.min(due.attempts(), 20));
                long jittered = (long) (delay * (0.75 + ThreadLocalRandom.current().nextDouble() * 0.5));
                db.update("UPDATE score_outbox SET claimed_until = NULL, attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                        + "WHERE id = ?", OffsetDateTime.now(ZoneOffset.UTC).plusNanos(jittered * 1_000_000),
                        ServiceTokens.abbreviate((failed.status == 0 ? "" : failed.status + " ") + failed.getMessage()), due.id());
            }
        }
    }

    /** Creates the gradebook column for an item that has none yet, in the course's container. */
    private String lineItem(Due due) throws ServiceTokens.Unavailable {
        CourseServices.LineItem known = services.find(due.program(), due.itemKey()).orElse(null);
        if (known != null) return known.url();
        CourseServices.Services course = services.services(due.program())
                .orElseThrow(() -> new ServiceTokens.Unavailable(404, "the course has no line items container"));
        if (course.lineItems() == null) throw new ServiceTokens.Unavailable(404, "the course has no line items container");
        // Named as people read it, in the course's language; never by its key.
        LineItemLabels.Wanted want = labels.wanted(due.program(), due.itemKey());
        String url = ags.createLineItem(due.platform(), course.lineItems(), want.label(), want.scoreMaximum(), due.itemKey(),
                due.itemKey().startsWith("module/") ? "module" : "exercise");
        services.created(due.program(), due.itemKey(), url, want.label(), want.scoreMaximum());
        return services.find(due.program(), due.itemKey()).map(CourseServices.LineItem::url).orElse(url);
    }
}
