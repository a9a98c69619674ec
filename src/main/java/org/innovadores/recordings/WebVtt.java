package org.innovadores.recordings;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebVTT (W3C) as far as the tool needs it: the cues of a captions or chapters file, their times and
 * text, for the transcript and the chapter list. A file that does not follow the format is refused
 * with the line where it stops making sense.
 */
public final class WebVtt {

    /** One cue: from {@code start} to {@code end} seconds, its text without markup. */
    public record Cue(double start, double end, String text) {
    }

    /** What is wrong with a file, and on which line (1-based). */
    public static final class Invalid extends Exception {
        public final int line;

        Invalid(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private static final String TIME = "(?:(\\d{2,}):)?([0-5]\\d):([0-5]\\d)\\.(\\d{3})";
    private static final Pattern TIMING = Pattern.compile("^" + TIME + "[ \\t]+-->[ \\t]+" + TIME + "(?:[ \\t].*)?$");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private WebVtt() {
    }

    public static List<Cue> parse(String text) throws Invalid {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = content.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        if (lines.length == 0 || !lines[0].matches("WEBVTT([ \\t].*)?")) throw new Invalid(1, "The file does not start with WEBVTT");
        List<Cue> cues = new ArrayList<>();
        int i = 1;
        // The header runs to the first blank line.
        while (i < lines.length && !lines[i].isBlank()) i++;
        while (i < lines.length) {
            while (i < lines.length && lines[i].isBlank()) i++;
            if (i >= lines.length) break;
            String first = lines[i];
            if (first.startsWith("NOTE") || first.startsWith("STYLE") || first.startsWith("REGION")) {
                while (i < lines.length && !lines[i].isBlank()) i++;
                continue;
            }
            Matcher timing = TIMING.matcher(first);
            if (!timing.matches() && i + 1 < lines.length) {
                // An identifier line, then the timing.
                if (first.contains("-->")) throw new Invalid(i + 1, "Malformed cue timing: " + first);
                i++;
                timing = TIMING.matcher(lines[i]);
            }
            if (!timing.matches()) throw new Invalid(i + 1, "Expected a cue timing (00:00:00.000 --> 00:00:01.000)");
            double start = seconds(timing, 1);
            double end = seconds(timing, 5);
            if (end < start) throw new Invalid(i + 1, "A cue ends before it starts");
            i++;
            StringBuilder cueText = new StringBuilder();
            while (i < lines.length && !lines[i].isBlank()) {
                if (lines[i].contains("-->")) throw new Invalid(i + 1, "A cue timing inside a cue's text");
                if (!cueText.isEmpty()) cueText.append(' ');
                cueText.append(lines[i].strip());
                i++;
            }
            cues.add(new Cue(start, end, unescape(TAG.matcher(cueText).replaceAll(""))));
        }
        return cues;
    }

    private static double seconds(Matcher m, int group) {
        double hours = m.group(group) == null ? 0 : Long.parseLong(m.group(group));
        return hours * 3600 + Integer.parseInt(m.group(group + 1)) * 60 + Integer.parseInt(m.group(group + 2))
                + Integer.parseInt(m.group(group + 3)) / 1000.0;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", "\u00A0").replace("&lrm;", "")
                .replace("&rlm;", "").replace("&amp;", "&").strip();
    }

    /** "1:02:03" or "02:03" for a time in seconds. */
    /**
     * SubRip as WebVTT: the header added, cue numbers dropped, the decimal comma of timings made a
     * point; the text of each cue kept as it is.
     */
    public static String fromSrt(String srt) {
        String text = srt.startsWith("\uFEFF") ? srt.substring(1) : srt;
        StringBuilder vtt = new StringBuilder("WEBVTT\n");
        for (String block : text.replace("\r\n", "\n").replace('\r', '\n').strip().split("\n\\s*\n")) {
            List<String> lines = new java.util.ArrayList<>(List.of(block.strip().split("\n")));
            if (!lines.isEmpty() && lines.get(0).strip().matches("\\d+")) lines.remove(0);
            if (lines.isEmpty()) continue;
            String timing = lines.remove(0).replaceAll("(\\d{2}:\\d{2}:\\d{2}),(\\d{3})", "$1.$2");
            vtt.append('\n').append(timing).append('\n');
            for (String line : lines) vtt.append(line).append('\n');
        }
        return vtt.toString();
    }

    public static String clock(double seconds) {
        long total = (long) Math.floor(seconds);
        long h = total / 3600;
        long m = (total % 3600) / 60;
        long s = total % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%02d:%02d", m, s);
    }
}
