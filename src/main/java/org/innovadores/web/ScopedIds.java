package org.innovadores.web;

import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Keeps ids unique on a page that repeats a fragment: a portfolio shows many exercises, each
 * drawn by the same templates with the same field ids. Every id inside each scope (an element
 * with an id of its own) gets that id as a prefix, and so does every reference to it from inside
 * the scope, so labels, captions and descriptions still point at their own element.
 */
public final class ScopedIds {

    private static final String[] REFERENCES = {"for", "aria-labelledby", "aria-describedby", "aria-controls", "headers", "list"};

    private ScopedIds() {
    }

    public static String scope(String html, String scopeSelector) {
        Document doc = Jsoup.parse(html);
        doc.outputSettings().prettyPrint(false);
        for (Element scope : doc.select(scopeSelector)) {
            String prefix = scope.id() + "-";
            Map<String, String> renamed = new HashMap<>();
            for (Element e : scope.select("[id]")) {
                if (e == scope) continue;
                renamed.put(e.id(), prefix + e.id());
                e.id(prefix + e.id());
            }
            for (Element e : scope.getAllElements()) {
                for (String attribute : REFERENCES) {
                    if (!e.hasAttr(attribute)) continue;
                    StringBuilder out = new StringBuilder();
                    for (String id : e.attr(attribute).trim().split("\\s+")) {
                        if (!out.isEmpty()) out.append(' ');
                        out.append(renamed.getOrDefault(id, id));
                    }
                    e.attr(attribute, out.toString());
                }
                String href = e.attr("href");
                if (href.startsWith("#") && renamed.containsKey(href.substring(1))) e.attr("href", "#" + renamed.get(href.substring(1)));
            }
        }
        return doc.outerHtml();
    }
}
