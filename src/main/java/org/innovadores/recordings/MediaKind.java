package org.innovadores.recordings;

import java.util.Set;

/** What an attached file or link is for, and which file types it accepts. */
public enum MediaKind {
    VIDEO(Set.of(FileType.MP4, FileType.WEBM)),
    AUDIO(Set.of(FileType.MP3, FileType.M4A, FileType.OGG)),
    SLIDES(Set.of(FileType.PDF)),
    CAPTIONS(Set.of(FileType.WEBVTT, FileType.SRT)),
    CHAPTERS(Set.of(FileType.WEBVTT));

    private final Set<FileType> accepts;

    MediaKind(Set<FileType> accepts) {
        this.accepts = accepts;
    }

    public boolean accepts(FileType type) {
        return accepts.contains(type);
    }

    /** Recordings count toward a module's completion; slides, captions and chapters accompany them. */
    public boolean playable() {
        return this == VIDEO || this == AUDIO;
    }

    public static MediaKind parse(String value) {
        try {
            return MediaKind.valueOf(value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
