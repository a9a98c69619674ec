package org.innovadores.recordings;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The file types the tool accepts for recordings, recognised from a file's first bytes, never from
 * its name: a text file renamed ".mp4" is still text.
 */
public enum FileType {
    MP4("video/mp4"),
    WEBM("video/webm"),
    MP3("audio/mpeg"),
    M4A("audio/mp4"),
    OGG("audio/ogg"),
    PDF("application/pdf"),
    WEBVTT("text/vtt; charset=UTF-8"),
    /** SubRip captions, as meeting tools export them: accepted for captions and converted to WebVTT. */
    SRT("application/x-subrip");

    /** Enough bytes to tell every type apart. */
    public static final int HEAD = 16;

    public final String contentType;

    FileType(String contentType) {
        this.contentType = contentType;
    }

    public static Optional<FileType> detect(byte[] head, int length) {
        byte[] b = Arrays.copyOf(head, Math.max(length, 0));
        if (startsWith(b, 4, "ftyp")) {
            String brand = ascii(b, 8, 4);
            return Optional.of(brand.startsWith("M4A") || brand.startsWith("M4B") ? M4A : MP4);
        }
        if (startsWith(b, 0, new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3})) return Optional.of(WEBM);
        if (startsWith(b, 0, "ID3")) return Optional.of(MP3);
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0) return Optional.of(MP3);
        if (startsWith(b, 0, "OggS")) return Optional.of(OGG);
        if (startsWith(b, 0, "%PDF-")) return Optional.of(PDF);
        int bom = startsWith(b, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}) ? 3 : 0;
        if (startsWith(b, bom, "WEBVTT") && (b.length == bom + 6 || b[bom + 6] == ' ' || b[bom + 6] == '\t'
                || b[bom + 6] == '\n' || b[bom + 6] == '\r')) {
            return Optional.of(WEBVTT);
        }
        // SubRip: a cue number on its own line, then a timing line ("1\n00:00:01,000 --> …").
        int i = bom;
        while (i < b.length && i - bom < 6 && b[i] >= '0' && b[i] <= '9') i++;
        if (i > bom && i < b.length && (b[i] == '\n' || b[i] == '\r')) {
            int t = b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\n' ? i + 2 : i + 1;
            if (t + 2 < b.length && Character.isDigit(b[t]) && Character.isDigit(b[t + 1]) && b[t + 2] == ':') return Optional.of(SRT);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, int offset, String ascii) {
        return startsWith(b, offset, ascii.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] b, int offset, byte[] prefix) {
        if (b.length < offset + prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if (b[offset + i] != prefix[i]) return false;
        }
        return true;
    }

    private static String ascii(byte[] b, int offset, int length) {
        if (b.length < offset + length) return "";
        return new String(b, offset, length, StandardCharsets.US_ASCII);
    }
}
