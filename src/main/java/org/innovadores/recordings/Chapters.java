package org.innovadores.recordings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chapters of a recording: from a WebVTT chapters file attached beside it, or from marks the
 * instructor typed, one per line as "mm:ss Title" or "h:mm:ss Title".
 */
public final class Chapters {

    /** A chapter: where it starts, in seconds, and its title. */
    public record Chapter(double start, String title) {
        public String clock() {
            return WebVtt.clock(start);
        }
    }

    private static final Pattern MARK = Pattern.compile("^(?:(\\d{1,2}):)?(\\d{1,2}):([0-5]\\d)\\s+(.+)$");

    private Chapters() {
    }

    public static List<Chapter> fromMarks(String marks) {
        List<Chapter> chapters = new ArrayList<>();
        if (marks == null) return chapters;
        for (String line : marks.split("\n")) {
            Matcher m = MARK.matcher(line.strip());
            if (!m.matches()) continue;
            double hours = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
            chapters.add(new Chapter(hours * 3600 + Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3)),
                    m.group(4).strip()));
        }
        return chapters;
    }

    /** The first line (1-based) that is not a chapter mark, or 0 when all are. */
    public static int firstInvalidLine(String marks) {
        String[] lines = marks.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank() && !MARK.matcher(lines[i].strip()).matches()) return i + 1;
        }
        return 0;
    }

    public static List<Chapter> fromVtt(String text) {
        try {
            return WebVtt.parse(text).stream().map(cue -> new Chapter(cue.start(), cue.text())).toList();
        } catch (WebVtt.Invalid e) {
            return List.of();
        }
    }
}
