package org.innovadores.program;

import java.util.List;
import java.util.function.UnaryOperator;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Authored Markdown to safe HTML. CommonMark renders it (tables included; raw HTML passes through
 * to the next step so authors can still write a {@code <span lang="en">}), then jsoup's allow-list
 * cleaner keeps only formatting elements and http(s), mailto and same-site URLs: no script, no
 * event handler, no style, no {@code javascript:} link survives.
 */
public final class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true).build();
    /** Relative URLs must stay relative; jsoup checks them against this base. */
    private static final String BASE = "https://tool.invalid/";
    /** Where the tool serves the files attached to modules. */
    static final String ATTACHMENTS = "/course/files/";

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addAttributes(":all", "lang", "title")
            .addAttributes("th", "scope")
            .addTags("hr", "figure", "figcaption", "abbr", "mark", "s", "del", "ins", "details", "summary")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer")
            .preserveRelativeLinks(true);

    private Markdown() {
    }

    /** Safe HTML for a Markdown text. */
    public static String toHtml(String markdown) {
        return toHtml(markdown, UnaryOperator.identity());
    }

    /**
     * Safe HTML, with links and images to the tool's attachments passed through {@code ownLink} (which
     * adds the session token where the browser refuses the tool's cookie).
     */
    public static String toHtml(String markdown, UnaryOperator<String> ownLink) {
        if (markdown == null || markdown.isBlank()) return "";
        String html = RENDERER.render(PARSER.parse(markdown));
        Document dirty = Jsoup.parseBodyFragment(html, BASE);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        for (Element link : clean.select("a[href^=" + ATTACHMENTS + "]")) {
            link.attr("href", ownLink.apply(link.attr("href")));
        }
        for (Element image : clean.select("img[src^=" + ATTACHMENTS + "]")) {
            image.attr("src", ownLink.apply(image.attr("src")));
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
