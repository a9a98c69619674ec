package org.innovadores.web;

import gg.jte.support.LocalizationSupport;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The interface texts in one language. Spanish is the program's language and the default; a key
 * missing in English falls back to the Spanish text rather than showing nothing.
 */
public final class Texts implements LocalizationSupport {

    public static final Locale SPANISH = Locale.forLanguageTag("es");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(SPANISH, ENGLISH);

    private static final String BUNDLE = "i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle bundle;
    private final ResourceBundle spanish;

    private Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, Texts.class.getClassLoader(), NO_FALLBACK);
        this.spanish = ResourceBundle.getBundle(BUNDLE, SPANISH, Texts.class.getClassLoader(), NO_FALLBACK);
    }

    private static final Texts ES = new Texts(SPANISH);
    private static final Texts EN = new Texts(ENGLISH);

    /** The supported language closest to a BCP 47 tag such as Moodle's "en" or Canvas's "es-419". */
    public static Texts forTag(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return ES;
        }
        String language = Locale.forLanguageTag(languageTag.replace('_', '-')).getLanguage();
        return "en".equals(language) ? EN : ES;
    }

    /** The first supported language of an Accept-Language header, Spanish when none. */
    public static Texts forAcceptLanguage(String header) {
        if (header != null && !header.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    String language = range.getRange().split("-")[0];
                    if ("es".equals(language)) return ES;
                    if ("en".equals(language)) return EN;
                }
            } catch (IllegalArgumentException malformed) {
                return ES;
            }
        }
        return ES;
    }

    public Locale locale() {
        return locale;
    }

    /** The language tag for the page's lang attribute. */
    public String lang() {
        return locale.getLanguage();
    }

    @Override
    public String lookup(String key) {
        return get(key);
    }

    /** True when the key names a text, for values that arrive in a query string (?notice=...). */
    public boolean has(String key) {
        return spanish.containsKey(key);
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException missing) {
            return spanish.getString(key);
        }
    }

    /** Each text's pattern parsed once: a page such as the cohort's formats hundreds of cells. */
    private final java.util.Map<String, java.text.MessageFormat> patterns = new java.util.concurrent.ConcurrentHashMap<>();

    public String format(String key, Object... args) {
        // A MessageFormat is not safe to share between threads: each use formats with its own copy. Numbers
        // in the reader's locale ("65.536" in Spanish), not the server's.
        java.text.MessageFormat parsed = patterns.computeIfAbsent(key, k -> new java.text.MessageFormat(get(k), locale()));
        return ((java.text.MessageFormat) parsed.clone()).format(args);
    }
}
