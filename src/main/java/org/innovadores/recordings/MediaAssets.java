package org.innovadores.recordings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.innovadores.runtime.Sql;

/**
 * The media of the courses, over plain JDBC: a recording's bytes are asked for range by range while
 * it plays, and each request needs one indexed lookup that also says whether its module is published.
 */
@ApplicationScoped
public class MediaAssets {

    @Inject
    Sql db;

    private static final String COLUMNS = "a.id, a.program_id, a.module_key, a.workshop_key, a.kind, a.title, a.language, "
            + "a.link_url, a.file_name, a.content_type, a.size_bytes, a.sha256, a.duration_s, a.chapters, a.created_by, a.created_at, "
            + "a.recording_id";


    /** An asset with whether the module it belongs to is published. */
    public record Located(MediaAsset asset, boolean modulePublished) {
    }

    public Optional<Located> find(UUID id) {
        List<Located> found = new ArrayList<>();
        db.query("SELECT " + COLUMNS + ", m.status FROM media_asset a LEFT JOIN program_module m "
                + "ON m.program_id = a.program_id AND m.item_key = a.module_key WHERE a.id = ?",
                row -> found.add(new Located(asset(row), "PUBLISHED".equals(row.getString(18)))), id);
        return found.stream().findFirst();
    }

    /** A module's media (its own and its workshops'), in the order they were added. */
    public List<MediaAsset> ofModule(UUID program, String moduleKey) {
        List<MediaAsset> assets = new ArrayList<>();
        db.query("SELECT " + COLUMNS + " FROM media_asset a WHERE a.program_id = ? AND a.module_key = ? ORDER BY a.created_at, a.id",
                row -> assets.add(asset(row)), program, moduleKey);
        return assets;
    }

    public void insert(MediaAsset a) {
        update("INSERT INTO media_asset (id, program_id, module_key, workshop_key, kind, title, language, link_url, file_name, "
                        + "content_type, size_bytes, sha256, duration_s, chapters, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id(), a.programId(), a.moduleKey(), a.workshopKey(), a.kind().name(), a.title(), a.language(), a.linkUrl(),
                a.fileName(), a.contentType(), a.size(), a.sha256(), a.durationSeconds(), a.chapters(), a.createdBy(),
                OffsetDateTime.ofInstant(a.createdAt(), ZoneOffset.UTC));
    }

    public void updateDetails(UUID id, String title, String chapters) {
        update("UPDATE media_asset SET title = ?, chapters = ? WHERE id = ?", title, chapters, id);
    }

    /** Which recording captions or chapters accompany. */
    public void setRecording(UUID id, UUID recording) {
        update("UPDATE media_asset SET recording_id = ? WHERE id = ?", recording, id);
    }

    public void delete(UUID id) {
        // Captions and chapters of a recording that goes fall back to the workshop's first one.
        update("UPDATE media_asset SET recording_id = NULL WHERE recording_id = ?", id);
        update("DELETE FROM watch_progress WHERE asset_id = ?", id);
        update("DELETE FROM media_asset WHERE id = ?", id);
    }

    private void update(String sql, Object... values) {
        db.update(sql, values);
    }

    private static MediaAsset asset(ResultSet row) throws SQLException {
        long size = row.getLong(11);
        Long sizeOrNull = row.wasNull() ? null : size;
        double duration = row.getDouble(13);
        Double durationOrNull = row.wasNull() ? null : duration;
        return new MediaAsset(Sql.uuid(row, 1), Sql.uuid(row, 2), row.getString(3), row.getString(4),
                MediaKind.valueOf(row.getString(5)), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                row.getString(10), sizeOrNull, row.getString(12), durationOrNull, row.getString(14), row.getString(15),
                Sql.time(row, 16).toInstant(), Sql.uuid(row, 17));
    }
}
