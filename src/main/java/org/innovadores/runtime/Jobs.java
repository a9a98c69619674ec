package org.innovadores.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable job queue, in the database so every instance shares it. A job is claimed by one
 * UPDATE that only one instance can win (queued and due, or running with an expired lease); it is
 * then done, or failed: tried again later with a doubling pause until its attempts run out, or at
 * once failed for good when retrying cannot help.
 */
@ApplicationScoped
public class Jobs {

    public enum State { QUEUED, RUNNING, DONE, FAILED }

    public record Job(UUID id, String kind, UUID programId, UUID subjectId, State state, int attempts, int maxAttempts,
                      Instant runAfter, String lastError, Instant updatedAt) {
    }

    /** This instance, as leases name it. */
    public static final String INSTANCE = UUID.randomUUID().toString();

    private static final String COLUMNS = "id, kind, program_id, subject_id, state, attempts, max_attempts, run_after, last_error, updated_at";

    @Inject
    Sql db;

    public UUID enqueue(String kind, UUID program, UUID subject, int maxAttempts) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.update("INSERT INTO job (id, kind, program_id, subject_id, state, attempts, max_attempts, run_after, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, 'QUEUED', 0, ?, ?, ?, ?)", id, kind, program, subject, maxAttempts, now, now, now);
        return id;
    }

    /** The next due job of that kind, now leased to this instance for {@code lease}; empty when none is due. */
    public Optional<Job> claim(String kind, Duration lease) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<UUID> candidates = new ArrayList<>();
        db.query("SELECT id FROM job WHERE kind = ? AND ((state = 'QUEUED' AND run_after <= ?) OR (state = 'RUNNING' AND lease_until < ?)) "
                + "ORDER BY run_after LIMIT 5", row -> candidates.add(Sql.uuid(row, 1)), kind, now, now);
        for (UUID id : candidates) {
            int won = db.update("UPDATE job SET state = 'RUNNING', attempts = attempts + 1, lease_owner = ?, lease_until = ?, updated_at = ? "
                    + "WHERE id = ? AND ((state = 'QUEUED' AND run_after <= ?) OR (state = 'RUNNING' AND lease_until < ?))",
                    INSTANCE, now.plus(lease), now, id, now, now);
            if (won == 1) return find(id);
        }
        return Optional.empty();
    }

    /** Keeps a running job leased to this instance: its worker calls it while the work goes on. */
    /**
     * Gives a running job back (this instance is stopping): queued again at once for any instance, and
     * the cut attempt not counted, since the job did not fail.
     */
    public void release(UUID id) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.update("UPDATE job SET state = 'QUEUED', attempts = attempts - 1, lease_owner = NULL, lease_until = NULL, run_after = ?, "
                + "updated_at = ? WHERE id = ? AND lease_owner = ? AND state = 'RUNNING'", now, now, id, INSTANCE);
    }

    public boolean renew(UUID id, Duration lease) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return db.update("UPDATE job SET lease_until = ?, updated_at = ? WHERE id = ? AND lease_owner = ? AND state = 'RUNNING'",
                now.plus(lease), now, id, INSTANCE) == 1;
    }

    public void done(UUID id) {
        db.update("UPDATE job SET state = 'DONE', lease_owner = NULL, lease_until = NULL, last_error = NULL, updated_at = ? WHERE id = ? "
                + "AND lease_owner = ?", OffsetDateTime.now(ZoneOffset.UTC), id, INSTANCE);
    }

    /** A failed attempt: again after {@code base} × 2^(attempts − 1), unless {@code permanent} or out of attempts. */
    public void failed(Job job, String error, Duration base, boolean permanent) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String reason = error == null ? "" : error.length() > 2000 ? error.substring(error.length() - 2000) : error;
        if (permanent || job.attempts() >= job.maxAttempts()) {
            db.update("UPDATE job SET state = 'FAILED', lease_owner = NULL, lease_until = NULL, last_error = ?, updated_at = ? WHERE id = ?",
                    reason, now, job.id());
        } else {
            Duration pause = base.multipliedBy(1L << Math.min(20, Math.max(0, job.attempts() - 1)));
            db.update("UPDATE job SET state = 'QUEUED', lease_owner = NULL, lease_until = NULL, last_error = ?, run_after = ?, updated_at = ? "
                    + "WHERE id = ?", reason, now.plus(pause), now, job.id());
        }
    }

    public Optional<Job> find(UUID id) {
        return read("WHERE id = ?", id).stream().findFirst();
    }

    /** The latest job of that kind about one thing (a recording), if any. */
    public Optional<Job> latestFor(UUID subject, String kind) {
        return read("WHERE subject_id = ? AND kind = ? ORDER BY created_at DESC", subject, kind).stream().findFirst();
    }

    public List<Job> ofProgram(UUID program) {
        return read("WHERE program_id = ? ORDER BY created_at DESC", program);
    }

    /** The latest jobs of the courses of one LMS, newest first. */
    public List<Job> ofPlatform(UUID platform, int max) {
        List<Job> all = read("WHERE program_id IN (SELECT p.id FROM program p JOIN lti_deployment d ON d.id = p.deployment_id "
                + "WHERE d.platform_id = ?) ORDER BY created_at DESC", platform);
        return all.size() > max ? all.subList(0, max) : all;
    }

    public List<Job> latest(int max) {
        List<Job> all = read("ORDER BY created_at DESC");
        return all.size() > max ? all.subList(0, max) : all;
    }

    public void forget(UUID subject) {
        db.update("DELETE FROM job WHERE subject_id = ?", subject);
    }

    private List<Job> read(String where, Object... values) {
        List<Job> found = new ArrayList<>();
        db.query("SELECT " + COLUMNS + " FROM job " + where, row -> found.add(new Job(Sql.uuid(row, 1), row.getString(2), Sql.uuid(row, 3),
                Sql.uuid(row, 4), State.valueOf(row.getString(5)), row.getInt(6), row.getInt(7), Sql.time(row, 8).toInstant(), row.getString(9),
                Sql.time(row, 10).toInstant())), values);
        return found;
    }
}
