package org.innovadores.continuity;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The program package format, version 1: a zip whose {@code manifest.json} (written last) names every
 * other entry with its size and SHA-256. {@code program.json} is the program document (modules with
 * their content in both languages, workshops, exercise uses) and is what an import reads;
 * {@code modules/NN-key.LANG.md} are the same modules as readable Markdown; {@code templates/KEY.json}
 * the exercise templates the course uses; {@code attachments.json} and {@code attachments/...} the
 * modules' files; {@code recordings.json} the recordings' details and links, and
 * {@code recordings/...} their files when the export included them.
 */
public final class ProgramPackage {

    public static final String FORMAT = "innovadores-program-package";
    public static final int VERSION = 1;
    public static final String MANIFEST = "manifest.json";
    public static final String PROGRAM = "program.json";
    public static final String ATTACHMENTS = "attachments.json";
    public static final String RECORDINGS = "recordings.json";

    /** Entry names are plain: ASCII segments that start with a letter or digit, so none climbs out of a folder. */
    static final Pattern ENTRY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}(/[A-Za-z0-9][A-Za-z0-9._-]{0,120}){0,3}");

    private ProgramPackage() {
    }

    /** The manifest: what the package is and what it holds. */
    public record Manifest(String format, int formatVersion, String title, boolean recordingFiles, List<Entry> entries) {
    }

    public record Entry(String name, long size, String sha256) {
    }

    /** A module's file as the package lists it; {@code entry} is where its bytes are. */
    public record AttachmentFile(String module, String fileName, String contentType, long size, String sha256, String entry) {
    }

    /**
     * A recording, captions or chapters file, or a link; {@code entry} holds its bytes when the export
     * included them (null otherwise); {@code accompanies} is the position in this list of the recording
     * captions or chapters belong to (-1 when none was chosen).
     */
    public record Recording(String module, String workshop, String kind, String title, String language, String linkUrl,
                            String fileName, String contentType, Long size, String sha256, Double durationSeconds,
                            String chapters, int accompanies, String entry) {
    }

    /** "Informe final (v2).pdf" → "Informe-final-v2-.pdf": the name an entry may have. */
    static String plain(String fileName) {
        String ascii = java.text.Normalizer.normalize(fileName == null ? "" : fileName, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
        if (ascii.length() > 80) ascii = ascii.substring(ascii.length() - 80).replaceAll("^[^A-Za-z0-9]+", "");
        return ascii.isEmpty() ? "file" : ascii;
    }
}
