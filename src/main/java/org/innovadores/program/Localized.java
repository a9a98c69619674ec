package org.innovadores.program;

/**
 * A text in Spanish and English. Spanish is the program's language: when the English is missing the
 * Spanish shows instead, marked as such, and the other way round; never a blank.
 */
public record Localized(String es, String en) {

    public static Localized of(String es, String en) {
        return new Localized(trimmed(es), trimmed(en));
    }

    public static Localized empty() {
        return new Localized("", "");
    }

    /** What to show in a language, and in which language it actually is. */
    public Shown in(String lang) {
        String wanted = "en".equals(lang) ? en : es;
        if (present(wanted)) return new Shown(wanted, "en".equals(lang) ? "en" : "es", false);
        String other = "en".equals(lang) ? es : en;
        if (present(other)) return new Shown(other, "en".equals(lang) ? "es" : "en", true);
        return new Shown("", lang, false);
    }

    public String text(String lang) {
        return in(lang).text();
    }

    /** Computed, not part of the text: never written into a document (where experts read and edit it). */
    @jakarta.json.bind.annotation.JsonbTransient
    public boolean isBlank() {
        return !present(es) && !present(en);
    }

    /** A text as shown: {@code fallback} when it is in the other language than the page. */
    public record Shown(String text, String lang, boolean fallback) {
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.strip().replace("\r\n", "\n");
    }
}
