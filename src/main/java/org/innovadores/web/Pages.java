package org.innovadores.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Renders the server-side pages. Templates (src/main/jte) are compiled to Java classes at build
 * time, so a page costs no parsing at run time, and every expression is HTML-escaped.
 */
@ApplicationScoped
public class Pages {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(
            null, ContentType.Html, Pages.class.getClassLoader(), "gg.jte.generated.precompiled");

    /** @param template a path under src/main/jte, e.g. "lti/home.jte" */
    public String render(String template, Object model) {
        StringOutput output = new StringOutput(4096);
        engine.render(template, model, output);
        return output.toString();
    }

    /** A template with several parameters (a fragment such as an exercise's pictures), by name. */
    public String render(String template, java.util.Map<String, Object> parameters) {
        StringOutput output = new StringOutput(2048);
        engine.render(template, parameters, output);
        return output.toString();
    }
}
