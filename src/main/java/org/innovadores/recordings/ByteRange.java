package org.innovadores.recordings;

import java.util.Optional;

/**
 * An HTTP Range request (RFC 9110 §14) resolved against a representation of {@code length} bytes:
 * the one range to send, or "unsatisfiable" (416), or nothing (send the whole, 200). A header that
 * does not parse is ignored, as the RFC allows, and so is a request for several ranges: the whole
 * representation is a correct answer to both and a browser never sends either while playing.
 */
public record ByteRange(long first, long last) {

    /** What to do with a Range header. */
    public sealed interface Outcome permits Whole, Partial, Unsatisfiable {
    }

    public record Whole() implements Outcome {
    }

    public record Partial(ByteRange range) implements Outcome {
    }

    public record Unsatisfiable() implements Outcome {
    }

    public long length() {
        return last - first + 1;
    }

    public String contentRange(long total) {
        return "bytes " + first + "-" + last + "/" + total;
    }

    public static Outcome resolve(String header, long length) {
        if (header == null) return new Whole();
        String value = header.strip();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6)) return new Whole();
        String spec = value.substring(6).strip();
        if (spec.isEmpty() || spec.contains(",")) return new Whole();
        int dash = spec.indexOf('-');
        if (dash < 0) return new Whole();
        String from = spec.substring(0, dash).strip();
        String to = spec.substring(dash + 1).strip();
        Optional<Long> start = number(from);
        Optional<Long> end = number(to);
        if (from.isEmpty()) {
            // A suffix: the last N bytes.
            if (end.isEmpty()) return new Whole();
            long n = end.get();
            if (n == 0 || length == 0) return new Unsatisfiable();
            return new Partial(new ByteRange(Math.max(0, length - n), length - 1));
        }
        if (start.isEmpty() || (!to.isEmpty() && end.isEmpty())) return new Whole();
        long first = start.get();
        if (end.isPresent() && end.get() < first) return new Whole();
        if (first >= length) return new Unsatisfiable();
        long last = end.map(e -> Math.min(e, length - 1)).orElse(length - 1);
        return new Partial(new ByteRange(first, last));
    }

    private static Optional<Long> number(String digits) {
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) return Optional.empty();
        return Optional.of(Long.parseLong(digits));
    }
}
