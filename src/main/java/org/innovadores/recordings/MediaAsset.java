package org.innovadores.recordings;

import java.time.Instant;
import java.util.UUID;

/**
 * A recording, slide deck, captions or chapters file of a course: uploaded (file name, type, size and
 * SHA-256 of bytes kept under the media folder) or linked ({@code linkUrl}).
 *
 * @param recordingId for captions and chapters, the recording they accompany (null: see {@link #accompanies})
 * @param chapters chapter marks typed by the instructor, one "mm:ss Title" per line (a WebVTT
 *                 chapters file is another way)
 */
public record MediaAsset(UUID id, UUID programId, String moduleKey, String workshopKey, MediaKind kind, String title,
                         String language, String linkUrl, String fileName, String contentType, Long size, String sha256,
                         Double durationSeconds, String chapters, String createdBy, Instant createdAt, UUID recordingId) {

    public MediaAsset(UUID id, UUID programId, String moduleKey, String workshopKey, MediaKind kind, String title,
                      String language, String linkUrl, String fileName, String contentType, Long size, String sha256,
                      Double durationSeconds, String chapters, String createdBy, Instant createdAt) {
        this(id, programId, moduleKey, workshopKey, kind, title, language, linkUrl, fileName, contentType, size, sha256,
                durationSeconds, chapters, createdBy, createdAt, null);
    }

    /**
     * The recording captions or chapters accompany among their workshop's media (listed in the order
     * they were added): the one chosen, else the first uploaded recording; none for other kinds.
     */
    public java.util.Optional<UUID> accompanies(java.util.List<MediaAsset> workshopMedia) {
        if (kind != MediaKind.CAPTIONS && kind != MediaKind.CHAPTERS) return java.util.Optional.empty();
        if (recordingId != null) return java.util.Optional.of(recordingId);
        return workshopMedia.stream().filter(a -> a.kind().playable() && a.uploaded()).map(MediaAsset::id).findFirst();
    }

    public boolean uploaded() {
        return linkUrl == null;
    }

    /** A strong validator: the content's own hash, so two instances give the same one. */
    public String etag() {
        return "\"" + sha256.substring(0, 32) + "\"";
    }
}
