package org.innovadores.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * The interface speaks through the message bundles only: every text key the code and templates name
 * exists in Spanish and English, and no template or page script carries interface words of its own.
 */
class TemplateTextsTest {

    private static final Path SOURCES = Path.of(System.getProperty("project.dir", "."), "src", "main");
    private static final Pattern KEY = Pattern.compile("(?:get|format)\\(\"([a-zA-Z][\\w.]*[\\w])\"");
    /** Words that are the same in every language, or names in their own language by design. */
    private static final Set<String> ALLOWED = Set.of("Español", "English", "UTC", "https://", "es", "JWT");

    @Test
    void everyKeyTheCodeNamesExistsInBothLanguages() throws IOException {
        Properties es = load("es");
        Properties en = load("en");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".jte")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1);
                    if (!key.contains(".")) continue; // JSON field names read with the same method names
                    if (!es.containsKey(key) || !en.containsKey(key)) missing.add(file.getFileName() + ": " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * A message with arguments is a MessageFormat pattern, where a lone apostrophe starts a quote: "the
     * course's time zone ({0})" would print "the courses time zone ({0})". It must be written twice.
     */
    @Test
    void apostrophesInMessagesWithArgumentsAreDoubled() throws IOException {
        List<String> found = new ArrayList<>();
        for (String language : List.of("es", "en")) {
            Properties texts = load(language);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (text.contains("{") && text.replace("''", "").contains("'")) found.add(language + " " + key + ": " + text);
            }
            // And the Spanish speaks to people as usted: no tú forms left in the interface.
            if (language.equals("es")) {
                for (String key : texts.stringPropertyNames()) {
                    if (texts.getProperty(key).matches("(?s).*\\b(tienes|puedes|Vuelve a|Inténtalo|Elige|Pide|Corrige|perteneces|guardes|Tu|tu)\\b.*")) {
                        found.add("es " + key + " (tú): " + texts.getProperty(key));
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void templatesHaveNoInterfaceWordsOfTheirOwn() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve("jte"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jte")).toList()) {
                String html = markup(Files.readString(file));
                for (Element element : Jsoup.parseBodyFragment(html).getAllElements()) {
                    // Code samples (protocol field names) are not interface words.
                    if (!element.tagName().equals("code")) {
                        for (TextNode text : element.textNodes()) check(file, text.text(), found);
                    }
                    for (String attribute : List.of("title", "alt", "placeholder", "aria-label", "label")) {
                        if (element.hasAttr(attribute)) check(file, element.attr(attribute), found);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** A line of a page script that puts text on the page; the text must come from the page (data-* attributes). */
    private static final Pattern SHOWS_TEXT = Pattern.compile("textContent\\s*=|innerText\\s*=|innerHTML\\s*=|\\bsay\\(|alert\\(");
    private static final Pattern LITERAL_WITH_WORDS = Pattern.compile("'([^']*\\p{L}[^']*)'|\"([^\"]*\\p{L}[^\"]*)\"");

    @Test
    void scriptsShowOnlyTextsThePageGaveThem() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES.resolve("resources").resolve("static"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!SHOWS_TEXT.matcher(line).find()) continue;
                    Matcher literal = LITERAL_WITH_WORDS.matcher(line);
                    while (literal.find()) found.add(file.getFileName() + ": " + literal.group());
                }
            }
        }
        assertThat(found).isEmpty();
        assertThat(LITERAL_WITH_WORDS.matcher("status.textContent = 'Guardado';").find()).as("the check itself").isTrue();
    }

    @Test
    void theCheckSeesAWordWrittenIntoATemplateButNotItsCode() {
        String template = "@import x.Y\n@param Y p\n@template.web.layout(page = p.page(), content = @`\n"
                + "<h1>${p.t().get(\"a.b\")}</h1>\n@if(p.ok())<p title=\"Guardar\">Hola</p>@endif\n!{var n = \"Adiós\";}\n`)";
        List<String> found = new ArrayList<>();
        for (Element element : Jsoup.parseBodyFragment(markup(template)).getAllElements()) {
            for (TextNode text : element.textNodes()) check(Path.of("t.jte"), text.text(), found);
            if (element.hasAttr("title")) check(Path.of("t.jte"), element.attr("title"), found);
        }
        assertThat(found).containsExactlyInAnyOrder("t.jte: \"Hola\"", "t.jte: \"Guardar\"");
    }

    private static void check(Path file, String text, List<String> found) {
        String words = text.strip();
        if (words.isEmpty() || ALLOWED.contains(words)) return;
        if (words.codePoints().anyMatch(Character::isLetter)) found.add(file.getFileName() + ": \"" + words + "\"");
    }

    /** The template's markup with its code taken out: expressions, directives, declarations. */
    static String markup(String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if ((c == '$' || c == '!') && i + 1 < template.length() && template.charAt(i + 1) == '{') {
                i = skipBraces(template, i + 1);
            } else if (c == '$' && template.startsWith("$unsafe{", i)) {
                i = skipBraces(template, i + 7);
            } else if (c == '@') {
                int j = i + 1;
                while (j < template.length() && (Character.isLetterOrDigit(template.charAt(j)) || template.charAt(j) == '.' || template.charAt(j) == '-')) j++;
                String directive = template.substring(i + 1, j);
                if (directive.equals("import") || directive.equals("param")) {
                    j = template.indexOf('\n', j);
                    i = j < 0 ? template.length() : j;
                } else if (j < template.length() && template.charAt(j) == '(') {
                    int end = skipParens(template, j);
                    int content = template.indexOf("@`", j);
                    // A template call that passes markup (the layout's content = @`...`): read on inside it.
                    i = directive.startsWith("template.") && content > 0 && content < end ? content + 2 : end;
                } else {
                    i = j;
                }
            } else if (c == '`' && i + 1 < template.length() && template.charAt(i + 1) == ')') {
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int skipBraces(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '{') depth++;
            else if (s.charAt(i) == '}' && --depth == 0) return i + 1;
        }
        return s.length();
    }

    private static int skipParens(String s, int open) {
        int depth = 0;
        boolean string = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && s.charAt(i - 1) != '\\') string = !string;
            if (string) continue;
            if (c == '`') return s.length(); // markup passed as a parameter: handled by the caller
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i + 1;
        }
        return s.length();
    }

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TemplateTextsTest.class.getResourceAsStream("/i18n/messages_" + language + ".properties")) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
