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
        java.text.MessageFormat parsed = patterns.computeIfAbsent(key, k -> new java.text.MessageFormat(get(k), formats()));
        return ((java.text.MessageFormat) parsed.clone()).format(args);
    }

    /**
     * Spanish alphabetical order (ñ after n, accents after their letter, case aside), for names of
     * people, teams and institutions; a database's byte order puts "Ñandutí" after "Yacyretá".
     */
    public static final java.util.Comparator<String> ALPHABETICAL = alphabetical();

    private static java.util.Comparator<String> alphabetical() {
        java.text.Collator collator = java.text.Collator.getInstance(SPANISH);
        collator.setStrength(java.text.Collator.SECONDARY);
        return java.util.Comparator.nullsLast(collator::compare);
    }

    /** Where numbers and dates are written as Paraguay writes them (CLDR es-PY: 4.096,5; 01/12/2026; 14:30). */
    private static final Locale PARAGUAY = Locale.forLanguageTag("es-PY");

    private Locale formats() {
        return "es".equals(lang()) ? PARAGUAY : locale;
    }

    /** A day: 01/12/2026 in Spanish, Dec 1, 2026 in English. */
    public String date(java.time.LocalDate day) {
        if (day == null) return "";
        return ("es".equals(lang()) ? java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy", PARAGUAY)
                : java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(locale)).format(day);
    }

    /** A day written out: martes, 1 de diciembre de 2026. */
    public String longDate(java.time.LocalDate day) {
        if (day == null) return "";
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.FULL).withLocale(formats()).format(day);
    }

    /** A time of day: 14:30 in Spanish (24 h), 2:30 PM in English. */
    public String time(java.time.LocalTime at) {
        if (at == null) return "";
        return ("es".equals(lang()) ? java.time.format.DateTimeFormatter.ofPattern("HH:mm", PARAGUAY)
                : java.time.format.DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.SHORT).withLocale(locale)).format(at);
    }

    /** A moment in the given zone (the course's): 01/12/2026 14:30. */
    public String dateTime(java.time.Instant at, java.time.ZoneId zone) {
        if (at == null) return "";
        java.time.ZonedDateTime there = at.atZone(zone);
        return date(there.toLocalDate()) + " " + time(there.toLocalTime());
    }

    /** The zone's name where it matters: "hora de Paraguay", "Paraguay Time". */
    public String zoneName(java.time.ZoneId zone) {
        return zone.getDisplayName(java.time.format.TextStyle.FULL, formats());
    }

    /**
     * A number as the reader types it: "4.500,50" or "15.000" in Spanish, "4,500.50" in English, and
     * plain "4500.5" in either. Throws NumberFormatException for anything else.
     */
    public java.math.BigDecimal parseNumber(String typed) {
        String n = typed == null ? "" : typed.strip().replace(" ", "").replace("\u00a0", "");
        boolean spanish = "es".equals(lang());
        char group = spanish ? '.' : ',';
        char decimal = spanish ? ',' : '.';
        if (n.indexOf(decimal) >= 0 || n.matches("-?\\d{1,3}(\\" + group + "\\d{3})+")) {
            n = n.replace(String.valueOf(group), "").replace(decimal, '.');
        }
        return new java.math.BigDecimal(n);
    }

    /** An amount of money: whole amounts without decimals (15.000), others with two (4.500,50). */
    public String money(java.math.BigDecimal amount) {
        java.text.NumberFormat format = java.text.NumberFormat.getInstance(formats());
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        format.setMinimumFractionDigits(whole ? 0 : 2);
        format.setMaximumFractionDigits(whole ? 0 : 2);
        return format.format(amount);
    }

    /** A number: 4.096,5 in Spanish, 4,096.5 in English. */
    public String number(Number n) {
        return java.text.NumberFormat.getInstance(formats()).format(n);
    }
}
