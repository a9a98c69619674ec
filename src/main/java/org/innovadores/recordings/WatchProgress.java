package org.innovadores.recordings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.innovadores.program.ModuleMedia;
import org.innovadores.runtime.Now;
import org.innovadores.runtime.Sql;

/**
 * Where each person stopped in each recording, and how much they have watched. The watched time
 * only grows, and never past the duration; a recording counts as watched at 90 %.
 */
@ApplicationScoped
public class WatchProgress {

    @Inject
    Sql db;

    static final double WATCHED_SHARE = 0.9;

    public record Entry(double position, double watched, double duration) {
        public int percent() {
            return duration <= 0 ? 0 : (int) Math.min(100, Math.round(100 * watched / duration));
        }

        public boolean done() {
            return duration > 0 && watched >= WATCHED_SHARE * duration;
        }
    }


    public Optional<Entry> of(UUID asset, String subject) {
        return Optional.ofNullable(read(asset, subject));
    }

    /** One person's entries for every recording of a program, by recording. */
    public Map<UUID, Entry> ofAll(UUID program, String subject) {
        Map<UUID, Entry> entries = new HashMap<>();
        db.query("SELECT w.asset_id, w.position_s, w.watched_s, w.duration_s FROM watch_progress w JOIN media_asset a "
                + "ON a.id = w.asset_id WHERE a.program_id = ? AND w.subject = ?",
                row -> entries.put(Sql.uuid(row, 1), new Entry(row.getDouble(2), row.getDouble(3), row.getDouble(4))),
                program, subject);
        return entries;
    }

    /** For each module of a program: its recordings, and how many of them this person has watched. */
    public Map<String, ModuleMedia.Watched> byModule(UUID program, String subject) {
        Map<String, ModuleMedia.Watched> counts = new HashMap<>();
        db.query("SELECT a.module_key, COUNT(*), SUM(CASE WHEN w.duration_s > 0 AND w.watched_s >= ? * w.duration_s THEN 1 ELSE 0 END) "
                + "FROM media_asset a LEFT JOIN watch_progress w ON w.asset_id = a.id AND w.subject = ? WHERE a.program_id = ? "
                + "AND a.kind IN ('VIDEO', 'AUDIO') GROUP BY a.module_key",
                row -> counts.put(row.getString(1), new ModuleMedia.Watched(row.getInt(2), row.getInt(3))), WATCHED_SHARE, subject, program);
        return counts;
    }

    /** The same for every person of the course, in two queries: recordings by module, then watched by module and person. */
    public ModuleMedia.CourseWatched byModuleForEveryone(UUID program) {
        Map<String, Integer> recordings = new HashMap<>();
        db.query("SELECT module_key, COUNT(*) FROM media_asset WHERE program_id = ? AND kind IN ('VIDEO', 'AUDIO') GROUP BY module_key",
                row -> recordings.put(row.getString(1), row.getInt(2)), program);
        Map<String, Integer> watched = new HashMap<>();
        Map<String, Integer> viewers = new HashMap<>();
        db.query("SELECT a.module_key, a.workshop_key, w.subject, COUNT(*) FROM watch_progress w JOIN media_asset a ON a.id = w.asset_id "
                        + "WHERE a.program_id = ? AND a.kind IN ('VIDEO', 'AUDIO') AND w.duration_s > 0 AND w.watched_s >= ? * w.duration_s "
                        + "GROUP BY a.module_key, a.workshop_key, w.subject", row -> {
                    watched.merge(row.getString(1) + "\n" + row.getString(3), row.getInt(4), Integer::sum);
                    if (row.getString(2) != null) viewers.merge(row.getString(1) + "\n" + row.getString(2), 1, Integer::sum);
                }, program, WATCHED_SHARE);
        return new ModuleMedia.CourseWatched(recordings, watched, viewers);
    }

    private Entry read(UUID asset, String subject) {
        List<Entry> found = new java.util.ArrayList<>();
        db.query("SELECT position_s, watched_s, duration_s FROM watch_progress WHERE asset_id = ? AND subject = ?",
                row -> found.add(new Entry(row.getDouble(1), row.getDouble(2), row.getDouble(3))), asset, subject);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Records a player's report: where it is, how much has been watched, how long the recording is. */
    public Entry report(UUID asset, String subject, double position, double watched, double duration) {
        double d = Math.max(0, duration);
        double p = Math.max(0, Math.min(position, d));
        double w = Math.max(0, Math.min(watched, d));
        Entry before = read(asset, subject);
        Entry after = new Entry(p, Math.max(w, before == null ? 0 : before.watched()), d);
        OffsetDateTime now = Now.utc();
        if (before == null) {
            try {
                update("INSERT INTO watch_progress (asset_id, subject, position_s, watched_s, duration_s, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", asset, subject, after.position(), after.watched(), d, now);
                return after;
            } catch (IllegalStateException raced) {
                // Another report of the same person arrived first; fall through to the update.
            }
        }
        update("UPDATE watch_progress SET position_s = ?, watched_s = GREATEST(watched_s, ?), duration_s = ?, updated_at = ? "
                + "WHERE asset_id = ? AND subject = ?", after.position(), after.watched(), d, now, asset, subject);
        return after;
    }

    private void update(String sql, Object... values) {
        db.update(sql, values);
    }
}
