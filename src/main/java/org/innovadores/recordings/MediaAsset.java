package org.innovadores.recordings;

import java.time.Instant;
import java.util.UUID;

/**
 * A recording, slide deck, captions or chapters file of a course: uploaded (file name, type, size and
 * SHA-256 of bytes kept under the media folder) or linked ({@code linkUrl}).
 *
 * @param chapters chapter marks typed by the instructor, one "mm:ss Title" per line (a WebVTT
 *                 chapters file is another way)
 */
public record MediaAsset(UUID id, UUID programId, String moduleKey, String workshopKey, MediaKind kind, String title,
                         String language, String linkUrl, String fileName, String contentType, Long size, String sha256,
                         Double durationSeconds, String chapters, String createdBy, Instant createdAt) {

    public boolean uploaded() {
        return linkUrl == null;
    }

    /** A strong validator: the content's own hash, so two instances give the same one. */
    public String etag() {
        return "\"" + sha256.substring(0, 32) + "\"";
    }
}
